import XCTest

@testable import LinkGraphAlgorithms

/// Key players against exhaustive search over every k-subset, with the objective computed
/// independently (fragmentation from `fragmentation(removing:)`, reach from breadth-first
/// distances).
final class KeyPlayersTests: XCTestCase {
    private func subsets(_ n: Int, _ k: Int, _ body: ([Int32]) throws -> Void) rethrows {
        var chosen = Array(0..<k)
        while true {
            try body(chosen.map { Int32($0) })
            var i = k - 1
            while i >= 0 && chosen[i] == n - k + i { i -= 1 }
            if i < 0 { return }
            chosen[i] += 1
            for j in (i + 1)..<k { chosen[j] = chosen[j - 1] + 1 }
        }
    }

    private func hopDistances(_ g: Digraph) throws -> [[Double]] {
        let u = g.undirected()
        return try u.vertices.map { s in
            let tree = try u.breadthFirstSearch(from: s)
            return u.vertices.map { tree.distance(to: $0) ?? .infinity }
        }
    }

    private func reach(_ set: [Int32], _ d: [[Double]], _ limit: Int) -> Double {
        let members = Set(set)
        let reached = (0..<d.count).filter { v in
            !members.contains(Int32(v)) && set.contains { d[Int($0)][v] <= Double(limit) }
        }
        return Double(reached.count) / Double(d.count - set.count)
    }

    private func smallGraphs() throws -> [(String, Digraph)] {
        let names = ["kite", "florentine", "karate", "davis", "random-directed"]
        var graphs = try names.map { ($0, try Fixtures.load($0).graph) }
        var generator = SeededGenerator(seed: 17)
        for i in 0..<4 {
            let n = 14 + 2 * i
            var edges: [Digraph.EdgeSpec] = []
            for u in 0..<n {
                for v in (u + 1)..<n where Double(generator.next() % 1000) < 1000 * 2.2 / Double(n) {
                    edges.append(.init(source: Int32(u), target: Int32(v)))
                }
            }
            graphs.append(("random-\(i)", try Digraph(labels: (0..<n).map(String.init), edges: edges, directed: false)))
        }
        return graphs
    }

    func testFragmentation_swapReachesExhaustiveOptimum() throws {
        for (name, g) in try smallGraphs() {
            for k in 1...(g.vertexCount > 40 ? 2 : 3) {
                var best = -1.0
                try subsets(g.vertexCount, k) {
                    best = Swift.max(best, try g.fragmentation(removing: $0).fragmentation)
                }
                let found = try g.keyPlayers(k: k, objective: .fragmentation, seed: 1)
                XCTAssertEqual(found.members.count, k)
                XCTAssertEqual(found.value, best, accuracy: 1e-12, "\(name) k=\(k): \(found.members)")
                let check = try g.fragmentation(removing: found.members).fragmentation
                XCTAssertEqual(found.value, check, accuracy: 1e-12, "\(name) k=\(k): reported value")
                // The guarantee: no single exchange improves the set.
                for (i, _) in found.members.enumerated() {
                    for v in g.vertices where !found.members.contains(v) {
                        var swapped = found.members
                        swapped[i] = v
                        let value = try g.fragmentation(removing: swapped).fragmentation
                        XCTAssertLessThanOrEqual(value, found.value + 1e-12)
                    }
                }
            }
        }
    }

    func testReach_swapReachesExhaustiveOptimum() throws {
        for (name, g) in try smallGraphs() {
            let d = try hopDistances(g)
            for limit in [1, 2] {
                for k in 1...(g.vertexCount > 40 ? 2 : 3) {
                    var best = -1.0
                    subsets(g.vertexCount, k) { best = Swift.max(best, reach($0, d, limit)) }
                    let found = try g.keyPlayers(k: k, objective: .reach(distance: limit), seed: 1)
                    XCTAssertEqual(found.value, best, accuracy: 1e-12, "\(name) k=\(k) d=\(limit): \(found.members)")
                    XCTAssertEqual(found.value, reach(found.members, d, limit), accuracy: 1e-12, "\(name) value")
                    XCTAssertEqual(
                        try g.keyPlayerValue(of: found.members, objective: .reach(distance: limit)), found.value,
                        accuracy: 1e-12)
                }
            }
        }
    }

    func testSeed_sameSeedSameSet() throws {
        let g = try Fixtures.load("lesmis").graph
        let a = try g.keyPlayers(k: 4, objective: .fragmentation, seed: 9)
        let b = try g.keyPlayers(k: 4, objective: .fragmentation, seed: 9)
        XCTAssertEqual(a, b)
    }

    func testBadArguments_throw() throws {
        let g = try Fixtures.load("kite").graph
        XCTAssertThrowsError(try g.keyPlayers(k: 0, objective: .fragmentation))
        XCTAssertThrowsError(try g.keyPlayers(k: 9, objective: .fragmentation))
        XCTAssertThrowsError(try g.keyPlayers(k: 2, objective: .reach(distance: 0)))
        XCTAssertThrowsError(try g.keyPlayerValue(of: [42], objective: .fragmentation))
    }
}
