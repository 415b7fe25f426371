import XCTest

@testable import LinkGraphAlgorithms

final class PathExplanationTests: XCTestCase {
    /// a -> b -> c with relations 10, 11; c - d undirected-style pair from relation 12.
    func makeGraph() throws -> Digraph {
        try Digraph(
            labels: ["a", "b", "c", "d"],
            edges: [
                .init(source: 0, target: 1, weight: 0.9, relation: 10),
                .init(source: 1, target: 2, weight: 0.5, relation: 11),
                .init(source: 2, target: 3, weight: 0.8, relation: 12),
                .init(source: 3, target: 2, weight: 0.8, relation: 12, againstRelation: true),
                .init(source: 0, target: 2, weight: 0.3, relation: 13),
            ], directed: true, weighting: .given)
    }

    func testPath_hops_nameRelationsAndDirection() throws {
        let g = try makeGraph()
        let p = try g.unweighted().shortestPath(from: 3, to: 2)
        XCTAssertEqual(p.hops.count, 1)
        XCTAssertEqual(p.hops[0].relation, 12)
        XCTAssertTrue(p.hops[0].againstRelation)
        XCTAssertEqual(p.labels(in: g), ["d", "c"])
    }

    func testMostReliablePath_prefersProductOfConfidences() throws {
        let g = try makeGraph().withReliabilityWeights()
        // a->b->c: 0.9 * 0.5 = 0.45 beats a->c: 0.3.
        let p = try g.mostReliablePath(from: 0, to: 2)
        XCTAssertEqual(p.labels(in: g), ["a", "b", "c"])
        XCTAssertEqual(p.reliability!, 0.45, accuracy: 1e-12)
        XCTAssertEqual(p.hops.map(\.relation), [10, 11])
    }

    func testUndirectedPath_againstEdgeDirection_flagged() throws {
        let g = try Digraph(edgeList: "x y\ny z\n", directed: false)
        let p = try g.shortestPath(from: 2, to: 0)
        XCTAssertEqual(p.labels(in: g), ["z", "y", "x"])
        XCTAssertEqual(p.hops.map(\.againstRelation), [true, true])
        XCTAssertEqual(p.hops.map(\.relation), [1, 0])
    }

    func testIncomingTree_pathRunsTowardTheSource() throws {
        let g = try makeGraph()
        let t = try g.breadthFirstSearch(from: 2, direction: .incoming)
        XCTAssertEqual(try t.path(to: 0).labels(in: g), ["a", "c"])
        let u = try Digraph(edgeList: "x y\ny z\n", directed: false)
        XCTAssertEqual(
            try u.breadthFirstSearch(from: 0, direction: .incoming).path(to: 2).labels(in: u), ["z", "y", "x"])
        XCTAssertEqual(try u.dijkstra(from: 0, direction: .incoming).path(to: 2).labels(in: u), ["z", "y", "x"])
    }

    func testTimeRespectingPath_skipsHopsThatEndBeforeTheLastOne() throws {
        // a->b valid 2010-2011; b->c valid only 2005 (before a->b): not usable.
        // a->d valid 2012; d->c valid 2013: usable, two hops.
        let g = try Digraph(
            labels: ["a", "b", "c", "d"],
            edges: [
                .init(source: 0, target: 1, validity: .init(earliest: 2010_01_01, latest: 2011_12_31)),
                .init(source: 1, target: 2, validity: .init(earliest: 2005_01_01, latest: 2005_12_31)),
                .init(source: 0, target: 3, validity: .init(earliest: 2012_01_01, latest: 2012_12_31)),
                .init(source: 3, target: 2, validity: .init(earliest: 2013_01_01, latest: 2013_12_31)),
            ], directed: true)
        let p = try g.timeRespectingPath(from: 0, to: 2)
        XCTAssertEqual(p.path.labels(in: g), ["a", "d", "c"])
        XCTAssertEqual(p.hopDays, [2012_01_01, 2013_01_01])
        XCTAssertEqual(try g.shortestPath(from: 0, to: 2).hopCount, 2)
        XCTAssertThrowsError(try g.timeRespectingPath(from: 0, to: 2, notBefore: 2014_01_01)) {
            XCTAssertEqual($0 as? AlgorithmError, .noPath(from: "a", to: "c"))
        }
    }

    func testTimeRespectingPath_prefersFewerHopsThenEarliestArrival() throws {
        // Two 2-hop routes; the one through d arrives earlier.
        let g = try Digraph(
            labels: ["a", "b", "c", "d"],
            edges: [
                .init(source: 0, target: 1, validity: .init(earliest: 2001_01_01, latest: 2001_01_01)),
                .init(source: 1, target: 2, validity: .init(earliest: 2009_01_01, latest: 2009_12_31)),
                .init(source: 0, target: 3, validity: .init(earliest: 2002_01_01, latest: 2002_01_01)),
                .init(source: 3, target: 2, validity: .init(earliest: 2003_01_01, latest: 2003_12_31)),
            ], directed: true)
        let p = try g.timeRespectingPath(from: 0, to: 2)
        XCTAssertEqual(p.path.labels(in: g), ["a", "d", "c"])
    }
}
