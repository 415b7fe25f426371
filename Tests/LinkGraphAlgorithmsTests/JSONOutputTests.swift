import Foundation
import LinkGraph
import XCTest

@testable import LinkGraphAlgorithms

final class JSONOutputTests: XCTestCase {
    func testPathJSON_explainedHops_documentedShape() throws {
        let c = ProjectionTests.caseFile
        let g = try Digraph(caseFile: c, projection: Projection(weight: .reliability))
        let p = try g.mostReliablePath(from: g.vertex(labeled: "agent"), to: g.vertex(labeled: "handler"))
        let text = JSONWriter.compact(try Path.json([p], in: g, caseFile: c))
        XCTAssertTrue(text.hasPrefix(#"{"paths":[{"vertices":["agent","handler"],"cost":"#), text)
        XCTAssertTrue(
            text.contains(
                #"{"source":"agent","target":"handler","kind":"reportsTo","evidence":[{"document":"cable-1","text":"#
                    + #""the agent reported to his handler"}],"againstRelation":false,"relation":0,"confidence":0.9,"#
                    + #""from":"2010","until":"2012-06"}"#), text)
        XCTAssertTrue(text.contains(#""reliability":0.9"#), text)
    }

    func testPathJSON_edgeList_hopsAreEdges() throws {
        let g = try Digraph(edgeList: "a b 2\nb c 3\n", directed: true)
        let p = try g.shortestPath(from: g.vertex(labeled: "a"), to: g.vertex(labeled: "c"))
        XCTAssertEqual(
            JSONWriter.compact(try p.json(in: g, caseFile: nil)),
            #"{"vertices":["a","b","c"],"cost":5,"hops":["#
                + #"{"source":"a","target":"b","kind":"edge","evidence":[],"weight":2},"#
                + #"{"source":"b","target":"c","kind":"edge","evidence":[],"weight":3}]}"#)
    }

    func testScoresJSON_everyVertexByID() throws {
        let f = try Fixtures.load("kite")
        let text = JSONWriter.compact(try f.graph.betweenness().json(measure: "betweenness", in: f.graph))
        XCTAssertTrue(text.hasPrefix(#"{"measure":"betweenness","values":{"#), text)
        XCTAssertTrue(text.contains(#""7":0.38888888888888884"#), text)
    }

    func testCentralityMeasure_everyName_computes() throws {
        let f = try Fixtures.load("karate")
        for m in CentralityMeasure.allCases {
            XCTAssertEqual(try m.scores(on: f.graph).count, 34, m.rawValue)
        }
        XCTAssertEqual(CentralityMeasure(rawValue: "pagerank"), .pagerank)
        let unweighted = CentralityMeasure.Parameters(weighted: false)
        let pagerank = try CentralityMeasure.pagerank.scores(on: f.graph, unweighted)
        assertScores(pagerank, f.scores("pagerank_unweighted")!, in: f, "pagerank")
        let directed = try Fixtures.load("random-directed")
        let inDegree = try CentralityMeasure.degree.scores(on: directed.graph, .init(degreeMode: .in))
        assertScores(inDegree, directed.scores("in_degree_centrality")!, in: directed, "in-degree")
        let alpha = (directed.expected["katz_alpha"] as! NSNumber).doubleValue
        let katz = try CentralityMeasure.katz.scores(on: directed.graph, .init(alpha: alpha, beta: 2, weighted: false))
        assertScores(katz, directed.scores("katz_beta2")!, in: directed, "katz beta 2")
    }

    func testChainJSON_deterministic() throws {
        let g = try Digraph(caseFile: ProjectionTests.caseFile, projection: .reportingLines())
        let chain = try g.reportingChain(from: g.vertex(labeled: "agent"))
        let a = JSONWriter.compact(chain.json(in: g, caseFile: ProjectionTests.caseFile))
        let again = try g.reportingChain(from: g.vertex(labeled: "agent"))
        let b = JSONWriter.compact(again.json(in: g, caseFile: ProjectionTests.caseFile))
        XCTAssertEqual(a, b)
        XCTAssertTrue(a.hasPrefix(#"{"entity":"agent","above":[{"id":"#), a)
        XCTAssertTrue(a.contains(#""tops":["chief"]"#), a)
        XCTAssertTrue(a.contains(#""endsInCycle":false"#), a)
    }
}
