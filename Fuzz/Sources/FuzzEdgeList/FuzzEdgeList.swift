import CLibFuzzer
import LinkGraphAlgorithms

/// The edge-list reader (`u v [weight]` per line).
///
/// Oracles: failures are `AlgorithmError`; a graph that reads is written with
/// `edgeListText()` and read back with the same vertices and edges.
func labels(_ graph: Digraph) -> [String] { graph.vertices.map { graph.label(of: $0) } }

/// Every arc as "u v", sorted.
func arcs(_ graph: Digraph) -> [String] {
    graph.edgeListText().split(separator: "\n").filter { $0.contains(" ") }.map(String.init).sorted()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEdgeList(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let graph: Digraph
    do {
        graph = try Digraph(edgeList: text, directed: true)
    } catch is AlgorithmError {
        return 0
    } catch {
        fatalError("untyped error from Digraph(edgeList:): \(error)")
    }
    let written = graph.edgeListText()
    do {
        let again = try Digraph(edgeList: written, directed: true)
        // The same vertices and arcs by label (isolated vertices are written last, so the
        // numbering may differ).
        guard Set(labels(again)) == Set(labels(graph)), again.vertexCount == graph.vertexCount,
            arcs(again) == arcs(graph)
        else { fatalError("written and read back, the edge list differs:\n\(written)") }
    } catch {
        fatalError("the written edge list does not read back: \(error)\n\(written)")
    }
    return 0
}

/// The entry point: SwiftPM links `main` as `FuzzEdgeList_main`; libFuzzer's driver takes over.
@_cdecl("FuzzEdgeList_main")
public func libFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzEdgeList(data, size) }
}
