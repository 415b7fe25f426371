import XCTest

@testable import LinkGraph

final class EntityLookupTests: XCTestCase {
    static let lookup = EntityLookup(
        CaseFile(entities: [
            Entity(id: "united-states", name: "United States", kind: .country, aliases: ["US", "U.S."]),
            Entity(id: "hatem-al-maksusi", name: "Hatem al-Maksusi", kind: .person, aliases: ["Maksusi"]),
            Entity(id: "salim-al-jabouri", name: "Salim al-Jabouri", kind: .person, aliases: ["Jabouri"]),
            Entity(id: "jabouri-adviser", name: "al-Jabouri's adviser", kind: .person),
            Entity(id: "twin1", name: "Twin", kind: .person),
            Entity(id: "twin2", name: "Twin", kind: .person),
        ]))

    func testResolve_byIdNameOrAlias_caseAndSpaceFolded() throws {
        XCTAssertEqual(try Self.lookup.resolve("united-states"), "united-states")
        XCTAssertEqual(try Self.lookup.resolve("  united   STATES "), "united-states")
        XCTAssertEqual(try Self.lookup.resolve("u.s."), "united-states")
        XCTAssertEqual(try Self.lookup.resolve("maksusi"), "hatem-al-maksusi")
    }

    func testResolve_ambiguousName_listsEveryMatchWithItsId() {
        XCTAssertThrowsError(try Self.lookup.resolve("twin")) { error in
            XCTAssertEqual(error as? LookupError, .ambiguous(query: "twin", matches: [
                .init(id: "twin1", name: "Twin"), .init(id: "twin2", name: "Twin"),
            ]))
            XCTAssertEqual("\(error)", "'twin' names 2 entities: 'Twin' (twin1), 'Twin' (twin2); use an id")
        }
    }

    func testResolve_unknown_suggestsCloseNamesNotShortAliasesInsideTheQuery() {
        // A misspelling is one edit from the alias; "US" is inside "maksusy" but too short to count.
        XCTAssertThrowsError(try Self.lookup.resolve("Maksusy")) { error in
            XCTAssertEqual("\(error)", "no entity is named 'Maksusy' (by id, name or alias); did you mean 'Hatem al-Maksusi' (hatem-al-maksusi)?")
        }
        // A part of a name suggests every entity whose name holds it.
        XCTAssertThrowsError(try Self.lookup.resolve("al-Jab")) { error in
            guard case .notFound(_, let suggestions) = error as? LookupError else { return XCTFail("\(error)") }
            XCTAssertEqual(Set(suggestions.map(\.id)), ["salim-al-jabouri", "jabouri-adviser"])
        }
        // A longer query holding a whole name suggests it.
        XCTAssertThrowsError(try Self.lookup.resolve("Salim al-Jabouri, speaker")) { error in
            guard case .notFound(_, let suggestions) = error as? LookupError else { return XCTFail("\(error)") }
            XCTAssertEqual(suggestions.first?.id, "salim-al-jabouri")
        }
        XCTAssertThrowsError(try Self.lookup.resolve("Soleimani")) { error in
            XCTAssertEqual("\(error)", "no entity is named 'Soleimani' (by id, name or alias)")
        }
    }

    func testResolve_edgeListLabels_shownByLabel() {
        let lookup = EntityLookup(labels: ["17", "42"])
        XCTAssertEqual(try lookup.resolve("42"), "42")
        XCTAssertThrowsError(try lookup.resolve("43")) { error in
            XCTAssertEqual("\(error)", "no entity is named '43' (by id, name or alias); did you mean '42'?")
        }
    }
}
