import CLibFuzzer
import LinkGraph

/// The case-file reader: strict JSON (`JSONParser`) and the decoder with its JSON paths.
///
/// Oracles beyond "no crash": every failure is a `CaseFileError` whose message starts with the
/// file's name, and every case that reads is written and read back to an equal case.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCaseFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let caseFile: CaseFile
    do {
        caseFile = try CaseFile(jsonBytes: bytes, file: "fuzz.json")
    } catch let error as CaseFileError {
        guard error.description.hasPrefix("fuzz.json") else { fatalError("message without the file name: \(error)") }
        return 0
    } catch {
        fatalError("untyped error from CaseFile(jsonBytes:): \(error)")
    }
    let text = caseFile.jsonText()
    do {
        let again = try CaseFile(jsonBytes: Array(text.utf8), file: "written.json")
        guard again == caseFile else { fatalError("written and read back, the case differs:\n\(text)") }
    } catch {
        fatalError("the written case does not read back: \(error)\n\(text)")
    }
    return 0
}

/// The entry point: SwiftPM links `main` as `FuzzCaseFile_main`; libFuzzer's driver takes over.
@_cdecl("FuzzCaseFile_main")
public func libFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzCaseFile(data, size) }
}
