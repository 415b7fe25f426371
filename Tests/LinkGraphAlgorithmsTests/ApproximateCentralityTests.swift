import XCTest

@testable import LinkGraphAlgorithms

/// Sampled betweenness against NetworkX (fixtures) and our exact Brandes (seeded graphs);
/// pruned top-k closeness against NetworkX's closeness and our full closeness.
final class ApproximateCentralityTests: XCTestCase {
    /// A seeded Barabási–Albert graph (each new vertex joins `m` distinct earlier ones,
    /// preferentially by degree), undirected.
    static func barabasiAlbert(n: Int, m: Int, seed: UInt64) throws -> Digraph {
        var random = SeededGenerator(seed: seed)
        var ends: [Int32] = []
        var edges: [Digraph.EdgeSpec] = []
        for v in 1..<n {
            var chosen = Set<Int32>()
            while chosen.count < Swift.min(m, v) {
                let u =
                    ends.isEmpty ? Int32.random(in: 0..<Int32(v), using: &random) : ends.randomElement(using: &random)!
                chosen.insert(u)
            }
            for u in chosen.sorted() {
                edges.append(Digraph.EdgeSpec(source: Int32(v), target: u))
                ends += [u, Int32(v)]
            }
        }
        return try Digraph(labels: (0..<n).map { "v\($0)" }, edges: edges, directed: false)
    }

    /// A seeded G(n, p) graph, directed or not.
    static func erdosRenyi(n: Int, p: Double, directed: Bool, seed: UInt64) throws -> Digraph {
        var random = SeededGenerator(seed: seed)
        var edges: [Digraph.EdgeSpec] = []
        for u in 0..<n {
            for v in (directed ? 0 : u + 1)..<n where u != v && Double.random(in: 0..<1, using: &random) < p {
                edges.append(Digraph.EdgeSpec(source: Int32(u), target: Int32(v)))
            }
        }
        return try Digraph(labels: (0..<n).map { "v\($0)" }, edges: edges, directed: directed)
    }

    /// The largest |estimate − expected| over all vertices.
    func largestError(_ estimate: VertexScores, _ expected: [Double]) -> Double {
        zip(estimate.values, expected).map { abs($0 - $1) }.max() ?? 0
    }

    // MARK: Approximate betweenness

    func testApproximateBetweenness_allFixtures_withinEpsilonOfNetworkX() throws {
        for f in try Fixtures.all() {
            let expected = f.scores("betweenness")!
            let exact = f.graph.vertices.map { expected[f.graph.label(of: $0)]! }
            let result = try f.graph.approximateBetweenness(epsilon: 0.02, delta: 0.1, seed: 7)
            XCTAssertGreaterThan(result.samples, 0, f.name)
            XCTAssertLessThanOrEqual(largestError(result.scores, exact), 0.02, f.name)
        }
    }

    func testApproximateBetweenness_seededGraphs_violationRateAtMostDelta() throws {
        let graphs = [
            try Self.barabasiAlbert(n: 300, m: 2, seed: 1),
            try Self.erdosRenyi(n: 200, p: 0.02, directed: true, seed: 2),
            try Self.erdosRenyi(n: 200, p: 0.008, directed: false, seed: 3),
        ]
        let (epsilon, delta) = (0.03, 0.2)
        for graph in graphs {
            let exact = try graph.betweenness().values
            XCTAssertGreaterThan(exact.max()!, 2 * epsilon, "a graph whose betweenness is all below ε proves nothing")
            var violations = 0
            let runs = 20
            for seed in 0..<UInt64(runs) {
                let estimate = try graph.approximateBetweenness(epsilon: epsilon, delta: delta, seed: seed, threads: 2)
                if largestError(estimate.scores, exact) > epsilon { violations += 1 }
            }
            XCTAssertLessThanOrEqual(Double(violations) / Double(runs), delta, "directed: \(graph.isDirected)")
        }
    }

    func testApproximateBetweenness_manySamples_convergesToExact() throws {
        // A biased path choice (not uniform over the shortest paths) shows as an error far
        // above the sampling noise of 400k samples (about 0.0008 here).
        let graph = try Self.barabasiAlbert(n: 120, m: 2, seed: 9)
        let exact = try graph.betweenness().values
        let plan = BetweennessSamplePlan(
            epsilon: 0.01, delta: 0.1, constant: 1, vertexDiameterBound: graph.vertexDiameterUpperBound(),
            samples: 400_000)
        let estimate = try graph.approximateBetweenness(plan, seed: 3)
        XCTAssertLessThan(largestError(estimate.scores, exact), 0.004)
    }

    func testApproximateBetweenness_sameSeed_sameValuesForAnyThreadCount() throws {
        let graph = try Self.barabasiAlbert(n: 400, m: 3, seed: 4)
        let one = try graph.approximateBetweenness(epsilon: 0.05, delta: 0.1, seed: 11, threads: 1)
        let three = try graph.approximateBetweenness(epsilon: 0.05, delta: 0.1, seed: 11, threads: 3)
        let other = try graph.approximateBetweenness(epsilon: 0.05, delta: 0.1, seed: 12, threads: 1)
        XCTAssertEqual(one.scores, three.scores)
        XCTAssertNotEqual(one.scores, other.scores)
    }

    func testBetweennessSamplePlan_riondatoKornaropoulosSize() throws {
        // A path of 12 vertices: the bound is 2·ecc + 1 from the hub (vertex 1, ecc 10) capped at
        // 12, so ⌊log₂ 10⌋ + 1 = 4; ε′ = 0.1·10/12.
        let edges = (0..<11).map { Digraph.EdgeSpec(source: Int32($0), target: Int32($0 + 1)) }
        let path = try Digraph(labels: (0..<12).map(String.init), edges: edges, directed: false)
        let plan = try path.betweennessSamplePlan(epsilon: 0.1, delta: 0.05)
        XCTAssertEqual(plan.vertexDiameterBound, 12)
        let inner = 0.1 * 10 / 12
        XCTAssertEqual(plan.samples, Int((1.0 / (inner * inner) * (4 + log(20))).rounded(.up)))
        // No inner vertex on any shortest path: exact zeros, no sampling.
        let star = try Digraph(
            labels: ["a", "b"], edges: [Digraph.EdgeSpec(source: 0, target: 1)], directed: true)
        let zero = try star.approximateBetweenness(epsilon: 0.1, delta: 0.1)
        XCTAssertEqual(zero.samples, 0)
        XCTAssertEqual(zero.scores.values, [0, 0])
    }

    func testApproximateBetweenness_badParameters_throwInvalidArgument() throws {
        let graph = try Self.barabasiAlbert(n: 20, m: 2, seed: 1)
        for (epsilon, delta) in [
            (0.0, 0.1), (-0.1, 0.1), (1.0, 0.1), (.nan, 0.1), (0.1, 0), (0.1, 1), (0.1, -2), (0.1, .nan),
        ] {
            XCTAssertThrowsError(try graph.approximateBetweenness(epsilon: epsilon, delta: delta)) { error in
                guard case AlgorithmError.invalidArgument(let message) = error else {
                    return XCTFail("\(error)")
                }
                XCTAssertTrue(message.contains(epsilon > 0 && epsilon < 1 ? "delta" : "epsilon"), message)
            }
        }
        XCTAssertThrowsError(try graph.approximateBetweenness(epsilon: 0.1, delta: 0.1, threads: 0))
    }

    // MARK: Top-k closeness

    func testTopCloseness_allFixtures_equalsNetworkXTopK() throws {
        for f in try Fixtures.all() {
            for (key, wf) in [("closeness", true), ("closeness_no_wf", false)] {
                let expected = f.scores(key)!
                let sorted = expected.values.sorted(by: >)
                for k in [1, 3, 10, f.graph.vertexCount] where k <= f.graph.vertexCount {
                    let top = try f.graph.topCloseness(k, wfImproved: wf)
                    XCTAssertEqual(top.count, k, f.name)
                    for (rank, entry) in top.enumerated() {
                        let oracle = expected[f.graph.label(of: entry.vertex)]!
                        XCTAssertEqual(entry.score, oracle, accuracy: 1e-9, "\(f.name) \(key) k=\(k)")
                        // The rank-th best of NetworkX (a tie may swap equal vertices, not values).
                        XCTAssertEqual(entry.score, sorted[rank], accuracy: 1e-9, "\(f.name) \(key) k=\(k)")
                    }
                }
            }
        }
    }

    func testTopCloseness_seededGraphs_equalsFullClosenessTop() throws {
        let graphs = [
            try Self.barabasiAlbert(n: 1500, m: 3, seed: 5),
            try Self.erdosRenyi(n: 600, p: 0.006, directed: true, seed: 6),
            try Self.erdosRenyi(n: 800, p: 0.002, directed: false, seed: 7),
        ]
        for graph in graphs {
            for wf in [true, false] {
                let full = try graph.closeness(wfImproved: wf)
                for k in [1, 10, 100] {
                    let top = try graph.topCloseness(k, wfImproved: wf)
                    XCTAssertEqual(top.map(\.vertex), full.top(k).map(\.vertex), "k=\(k) wf=\(wf)")
                    XCTAssertEqual(top.map(\.score), full.top(k).map(\.score), "k=\(k) wf=\(wf)")
                }
            }
        }
    }

    func testTopCloseness_ties_brokenByVertexIdAsFullClosenessIs() throws {
        // A cycle: every vertex has the same closeness, so the top 3 are the first 3 ids.
        let edges = (0..<9).map { Digraph.EdgeSpec(source: Int32($0), target: Int32(($0 + 1) % 9)) }
        let cycle = try Digraph(labels: (0..<9).map(String.init), edges: edges, directed: false)
        XCTAssertEqual(try cycle.topCloseness(3).map(\.vertex), [0, 1, 2])
        XCTAssertEqual(try cycle.topCloseness(3).map(\.vertex), try cycle.closeness().top(3).map(\.vertex))
    }

    func testTopCloseness_boundNeverBelowTheTrueScore() {
        // Completing the search with x more vertices, all at the next level, is one case the
        // bound covers: it must be at least that score.
        for reached in 1...6 {
            for extra in 0...5 {
                let sum = reached * 2
                let true_ = Double(reached - 1 + extra) / Double(sum + 3 * extra) * Double(reached - 1 + extra) / 19
                let bound = Digraph.closenessBound(
                    reached: reached, sum: sum, level: 2, next: extra, remaining: extra, denominator: 19,
                    wfImproved: true)
                XCTAssertGreaterThanOrEqual(bound, true_ - 1e-15)
            }
        }
    }

    func testTopCloseness_kBelowOne_throws() throws {
        let graph = try Self.barabasiAlbert(n: 10, m: 1, seed: 1)
        XCTAssertThrowsError(try graph.topCloseness(0))
    }
}
