import Foundation
import XCTest

@testable import LinkGraphAlgorithms

final class EdgeListTests: XCTestCase {
    func testEdgeList_commentsBlanksAndIsolated_parse() throws {
        let g = try Digraph(
            edgeList: "# header\n a b 2.5 # trailing\n\nb\tc 1\nd\n\r\nc a 0.5\n", directed: true)
        XCTAssertEqual(g.labels, ["a", "b", "c", "d"])
        XCTAssertEqual(g.edgeCount, 3)
        XCTAssertTrue(g.isWeighted)
        XCTAssertEqual(g.weight(ofEdge: 0), 2.5)
        XCTAssertEqual(g.outDegree(of: 3), 0)
        XCTAssertEqual(g.inDegree(of: 0), 1)
    }

    func testEdgeList_numericLabels_keepTheirText() throws {
        let g = try Digraph(edgeList: "10 2\n2 007\n", directed: false)
        XCTAssertEqual(g.labels, ["10", "2", "007"])
        XCTAssertEqual(try g.vertex(labeled: "007"), 2)
    }

    func testEdgeList_tooManyFields_throwsWithLine() {
        XCTAssertThrowsError(try Digraph(edgeList: "a b\nb c 1 2\n", directed: true)) { error in
            guard case .edgeListSyntax(nil, 2, let message) = error as? AlgorithmError else {
                return XCTFail("\(error)")
            }
            XCTAssertTrue(message.contains("4 fields"))
            XCTAssertTrue("\(error)".hasPrefix("edge list:2:"))
        }
    }

    func testEdgeList_tsvWithMultiWordNames_matchesNetworkX() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/hijackers.tsv")
        let g = try Digraph(edgeListAt: file.path, directed: false)
        // networkx.read_edgelist(path, delimiter="\t"): 8 nodes, 8 edges.
        XCTAssertEqual(g.vertexCount, 8)
        XCTAssertEqual(g.edgeCount, 8)
        XCTAssertEqual(g.labels.first, "Hani Hanjour")
        let from = try g.vertex(labeled: "Ziad Jarrah"), to = try g.vertex(labeled: "Khalid al-Mihdhar")
        let path = try g.shortestPath(from: from, to: to)
        XCTAssertEqual(
            path.vertices.map { g.label(of: $0) },
            ["Ziad Jarrah", "Marwan al-Shehhi", "Mohamed Atta", "Hani Hanjour", "Nawaf al-Hazmi", "Khalid al-Mihdhar"])
        // networkx.betweenness_centrality(G)["Hani Hanjour"]
        XCTAssertEqual(try g.betweenness()[g.vertex(labeled: "Hani Hanjour")], 0.6190476190476191, accuracy: 1e-12)
    }

    func testEdgeList_tabInFirstEdgeLine_splitsAtTabsOnly() throws {
        let text = "# names\n Abu Bakr \tUmm Salama\t2\nUmm Salama\tIbn Sina\t0.5\nlone one\n"
        let g = try Digraph(edgeList: text, directed: true)
        XCTAssertEqual(g.labels, ["Abu Bakr", "Umm Salama", "Ibn Sina", "lone one"])
        XCTAssertEqual(g.weight(ofEdge: 1), 0.5)
        let spaces = try Digraph(edgeList: "a b\nb\tc\n", directed: true)
        XCTAssertEqual(spaces.labels, ["a", "b", "c"], "a first edge line without a tab keeps spaces as separators")
        XCTAssertEqual(try Digraph(edgeList: "a b c\n", directed: true, delimiter: .tab).labels, ["a b c"])
        let forced = try Digraph(edgeList: "x\ty\nlone one\n", directed: true, delimiter: .whitespace)
        XCTAssertEqual(forced.labels, ["x", "y", "lone", "one"])
    }

    func testEdgeList_namesWithSpacesWithoutTabs_errorSaysWhichDelimiter() throws {
        XCTAssertThrowsError(try Digraph(edgeList: "Hani Hanjour Majed Moqed\n", directed: false)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("found 4 fields (fields split at spaces and tabs"), message)
        }
        XCTAssertThrowsError(try Digraph(edgeList: "a\tb\tc\td\n", directed: false)) { error in
            XCTAssertTrue("\(error)".contains("found 4 fields (fields split at tabs"), "\(error)")
        }
        let bytes = Array("a b\tc d\n".utf8)
        XCTAssertEqual(try Digraph(edgeListBytes: bytes, directed: false, fileName: "x.TSV").labels, ["a b", "c d"])
        let tsvWithoutTabs = Array("Hani Hanjour\n".utf8)
        let single = try Digraph(edgeListBytes: tsvWithoutTabs, directed: false, fileName: "x.tsv")
        XCTAssertEqual(single.labels, ["Hani Hanjour"])
    }

    func testEdgeList_badWeight_throwsWithLine() {
        XCTAssertThrowsError(try Digraph(edgeList: "a b 1\n\nb c heavy\n", directed: true)) { error in
            guard case .edgeListSyntax(_, 3, let message) = error as? AlgorithmError else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("heavy"))
        }
    }

    func testEdgeList_mixedWeightColumn_throwsWithLine() {
        XCTAssertThrowsError(try Digraph(edgeList: "a b 1\nb c\n", directed: true)) { error in
            guard case .edgeListSyntax(_, 2, _) = error as? AlgorithmError else { return XCTFail("\(error)") }
        }
    }

    func testEdgeList_missingFile_throwsInvalidArgument() {
        XCTAssertThrowsError(try Digraph(edgeListAt: "/nonexistent/graph.txt", directed: true)) { error in
            guard case .invalidArgument(let m) = error as? AlgorithmError else { return XCTFail("\(error)") }
            XCTAssertTrue(m.contains("/nonexistent/graph.txt"))
        }
    }

    func testEdgeList_roundTrip_equalGraph() throws {
        let f = try Fixtures.load("random-disconnected")
        let again = try Digraph(edgeList: f.graph.edgeListText(), directed: false)
        XCTAssertEqual(Set(again.labels), Set(f.graph.labels))
        XCTAssertEqual(again.edgeCount, f.graph.edgeCount)
        XCTAssertEqual(try again.betweenness().byLabel(in: again), try f.graph.betweenness().byLabel(in: f.graph))
    }

    /// Vertex numbers survive too: an isolated vertex or an edge that names its vertices out
    /// of turn is preceded by declarations (found by the fuzzing harness's oracle), and a graph
    /// read from an edge list is written back line for line.
    func testEdgeListText_readsBackWithTheSameVertexNumbersAndEdges() throws {
        var generator = SystemRandomNumberGenerator()
        var cases: [Digraph] = [
            try Digraph(
                labels: ["iso", "a", "b", "c"], edges: [.init(source: 3, target: 1), .init(source: 1, target: 2)],
                directed: true),
            try Digraph(labels: ["x", "y"], edges: [.init(source: 1, target: 1)], directed: false),
            try Digraph(labels: ["p", "q", "r"], edges: [.init(source: 0, target: 2)], directed: true),
        ]
        for _ in 0..<50 {
            let n = Int.random(in: 1...12, using: &generator)
            let edges = (0..<Int.random(in: 0...20, using: &generator)).map { _ in
                Digraph.EdgeSpec(
                    source: Int32.random(in: 0..<Int32(n), using: &generator),
                    target: Int32.random(in: 0..<Int32(n), using: &generator))
            }
            cases.append(
                try Digraph(
                    labels: (0..<n).map { "v\($0)" }.shuffled(using: &generator), edges: edges,
                    directed: Bool.random(using: &generator)))
        }
        for graph in cases {
            let text = graph.edgeListText()
            let again = try Digraph(edgeList: text, directed: graph.isDirected)
            XCTAssertEqual(again.labels, graph.labels, text)
            XCTAssertEqual(again.edgeArrays().sources, graph.edgeArrays().sources, text)
            XCTAssertEqual(again.edgeArrays().targets, graph.edgeArrays().targets, text)
            XCTAssertEqual(again.edgeListText(), text, "written again line for line")
        }
        let read = try Digraph(edgeList: "a b\nb c\nd\nc a\n", directed: true)
        XCTAssertEqual(read.edgeListText(), "a b\nb c\nc a\nd\n")
    }

    func testDigraph_undirectedStorage_twoArcsPerEdgeOneForSelfLoop() throws {
        let g = try Digraph(
            labels: ["a", "b"], edges: [.init(source: 0, target: 1), .init(source: 1, target: 1)], directed: false)
        XCTAssertEqual(g.arcCount, 3)
        XCTAssertEqual(g.degrees(), [1, 3])
        XCTAssertEqual(Array(g.predecessors(of: 0)), [1])
    }

    func testDigraph_duplicateLabel_throws() {
        XCTAssertThrowsError(try Digraph(labels: ["a", "a"], edges: [], directed: true))
    }

    func testDigraph_endpointOutOfRange_throws() {
        XCTAssertThrowsError(try Digraph(labels: ["a"], edges: [.init(source: 0, target: 5)], directed: true))
    }

    func testStrongComponents_millionVertexPath_noStackOverflow() throws {
        let n = 1_000_000
        var text = ""
        text.reserveCapacity(n * 14)
        for i in 0..<(n - 1) { text += "\(i) \(i + 1)\n" }
        text += "\(n - 1) 0\n"
        let g = try Digraph(edgeList: text, directed: true)
        let scc = g.strongComponents()
        XCTAssertEqual(scc.count, 1)
        XCTAssertEqual(g.weakComponents().count, 1)
        XCTAssertEqual(g.coreNumbers().max(), 2)
    }
}

final class EdgeListWeightParsingTests: XCTestCase {
    /// The fast decimal path must give exactly what Double(String) gives.
    func testFastDecimal_randomDecimals_equalDoubleInit() throws {
        var rng = SeededGenerator(seed: 3)
        var lines: [String] = []
        var expected: [Double] = []
        for i in 0..<5000 {
            let digits = Int.random(in: 1...15, using: &rng)
            var text = String(UInt64.random(in: 0...UInt64(9_999_999_999_999_99), using: &rng))
            text = String(text.prefix(digits))
            let dot = Int.random(in: 0...text.count, using: &rng)
            if dot < text.count { text.insert(".", at: text.index(text.startIndex, offsetBy: dot)) }
            if i % 3 == 0 { text = "-" + text }
            if text.hasSuffix("-") || text == "." || text == "-." { continue }
            lines.append("a\(i) b\(i) \(text)")
            expected.append(Double(text)!)
        }
        lines.append("x y 1e-3")
        expected.append(0.001)
        lines.append("x z 12345678901234567890.5")
        expected.append(12345678901234567890.5)
        let g = try Digraph(edgeList: lines.joined(separator: "\n"), directed: true)
        for e in 0..<g.edgeCount { XCTAssertEqual(g.weight(ofEdge: e), expected[e], lines[e]) }
    }
}
