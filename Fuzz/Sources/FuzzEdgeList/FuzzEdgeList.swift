import CLibFuzzer
import LinkGraphAlgorithms

/// The edge-list reader (`u v [weight]` per line).
///
/// Oracles: failures are `AlgorithmError`; a graph that reads is written with
/// `edgeListText()` and read back equal: the same labels in the same order, the same edges in
/// the same order, the same weights, and the same text when written again.

/// Equal, sign of zero included, or both NaN.
func sameWeight(_ a: Double, _ b: Double) -> Bool { (a == b && a.sign == b.sign) || (a.isNaN && b.isNaN) }

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
        let ends = { (g: Digraph) in (0..<g.edgeCount).map { [g.source(ofEdge: $0), g.target(ofEdge: $0)] } }
        guard again.labels == graph.labels, ends(again) == ends(graph), again.isWeighted == graph.isWeighted,
            (0..<graph.edgeCount).allSatisfy({ sameWeight(again.weight(ofEdge: $0), graph.weight(ofEdge: $0)) }),
            again.edgeListText() == written
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
