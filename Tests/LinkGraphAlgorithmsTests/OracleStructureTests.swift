import XCTest

@testable import LinkGraphAlgorithms

/// Paths, components, cores and communities against NetworkX on every fixture graph.
final class OracleStructureTests: XCTestCase {
    func testCoreNumbers_allFixtures_matchNetworkX() throws {
        for f in try Fixtures.all() {
            let ours = f.graph.coreNumbers()
            let expected = f.expected["core_number"] as! [String: Int]
            for (label, k) in expected { XCTAssertEqual(ours[Int(f.v(label))], k, "\(f.name) core of \(label)") }
        }
    }

    private func labelSets(_ c: Components, _ g: Digraph) -> Set<Set<String>> {
        Set(c.members.map { Set($0.map { g.label(of: $0) }) })
    }

    func testComponents_allFixtures_weakAndStrong() throws {
        for f in try Fixtures.all() {
            let weak = Set((f.expected["weak_components"] as! [[String]]).map(Set.init))
            let strong = Set((f.expected["strong_components"] as! [[String]]).map(Set.init))
            XCTAssertEqual(labelSets(f.graph.weakComponents(), f.graph), weak, f.name)
            XCTAssertEqual(labelSets(f.graph.strongComponents(), f.graph), strong, f.name)
        }
    }

    func testHopLengths_allFixtures_allPairs() throws {
        for f in try Fixtures.all() {
            let lengths = f.expected["hop_lengths"] as! [String: [String: Int]]
            for (s, row) in lengths {
                let tree = try f.graph.breadthFirstSearch(from: f.v(s))
                let reached = f.graph.vertices.filter { tree.isReached($0) }.count
                XCTAssertEqual(reached, row.count, "\(f.name) reach of \(s)")
                for (t, d) in row { XCTAssertEqual(tree.distance(to: f.v(t)), Double(d), "\(f.name) \(s)->\(t)") }
            }
        }
    }

    func testWeightedLengths_weightedFixtures_allPairs() throws {
        for f in try Fixtures.all() where f.weighted {
            let lengths = f.expected["weighted_lengths"] as! [String: [String: Double]]
            for (s, row) in lengths {
                let tree = try f.graph.dijkstra(from: f.v(s))
                XCTAssertEqual(tree.order.count, row.count, "\(f.name) reach of \(s)")
                for (t, d) in row {
                    XCTAssertTrue(close(tree.distance(to: f.v(t)) ?? -1, d), "\(f.name) \(s)->\(t)")
                    XCTAssertTrue(close(try tree.path(to: f.v(t)).cost, d), "\(f.name) path cost \(s)->\(t)")
                }
            }
        }
    }

    func testAllShortestPaths_sampledPairs_equalNetworkXSets() throws {
        var compared = 0
        for f in try Fixtures.all() {
            for entry in f.expected["all_shortest_paths"] as! [[String: Any]] {
                let s = f.v(entry["source"] as! String), t = f.v(entry["target"] as! String)
                let weighted = entry["weighted"] as! Bool
                let expected = Set(entry["paths"] as! [[String]])
                let g = weighted ? f.graph : f.graph.unweighted()
                if expected.isEmpty {
                    XCTAssertThrowsError(try g.allShortestPaths(from: s, to: t)) {
                        XCTAssertEqual($0 as? AlgorithmError, .noPath(from: g.label(of: s), to: g.label(of: t)))
                    }
                    continue
                }
                let ours = Set(try g.allShortestPaths(from: s, to: t).map { $0.labels(in: g) })
                XCTAssertEqual(
                    ours, expected, "\(f.name) \(entry["source"]!)->\(entry["target"]!) weighted \(weighted)")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 60)
    }

    /// Costs must equal as multisets; paths cheaper than the last cost must be the same set
    /// (ties at the cut may pick different paths); every path must be simple and cost what it says.
    func testKShortestPaths_sampledPairs_equalNetworkX() throws {
        var compared = 0
        var fullSets = 0
        for f in try Fixtures.all() {
            for entry in f.expected["k_shortest_paths"] as! [[String: Any]] {
                let s = f.v(entry["source"] as! String), t = f.v(entry["target"] as! String)
                let weighted = entry["weighted"] as! Bool
                let k = entry["k"] as! Int
                let expectedPaths = entry["paths"] as! [[String]]
                let expectedCosts = (entry["costs"] as! [NSNumber]).map(\.doubleValue)
                if expectedPaths.isEmpty {
                    XCTAssertThrowsError(try f.graph.kShortestPaths(from: s, to: t, k: k, weighted: weighted))
                    continue
                }
                let ours = try f.graph.kShortestPaths(from: s, to: t, k: k, weighted: weighted)
                let tag = "\(f.name) \(entry["source"]!)->\(entry["target"]!) weighted \(weighted)"
                XCTAssertEqual(ours.count, expectedPaths.count, tag)
                let ourCosts = ours.map(\.cost)
                XCTAssertEqual(ourCosts, ourCosts.sorted(), tag)
                XCTAssertEqual(ourCosts.count, expectedCosts.count, tag)
                for (a, b) in zip(ourCosts.sorted(), expectedCosts.sorted()) {
                    XCTAssertTrue(close(a, b), "\(tag): \(a) vs \(b)")
                }
                let cut = expectedCosts.max()!
                let oursBelow = Set(ours.filter { $0.cost < cut - 1e-9 }.map { $0.labels(in: f.graph) })
                let theirsBelow = Set(zip(expectedPaths, expectedCosts).filter { $0.1 < cut - 1e-9 }.map(\.0))
                XCTAssertEqual(oursBelow, theirsBelow, tag)
                // With no (k+1)-th path at the last cost, the whole set is determined.
                let nextCost = (entry["next_cost"] as? NSNumber)?.doubleValue ?? .infinity
                if nextCost > cut + 1e-9 {
                    fullSets += 1
                    XCTAssertEqual(Set(ours.map { $0.labels(in: f.graph) }), Set(expectedPaths), tag)
                }
                for p in ours {
                    XCTAssertEqual(Set(p.vertices).count, p.vertices.count, "\(tag): not simple")
                    XCTAssertEqual(p.source, s)
                    XCTAssertEqual(p.target, t)
                }
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 60)
        XCTAssertGreaterThan(fullSets, 30)
    }

    func testModularity_networkXPartitions_equalNetworkXModularity() throws {
        for f in try Fixtures.all() {
            for run in f.expected["louvain"] as! [[String: Any]] {
                let communities = (run["communities"] as! [[String]]).map { $0.map { f.v($0) } }
                let expected = (run["modularity"] as! NSNumber).doubleValue
                XCTAssertTrue(
                    close(try f.graph.modularity(of: communities, weighted: f.weighted), expected),
                    "\(f.name) seed \(run["seed"]!)")
            }
        }
    }

    func testLouvain_allFixtures_modularityWithinMarginOfNetworkX() throws {
        for f in try Fixtures.all() {
            let theirs = (f.expected["louvain"] as! [[String: Any]]).map { ($0["modularity"] as! NSNumber).doubleValue }
            let best = theirs.max()!
            var ours: [Double] = []
            for seed: UInt64 in 1...3 {
                let c = try f.graph.louvainCommunities(weighted: f.weighted, seed: seed)
                XCTAssertTrue(close(c.modularity, try f.graph.modularity(of: c.membership, weighted: f.weighted)))
                XCTAssertEqual(c.members.flatMap { $0 }.count, f.graph.vertexCount)
                ours.append(c.modularity)
            }
            XCTAssertGreaterThanOrEqual(ours.max()!, best - 0.02, "\(f.name): ours \(ours), NetworkX \(theirs)")
        }
    }

    func testLouvain_sameSeed_samePartition() throws {
        let f = try Fixtures.load("lesmis")
        let a = try f.graph.louvainCommunities(seed: 7)
        let b = try f.graph.louvainCommunities(seed: 7)
        XCTAssertEqual(a, b)
    }
}
