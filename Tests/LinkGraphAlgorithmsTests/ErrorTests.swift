import XCTest

@testable import LinkGraphAlgorithms

/// Every entry point refuses bad input with a typed error; none traps or returns empty.
final class ErrorTests: XCTestCase {
    let g = try! Digraph(edgeList: "a b 1\nb c 2\nd e 1\n", directed: true)

    func testShortestPath_unreachable_throwsNoPath() {
        XCTAssertThrowsError(try g.shortestPath(from: 0, to: 3)) {
            XCTAssertEqual($0 as? AlgorithmError, .noPath(from: "a", to: "d"))
            XCTAssertTrue("\($0)".contains("no path from 'a' to 'd'"))
        }
        XCTAssertThrowsError(try g.unweighted().shortestPath(from: 2, to: 0)) {
            XCTAssertEqual($0 as? AlgorithmError, .noPath(from: "c", to: "a"))
        }
        XCTAssertThrowsError(try g.kShortestPaths(from: 0, to: 4, k: 3))
        XCTAssertThrowsError(try g.allShortestPaths(from: 0, to: 4))
        XCTAssertThrowsError(try g.timeRespectingPath(from: 0, to: 4))
    }

    func testEveryEntryPoint_absentVertex_throwsVertexNotFound() {
        let bad: Digraph.Vertex = 99
        let calls: [() throws -> Any] = [
            { try self.g.breadthFirstSearch(from: bad) }, { try self.g.dijkstra(from: bad) },
            { try self.g.shortestPath(from: 0, to: bad) }, { try self.g.allShortestPaths(from: bad, to: 0) },
            { try self.g.kShortestPaths(from: 0, to: bad, k: 2) }, { try self.g.timeRespectingPath(from: bad, to: 0) },
            { try self.g.reportingChain(from: bad) }, { try self.g.reportingTree(to: bad) },
            { try self.g.egoNetwork(of: bad) }, { try self.g.vertex(labeled: "zz") },
            { try self.g.breadthFirstSearch(from: 0).path(to: bad) },
        ]
        for (i, call) in calls.enumerated() {
            XCTAssertThrowsError(try call(), "call \(i)") { error in
                guard case .vertexNotFound = error as? AlgorithmError else { return XCTFail("call \(i): \(error)") }
            }
        }
    }

    func testNegativeWeight_throwsInvalidWeight() throws {
        let n = try Digraph(edgeList: "a b 1\nb c -2\n", directed: true)
        let calls: [() throws -> Any] = [
            { try n.dijkstra(from: 0) }, { try n.shortestPath(from: 0, to: 2) },
            { try n.betweenness(weighted: true) }, { try n.closeness(weighted: true) },
            { try n.pageRank() }, { try n.kShortestPaths(from: 0, to: 2, k: 2) },
        ]
        for (i, call) in calls.enumerated() {
            XCTAssertThrowsError(try call(), "call \(i)") { error in
                guard case .invalidWeight(from: "b", to: "c", weight: -2, _) = error as? AlgorithmError else {
                    return XCTFail("call \(i): \(error)")
                }
            }
        }
        // Unweighted runs ignore the weights.
        XCTAssertNoThrow(try n.betweenness())
    }

    func testBetweenness_zeroWeight_throwsInvalidWeight() throws {
        let z = try Digraph(edgeList: "a b 0\n", directed: true)
        XCTAssertThrowsError(try z.betweenness(weighted: true))
        XCTAssertNoThrow(try z.dijkstra(from: 0))
    }

    func testPowerIterations_budgetTooSmall_throwFailedToConverge() throws {
        let f = try Fixtures.load("karate")
        XCTAssertThrowsError(try f.graph.pageRank(maxIterations: 2)) {
            XCTAssertEqual($0 as? AlgorithmError, .failedToConverge(iterations: 2, tolerance: 1e-6))
        }
        XCTAssertThrowsError(try f.graph.katzCentrality(alpha: 0.5)) {
            guard case .failedToConverge(1000, _) = $0 as? AlgorithmError else { return XCTFail("\($0)") }
            XCTAssertTrue("\($0)".contains("lower alpha"))
        }
    }

    func testArguments_outOfDomain_throwInvalidArgument() throws {
        let calls: [() throws -> Any] = [
            { try self.g.pageRank(damping: 1.5) }, { try self.g.pageRank(personalization: [1]) },
            { try self.g.pageRank(personalization: [0, 0, 0, 0, 0]) },
            { try self.g.kShortestPaths(from: 0, to: 1, k: 0) },
            { try self.g.betweenness(threads: 0) }, { try self.g.katzCentrality(alpha: -1) },
            { try self.g.egoNetwork(of: 0, radius: -1) }, { try self.g.louvainCommunities(resolution: 0) },
            { try self.g.modularity(of: [0, 1]) }, { try self.g.mostReliablePath(from: 0, to: 1) },
            { try self.g.withReliabilityWeights() },
        ]
        for (i, call) in calls.enumerated() {
            XCTAssertThrowsError(try call(), "call \(i)") { error in
                XCTAssertNotNil(error as? AlgorithmError, "call \(i)")
                XCTAssertFalse("\(error)".isEmpty)
            }
        }
    }

    func testEmptyGraph_measures_returnEmptyOrThrow() throws {
        let e = try Digraph(labels: [], edges: [], directed: false)
        XCTAssertEqual(try e.betweenness().count, 0)
        XCTAssertEqual(try e.pageRank().count, 0)
        XCTAssertEqual(e.weakComponents().count, 0)
        XCTAssertEqual(e.coreNumbers(), [])
        XCTAssertThrowsError(try e.eigenvectorCentrality())
    }
}
