import LinkGraph
import XCTest

@testable import LinkGraphAlgorithms

final class JSONOutputTests: XCTestCase {
    func testPathJSON_explainedHops_snapshot() throws {
        let c = ProjectionTests.caseFile
        let g = try Digraph(caseFile: c, projection: Projection(weight: .reliability))
        let p = try g.mostReliablePath(from: g.vertex(labeled: "agent"), to: g.vertex(labeled: "handler"))
        let text = JSONWriter.compact(try p.json(in: g, caseFile: c))
        XCTAssertTrue(text.hasPrefix(#"{"vertices":["agent","handler"],"cost":"#), text)
        XCTAssertTrue(text.contains(#""kind":"reportsTo","against":false,"relation":0,"confidence":0.9"#), text)
        XCTAssertTrue(text.contains(#""from_date":"2010","until_date":"2012-06""#), text)
        XCTAssertTrue(text.contains(#""evidence":[{"document":"cable-1","text":"the agent reported to his handler"}]"#), text)
    }

    func testScoresJSON_rankedByScoreWithLabels() throws {
        let f = try Fixtures.load("kite")
        let text = JSONWriter.compact(try f.graph.betweenness().json(in: f.graph, limit: 2))
        XCTAssertEqual(text, #"[{"vertex":"7","score":0.38888888888888884},{"vertex":"5","score":0.23148148148148148}]"#)
    }

    func testCentralityMeasure_everyName_computes() throws {
        let f = try Fixtures.load("karate")
        for m in CentralityMeasure.allCases {
            XCTAssertEqual(try m.compute(on: f.graph).count, 34, m.rawValue)
        }
        XCTAssertEqual(CentralityMeasure(rawValue: "in-degree"), .inDegree)
        assertScores(try CentralityMeasure.pagerank.compute(on: f.graph), f.scores("pagerank_unweighted")!, in: f, "pagerank")
    }

    func testChainJSON_deterministic() throws {
        let g = try Digraph(caseFile: ProjectionTests.caseFile, projection: .reportingLines())
        let a = JSONWriter.compact(try g.reportingChain(from: g.vertex(labeled: "agent")).json(in: g))
        let b = JSONWriter.compact(try g.reportingChain(from: g.vertex(labeled: "agent")).json(in: g))
        XCTAssertEqual(a, b)
        XCTAssertTrue(a.contains(#""tops":["chief"]"#), a)
    }
}
