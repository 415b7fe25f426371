import LinkGraph
import XCTest

/// Review decisions: the `"reviews"` field read and written, decisions applied by number, the
/// merge keeping rejected relations out and accepted confidences as they are, and the marked
/// passage an analyst sees.
final class RelationReviewTests: XCTestCase {
    static let caseText = """
        {"version": 1,
         "documents": [{"id": "memo"}],
         "entities": [{"id": "mara", "name": "Mara Quill", "kind": "person", "aliases": ["Quill"]},
                      {"id": "trust", "name": "Harbor Trust", "kind": "organization"},
                      {"id": "council", "name": "Iron Council", "kind": "organization"}],
         "relations": [
           {"source": "mara", "target": "trust", "kind": "memberOf", "confidence": 0.4,
            "evidence": [{"document": "memo", "start": 0, "end": 40, "text": "Quill, a member of the harbor trust, left."}]},
           {"source": "mara", "target": "council", "kind": "reportsTo", "confidence": 0.3}],
         "reviews": [{"source": "trust", "target": "council", "kind": "pays", "decision": "rejected", "by": "ana",
                      "at": "2026-12-01T10:00:00Z", "note": "kept as written"}]}
        """

    func testReviews_roundTrip_typedAndUnknownMembersKept() throws {
        let caseFile = try CaseFile(jsonBytes: Array(Self.caseText.utf8))
        XCTAssertEqual(
            caseFile.reviews,
            [
                RelationReview(
                    source: "trust", target: "council", kind: .pays, decision: .rejected, reviewer: "ana",
                    date: "2026-12-01T10:00:00Z", unknownFields: ["note": .string("kept as written")])
            ])
        XCTAssertNil(caseFile.unknownFields["reviews"], "a typed field, not an unknown one")
        let again = try CaseFile(jsonBytes: Array(caseFile.jsonText().utf8))
        XCTAssertEqual(again, caseFile)
        XCTAssertFalse(CaseFile().jsonText().contains("reviews"), "no empty list is written")
    }

    func testReviews_badDecision_namesThePath() throws {
        let text =
            #"{"version": 1, "entities": [], "reviews": [{"source": "a", "target": "b", "kind": "pays", "decision": "maybe"}, {"decision": "accepted"}]}"#
        XCTAssertThrowsError(try CaseFile(jsonBytes: Array(text.utf8), file: "c.json")) { error in
            let problems = (error as? CaseFileError)?.problems.map(\.description) ?? []
            XCTAssertEqual(
                problems,
                [
                    #"reviews[0].decision: "maybe" is not a decision: expected "accepted" or "rejected""#,
                    "reviews[1].source: required field is missing", "reviews[1].target: required field is missing",
                    "reviews[1].kind: required field is missing",
                ])
        }
    }

    func testApply_byNumber_rejectRemoves_acceptStays_wrongNumberChangesNothing() throws {
        var caseFile = try CaseFile(jsonBytes: Array(Self.caseText.utf8))
        let original = caseFile
        XCTAssertThrowsError(try caseFile.apply(ReviewDecisions(accept: [1], reject: [3]))) { error in
            XCTAssertEqual(error as? ReviewError, .noSuchRelation(number: 3, count: 2))
        }
        XCTAssertThrowsError(try caseFile.apply(ReviewDecisions(accept: [2], reject: [2]))) { error in
            XCTAssertEqual(error as? ReviewError, .conflict(number: 2))
        }
        XCTAssertEqual(caseFile, original)
        try caseFile.apply(ReviewDecisions(accept: [1], reject: [2]), reviewer: "ana", date: "2026-12-03")
        XCTAssertEqual(caseFile.relations.map(\.kind), [.memberOf])
        XCTAssertEqual(caseFile.relations[0].confidence, 0.4)
        XCTAssertEqual(
            caseFile.reviews.keys(.accepted),
            [RelationKey(source: "mara", target: "trust", kind: .memberOf, directed: true)])
        XCTAssertEqual(caseFile.reviews.keys(.rejected).count, 2)
        XCTAssertEqual(caseFile.reviews.last?.reviewer, "ana")
    }

    func testDecisionsFile_parsed_andErrorsNameTheLine() throws {
        let decisions = try ReviewDecisions(text: "# first pass\naccept 2\n\n  reject   5\n", file: "d.txt")
        XCTAssertEqual(decisions, ReviewDecisions(entries: [(2, .accepted), (5, .rejected)]))
        XCTAssertThrowsError(try ReviewDecisions(text: "accept 1\nkeep 3\n", file: "d.txt")) { error in
            XCTAssertEqual("\(error)", #"d.txt:2: expected "accept N" or "reject N", found "keep 3""#)
        }
    }

    /// A rejected relation is not brought back by a merge, whoever proposes it; an accepted one
    /// gains evidence but keeps its confidence (noisy-or would raise 0.4 to 0.64).
    func testMerge_rejectedStayOut_acceptedKeepConfidence() throws {
        var base = try CaseFile(jsonBytes: Array(Self.caseText.utf8))
        try base.apply(ReviewDecisions(accept: [1], reject: [2]))
        let incoming = try CaseFile(
            jsonBytes: Array(
                """
                {"version": 1, "documents": [{"id": "memo2"}],
                 "entities": [{"id": "m", "name": "Mara Quill", "kind": "person"},
                              {"id": "t", "name": "Harbor Trust", "kind": "organization"},
                              {"id": "c", "name": "Iron Council", "kind": "organization"}],
                 "relations": [
                   {"source": "m", "target": "t", "kind": "memberOf", "confidence": 0.4, "evidence": [{"document": "memo2"}]},
                   {"source": "m", "target": "c", "kind": "reportsTo", "confidence": 0.9},
                   {"source": "t", "target": "c", "kind": "pays", "confidence": 0.9},
                   {"source": "c", "target": "t", "kind": "pays", "confidence": 0.9}]}
                """.utf8))
        // The same relation as machine-made, never reviewed, for comparison: its confidence rises.
        var unreviewed = base
        unreviewed.reviews = []
        unreviewed.relations[0].provenance = [Contribution(file: "a", confidence: 0.4)]
        XCTAssertEqual(CaseMerger.merge([unreviewed, incoming]).relations[0].confidence ?? 0, 0.64, accuracy: 1e-9)

        var reviewed = base
        reviewed.relations[0].provenance = unreviewed.relations[0].provenance
        let merged = CaseMerger.merge([reviewed, incoming], contributors: ["base", "incoming"])
        let triples = merged.relations.map { "\($0.source) \($0.kind) \($0.target)" }
        XCTAssertEqual(
            triples, ["mara memberOf trust", "council pays trust"], "rejected ones stay out, others come in")
        XCTAssertEqual(merged.relations[0].confidence, 0.4)
        XCTAssertEqual(merged.relations[0].evidence.map(\.document), ["memo", "memo2"])
        XCTAssertEqual(merged.reviews, reviewed.reviews)
    }

    /// Decisions of a merged (not base) case are taken too; the base's decision wins.
    func testMerge_incomingDecisions_addedAndApplied_baseWins() throws {
        let base = try CaseFile(jsonBytes: Array(Self.caseText.utf8))
        var other = base
        other.reviews = []
        try other.apply(ReviewDecisions(accept: [], reject: [1, 2]))
        other.reviews.append(RelationReview(source: "trust", target: "council", kind: .pays, decision: .accepted))
        let merged = CaseMerger.merge([base, other])
        XCTAssertEqual(merged.relations, [], "both relations rejected in the other case leave the result")
        XCTAssertEqual(
            merged.reviews.decision(for: RelationKey(source: "trust", target: "council", kind: .pays, directed: true)),
            .rejected)
        XCTAssertEqual(merged.reviews.count, 3)
    }

    func testReviewItem_marksBothMentions_orSaysWhereTheEvidenceIs() throws {
        let caseFile = try CaseFile(jsonBytes: Array(Self.caseText.utf8))
        let items = ReviewItem.items(of: caseFile)
        XCTAssertEqual(items.map(\.number), [1, 2])
        XCTAssertEqual(items[0].passage, "[[Quill]], a member of the {{harbor trust}}, left.")
        XCTAssertEqual(
            items[0].text,
            "#1 Mara Quill —memberOf→ Harbor Trust  confidence 0.4\n    \"[[Quill]], a member of the {{harbor trust}}, left.\""
        )
        XCTAssertNil(items[1].passage)
        XCTAssertEqual(
            items[1].text, "#2 Mara Quill —reportsTo→ Iron Council  confidence 0.3\n    (no quoted evidence)")
        // A name inside a longer word is not a mention.
        XCTAssertEqual(
            ReviewItem.mark("Rosalind met Ros.", source: ["Ros"], target: ["Rosalind"]), "{{Rosalind}} met [[Ros]].")
    }
}
