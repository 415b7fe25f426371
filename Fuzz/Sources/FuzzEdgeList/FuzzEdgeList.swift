import CLibFuzzer
import LinkGraphAlgorithms

/// The edge-list reader (`u v [weight]` per line).
///
/// The bytes go in as they are, so invalid UTF-8 reaches the reader.
///
/// Oracles: failures are `AlgorithmError`; invalid UTF-8 is refused only when the bytes are not
/// UTF-8, and a graph read from bytes that are not UTF-8 has no label with U+FFFD the bytes
/// did not hold (lenient decoding once made `\xe9` and `\xe8` one vertex); a graph that reads
/// is written with `edgeListText()` and read back equal: the same labels in the same order,
/// the same edges in the same order, the same weights, and the same text when written again.

/// Equal, sign of zero included, or both NaN.
func sameWeight(_ a: Double, _ b: Double) -> Bool { (a == b && a.sign == b.sign) || (a.isNaN && b.isNaN) }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEdgeList(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let isUTF8 = String(validating: bytes, as: UTF8.self) != nil
    let graph: Digraph
    do {
        graph = try Digraph(edgeListBytes: bytes, directed: true, fileName: "fuzz.edges")
    } catch let error as AlgorithmError {
        if case .edgeListSyntax(_, _, let message) = error, message.contains("invalid UTF-8"), isUTF8 {
            fatalError("valid UTF-8 refused: \(error)")
        }
        return 0
    } catch {
        fatalError("untyped error from Digraph(edgeListBytes:): \(error)")
    }
    if !isUTF8 && !bytes.indices.contains(where: { bytes[$0...].starts(with: [0xEF, 0xBF, 0xBD]) }) {
        if let label = graph.labels.first(where: { $0.unicodeScalars.contains("\u{FFFD}") }) {
            fatalError("a label holds U+FFFD that the bytes did not: \(label.debugDescription)")
        }
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
