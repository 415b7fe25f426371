import XCTest

@testable import LinkGraphAlgorithms

/// Every centrality measure against NetworkX on every fixture graph.
final class OracleCentralityTests: XCTestCase {
    func testFixtures_allPresentAndLoad() throws {
        let all = try Fixtures.all()
        XCTAssertEqual(all.count, 9)
        for f in all {
            XCTAssertEqual(f.graph.vertexCount, f.expected["n"] as! Int, f.name)
            XCTAssertEqual(f.graph.edgeCount, f.expected["m"] as! Int, f.name)
            XCTAssertEqual(f.graph.isWeighted, f.weighted, f.name)
        }
    }

    func testDegreeCentrality_allFixtures_matchNetworkX() throws {
        for f in try Fixtures.all() {
            assertScores(f.graph.degreeCentrality(.total), f.scores("degree_centrality")!, in: f, "degree")
            if f.directed {
                assertScores(f.graph.degreeCentrality(.in), f.scores("in_degree_centrality")!, in: f, "in-degree")
                assertScores(f.graph.degreeCentrality(.out), f.scores("out_degree_centrality")!, in: f, "out-degree")
            }
        }
    }

    func testCloseness_allFixtures_matchNetworkX() throws {
        for f in try Fixtures.all() {
            assertScores(try f.graph.closeness(), f.scores("closeness")!, in: f, "closeness")
            assertScores(
                try f.graph.closeness(wfImproved: false), f.scores("closeness_no_wf")!, in: f, "closeness wf=False")
            if f.weighted {
                assertScores(
                    try f.graph.closeness(weighted: true), f.scores("closeness_weighted")!, in: f, "closeness weighted")
            }
        }
    }

    func testHarmonic_allFixtures_matchNetworkX() throws {
        for f in try Fixtures.all() {
            assertScores(try f.graph.harmonic(), f.scores("harmonic")!, in: f, "harmonic")
            if f.weighted {
                assertScores(
                    try f.graph.harmonic(weighted: true), f.scores("harmonic_weighted")!, in: f, "harmonic weighted")
            }
        }
    }

    func testBetweenness_allFixtures_normalizedAndRaw() throws {
        for f in try Fixtures.all() {
            assertScores(try f.graph.betweenness(), f.scores("betweenness")!, in: f, "betweenness")
            assertScores(
                try f.graph.betweenness(normalized: false), f.scores("betweenness_raw")!, in: f, "betweenness raw")
        }
    }

    func testBetweenness_allFixtures_endpoints() throws {
        for f in try Fixtures.all() {
            assertScores(
                try f.graph.betweenness(endpoints: true), f.scores("betweenness_endpoints")!, in: f,
                "betweenness endpoints")
            assertScores(
                try f.graph.betweenness(normalized: false, endpoints: true), f.scores("betweenness_endpoints_raw")!,
                in: f, "betweenness endpoints raw")
        }
    }

    func testBetweenness_weightedFixtures_matchNetworkX() throws {
        var checked = 0
        for f in try Fixtures.all() where f.weighted {
            assertScores(
                try f.graph.betweenness(weighted: true), f.scores("betweenness_weighted")!, in: f,
                "betweenness weighted")
            assertScores(
                try f.graph.betweenness(normalized: false, weighted: true), f.scores("betweenness_weighted_raw")!,
                in: f, "betweenness weighted raw")
            checked += 1
        }
        XCTAssertEqual(checked, 3)
    }

    func testEdgeBetweenness_allFixtures_matchNetworkX() throws {
        for f in try Fixtures.all() {
            assertEdgeScores(
                try f.graph.edgeBetweenness(), f.expected["edge_betweenness"] as! [[Any]], in: f, "edge betweenness")
            assertEdgeScores(
                try f.graph.edgeBetweenness(normalized: false), f.expected["edge_betweenness_raw"] as! [[Any]],
                in: f, "edge betweenness raw")
            if f.weighted {
                assertEdgeScores(
                    try f.graph.edgeBetweenness(weighted: true), f.expected["edge_betweenness_weighted"] as! [[Any]],
                    in: f, "edge betweenness weighted")
                assertEdgeScores(
                    try f.graph.edgeBetweenness(normalized: false, weighted: true),
                    f.expected["edge_betweenness_weighted_raw"] as! [[Any]], in: f, "edge betweenness weighted raw")
            }
        }
    }

    func testPageRank_allFixtures_plainUnweightedAndPersonalized() throws {
        for f in try Fixtures.all() {
            assertScores(try f.graph.pageRank(), f.scores("pagerank")!, in: f, "pagerank")
            assertScores(
                try f.graph.pageRank(weighted: false), f.scores("pagerank_unweighted")!, in: f, "pagerank unweighted")
            let given = f.expected["pagerank_personalization"] as! [String: Double]
            var p = [Double](repeating: 0, count: f.graph.vertexCount)
            for (label, x) in given { p[Int(f.v(label))] = x }
            assertScores(
                try f.graph.pageRank(damping: 0.9, personalization: p), f.scores("pagerank_personalized")!,
                in: f, "pagerank personalized")
        }
    }

    func testEigenvector_allFixtures_matchNetworkXOrFailLikeIt() throws {
        var failures = 0
        for f in try Fixtures.all() {
            if f.failed("eigenvector") {
                failures += 1
                XCTAssertThrowsError(try f.graph.eigenvectorCentrality(), f.name) { error in
                    XCTAssertEqual(error as? AlgorithmError, .failedToConverge(iterations: 100, tolerance: 1e-6))
                }
            } else {
                assertScores(try f.graph.eigenvectorCentrality(), f.scores("eigenvector")!, in: f, "eigenvector")
            }
            if f.weighted, let w = f.scores("eigenvector_weighted") {
                assertScores(try f.graph.eigenvectorCentrality(weighted: true), w, in: f, "eigenvector weighted")
            }
        }
        XCTAssertEqual(failures, 1, "random-disconnected does not converge in NetworkX either")
    }

    func testKatz_allFixtures_matchNetworkX() throws {
        for f in try Fixtures.all() {
            let alpha = (f.expected["katz_alpha"] as! NSNumber).doubleValue
            assertScores(try f.graph.katzCentrality(alpha: alpha), f.scores("katz")!, in: f, "katz")
            assertScores(
                try f.graph.katzCentrality(alpha: alpha, beta: 2), f.scores("katz_beta2")!, in: f, "katz beta 2")
        }
    }

    /// NetworkX's own published test values, independent of the fixture script.
    func testBetweenness_krackhardtKite_normalized() throws {
        let f = try Fixtures.load("kite")
        let b = try f.graph.betweenness()
        let expected: [String: Double] = [
            "0": 0.023, "1": 0.023, "2": 0.000, "3": 0.102, "4": 0.000,
            "5": 0.231, "6": 0.231, "7": 0.389, "8": 0.222, "9": 0.000,
        ]
        for (label, x) in expected { XCTAssertEqual(b[f.v(label)], x, accuracy: 1e-3, label) }
    }

    func testCloseness_krackhardtKite_publishedValues() throws {
        let f = try Fixtures.load("kite")
        let c = try f.graph.closeness()
        let expected: [String: Double] = [
            "0": 0.529, "1": 0.529, "2": 0.500, "3": 0.600, "4": 0.500,
            "5": 0.643, "6": 0.643, "7": 0.600, "8": 0.429, "9": 0.310,
        ]
        for (label, x) in expected { XCTAssertEqual(c[f.v(label)], x, accuracy: 1e-3, label) }
    }
}
