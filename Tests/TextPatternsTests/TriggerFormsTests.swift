import LinkGraph
import LinkGraphPlugin
import XCTest

@testable import TextPatterns

/// The relation forms generated from the trigger lexicon (Resources/triggers.yaml), on sentences
/// written for these tests about invented people and groups. Each test states one form.
final class TriggerFormsTests: XCTestCase {
    private func assertRelation(
        _ text: String, _ source: String, _ kind: RelationKind, _ target: String, file: StaticString = #filePath,
        line: UInt = #line
    ) throws {
        let found = try extract(text)
        XCTAssertTrue(
            found.has(source, kind, target), "\(source) \(kind) \(target) in: \(found.summary)", file: file, line: line)
    }

    func testCopular_isTheHeadOf() throws {
        try assertRelation(
            "Dana Keller is the head of the Northern Shield Brigades.", "Dana Keller", .controls,
            "Northern Shield Brigades")
        try assertRelation(
            "Marek Olsz was a member of the Teal Hand Movement until 2011.", "Marek Olsz", .memberOf,
            "Teal Hand Movement")
    }

    func testAppositive_aMemberOf() throws {
        try assertRelation(
            "Omar Haddad, a member of the Red Crescent Brigade, crossed the river.", "Omar Haddad", .memberOf,
            "Red Crescent Brigade")
        try assertRelation(
            "Ilse Brandt, the director of the Vesper Institute, resigned.", "Ilse Brandt", .controls, "Vesper Institute"
        )
    }

    func testPossessive_ownersRoleNoun() throws {
        try assertRelation(
            "The Red Crescent Brigade's commander, Omar Haddad, crossed the river.", "Omar Haddad", .controls,
            "Red Crescent Brigade")
        try assertRelation(
            "The Vesper Institute's director Ilse Brandt resigned.", "Ilse Brandt", .controls, "Vesper Institute")
    }

    func testPremodifier_organizationBeforeTitleAndName() throws {
        try assertRelation(
            "Vesper Institute Director Ilse Brandt resigned on Monday.", "Ilse Brandt", .controls, "Vesper Institute")
        try assertRelation(
            "Marek Olsz was a Teal Hand Movement official.", "Marek Olsz", .memberOf, "Teal Hand Movement")
    }

    func testPassive_wasRecruitedBy() throws {
        try assertRelation(
            "Lina Varga was recruited by the Federal Security Service in 2004.", "Lina Varga", .reportsTo,
            "Federal Security Service")
        // The active form gives the same direction ("recruit" is reversed in the lexicon).
        try assertRelation(
            "The Federal Security Service recruited Lina Varga in 2004.", "Lina Varga", .reportsTo,
            "Federal Security Service")
        // An agentless passive with a preposition keeps the subject as the source.
        try assertRelation("Lina Varga was posted to Vienna in 2009.", "Lina Varga", .locatedIn, "Vienna")
    }

    func testRelativeClause_whoHeads() throws {
        try assertRelation(
            "Omar Haddad, who heads the Red Crescent Brigade, crossed the river.", "Omar Haddad", .controls,
            "Red Crescent Brigade")
    }

    func testOnBehalfOf_andOwnedOrControlledBy() throws {
        try assertRelation(
            "Korvex Holdings acted for or on behalf of Tarsin Commercial Bank.", "Korvex Holdings", .reportsTo,
            "Tarsin Commercial Bank")
        try assertRelation(
            "Korvex Holdings is owned or controlled by Omar Haddad.", "Omar Haddad", .controls, "Korvex Holdings")
        try assertRelation(
            "Korvex Holdings, a front company based in Dubai, worked on behalf of the Teal Hand Movement.",
            "Korvex Holdings", .reportsTo, "Teal Hand Movement")
    }

    func testCoordinatedHolders_allGetTheRelation() throws {
        let found = try extract("Teal Hand Movement members Ana Pol, Ivo Rask and Mila Tenn were arrested.")
        for name in ["Ana Pol", "Ivo Rask", "Mila Tenn"] {
            XCTAssertTrue(found.has(name, .memberOf, "Teal Hand Movement"), "\(name): \(found.summary)")
        }
    }

    func testPronounsAndDefiniteDescriptions_resolveToTheLastCompatibleName() throws {
        try assertRelation(
            "Omar Haddad returned in May. He heads the Red Crescent Brigade now.", "Omar Haddad", .controls,
            "Red Crescent Brigade")
        try assertRelation(
            "Tarsin Commercial Bank opened in 2010. Two years later the bank funded the Red Crescent Brigade.",
            "Tarsin Commercial Bank", .pays, "Red Crescent Brigade")
        try assertRelation(
            "Omar Haddad visited the Ministry of Interior in May. The ministry had recruited Lina Varga.",
            "Lina Varga", .reportsTo, "Ministry of Interior")
    }

    func testNegation_dropsTheRelation() throws {
        let found = try extract(
            "Omar Haddad did not join the Red Crescent Brigade. Lina Varga never worked for the Vesper Institute.")
        XCTAssertFalse(found.has("Omar Haddad", .memberOf, "Red Crescent Brigade"), found.summary)
        XCTAssertFalse(found.has("Lina Varga", .memberOf, "Vesper Institute"), found.summary)
    }

    func testHedge_lowersTheConfidence() throws {
        let plain = try XCTUnwrap(
            extract("Omar Haddad heads the Red Crescent Brigade.").relation(
                "Omar Haddad", .controls, "Red Crescent Brigade"))
        let hedged = try XCTUnwrap(
            extract("Omar Haddad reportedly heads the Red Crescent Brigade.").relation(
                "Omar Haddad", .controls, "Red Crescent Brigade"))
        XCTAssertLessThan(hedged.confidence, plain.confidence)
    }

    func testConfidence_nearSubjectAboveFarSubject() throws {
        let near = try XCTUnwrap(
            extract("Omar Haddad joined the Red Crescent Brigade.").relation(
                "Omar Haddad", .memberOf, "Red Crescent Brigade"))
        let far = try extract(
            "Omar Haddad, after many years abroad, in exile, and a long trial, finally joined the Red Crescent Brigade."
        )
        let farRelation = far.relation("Omar Haddad", .memberOf, "Red Crescent Brigade")
        XCTAssertLessThan(farRelation?.confidence ?? 0, near.confidence, far.summary)
        XCTAssertEqual(near.attributes["rule"], .string("trigger:memberOf:join:active"))
    }

    func testArgumentKinds_mustFitTheKind() throws {
        // locatedIn ends in a place or a country; memberOf ends in an organization or a country.
        let found = try extract("Omar Haddad lives in Tarsin Commercial Bank. Lina Varga is a member of Omar Haddad.")
        XCTAssertFalse(found.has("Omar Haddad", .locatedIn, "Tarsin Commercial Bank"), found.summary)
        XCTAssertFalse(found.has("Lina Varga", .memberOf, "Omar Haddad"), found.summary)
    }

    func testNoWorldKnowledge_noContainmentAndNoUnstatedCountryRelations() throws {
        let found = try extract(
            "Reporters in Baghdad spoke to officials. Later, Iran and Iraq published their budgets.")
        XCTAssertNotNil(found.entity("Baghdad"), found.summary)
        XCTAssertTrue(found.relations.isEmpty, found.summary)
    }

    func testWordList_capitalizedCommonWordsAreNoNames() throws {
        let found = try extract(
            "Evidence suggests that Omar Haddad left. A Review of Performance and Deterrence was published by the Vesper Institute."
        )
        XCTAssertNil(found.entity("Evidence"), found.summary)
        XCTAssertNil(found.entity("Performance"), found.summary)
        XCTAssertNil(found.entity("Review"), found.summary)
        XCTAssertNotNil(found.entity("Omar Haddad"), found.summary)
        // A surname that is also a common word stays, merged with the full name.
        let harrow = try extract("General Piet Harrow commands the Vesper Guard. Harrow left in May.")
        XCTAssertTrue(harrow.entity("Piet Harrow")?.aliases.contains("Harrow") ?? false, harrow.summary)
    }

    func testWordList_missingFileIsAClearError() throws {
        XCTAssertThrowsError(try TextPatternsExtractor(rules: [], gazetteers: [], wordList: "/nonexistent/words")) {
            error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("/nonexistent/words") && message.contains("wamerican"), message)
        }
    }
}

/// The trigger lexicon file and the verb and noun forms generated from it.
final class TriggerLexiconTests: XCTestCase {
    func testShippedLexicon_hasEveryRelationKindOfTheFormat() throws {
        let file = try RulesFile.builtInTriggers()
        let kinds = Set(file.triggers.kinds.map(\.kind))
        let format: Set<String> = [
            "reportsTo", "memberOf", "advises", "controls", "influences", "pays", "defectedFrom", "defectedTo",
            "meetsWith",
            "alliedWith", "opposes", "monitors", "locatedIn",
        ]
        XCTAssertEqual(kinds, format)
        XCTAssertTrue(file.triggers.hedges.contains("allegedly"))
        XCTAssertTrue(file.triggers.negations.contains("denied"))
        let reports = try XCTUnwrap(file.triggers.kinds.first { $0.kind == "reportsTo" })
        XCTAssertTrue(reports.verbs.contains { $0.phrase == "recruit" && $0.reverse })
        XCTAssertEqual(reports.source, ["person", "organization"])
    }

    func testInflection_verbFormsAndPlurals() {
        XCTAssertEqual(Inflection.allForms("recruit"), ["recruit", "recruits", "recruiting", "recruited"])
        XCTAssertEqual(Inflection.allForms("control"), ["control", "controls", "controlling", "controlled"])
        XCTAssertEqual(Inflection.allForms("flee"), ["flee", "flees", "fleeing", "fled"])
        XCTAssertEqual(Inflection.allForms("spy"), ["spy", "spies", "spying", "spied"])
        XCTAssertEqual(Inflection.allForms("plan"), ["plan", "plans", "planning", "planned"])
        XCTAssertEqual(Inflection.participle("bear"), ["born", "borne"])
        XCTAssertEqual(Inflection.plural("spokesman"), "spokesmen")
        XCTAssertEqual(Inflection.plural("boss"), "bosses")
        let words = ["own", "or", "control"]
        XCTAssertEqual(
            TriggerPatterns.inflect(words, TriggerPatterns.verbPositions(words), Inflection.participle),
            ["owned or controlled"])
        let behalf = ["act", "for", "or", "on", "behalf", "of"]
        XCTAssertEqual(TriggerPatterns.verbPositions(behalf), [0])
    }

    func testUserTriggers_extendTheBuiltIns() throws {
        let rules = try RulesFile(
            yaml: """
                version: 1
                kinds:
                  pays:
                    verbs: ["wire money to"]
                    source: [person, organization]
                    target: [person, organization]
                """, path: "mine.yaml")
        let extractor = try TextPatternsExtractor(rules: [rules], gazetteers: [])
        let found = try extract("Omar Haddad wired money to the Teal Hand Movement.", with: extractor)
        XCTAssertTrue(found.has("Omar Haddad", .pays, "Teal Hand Movement"), found.summary)
    }

    func testBadTriggers_nameTheFileAndLine() {
        let cases: [(String, String)] = [
            (
                "version: 1\nkinds:\n  pays:\n    verbs: [{verb: pay, reverse: maybe}]\n",
                "mine.yaml:4: reverse must be true or false"
            ),
            (
                "version: 1\nkinds:\n  pays:\n    source: [person]\n",
                "mine.yaml:4: kind 'pays' needs 'verbs' or 'nouns'"
            ),
            (
                "version: 1\nkinds:\n  pays:\n    verbs: [\"pay ~3 to\"]\n",
                "mine.yaml:4: \"pay ~3 to\" in 'pays': a trigger is plain words"
            ),
            (
                "version: 1\nkinds:\n  \"pays to\":\n    verbs: [pay]\n",
                "mine.yaml:3: 'pays to' is not a relation kind name"
            ),
            (
                "version: 1\nkinds:\n  pays:\n    nouns: [payer]\n    when: now\n",
                "mine.yaml:5: unknown key 'when' in kind 'pays'"
            ),
        ]
        for (yaml, expected) in cases {
            XCTAssertThrowsError(try RulesFile(yaml: yaml, path: "mine.yaml"), expected) { error in
                XCTAssertTrue("\(error)".hasPrefix(expected), "\(error) does not start with \(expected)")
            }
        }
    }
}
