import Foundation
import XCTest

@testable import LinkGraphAlgorithms

/// Cut points, bridges and blocks against NetworkX (expected-cuts.json beside each fixture,
/// and Graphs/random-sparse-cuts), and on million-vertex graphs built here.
final class OracleCutStructureTests: XCTestCase {
    static func expectedCuts(_ name: String) throws -> [String: Any] {
        let url = Fixtures.graphsDirectory.appendingPathComponent(name).appendingPathComponent("expected-cuts.json")
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    private func assertMatches(_ cuts: CutStructure, _ g: Digraph, _ expected: [String: Any], _ tag: String) {
        let points = cuts.articulationPoints.map { g.label(of: $0) }.sorted()
        XCTAssertEqual(points, expected["articulation_points"] as! [String], tag)
        let bridges = cuts.bridges.map { [g.label(of: $0.a), g.label(of: $0.b)].sorted() }
        XCTAssertEqual(Set(bridges), Set(expected["bridges"] as! [[String]]), tag)
        XCTAssertEqual(bridges.count, (expected["bridges"] as! [[String]]).count, tag)
        let blocks = cuts.biconnectedComponents.map { Set($0.map { g.label(of: $0) }) }
        XCTAssertEqual(Set(blocks), Set((expected["biconnected_components"] as! [[String]]).map(Set.init)), tag)
        XCTAssertEqual(blocks.count, (expected["biconnected_components"] as! [[String]]).count, tag)
    }

    func testCutStructure_allFixtures_equalNetworkX() throws {
        for f in try Fixtures.all() {
            assertMatches(f.graph.cutStructure(), f.graph, try Self.expectedCuts(f.name), f.name)
        }
    }

    func testCutStructure_directedFixture_readsUnderlyingUndirectedGraph() throws {
        let f = try Fixtures.load("random-directed")
        let expected = try Self.expectedCuts(f.name)
        XCTAssertFalse((expected["articulation_points"] as! [String]).isEmpty, "the fixture should have cut points")
        XCTAssertEqual(f.graph.cutStructure(), f.graph.undirected().cutStructure())
    }

    func testCutStructure_sparseRandomGraphs_equalNetworkX() throws {
        let url = Fixtures.graphsDirectory.appendingPathComponent("random-sparse-cuts/expected.json")
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let graphs = root["graphs"] as! [[String: Any]]
        XCTAssertEqual(graphs.count, 6)
        var bridgesSeen = 0
        for entry in graphs {
            let n = entry["n"] as! Int
            let edges = (entry["edges"] as! [[Int]]).map {
                Digraph.EdgeSpec(source: Int32($0[0]), target: Int32($0[1]))
            }
            let g = try Digraph(labels: (0..<n).map(String.init), edges: edges, directed: false)
            let cuts = g.cutStructure()
            bridgesSeen += cuts.bridges.count
            assertMatches(cuts, g, entry, "seed \(entry["seed"]!)")
        }
        XCTAssertGreaterThan(bridgesSeen, 50)
    }

    /// Parallel edges and a pair linked both ways are one tie, as in NetworkX's Graph.
    func testCutStructure_parallelEdgesAndSelfLoops_oneTie() throws {
        let g = try Digraph(
            labels: ["a", "b", "c"],
            edges: [
                .init(source: 0, target: 1), .init(source: 1, target: 0), .init(source: 1, target: 2),
                .init(source: 2, target: 2),
            ],
            directed: true)
        let cuts = g.cutStructure()
        XCTAssertEqual(cuts.articulationPoints, [1])
        XCTAssertEqual(cuts.bridges, [.init(0, 1), .init(1, 2)])
        XCTAssertEqual(cuts.biconnectedComponents, [[0, 1], [1, 2]])
    }

    func testCutStructure_millionVertexPath_everyInnerVertexCuts() throws {
        let n = 1_000_000
        let edges = (0..<(n - 1)).map { Digraph.EdgeSpec(source: Int32($0), target: Int32($0 + 1)) }
        let g = try Digraph(labels: (0..<n).map(String.init), edges: edges, directed: false)
        let cuts = g.cutStructure()
        XCTAssertEqual(cuts.articulationPoints.count, n - 2)
        XCTAssertEqual(cuts.articulationPoints.first, 1)
        XCTAssertEqual(cuts.articulationPoints.last, Int32(n - 2))
        XCTAssertEqual(cuts.bridges.count, n - 1)
        XCTAssertEqual(cuts.biconnectedComponents.count, n - 1)
    }

    /// A ladder (two rails joined by rungs) has no cut point and no bridge; a tail of three
    /// vertices hung from one end adds three bridges and three cut points.
    func testCutStructure_millionVertexLadderWithTail_onlyTheTailCuts() throws {
        let half = 500_000
        var edges: [Digraph.EdgeSpec] = []
        for i in 0..<half {
            edges.append(.init(source: Int32(i), target: Int32(half + i)))
            if i + 1 < half {
                edges.append(.init(source: Int32(i), target: Int32(i + 1)))
                edges.append(.init(source: Int32(half + i), target: Int32(half + i + 1)))
            }
        }
        let n = 2 * half + 3
        edges.append(.init(source: Int32(half - 1), target: Int32(2 * half)))
        edges.append(.init(source: Int32(2 * half), target: Int32(2 * half + 1)))
        edges.append(.init(source: Int32(2 * half + 1), target: Int32(2 * half + 2)))
        let g = try Digraph(labels: (0..<n).map(String.init), edges: edges, directed: false)
        let cuts = g.cutStructure()
        XCTAssertEqual(cuts.articulationPoints, [Int32(half - 1), Int32(2 * half), Int32(2 * half + 1)])
        XCTAssertEqual(cuts.bridges.count, 3)
        XCTAssertEqual(cuts.biconnectedComponents.count, 4)
        XCTAssertEqual(cuts.biconnectedComponents[0].count, 2 * half)
    }
}
