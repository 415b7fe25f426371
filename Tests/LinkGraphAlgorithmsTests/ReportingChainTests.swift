import XCTest

@testable import LinkGraphAlgorithms

final class ReportingChainTests: XCTestCase {
    // agent -> handler -> chief -> director; agent -> liaison -> director;
    // chief <-> deputy (cycle); analyst -> handler.
    let g = try! Digraph(
        edgeList: """
            agent handler
            handler chief
            chief director
            agent liaison
            liaison director
            chief deputy
            deputy chief
            analyst handler
            """, directed: true)

    func v(_ s: String) -> Digraph.Vertex { try! g.vertex(labeled: s) }

    func testChainUp_everyBranchToTheTop() throws {
        let chain = try g.reportingChain(from: v("agent"))
        XCTAssertEqual(chain.tops.map { g.label(of: $0) }, ["director"])
        let routes = Set(chain.branches.map { $0.path.labels(in: g) })
        XCTAssertEqual(
            routes,
            [
                ["agent", "handler", "chief", "director"], ["agent", "handler", "chief", "deputy"],
                ["agent", "liaison", "director"],
            ])
        let viaDeputy = chain.branches.first { $0.path.target == v("deputy") }!
        XCTAssertTrue(viaDeputy.endsInCycle)
        XCTAssertFalse(chain.branches.first { $0.path.target == v("director") }!.endsInCycle)
        // Nearest first, ties by vertex id (handler 1 < liaison 4; chief 2 < director 3).
        XCTAssertEqual(
            chain.above.map { "\(g.label(of: $0.vertex)):\($0.distance)" },
            ["handler:1", "liaison:1", "chief:2", "director:2", "deputy:3"])
        XCTAssertFalse(chain.truncated)
    }

    func testChainUp_terminalCycle_isTheTop() throws {
        let c = try Digraph(edgeList: "a b\nb c\nc b\n", directed: true)
        let chain = try c.reportingChain(from: 0)
        XCTAssertEqual(chain.tops, [1, 2])
        XCTAssertEqual(chain.branches.count, 1)
        XCTAssertTrue(chain.branches[0].endsInCycle)
    }

    func testChainUp_branchLimit_truncates() throws {
        let chain = try g.reportingChain(from: v("agent"), maxBranches: 1)
        XCTAssertEqual(chain.branches.count, 1)
        XCTAssertTrue(chain.truncated)
    }

    func testChainUp_nobodyAbove_rootIsTop() throws {
        let chain = try g.reportingChain(from: v("director"))
        XCTAssertEqual(chain.tops, [v("director")])
        XCTAssertTrue(chain.branches.isEmpty)
        XCTAssertTrue(chain.above.isEmpty)
    }

    func testTreeDown_everyoneWhoReportsIn_withDistance() throws {
        let tree = try g.reportingTree(to: v("director"))
        let got = Dictionary(uniqueKeysWithValues: tree.below.map { (g.label(of: $0.vertex), $0.distance) })
        XCTAssertEqual(got, ["chief": 1, "liaison": 1, "handler": 2, "deputy": 2, "agent": 2, "analyst": 3])
        XCTAssertEqual(try tree.path(from: v("analyst")).labels(in: g), ["analyst", "handler", "chief", "director"])
        let near = try g.reportingTree(to: v("director"), maxDepth: 1)
        XCTAssertEqual(Set(near.below.map { g.label(of: $0.vertex) }), ["chief", "liaison"])
    }
}
