import XCTest

@testable import LinkGraphAlgorithms

final class EgoNetworkTests: XCTestCase {
    func testEgoNetwork_kiteRadiusOneAndTwo_matchHopLengths() throws {
        let f = try Fixtures.load("kite")
        let lengths = f.expected["hop_lengths"] as! [String: [String: Int]]
        for radius in [0, 1, 2] {
            let ego = try f.graph.egoNetwork(of: f.v("7"), radius: Double(radius))
            let expected = Set(lengths["7"]!.filter { $0.value <= radius }.keys)
            XCTAssertEqual(Set(ego.vertices.map { f.graph.label(of: $0) }), expected, "radius \(radius)")
            XCTAssertEqual(ego.vertices.first, f.v("7"))
            XCTAssertEqual(ego.distances, ego.distances.sorted())
            // Induced edges: exactly those with both ends inside.
            let inside = Set(ego.vertices)
            let induced = (0..<f.graph.edgeCount).filter {
                inside.contains(f.graph.source(ofEdge: $0)) && inside.contains(f.graph.target(ofEdge: $0))
            }
            XCTAssertEqual(ego.edges, induced)
        }
    }

    func testEgoNetwork_directedOutwardVersusUndirected() throws {
        let g = try Digraph(edgeList: "a b\nc a\n", directed: true)
        XCTAssertEqual(try g.egoNetwork(of: 0).vertices, [0, 1])
        XCTAssertEqual(try g.egoNetwork(of: 0, undirected: true).vertices, [0, 1, 2])
    }

    func testEgoNetwork_weightedRadius_cutsByDistance() throws {
        let g = try Digraph(edgeList: "a b 1\nb c 1.5\na d 3\n", directed: false)
        let ego = try g.egoNetwork(of: 0, radius: 2.5, weighted: true)
        XCTAssertEqual(ego.vertices.map { g.label(of: $0) }, ["a", "b", "c"])
        XCTAssertEqual(ego.distances, [0, 1, 2.5])
    }
}
