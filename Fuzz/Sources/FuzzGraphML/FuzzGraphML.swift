import CLibFuzzer
import Foundation
import LinkGraph
import LinkGraphFormats

/// GraphML import as `linkgraph import` does it: `SafeXMLReader` (no DTDs or entities), the
/// GraphML handler (keys, defaults, yEd labels, nested graphs) and the property graph's case.
///
/// Oracles: failures are `FormatError`s naming the file; an imported case is a valid case
/// file (written and read back); the property graph written as GraphML reads back with the
/// same number of nodes and edges.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGraphML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    let graph: PropertyGraph
    do {
        graph = try GraphMLReader.read(bytes, file: "fuzz.graphml")
    } catch let error as FormatError {
        guard error.description.hasPrefix("fuzz.graphml") else { fatalError("message without the file name: \(error)") }
        return 0
    } catch {
        fatalError("untyped error from GraphMLReader.read: \(error)")
    }
    let written = GraphMLWriter.write(graph)
    do {
        let again = try GraphMLReader.read(Data(written.utf8), file: "written.graphml")
        guard again.nodes.count == graph.nodes.count, again.edges.count == graph.edges.count else {
            fatalError("written and read back, the graph has other nodes or edges:\n\(written)")
        }
    } catch {
        fatalError("the written GraphML does not read back: \(error)\n\(written)")
    }
    let imported: CaseImport
    do {
        imported = try graph.caseFile(file: "fuzz.graphml")
    } catch let error as FormatError {
        guard error.description.hasPrefix("fuzz.graphml") else { fatalError("message without the file name: \(error)") }
        return 0
    } catch {
        fatalError("untyped error from PropertyGraph.caseFile: \(error)")
    }
    let json = imported.caseFile.jsonText()
    do {
        _ = try CaseFile(jsonBytes: Array(json.utf8), file: "imported.json")
    } catch {
        fatalError("the imported case is not a valid case file: \(error)\n\(json)")
    }
    return 0
}

/// The entry point: SwiftPM links `main` as `FuzzGraphML_main`; libFuzzer's driver takes over.
@_cdecl("FuzzGraphML_main")
public func libFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzGraphML(data, size) }
}
