import Foundation
import XCTest

@testable import LinkGraphAlgorithms

/// The compact storage for big graphs: labels as numbers or bytes, edges as one arc index,
/// in-arc weights through their out-arc, and the chunked file reader. Each is checked
/// against the plain representation it replaces (a `[String]`, explicit edge arrays, the
/// whole text parsed at once).
final class CompactStorageTests: XCTestCase {
    func testVertexLabels_numbersAndTextLookUpAsAStringArrayWould() throws {
        var generator = SeededGenerator(seed: 7)
        var plain: [String] = []
        var seen = Set<String>()
        // Canonical numbers, padded numbers (text), numbers over the limit, names, non-ASCII.
        while plain.count < 5000 {
            let label: String
            switch Int.random(in: 0..<5, using: &generator) {
            case 0: label = String(Int.random(in: 0..<100_000, using: &generator))
            case 1: label = "0" + String(Int.random(in: 0..<1000, using: &generator))
            case 2: label = String(Int.random(in: 1 << 27..<1 << 30, using: &generator))
            case 3: label = "name \(Int.random(in: 0..<100_000, using: &generator))"
            default: label = "Zoë-\(Int.random(in: 0..<100_000, using: &generator))"
            }
            if seen.insert(label).inserted { plain.append(label) }
        }
        let labels = try VertexLabels(distinct: plain)
        XCTAssertEqual(Array(labels), plain)
        for (i, label) in plain.enumerated() {
            XCTAssertEqual(labels.vertex(labeled: label), Int32(i), label)
        }
        for absent in ["", "00", "-1", "name", "Zoë", "100000", "1000000000"] where !seen.contains(absent) {
            XCTAssertNil(labels.vertex(labeled: absent), absent)
        }
        XCTAssertThrowsError(try VertexLabels(distinct: ["7", "x", "7"]))
        XCTAssertThrowsError(try VertexLabels(distinct: ["x", "007", "x"]))
        XCTAssertNoThrow(try VertexLabels(distinct: ["7", "07", "007"]), "a padded number is another label")
    }

    /// Edge endpoints and weights, derived from the arcs, equal the edges given, for directed
    /// and undirected graphs with self-loops and parallel edges.
    func testEdgeAccessors_equalTheEdgesGiven() throws {
        var generator = SeededGenerator(seed: 11)
        for directed in [true, false] {
            let n = 40
            let edges = (0..<300).map { _ in
                Digraph.EdgeSpec(
                    source: Int32.random(in: 0..<Int32(n), using: &generator),
                    target: Int32.random(in: 0..<Int32(n), using: &generator),
                    weight: Double(Int.random(in: 1...9, using: &generator)))
            }
            let graph = try Digraph(
                labels: (0..<n).map { "v\($0)" }, edges: edges, directed: directed, weighting: .given)
            XCTAssertEqual(graph.edgeCount, edges.count)
            let arrays = graph.edgeArrays()
            for (e, spec) in edges.enumerated() {
                XCTAssertEqual(graph.source(ofEdge: e), spec.source)
                XCTAssertEqual(graph.target(ofEdge: e), spec.target)
                XCTAssertEqual(graph.weight(ofEdge: e), spec.weight)
                XCTAssertEqual(arrays.sources[e], spec.source)
                XCTAssertEqual(arrays.targets[e], spec.target)
                XCTAssertEqual(arrays.weights?[e], spec.weight)
            }
            // Every in-arc's weight (through its out-arc) is its edge's.
            let inWeights = try XCTUnwrap(graph.inArcWeights())
            for v in graph.vertices {
                let row = graph.inOffsets[Int(v)]..<graph.inOffsets[Int(v) + 1]
                for i in row {
                    let a = graph.forwardArc(ofInArc: i)
                    XCTAssertEqual(inWeights[i], edges[graph.edge(ofArc: a)].weight)
                }
            }
            XCTAssertEqual(graph.edgeSpecs.map { [$0.source, $0.target] }, edges.map { [$0.source, $0.target] })
        }
    }

    /// A file of several chunks parses to the same graph as its text parsed at once: lines
    /// cross chunk boundaries, a leading comment is longer than a chunk (the delimiter is
    /// still decided from the first edge line), and one label is longer than a chunk.
    func testEdgeListFile_manyChunks_equalsTheWholeText() throws {
        var text = "# " + String(repeating: "c", count: EdgeListFile.chunk + 17) + "\n\n"
        var generator = SeededGenerator(seed: 3)
        let long = String(repeating: "L", count: EdgeListFile.chunk + 5)
        text += "Abu Bakr\tUmm Salama\t2.5\n"
        for i in 0..<120_000 {
            let u = Int.random(in: 0..<5000, using: &generator)
            let v = i == 60_000 ? long : "n \(Int.random(in: 0..<5000, using: &generator))"
            text += "\(u)\t\(v)\t\(Double(Int.random(in: 1...999, using: &generator)) / 8)\n"
        }
        text += "last\tone\t1"  // no final newline
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chunks-\(UUID()).txt")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }

        let streamed = try Digraph(edgeListAt: url.path, directed: true)
        let whole = try Digraph(edgeList: text, directed: true)
        XCTAssertGreaterThan(text.utf8.count, 2 * EdgeListFile.chunk)
        XCTAssertEqual(streamed.labels, whole.labels)
        XCTAssertEqual(streamed.edgeSpecs, whole.edgeSpecs)
        XCTAssertEqual(streamed.vertexIfPresent(labeled: long), whole.vertexIfPresent(labeled: long))
        XCTAssertEqual(streamed.edgeCount, 120_002)
        XCTAssertEqual(streamed.label(of: 0), "Abu Bakr")
    }

    /// An error past the first chunk names the line counted over the whole file.
    func testEdgeListFile_errorAfterTheFirstChunk_namesTheFileLine() throws {
        let good = "12345 67890\n"  // 12 bytes
        let lines = EdgeListFile.chunk / good.utf8.count + 100
        let text = String(repeating: good, count: lines) + "1 2 3 4\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID()).txt")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertThrowsError(try Digraph(edgeListAt: url.path, directed: false)) { error in
            guard case .edgeListSyntax(let file, let line, _) = error as? AlgorithmError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(file, url.path)
            XCTAssertEqual(line, lines + 1)
        }
    }

    /// Progress: betweenness and closeness report sources done, rising to all of them, and
    /// the scores are those of a run without a handler; PageRank reports each iteration with
    /// its residual, the last one below the stopping threshold.
    func testProgress_sourcesAndIterations_reportedWithoutChangingResults() throws {
        let f = try Fixtures.load("random-disconnected")
        let graph = f.graph
        let n = graph.vertexCount
        for threads in [1, 2] {
            var seen: [AlgorithmProgress] = []
            let scores = try graph.betweenness(threads: threads) { seen.append($0) }
            XCTAssertEqual(scores.values, try graph.betweenness(threads: threads).values)
            XCTAssertEqual(seen.map(\.done), seen.map(\.done).sorted())
            XCTAssertEqual(seen.last?.done, n)
            XCTAssertEqual(seen.count, min(64, n))
            XCTAssertTrue(seen.allSatisfy { $0.total == n && $0.residual == nil })

            var closeness: [AlgorithmProgress] = []
            let c = try graph.closeness(threads: threads) { closeness.append($0) }
            XCTAssertEqual(c.values, try graph.closeness(threads: threads).values)
            XCTAssertEqual(closeness.last?.done, n)
        }
        var steps: [AlgorithmProgress] = []
        let rank = try graph.pageRank(tolerance: 1e-10) { steps.append($0) }
        XCTAssertEqual(rank.values, try graph.pageRank(tolerance: 1e-10).values)
        XCTAssertEqual(steps.map(\.done), Array(1...(rank.iterations ?? 0)))
        XCTAssertTrue(steps.allSatisfy { $0.total == 100 })
        XCTAssertLessThan(try XCTUnwrap(steps.last?.residual), Double(n) * 1e-10)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(steps.first?.residual), Double(n) * 1e-10)
    }
}
