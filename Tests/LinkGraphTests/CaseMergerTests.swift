import XCTest

@testable import LinkGraph

final class CaseMergerTests: XCTestCase {
    /// A case as a user edited it by hand: no provenance, own ids and confidences.
    let base = CaseFile(
        documents: [Document(id: "memo", title: "Memo")],
        entities: [
            Entity(id: "harbor", name: "Harbor Trust", kind: .organization, attributes: ["note": "checked"]),
            Entity(id: "quill", name: "Mara Quill", kind: .person),
        ],
        relations: [Relation(source: "harbor", target: "quill", kind: .pays, confidence: 0.3)])

    func provenance(_ document: String, _ confidence: Double) -> [Contribution] {
        [Contribution(document: document, extractor: "kw", confidence: confidence)]
    }

    func testMerge_keepsTheBaseAsItIs_andOnlyAdds() {
        let incoming = CaseFile(
            documents: [Document(id: "memo", title: "Other title"), Document(id: "new-doc")],
            entities: [
                Entity(
                    id: "x1", name: "the harbor trust", kind: .other, aliases: ["HT"],
                    attributes: ["note": "overwritten?", "city": "Basra"]),
                Entity(id: "x2", name: "Quill", kind: .person),
                Entity(id: "x3", name: "Nova Relief", kind: .organization),
            ],
            relations: [
                Relation(
                    source: "x1", target: "x2", kind: .pays, confidence: 0.9, from: PartialDate("2016"),
                    evidence: [Evidence(document: "new-doc", start: 0, end: 4)],
                    provenance: provenance("new-doc", 0.9)),
                Relation(source: "x3", target: "x2", kind: .pays),
            ])
        var merger = CaseMerger(base: base)
        let report = merger.merge(incoming, matchIDs: false)
        let merged = merger.caseFile

        XCTAssertEqual(report.addedEntities, 1)
        XCTAssertEqual(report.mergedEntities, 2)
        XCTAssertEqual(merged.documents.map(\.id), ["memo", "new-doc"])
        XCTAssertEqual(merged.documents[0].title, "Memo")
        XCTAssertEqual(merged.entities.map(\.id), ["harbor", "quill", "nova-relief"])
        XCTAssertEqual(merged.entities[0].name, "Harbor Trust")
        XCTAssertEqual(merged.entities[0].kind, .organization)
        XCTAssertEqual(merged.entities[0].aliases, ["HT"])
        XCTAssertEqual(merged.entities[0].attributes, ["note": "checked", "city": "Basra"])
        XCTAssertEqual(merged.entities[1].aliases, ["Quill"])

        let pays = merged.relations[0]
        XCTAssertEqual(pays.confidence, 0.3, "a confidence set by hand stays")
        XCTAssertEqual(pays.from, PartialDate("2016"), "a missing date is filled in")
        XCTAssertEqual(pays.evidence.map(\.document), ["new-doc"])
        XCTAssertEqual(merged.relations.count, 2)
        XCTAssertEqual([merged.relations[1].source, merged.relations[1].target], ["nova-relief", "quill"])
    }

    func testMerge_noisyOrOfDistinctContributions_idempotent() {
        func fragment(_ document: String, _ confidence: Double) -> CaseFile {
            CaseFile(
                documents: [Document(id: document)],
                entities: [
                    Entity(id: "a", name: "A Corp", kind: .organization),
                    Entity(id: "b", name: "B Corp", kind: .organization),
                ],
                relations: [
                    Relation(
                        source: "a", target: "b", kind: .controls, confidence: confidence,
                        provenance: provenance(document, confidence))
                ])
        }
        var merger = CaseMerger()
        merger.merge(fragment("d1", 0.5))
        merger.merge(fragment("d2", 0.5))
        merger.merge(fragment("d3", 0.2))
        XCTAssertEqual(merger.caseFile.relations.count, 1)
        XCTAssertEqual(merger.caseFile.relations[0].confidence!, 1 - 0.5 * 0.5 * 0.8, accuracy: 1e-12)
        let once = merger.caseFile
        merger.merge(fragment("d2", 0.5))
        XCTAssertEqual(merger.caseFile, once, "merging a contribution again changes nothing")

        // Edited by hand afterwards: new contributions no longer move it.
        var edited = once
        edited.relations[0].confidence = 0.42
        var again = CaseMerger(base: edited)
        again.merge(fragment("d4", 0.9))
        XCTAssertEqual(again.caseFile.relations[0].confidence, 0.42)
        XCTAssertEqual(again.caseFile.relations[0].provenance.count, 4)
    }

    func testMerge_symmetricKindsEitherDirection_directedKindsNot() {
        let incoming = CaseFile(
            entities: [
                Entity(id: "harbor", name: "Harbor Trust", kind: .organization),
                Entity(id: "quill", name: "Mara Quill", kind: .person),
            ],
            relations: [
                Relation(source: "quill", target: "harbor", kind: .meetsWith),
                Relation(source: "harbor", target: "quill", kind: .meetsWith),
                Relation(source: "quill", target: "harbor", kind: .pays),
            ])
        let merged = CaseMerger.merge([base, incoming], contributors: ["base.json", "in.json"])
        XCTAssertEqual(merged.relations.map(\.kind), [.pays, .meetsWith, .pays])
        XCTAssertEqual([merged.relations[2].source, merged.relations[2].target], ["quill", "harbor"])
        XCTAssertEqual(
            merged.relations[1].provenance.first?.file, "in.json",
            "a relation without provenance is credited to its file")
    }

    func testMerge_suppressedEntitiesAndRelations_areNotResurrected() throws {
        var edited = base
        edited.entities.removeAll { $0.id == "quill" }
        edited.relations.removeAll()
        edited.entities.append(Entity(id: "nova", name: "Nova Relief", kind: .organization))
        edited.suppressed = Suppression(
            entities: ["Mara Quill", "old-id"], relations: [.init(source: "harbor", target: "nova", kind: .pays)])
        let incoming = CaseFile(
            entities: [
                Entity(id: "e1", name: "MARA QUILL", kind: .person),
                Entity(id: "old-id", name: "Unrelated Name", kind: .person),
                Entity(id: "e3", name: "Harbor Trust", kind: .organization),
                Entity(id: "e4", name: "Nova Relief", kind: .organization),
            ],
            relations: [
                Relation(source: "e3", target: "e1", kind: .pays), Relation(source: "e3", target: "e4", kind: .pays),
                Relation(source: "e4", target: "e3", kind: .pays),
            ])
        var merger = CaseMerger(base: edited)
        let report = merger.merge(incoming, contributor: "in.json")
        XCTAssertEqual(report.suppressedEntities, ["e1", "old-id"])
        XCTAssertEqual(report.suppressedRelations, 2)
        XCTAssertEqual(merger.caseFile.entities.map(\.id), ["harbor", "nova"])
        XCTAssertEqual(merger.caseFile.relations.map { "\($0.source)>\($0.target)" }, ["nova>harbor"])
        XCTAssertEqual(merger.caseFile.suppressed, edited.suppressed, "the list is kept")
        XCTAssertTrue(merger.caseFile.unknownFields.isEmpty, "nothing typed is left in unknown fields")
        // And the result is still a valid case file, with the list written and read back.
        let text = JSONWriter.compact(merger.caseFile.jsonValue())
        XCTAssertTrue(
            text.contains(
                #""suppressed":{"entities":["Mara Quill","old-id"],"#
                    + #""relations":[{"source":"harbor","target":"nova","kind":"pays"}]}"#),
            text)
        XCTAssertEqual(try CaseFile(json: merger.caseFile.jsonValue()), merger.caseFile)
    }

    func testMerge_idsKeptWhenFree_slugsWhenMadeUp_relatedEntitiesStayApart() {
        let incoming = CaseFile(
            entities: [
                Entity(id: "nova", name: "Nova Relief", kind: .organization),
                Entity(id: "quill-2", name: "M. Quill", kind: .person, aliases: ["Mara Quill"]),
            ],
            relations: [Relation(source: "quill-2", target: "quill-2", kind: .advises)])
        var merger = CaseMerger(base: base)
        merger.merge(incoming)
        XCTAssertEqual(merger.caseFile.entities.map(\.id), ["harbor", "quill", "nova"])
        XCTAssertEqual(merger.caseFile.relations.count, 2, "an original self-loop stays")

        let loop = CaseFile(
            entities: [
                Entity(id: "a", name: "Mara Quill", kind: .person), Entity(id: "b", name: "Quill", kind: .person),
            ],
            relations: [Relation(source: "a", target: "b", kind: .advises)])
        var second = CaseMerger(base: base)
        let report = second.merge(loop, matchIDs: false)
        // "Quill" would be Mara Quill by surname, but the fragment relates the two: distinct.
        XCTAssertEqual(report.droppedSelfLoops, 0)
        XCTAssertEqual(second.caseFile.entities.map(\.name), ["Harbor Trust", "Mara Quill", "Quill"])
        XCTAssertEqual(
            second.caseFile.relations.map { "\($0.source)>\($0.target)" }, ["harbor>quill", "quill>quill-2"])

        var fresh = CaseMerger(
            base: CaseFile(entities: [Entity(id: "nova-relief", name: "Nova Relief Fund", kind: .organization)]))
        fresh.merge(CaseFile(entities: [Entity(id: "x", name: "Nova Relief", kind: .organization)]), matchIDs: false)
        XCTAssertEqual(fresh.caseFile.entities.map(\.id), ["nova-relief", "nova-relief-2"])
    }

    func testProvenanceAndSuppression_readTyped_writtenBack_badOnesNamed() throws {
        let text = """
            {"version": 1, "documents": [{"id": "d"}],
             "entities": [{"id": "a", "name": "A", "kind": "person",
                           "provenance": [{"document": "d", "extractor": "kw", "confidence": 0.8,
                                           "mentions": [{"start": 0, "end": 1}], "page": 3}]},
                          {"id": "b", "name": "B", "kind": "person"}],
             "relations": [{"source": "a", "target": "b", "kind": "pays", "provenance": [{"source": "x.json"}]}],
             "suppressed": {"entities": ["C"], "relations": [{"source": "b", "target": "a", "kind": "meetsWith"}]}}
            """
        let caseFile = try CaseFile(jsonBytes: Array(text.utf8))
        let contribution = try XCTUnwrap(caseFile.entities[0].provenance.first)
        XCTAssertEqual(contribution.extractor, "kw")
        XCTAssertEqual(contribution.confidence, 0.8)
        XCTAssertEqual(contribution.mentions, [Span(start: 0, end: 1)])
        XCTAssertEqual(contribution.unknownFields, ["page": 3])
        XCTAssertEqual(caseFile.relations[0].provenance, [Contribution(file: "x.json")])
        XCTAssertEqual(caseFile.suppressed.entities, ["C"])
        let either = RelationKey(source: "a", target: "b", kind: .meetsWith, directed: false)
        XCTAssertEqual(caseFile.suppressed.relations.first?.key, either)
        XCTAssertTrue(caseFile.unknownFields.isEmpty && caseFile.entities[0].unknownFields.isEmpty)
        XCTAssertEqual(try CaseFile(json: caseFile.jsonValue()), caseFile)

        let bad = """
            {"version": 1, "entities": [{"id": "a", "name": "A", "kind": "person",
              "provenance": [{"confidence": 2, "mentions": [{"start": 4}]}]}],
             "suppressed": {"entities": [7], "relations": [{"source": "a", "kind": "pays"}]}}
            """
        XCTAssertThrowsError(try CaseFile(jsonBytes: Array(bad.utf8), file: "bad.json")) { error in
            let message = "\(error)"
            for expected in [
                "entities[0].provenance[0].confidence: confidence 2.0 is outside 0...1",
                "entities[0].provenance[0].mentions[0]: a mention needs \"start\" and \"end\"",
                "suppressed.entities[0]: expected a string, found a number",
                "suppressed.relations[0].target: required field is missing",
            ] {
                XCTAssertTrue(message.contains(expected), "\(expected)\n\(message)")
            }
        }
    }

    /// Issue 16, item 3: a case file that says "United States" (alias USA) and "United States
    /// Army" are two things, related, and "Hadi al-Amiri" and "Amiri" likewise.
    let distinctCase = CaseFile(
        entities: [
            Entity(id: "us", name: "United States", kind: .country, aliases: ["USA"]),
            Entity(id: "us-army", name: "United States Army", kind: .organization),
            Entity(id: "amiri", name: "Hadi al-Amiri", kind: .person),
            Entity(id: "amiri-2", name: "Amiri", kind: .person),
            Entity(id: "quill-twin", name: "Mara Quill", kind: .person),
        ],
        relations: [
            Relation(source: "us-army", target: "us", kind: .memberOf),
            Relation(source: "amiri-2", target: "amiri", kind: .reportsTo),
        ])

    func testMerge_entitiesOfOneCaseMatchEachOtherOnlyByID() {
        for matchIDs in [true, false] {
            var merger = CaseMerger()
            let report = merger.merge(distinctCase, matchIDs: matchIDs)
            XCTAssertEqual(
                merger.caseFile.entities.map(\.name), distinctCase.entities.map(\.name), "matchIDs \(matchIDs)")
            XCTAssertEqual(merger.caseFile.relations.count, 2)
            XCTAssertEqual(report.droppedSelfLoops, 0)
        }
        // Unrelated, the same two names: apart in a case file (its author listed two entities),
        // one entity in an extractor's fragment (its ids are made up; the text may name one
        // person twice).
        let unrelated = CaseFile(entities: [
            Entity(id: "x", name: "Hadi al-Amiri", kind: .person), Entity(id: "y", name: "Amiri", kind: .person),
        ])
        var asCase = CaseMerger()
        asCase.merge(unrelated)
        XCTAssertEqual(asCase.caseFile.entities.map(\.id), ["x", "y"])
        var asFragment = CaseMerger()
        asFragment.merge(unrelated, matchIDs: false)
        XCTAssertEqual(asFragment.caseFile.entities.map(\.name), ["Hadi al-Amiri"])
        XCTAssertEqual(asFragment.caseFile.entities[0].aliases, ["Amiri"])
        // Into a base: each incoming entity takes at most one known entity, and no known entity
        // takes two of them. "Mara Quill" goes to quill; the id quill-twin is new, kept apart.
        var merger = CaseMerger(base: base)
        merger.merge(
            CaseFile(entities: [
                Entity(id: "q1", name: "Mara Quill", kind: .person),
                Entity(id: "q2", name: "M. Quill", kind: .person, aliases: ["Mara Quill"]),
            ]))
        XCTAssertEqual(merger.caseFile.entities.map(\.id), ["harbor", "quill", "q2"])
        // An id match claims its entity before any name match: "quill" by id, so "Mara Quill"
        // by name stays apart.
        var byID = CaseMerger(base: base)
        byID.merge(
            CaseFile(
                entities: [
                    Entity(id: "other", name: "Mara Quill", kind: .person),
                    Entity(id: "quill", name: "MQ", kind: .person),
                ],
                relations: [Relation(source: "other", target: "quill", kind: .advises)]))
        XCTAssertEqual(byID.caseFile.entities.map(\.id), ["harbor", "quill", "other"])
        XCTAssertEqual(byID.caseFile.relations.map { "\($0.source)>\($0.target)" }, ["harbor>quill", "other>quill"])
    }

    func testMerge_acronymsAndSurnamesNeverCrossIncompatibleKinds() {
        let known = CaseFile(entities: [
            Entity(id: "us", name: "United States", kind: .country, aliases: ["USA"]),
            Entity(id: "pmf", name: "Popular Mobilization Forces", kind: .organization),
            Entity(id: "soleimani", name: "Qassem Soleimani", kind: .person),
        ])
        var merger = CaseMerger(base: known)
        merger.merge(
            CaseFile(entities: [
                Entity(id: "army", name: "United States Army", kind: .organization),  // initials USA: not the country
                Entity(id: "pmf-2", name: "PMF", kind: .organization),  // same kind: the same
                Entity(id: "other-pmf", name: "Soleimani", kind: .other),  // other: compatible with anything
            ]))
        XCTAssertEqual(merger.caseFile.entities.map(\.id), ["us", "pmf", "soleimani", "army"])
        XCTAssertEqual(merger.caseFile.entities[1].aliases, ["PMF"])
        XCTAssertTrue(EntityResolver.compatible(.person, .other))
        XCTAssertFalse(EntityResolver.compatible(.country, .organization))
        var place = CaseMerger(base: known)
        place.merge(CaseFile(entities: [Entity(id: "x", name: "Soleimani", kind: .place)]))
        XCTAssertEqual(place.caseFile.entities.map(\.id), ["us", "pmf", "soleimani", "x"])
    }
}
