import LinkGraph
import XCTest

@testable import LinkGraphAlgorithms

final class ProjectionTests: XCTestCase {
    /// A small agent network: who reports to whom, who controls what, who met whom.
    static let caseFile = CaseFile(
        entities: [
            Entity(id: "agent", name: "Agent", kind: "person"),
            Entity(id: "handler", name: "Handler", kind: "person"),
            Entity(id: "station", name: "Station", kind: "organization"),
            Entity(id: "chief", name: "Chief", kind: "person"),
            Entity(id: "rival", name: "Rival", kind: "person"),
            Entity(id: "loner", name: "Loner", kind: "person"),
        ],
        relations: [
            Relation(
                source: "agent", target: "handler", kind: .reportsTo, confidence: 0.9,
                from: PartialDate("2010"), until: PartialDate("2012-06"),
                evidence: [Evidence(document: "cable-1", text: "the agent reported to his handler")]),
            Relation(source: "handler", target: "station", kind: .memberOf, confidence: 0.8, from: PartialDate("2011")),
            Relation(source: "chief", target: "station", kind: .controls, weight: 3),
            Relation(
                source: "agent", target: "rival", kind: .meetsWith, confidence: 0.5, from: PartialDate("2013-02-01")),
            Relation(source: "rival", target: "chief", kind: .reportsTo, confidence: 0.2),
        ])

    func v(_ g: Digraph, _ id: String) -> Digraph.Vertex { try! g.vertex(labeled: id) }

    func testProjection_default_followsDirectionAndSymmetricKindsBothWays() throws {
        let g = try Digraph(caseFile: Self.caseFile)
        XCTAssertTrue(g.isDirected)
        XCTAssertFalse(g.isWeighted)
        XCTAssertEqual(g.labels, ["agent", "handler", "station", "chief", "rival", "loner"])
        XCTAssertEqual(g.edgeCount, 6)  // meetsWith gives two arcs
        XCTAssertNotNil(g.arc(from: v(g, "rival"), to: v(g, "agent")))
        XCTAssertNil(g.arc(from: v(g, "handler"), to: v(g, "agent")))
        XCTAssertEqual(g.outDegree(of: v(g, "loner")), 0)
    }

    func testProjection_kindsAndUndirected() throws {
        let g = try Digraph(
            caseFile: Self.caseFile, projection: Projection(kinds: [.reportsTo], direction: .undirected))
        XCTAssertFalse(g.isDirected)
        XCTAssertEqual(g.edgeCount, 2)
        let p = try g.shortestPath(from: v(g, "handler"), to: v(g, "agent"))
        XCTAssertEqual(p.hops[0].relation, 0)
        XCTAssertTrue(p.hops[0].againstRelation)
    }

    func testProjection_asOf_keepsOnlyRelationsValidThen() throws {
        let g2010 = try Digraph(caseFile: Self.caseFile, projection: Projection(asOf: PartialDate("2010")))
        XCTAssertEqual((0..<g2010.edgeCount).compactMap { g2010.relation(ofEdge: $0) }, [0, 2, 4])
        let g2013 = try Digraph(caseFile: Self.caseFile, projection: Projection(asOf: PartialDate("2013-03")))
        XCTAssertEqual(Set((0..<g2013.edgeCount).compactMap { g2013.relation(ofEdge: $0) }), [1, 2, 3, 4])
    }

    func testProjection_reliability_mostReliablePathAndExplanation() throws {
        let g = try Digraph(caseFile: Self.caseFile, projection: Projection(weight: .reliability))
        XCTAssertEqual(g.weighting, .reliability)
        let p = try g.mostReliablePath(from: v(g, "agent"), to: v(g, "station"))
        XCTAssertEqual(p.labels(in: g), ["agent", "handler", "station"])
        XCTAssertEqual(p.reliability!, 0.72, accuracy: 1e-12)
        let hops = try p.explained(in: Self.caseFile, graph: g)
        XCTAssertEqual(hops.map(\.kind), [.reportsTo, .memberOf])
        XCTAssertEqual(hops[0].evidence.first?.document, "cable-1")
        XCTAssertEqual(hops[0].summary, "agent -reportsTo-> handler")
        XCTAssertEqual(hops[0].validUntil, PartialDate("2012-06"))
    }

    func testProjection_weight_usesRelationWeight() throws {
        let g = try Digraph(caseFile: Self.caseFile, projection: Projection(weight: .weight))
        XCTAssertEqual(g.weight(ofEdge: 2), 3)
        XCTAssertEqual(g.weight(ofEdge: 0), 1)
    }

    func testReportingLines_controlsReversed_chainReachesTheChief() throws {
        let g = try Digraph(caseFile: Self.caseFile, projection: .reportingLines())
        let chain = try g.reportingChain(from: v(g, "agent"))
        XCTAssertEqual(chain.tops.map { g.label(of: $0) }, ["chief"])
        XCTAssertEqual(chain.branches.map { $0.path.labels(in: g) }, [["agent", "handler", "station", "chief"]])
        let hops = try chain.branches[0].path.explained(in: Self.caseFile, graph: g)
        XCTAssertEqual(
            hops.map(\.summary),
            ["agent -reportsTo-> handler", "handler -memberOf-> station", "station <-controls- chief"])
        let tree = try g.reportingTree(to: v(g, "chief"))
        XCTAssertEqual(
            Dictionary(uniqueKeysWithValues: tree.below.map { (g.label(of: $0.vertex), $0.distance) }),
            ["station": 1, "rival": 1, "handler": 2, "agent": 3])
    }

    func testProjection_timeRespecting_usesRelationDates() throws {
        let g = try Digraph(caseFile: Self.caseFile)
        // agent -> handler (2010..2012-06) then handler -> station (from 2011): fine.
        let p = try g.timeRespectingPath(from: v(g, "agent"), to: v(g, "station"))
        XCTAssertEqual(p.hopDays, [2010_01_01, 2011_01_01])
        // rival met agent from 2013-02-01, but agent's reporting ended 2012-06: no timely path.
        XCTAssertThrowsError(try g.timeRespectingPath(from: v(g, "rival"), to: v(g, "handler"))) {
            XCTAssertEqual($0 as? AlgorithmError, .noPath(from: "rival", to: "handler"))
        }
        XCTAssertNoThrow(try g.shortestPath(from: v(g, "rival"), to: v(g, "handler")))
    }

    func testProjection_unknownEntity_throwsVertexNotFound() {
        var c = Self.caseFile
        c.relations.append(Relation(source: "agent", target: "ghost", kind: .pays))
        XCTAssertThrowsError(try Digraph(caseFile: c)) {
            XCTAssertEqual($0 as? AlgorithmError, .vertexNotFound("ghost"))
        }
    }

    func testProjection_badConfidence_throwsInvalidWeight() {
        var c = Self.caseFile
        c.relations[0].confidence = 0
        XCTAssertThrowsError(try Digraph(caseFile: c, projection: Projection(weight: .reliability))) {
            guard case .invalidWeight(from: "agent", to: "handler", _, _) = $0 as? AlgorithmError else {
                return XCTFail("\($0)")
            }
        }
    }
}
