import CLibFuzzer
import LinkGraph
import LinkGraphPlugin

/// A plug-in's answer (`Extraction` from JSON bytes, as the subprocess and dynamic-library
/// loaders read it), and on the same bytes a request (`ExtractionRequest`, as a plug-in reads it).
///
/// Oracles: failures are `ExtractionWireError` (requests: typed errors); a valid answer
/// becomes a case-file fragment that is itself a valid case file.
let document = Document(id: "doc-1", title: "fuzz.txt", source: "fuzz.txt")
let documentText = Array("Omar al-Rashid met Dana Keller in Amman in March 2016 and reported to her.".utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPluginResponse(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    do {
        let extraction = try Extraction(jsonBytes: bytes, document: document.id, documentLength: documentText.count)
        let fragment = extraction.caseFile(document: document, extractor: "fuzz", text: documentText)
        let written = fragment.jsonText()
        do {
            _ = try CaseFile(jsonBytes: Array(written.utf8), file: "fragment.json")
        } catch {
            fatalError("a valid answer made an invalid case fragment: \(error)\n\(written)")
        }
    } catch is ExtractionWireError {
    } catch {
        fatalError("untyped error from Extraction(jsonBytes:): \(error)")
    }
    _ = try? ExtractionRequest(jsonBytes: bytes)
    return 0
}

/// The entry point: SwiftPM links `main` as `FuzzPluginResponse_main`; libFuzzer's driver takes over.
@_cdecl("FuzzPluginResponse_main")
public func libFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzPluginResponse(data, size) }
}
