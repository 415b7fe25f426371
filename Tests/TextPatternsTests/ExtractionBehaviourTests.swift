import LinkGraph
import LinkGraphPlugin
import XCTest

@testable import TextPatterns

/// Entity recognition, coreference and relation patterns on small texts written for the tests.
final class ExtractionBehaviourTests: XCTestCase {
    func testEntities_gazetteerDemonymsAndAcronyms() throws {
        let found = try extract("Iranian officials met the Americans. The CIA and MI6 watched. The us team lost.")
        XCTAssertEqual(found.entity("Iran")?.kind, .country, found.summary)
        XCTAssertEqual(found.entity("United States")?.kind, .country)
        XCTAssertEqual(found.entity("Central Intelligence Agency")?.kind, .organization)
        XCTAssertEqual(found.entity("Secret Intelligence Service")?.aliases, ["MI6"])
        XCTAssertTrue(found.has("Iran", .meetsWith, "United States"), found.summary)
        // "us" in lower case is not the United States: only the two demonym mentions.
        XCTAssertEqual(found.entity("United States")?.mentions.count, 1)
    }

    func testEntities_titleCaseNamesWithParticlesRanksAndCues() throws {
        let found = try extract(
            "Lt. Gen. Karim bin Saleh spoke to Anna von Trapp. The Eastern Shield Forces (ESF) guard the Qandil River Valley."
        )
        XCTAssertEqual(found.entity("Karim bin Saleh")?.kind, .person, found.summary)
        XCTAssertTrue(found.entity("Karim bin Saleh")?.aliases.contains("Lt. Gen. Karim bin Saleh") ?? false)
        XCTAssertEqual(found.entity("Anna von Trapp")?.kind, .person)
        XCTAssertEqual(found.entity("Eastern Shield Forces")?.kind, .organization)
        XCTAssertEqual(found.entity("Eastern Shield Forces")?.aliases, ["ESF"])
        XCTAssertEqual(found.entity("Qandil River Valley")?.kind, .place)
    }

    func testCoreference_surnamesAcronymsDesignationsAndAliases() throws {
        let found = try extract(
            """
            Farid al-Hakim joined the Coastal Defense Front in 2010. Years later al-Hakim quit the CDF. \
            An informant, codenamed Source 2210 but known to his handlers as "Lantern", warned Hakim.
            """)
        let hakim = try XCTUnwrap(found.entity("Farid al-Hakim"), found.summary)
        XCTAssertTrue(hakim.aliases.contains("al-Hakim") && hakim.aliases.contains("Hakim"), "\(hakim.aliases)")
        XCTAssertEqual(hakim.mentions.count, 3)
        XCTAssertEqual(found.entity("CDF")?.name, "Coastal Defense Front", found.summary)
        XCTAssertEqual(found.entity("Lantern")?.name, "Source 2210", found.summary)
        XCTAssertTrue(found.has("Farid al-Hakim", .memberOf, "Coastal Defense Front"), found.summary)
        XCTAssertEqual(
            found.relation("Farid al-Hakim", .memberOf, "Coastal Defense Front")?.from, PartialDate(year: 2010))
        XCTAssertTrue(found.has("Farid al-Hakim", .defectedFrom, "Coastal Defense Front"), found.summary)
    }

    func testRelations_oneSentencePerKind() throws {
        let cases: [(String, String, RelationKind, String)] = [
            ("Rana Aziz, the former prime minister of Jordan, spoke.", "Rana Aziz", .memberOf, "Jordan"),
            ("Omar Tal, an adviser to Rana Aziz, left early.", "Omar Tal", .advises, "Rana Aziz"),
            ("Omar Tal reported to the Mossad for years.", "Omar Tal", .reportsTo, "Mossad"),
            ("Rana Aziz commanded the Northern Hawks Brigade.", "Rana Aziz", .controls, "Northern Hawks Brigade"),
            ("Qatar expanded its influence over Lebanon.", "Qatar", .influences, "Lebanon"),
            ("The Gulf Trade Bank paid Omar Tal handsomely.", "Gulf Trade Bank", .pays, "Omar Tal"),
            ("Lena Ortiz defected from the FARC in 2015.", "Lena Ortiz", .defectedFrom, "FARC"),
            ("Lena Ortiz switched loyalties to the ELN Front.", "Lena Ortiz", .defectedTo, "ELN Front"),
            ("Rana Aziz met with Omar Tal in Amman.", "Rana Aziz", .meetsWith, "Omar Tal"),
            ("The Iraq-backed militia, the Ninawa Guard, marched.", "Iraq", .alliedWith, "Ninawa Guard"),
            ("Hamas has waged a campaign against Fatah.", "Hamas", .opposes, "Fatah"),
            ("Mossad agents spied on Omar Tal.", "Mossad", .monitors, "Omar Tal"),
            ("Hezbollah fighters stationed in Syria wait.", "Hezbollah", .locatedIn, "Syria"),
        ]
        for (text, source, kind, target) in cases {
            let found = try extract(text)
            XCTAssertTrue(found.has(source, kind, target), "\(text) → \(found.summary)")
        }
    }

    func testRelations_datesHedgesAndNegation() throws {
        let found = try extract(
            "Rana Aziz met with Omar Tal in Dec. 2014. Omar Tal reportedly paid Lena Ortiz. Lena Ortiz did not meet Rana Aziz. "
                + "Omar Tal served in the Jordanian Army from 2001 until 2009.")
        let meeting = try XCTUnwrap(
            found.relation("Rana Aziz", .meetsWith, "Omar Tal") ?? found.relation("Omar Tal", .meetsWith, "Rana Aziz"),
            found.summary)
        XCTAssertEqual(meeting.from, PartialDate(year: 2014, month: 12))
        XCTAssertEqual(meeting.until, PartialDate(year: 2014, month: 12))
        let paid = try XCTUnwrap(found.relation("Omar Tal", .pays, "Lena Ortiz"), found.summary)
        XCTAssertLessThan(paid.confidence, 0.75)
        XCTAssertFalse(found.has("Lena Ortiz", .meetsWith, "Rana Aziz"), found.summary)
        let served = try XCTUnwrap(found.relation("Omar Tal", .memberOf, "Jordanian Army"), found.summary)
        XCTAssertEqual(served.from, PartialDate(year: 2001))
        XCTAssertEqual(served.until, PartialDate(year: 2009))
    }

    func testRelations_pronounsDefiniteDescriptionsAndCreatedEntities() throws {
        let found = try extract(
            "Lena Ortiz arrived in Quito. The Andes Mutual Bank paid her brother, Tomas Ortiz. Later the bank paid him again. "
                + "Rana Aziz had a senior political aide who was a Syrian intelligence asset.")
        // `the bank` is the Andes Mutual Bank; `him` the nearest person before it.
        let paid = found.relation("Andes Mutual Bank", .pays, "Tomas Ortiz")
        XCTAssertEqual(paid?.evidence.count, 1, found.summary)
        XCTAssertFalse(found.has("Andes Mutual Bank", .pays, "Lena Ortiz"), found.summary)
        let aide = try XCTUnwrap(found.entity("Rana Aziz's aide"), found.summary)
        XCTAssertEqual(aide.kind, .person)
        XCTAssertTrue(found.has("Rana Aziz's aide", .advises, "Rana Aziz"), found.summary)
        XCTAssertTrue(found.has("Rana Aziz's aide", .reportsTo, "Syrian intelligence"), found.summary)
    }

    func testExtract_emptyAndOddInput_doNotThrow() throws {
        XCTAssertEqual(try extract("").entities.count, 0)
        XCTAssertNoThrow(try extract("\u{201C}\u{201D} ... -- ( ) U.S. 's '"))
        XCTAssertNoThrow(
            try sharedExtractor.extract(
                ExtractionRequest(id: "b", mediaType: "text/plain", bytes: [0xFF, 0xFE, 0x41, 0xE2, 0x80])))
    }
}
