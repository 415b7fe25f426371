import LinkGraph
import XCTest

@testable import LinkGraphAlgorithms

/// Gould–Fernandez roles counted by hand on a small directed graph, and groups from a case.
final class BrokerageTests: XCTestCase {
    /// b (group 1) sits between x (1), w (2), v (3), u (unknown) and y (1), z (2), t (3);
    /// x → z closes x → b → z.
    func testRoles_handCounted() throws {
        let labels = ["x", "y", "z", "b", "w", "v", "t", "u"]
        let arcs = [(0, 3), (4, 3), (5, 3), (7, 3), (3, 1), (3, 2), (3, 6), (0, 2)]
        let g = try Digraph(
            labels: labels, edges: arcs.map { .init(source: Int32($0.0), target: Int32($0.1)) }, directed: true)
        let groups = [1, 1, 2, 1, 2, 3, 3, -1]
        let roles = try g.brokerage(groups: groups)
        // x→b→y coordinator; x→b→t representative; w→b→y, v→b→y gatekeeper;
        // w→b→z, v→b→t itinerant; w→b→t, v→b→z liaison; x→b→z closed; u unknown.
        XCTAssertEqual(roles.count(3, .coordinator), 1)
        XCTAssertEqual(roles.count(3, .representative), 1)
        XCTAssertEqual(roles.count(3, .gatekeeper), 2)
        XCTAssertEqual(roles.count(3, .itinerant), 2)
        XCTAssertEqual(roles.count(3, .liaison), 2)
        XCTAssertEqual(roles.total(3), 8)
        for v in g.vertices where v != 3 { XCTAssertEqual(roles.total(v), 0, labels[Int(v)]) }
    }

    /// Undirected: a – b – c with a, c in one group and b in another: b is itinerant both ways.
    func testRoles_undirected_countBothDirections() throws {
        let g = try Digraph(
            labels: ["a", "b", "c"], edges: [.init(source: 0, target: 1), .init(source: 1, target: 2)], directed: false)
        let roles = try g.brokerage(groups: [0, 1, 0])
        XCTAssertEqual(roles.count(1, .itinerant), 2)
        XCTAssertEqual(roles.total(1), 2)
        XCTAssertThrowsError(try g.brokerage(groups: [0]))
    }

    func testGroups_countryAndOrganization_fromCase() throws {
        let caseFile = CaseFile(
            entities: [
                Entity(id: "iran", name: "Iran", kind: .country),
                Entity(id: "irgc", name: "IRGC", kind: .organization),
                Entity(id: "agent", name: "Agent", kind: .person),
                Entity(id: "visitor", name: "Visitor", kind: .person, attributes: ["country": "iraq"]),
                Entity(id: "loner", name: "Loner", kind: .person),
            ],
            relations: [
                Relation(source: "agent", target: "irgc", kind: .memberOf),
                Relation(source: "irgc", target: "iran", kind: .memberOf),
                Relation(source: "visitor", target: "agent", kind: .meetsWith),
            ])
        let g = try Digraph(caseFile: caseFile)
        let country = try Groups(.country, caseFile: caseFile, graph: g)
        XCTAssertEqual(country.groupOf.map { $0 < 0 ? "-" : country.names[$0] }, ["iran", "iran", "iran", "iraq", "-"])
        let organization = try Groups(.organization, caseFile: caseFile, graph: g)
        XCTAssertEqual(
            organization.groupOf.map { $0 < 0 ? "-" : organization.names[$0] }, ["-", "irgc", "irgc", "-", "-"])
        let attribute = try Groups(.attribute("country"), caseFile: caseFile, graph: g)
        XCTAssertEqual(attribute.groupOf.filter { $0 >= 0 }.count, 1)
    }
}
