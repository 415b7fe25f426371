import CLibFuzzer
import LinkGraph
import LinkGraphFormats
import LinkGraphGraphviz

/// DOT import as `linkgraph import` does it: the bytes decoded by `DOTText` (charset, UTF-8
/// check), cgraph's parser (`GraphvizDOTParser`, in this process) and `DOTCaseImporter`.
///
/// Oracles: failures are `GraphvizError` or `FormatError` naming the file; an imported case
/// is a valid case file (written and read back).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDOT(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text: String
    do {
        text = try DOTText.decode(Array(UnsafeBufferPointer(start: data, count: size)), file: "fuzz.dot")
    } catch let error as FormatError {
        guard error.description.hasPrefix("fuzz.dot") else { fatalError("message without the file name: \(error)") }
        return 0
    } catch {
        fatalError("untyped error from DOTText.decode: \(error)")
    }
    let graph: DOTGraph
    do {
        graph = try GraphvizDOTParser.parse(text)
    } catch is GraphvizError {
        return 0
    } catch {
        fatalError("untyped error from GraphvizDOTParser.parse: \(error)")
    }
    let imported: CaseImport
    do {
        imported = try DOTCaseImporter.caseFile(graph, file: "fuzz.dot")
    } catch let error as FormatError {
        guard error.description.hasPrefix("fuzz.dot") else { fatalError("message without the file name: \(error)") }
        return 0
    } catch {
        fatalError("untyped error from DOTCaseImporter.caseFile: \(error)")
    }
    let written = imported.caseFile.jsonText()
    do {
        _ = try CaseFile(jsonBytes: Array(written.utf8), file: "imported.json")
    } catch {
        fatalError("the imported case is not a valid case file: \(error)\n\(written)")
    }
    return 0
}

/// The entry point: SwiftPM links `main` as `FuzzDOT_main`; libFuzzer's driver takes over.
@_cdecl("FuzzDOT_main")
public func libFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzDOT(data, size) }
}
