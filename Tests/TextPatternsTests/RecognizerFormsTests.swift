import LinkGraph
import LinkGraphPlugin
import XCTest

@testable import TextPatterns

/// Name forms and relation guards added in the fourth tuning round, each on sentences written
/// for these tests about invented people, firms and places.
final class RecognizerFormsTests: XCTestCase {
    func testTitleAlone_isNoEntity_andOfficeWordsBeforeTheName_areDropped() throws {
        let found = try extract(
            "\u{201C}We act today,\u{201D} said Under Secretary of the Interior for Water and Power Marta Oksanen.")
        XCTAssertNotNil(found.entity("Marta Oksanen"), found.summary)
        XCTAssertFalse(
            found.entities.contains { $0.name == "Secretary" || $0.name == "Under Secretary" }, found.summary)
        XCTAssertFalse(found.entities.contains { $0.name.contains("Power") }, found.summary)
    }

    func testCountryBeforeKnownOrganization_isThatOrganization() throws {
        let found = try extract(
            "The U.S. Department of State named Ilse Brandt on Monday. Later the Department of State said more.")
        let long = try XCTUnwrap(found.entity("U.S. Department of State"), found.summary)
        XCTAssertEqual(long.kind, .organization)
        XCTAssertEqual(found.entity("Department of State")?.id, long.id, found.summary)
        XCTAssertEqual(found.entities.filter { $0.kind == .organization }.count, 1, found.summary)
    }

    func testCommonWordsBeforeACue_doNotJoinIt() throws {
        let found = try extract("Considerations for Parliament include the cost of the new bridge.")
        XCTAssertNotNil(found.entity("Parliament"), found.summary)
        XCTAssertNil(found.entity("Considerations for Parliament"), found.summary)
        // A name before the cue still joins: an organization of several words.
        let bank = try extract("Anton Varga moved the money to the Bank of Lowland Farmers in 2004.")
        XCTAssertNotNil(bank.entity("Bank of Lowland Farmers"), bank.summary)
    }

    func testOfTheAfterACue_joinsTheName_unlessAKnownNameFollows() throws {
        let found = try extract("The Office of the Harbor Inspector (OHI) reviewed the case of Anton Varga in 2014.")
        let office = try XCTUnwrap(found.entity("Office of the Harbor Inspector"), found.summary)
        XCTAssertEqual(found.entity("OHI")?.id, office.id, found.summary)
        let known = try extract("Anton Varga ran the Records Directorate of the CIA until 1990.")
        XCTAssertNotNil(known.entity("Central Intelligence Agency"), known.summary)
        XCTAssertFalse(known.entities.contains { $0.name.hasSuffix("of the CIA") }, known.summary)
    }

    func testNameParticle_joinsCapitalizedWords() throws {
        let found = try extract("The two men dined at Casa Verde de Oro, a restaurant near the harbor.")
        XCTAssertNotNil(found.entity("Casa Verde de Oro"), found.summary)
        XCTAssertNil(found.entity("Casa Verde"), found.summary)
    }

    func testAcronymFollowedByItsExpansion_isOneEntity() throws {
        let found = try extract("The NDB (Norra Dalens Bank, a regional lender) froze the account of Anton Varga.")
        let bank = try XCTUnwrap(found.entity("NDB"), found.summary)
        XCTAssertEqual(found.entity("Norra Dalens Bank")?.id, bank.id, found.summary)
    }

    func testSurnameSharedByTwoFullNames_namesNeither() throws {
        let found = try extract(
            "Anton Varga founded the Lowland Freight Company in 1990. Since 2015 it has been run by Petra Varga. "
                + "Varga denies any wrongdoing.")
        let anton = try XCTUnwrap(found.entity("Anton Varga"), found.summary)
        let petra = try XCTUnwrap(found.entity("Petra Varga"), found.summary)
        XCTAssertNotEqual(anton.id, petra.id)
        XCTAssertNil(found.entity("Varga"), found.summary)
        // One full name: the surname alone is that person.
        let one = try extract("Anton Varga founded the Lowland Freight Company. Varga sold it in 2001.")
        XCTAssertEqual(one.entity("Varga")?.id, one.entity("Anton Varga")?.id, one.summary)
    }

    func testReportingDetailsToAnOfficial_reportsToItsCountry() throws {
        let found = try extract(
            "Anton Varga met the company's auditors in May before reporting the details of the meeting to a "
                + "Norwegian official.")
        XCTAssertTrue(found.has("Anton Varga", .reportsTo, "Norway"), found.summary)
    }

    func testDocumentsProvidedToANewspaper_andAccusations_makeNoRelation() throws {
        let leak = try extract(
            "A Lowland Freight Company memo was provided jointly to the Harbor Times and the Daily Post.")
        XCTAssertFalse(leak.relations.contains { $0.kind == .reportsTo }, leak.summary)
        let accused = try extract("The Lowland Freight Company accused Anton Varga of theft in 2009.")
        XCTAssertFalse(accused.relations.contains { $0.kind == .opposes }, accused.summary)
    }

    func testFarSubject_isNotTheSubjectOfAParticipleAfterAPluralNoun() throws {
        let found = try extract(
            "Dana Keller was able to turn three harbor clerks into informants working on behalf of the Lowland "
                + "Freight Company.")
        XCTAssertFalse(found.has("Dana Keller", .reportsTo, "Lowland Freight Company"), found.summary)
    }

    func testTwoDemonyms_oneBeforeASingularNoun_stateNoRelationBetweenTheirStates() throws {
        let found = try extract("A Norwegian official met with Danes in Geneva in 2011.")
        XCTAssertFalse(found.relations.contains { $0.kind == .meetsWith }, found.summary)
        // Plural officials stand for their state (ExtractionBehaviourTests: `Iranian officials met the Americans`).
        let named = try extract("Anton Varga met with Danes in Geneva in 2011.")
        XCTAssertTrue(named.has("Anton Varga", .meetsWith, "Denmark"), named.summary)
    }

    func testOrganizationBeforeAgent_isNoAssetRelation() throws {
        let found = try extract("Harbor Police agent Marta Quill arrested the courier in 2012.")
        XCTAssertFalse(found.relations.contains { $0.kind == .reportsTo }, found.summary)
    }
}
