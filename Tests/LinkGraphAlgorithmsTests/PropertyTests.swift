import XCTest

@testable import LinkGraphAlgorithms

/// Seeded random graphs: invariants that must hold on any input.
final class PropertyTests: XCTestCase {
    /// A seeded random graph: n vertices, about n·degree/2 edges, optional integer or real weights.
    static func randomGraph(
        n: Int, degree: Double, directed: Bool, weights: WeightKind = .none, seed: UInt64
    ) -> Digraph {
        var rng = SeededGenerator(seed: seed)
        let m = Int(Double(n) * degree / 2)
        var edges: [Digraph.EdgeSpec] = []
        var seen = Set<[Int32]>()
        while edges.count < m {
            let u = Int32.random(in: 0..<Int32(n), using: &rng), v = Int32.random(in: 0..<Int32(n), using: &rng)
            if u == v { continue }
            let key = directed ? [u, v] : [min(u, v), max(u, v)]
            if !seen.insert(key).inserted { continue }
            let w: Double
            switch weights {
            case .none: w = 1
            case .integer: w = Double(Int.random(in: 1...4, using: &rng))
            case .real: w = Double.random(in: 0.1...3, using: &rng)
            }
            edges.append(.init(source: u, target: v, weight: w))
        }
        return try! Digraph(
            labels: (0..<n).map(String.init), edges: edges, directed: directed,
            weighting: weights == .none ? .unit : .given)
    }

    enum WeightKind { case none, integer, real }

    func testDijkstra_unitWeights_equalsBreadthFirst() throws {
        for seed: UInt64 in 1...20 {
            let g = Self.randomGraph(n: 40, degree: 3, directed: seed % 2 == 0, seed: seed)
            let unit = try Digraph(
                labels: Array(g.labels), edges: g.edgeSpecs, directed: g.isDirected, weighting: .given)
            XCTAssertTrue(unit.isWeighted)
            for s in g.vertices {
                let bfs = try g.breadthFirstSearch(from: s)
                let dij = try unit.dijkstra(from: s)
                XCTAssertEqual(bfs.distances, dij.distances, "seed \(seed) source \(s)")
                let bin = try g.breadthFirstSearch(from: s, direction: .incoming)
                let din = try unit.dijkstra(from: s, direction: .incoming)
                XCTAssertEqual(bin.distances, din.distances, "seed \(seed) source \(s) incoming")
            }
        }
    }

    func testDijkstra_randomWeights_triangleInequalityAndPathCosts() throws {
        for seed: UInt64 in 1...10 {
            let g = Self.randomGraph(n: 30, degree: 4, directed: seed % 2 == 1, weights: .real, seed: seed)
            let trees = try g.vertices.map { try g.dijkstra(from: $0) }
            for u in g.vertices {
                // d(u, w) <= d(u, v) + w(v, w) for every arc v -> w, and <= d(u, v) + d(v, w).
                for v in g.vertices where trees[Int(u)].isReached(v) {
                    let duv = trees[Int(u)].distances[Int(v)]
                    for a in g.arcs(from: v) {
                        let w = g.targets[a]
                        XCTAssertLessThanOrEqual(trees[Int(u)].distances[Int(w)], duv + g.weight(ofArc: a) + 1e-12)
                    }
                    for w in g.vertices where trees[Int(v)].isReached(w) {
                        XCTAssertLessThanOrEqual(
                            trees[Int(u)].distances[Int(w)], duv + trees[Int(v)].distances[Int(w)] + 1e-12)
                    }
                    let p = try trees[Int(u)].path(to: v)
                    XCTAssertEqual(p.cost, duv, accuracy: 1e-12)
                    XCTAssertEqual(p.source, u)
                    XCTAssertEqual(p.target, v)
                }
            }
        }
    }

    /// Betweenness by definition: enumerate every shortest path of every pair.
    static func bruteForceBetweenness(_ g: Digraph, weighted: Bool) throws -> [Double] {
        var b = [Double](repeating: 0, count: g.vertexCount)
        let h = weighted ? g : g.unweighted()
        for s in g.vertices {
            for t in g.vertices where s != t {
                guard let paths = try? h.allShortestPaths(from: s, to: t) else { continue }
                for p in paths {
                    for v in p.vertices.dropFirst().dropLast() { b[Int(v)] += 1 / Double(paths.count) }
                }
            }
        }
        return b
    }

    func testBetweenness_smallGraphs_equalsBruteForce() throws {
        for seed: UInt64 in 1...16 {
            let directed = seed % 2 == 0
            let weighted = seed % 4 >= 2
            let g = Self.randomGraph(
                n: 12, degree: 3, directed: directed, weights: weighted ? .integer : .none, seed: seed)
            let brute = try Self.bruteForceBetweenness(g, weighted: weighted)
            let ours = try g.betweenness(normalized: false, weighted: weighted)
            for v in 0..<g.vertexCount {
                // Unnormalized undirected scores count each unordered pair once.
                let expected = directed ? brute[v] : brute[v] / 2
                XCTAssertEqual(ours.values[v], expected, accuracy: 1e-9, "seed \(seed) vertex \(v)")
            }
        }
    }

    func testBetweenness_parallel_bitIdenticalAcrossRunsAndThreadCounts() throws {
        let g = Self.randomGraph(n: 400, degree: 6, directed: true, weights: .real, seed: 99)
        let one = try g.betweenness(weighted: true, threads: 1)
        for threads in [2, 3, 8] {
            XCTAssertEqual(try g.betweenness(weighted: true, threads: threads).values, one.values)
        }
        XCTAssertEqual(try g.betweenness(weighted: true).values, one.values)
        let e1 = try g.edgeBetweenness(threads: 1)
        XCTAssertEqual(try g.edgeBetweenness(threads: 4).values, e1.values)
        let u = Self.randomGraph(n: 500, degree: 4, directed: false, seed: 98)
        XCTAssertEqual(try u.betweenness(threads: 1).values, try u.betweenness(threads: 5).values)
    }

    func testCloseness_parallel_independentOfThreadCount() throws {
        let g = Self.randomGraph(n: 300, degree: 4, directed: true, weights: .real, seed: 5)
        XCTAssertEqual(try g.closeness(weighted: true, threads: 1), try g.closeness(weighted: true, threads: 3))
        XCTAssertEqual(try g.harmonic(threads: 1), try g.harmonic(threads: 2))
    }

    func testPageRank_randomGraphs_sumsToOne() throws {
        for seed: UInt64 in 1...10 {
            let g = Self.randomGraph(n: 50, degree: 2, directed: true, weights: .real, seed: seed)
            let pr = try g.pageRank()
            XCTAssertEqual(pr.values.reduce(0, +), 1, accuracy: 1e-9)
            XCTAssertTrue(pr.values.allSatisfy { $0 > 0 })
        }
    }

    func testStrongComponents_randomGraphs_mutualReachability() throws {
        for seed: UInt64 in 1...10 {
            let g = Self.randomGraph(n: 40, degree: 2.5, directed: true, seed: seed)
            let scc = g.strongComponents()
            let reach = try g.vertices.map { try g.breadthFirstSearch(from: $0) }
            for u in g.vertices {
                for v in g.vertices {
                    let mutual = reach[Int(u)].isReached(v) && reach[Int(v)].isReached(u)
                    XCTAssertEqual(scc.componentOf[Int(u)] == scc.componentOf[Int(v)], mutual, "seed \(seed) \(u) \(v)")
                }
            }
        }
    }

    func testKShortestPaths_randomGraphs_simpleDistinctNonDecreasing() throws {
        for seed: UInt64 in 1...10 {
            let g = Self.randomGraph(n: 25, degree: 4, directed: seed % 2 == 0, weights: .integer, seed: seed)
            guard let paths = try? g.kShortestPaths(from: 0, to: 1, k: 8) else { continue }
            XCTAssertEqual(paths[0].cost, try g.shortestPath(from: 0, to: 1).cost)
            XCTAssertEqual(Set(paths.map(\.vertices)).count, paths.count)
            for (a, b) in zip(paths, paths.dropFirst()) { XCTAssertLessThanOrEqual(a.cost, b.cost) }
            for p in paths { XCTAssertEqual(Set(p.vertices).count, p.vertices.count) }
        }
    }
}
