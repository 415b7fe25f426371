import CLibFuzzer
import Foundation
import LinkGraph
import LinkGraphFormats

/// GEXF import as `linkgraph import` does it: `SafeXMLReader` (no DTDs or entities), the
/// GEXF handler (attributes, spells, hierarchy) and the property graph's case.
///
/// Oracles: failures are `FormatError`s naming the file; an imported case is a valid case
/// file (written and read back); the property graph written as GEXF reads back with the
/// same number of nodes and edges.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGEXF(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    let graph: PropertyGraph
    do {
        graph = try GEXFReader.read(bytes, file: "fuzz.gexf")
    } catch let error as FormatError {
        guard error.description.hasPrefix("fuzz.gexf") else { fatalError("message without the file name: \(error)") }
        return 0
    } catch {
        fatalError("untyped error from GEXFReader.read: \(error)")
    }
    let written = GEXFWriter.write(graph)
    do {
        let again = try GEXFReader.read(Data(written.utf8), file: "written.gexf")
        guard again.nodes.count == graph.nodes.count, again.edges.count == graph.edges.count else {
            fatalError("written and read back, the graph has other nodes or edges:\n\(written)")
        }
    } catch {
        fatalError("the written GEXF does not read back: \(error)\n\(written)")
    }
    let imported: CaseImport
    do {
        imported = try graph.caseFile(file: "fuzz.gexf")
    } catch let error as FormatError {
        guard error.description.hasPrefix("fuzz.gexf") else { fatalError("message without the file name: \(error)") }
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

/// The entry point: SwiftPM links `main` as `FuzzGEXF_main`; libFuzzer's driver takes over.
@_cdecl("FuzzGEXF_main")
public func libFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzGEXF(data, size) }
}
