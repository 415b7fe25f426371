import XCTest

@testable import LinkGraphAlgorithms

/// Inputs found by fuzzing the edge-list reader (Fuzz/FuzzEdgeList); see Fuzz/RESULTS.md.
final class EdgeListRegressionTests: XCTestCase {
    /// Fuzzing: `134217727 0` (12 bytes) made the dense table of numeric labels 2^27 slots,
    /// 512 MiB, and two such lines 1 GiB: under AddressSanitizer, 98 inputs a second at 750 MB.
    /// The table is now bounded by twice the input's size (and 2^27), and larger numbers are
    /// interned as text, with the same labels.
    func testHugeNumericLabel_tableStaysProportionalToTheInput() throws {
        let text = "134217727 0\n67108864 1\n99999999 134217727\n"
        var reader = EdgeListReader()
        let bytes = Array(text.utf8)
        try bytes.withUnsafeBufferPointer { try reader.read($0, fileName: "huge.edges") }
        XCTAssertLessThanOrEqual(reader.labels.numberTableCount, max(1 << 16, 2 * bytes.count))

        let graph = try Digraph(edgeList: text, directed: true)
        XCTAssertEqual(graph.labels, ["134217727", "0", "67108864", "1", "99999999"])
        XCTAssertEqual(graph.edgeCount, 3)
        XCTAssertEqual(try graph.vertex(labeled: "134217727"), 0)
    }

    /// Small numbers still go through the table, and the same number is one vertex whichever
    /// way it was interned.
    func testNumericLabels_belowAndAboveTheLimit_areOneVertexEach() throws {
        let text = "5 70000\n70000 5\n5 5\n"
        let graph = try Digraph(edgeList: text, directed: true)
        XCTAssertEqual(graph.labels, ["5", "70000"])
        XCTAssertEqual(graph.edgeCount, 3)
    }
}
