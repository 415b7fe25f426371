import LinkGraph
import XCTest

@testable import LinkGraphPlugin

/// From extractions of several documents to one case: ids, evidence, provenance, resolution.
final class ExtractionToCaseTests: XCTestCase {
    func testCaseFile_slugIDsEvidenceQuotesAndProvenance() throws {
        let text = "Harbor Trust paid Mara Quill; Mara Quill met Harbor Trust."
        let extraction = Extraction(
            entities: [
                ExtractedEntity(
                    id: "1", name: "Harbor Trust", kind: .organization, confidence: 0.8,
                    mentions: [Span(start: 0, end: 12)]),
                ExtractedEntity(id: "2", name: "Mara Quill", kind: .person),
                ExtractedEntity(id: "3", name: "Mara  Quill", kind: .person),
            ],
            relations: [
                ExtractedRelation(
                    source: "1", target: "2", kind: .pays, confidence: 0.6, evidence: [Span(start: 0, end: 28)])
            ])
        let fragment = extraction.caseFile(document: Document(id: "memo"), extractor: "kw", text: Array(text.utf8))
        XCTAssertEqual(fragment.entities.map(\.id), ["harbor-trust", "mara-quill", "mara-quill-2"])
        XCTAssertEqual(fragment.documents.map(\.id), ["memo"])
        let relation = try XCTUnwrap(fragment.relations.first)
        XCTAssertEqual([relation.source, relation.target], ["harbor-trust", "mara-quill"])
        XCTAssertEqual(relation.confidence, 0.6)
        XCTAssertEqual(
            relation.evidence, [Evidence(document: "memo", start: 0, end: 28, text: "Harbor Trust paid Mara Quill")])
        XCTAssertEqual(relation.provenance, [Contribution(document: "memo", extractor: "kw", confidence: 0.6)])
        XCTAssertEqual(fragment.entities[0].provenance.first?.mentions, [Span(start: 0, end: 12)])
        XCTAssertTrue(
            JSONWriter.compact(fragment.entities[0].jsonValue()).contains(
                #""provenance":[{"document":"memo","extractor":"kw","confidence":"#),
            JSONWriter.compact(fragment.entities[0].jsonValue()))
        // The fragment is a valid case file.
        XCTAssertNoThrow(try CaseFile(json: fragment.jsonValue()))
    }

    func testMergingTwoDocuments_resolvesEntities_andCombinesConfidenceByNoisyOr() throws {
        let first = Extraction(
            entities: [
                ExtractedEntity(id: "a", name: "Popular Mobilization Forces", kind: .organization),
                ExtractedEntity(id: "b", name: "Hadi al-Amiri", kind: .person),
            ],
            relations: [
                ExtractedRelation(
                    source: "b", target: "a", kind: .controls, confidence: 0.5, evidence: [Span(start: 0, end: 5)])
            ])
        let second = Extraction(
            entities: [
                ExtractedEntity(id: "x", name: "PMF", kind: .organization),
                ExtractedEntity(id: "y", name: "Amiri", kind: .person),
            ],
            relations: [
                ExtractedRelation(
                    source: "y", target: "x", kind: .controls, confidence: 0.6, evidence: [Span(start: 3, end: 9)])
            ])
        var merger = CaseMerger()
        merger.merge(first.caseFile(document: Document(id: "d1"), extractor: "kw"), matchIDs: false)
        merger.merge(second.caseFile(document: Document(id: "d2"), extractor: "kw"), matchIDs: false)
        let merged = merger.caseFile
        XCTAssertEqual(merged.entities.map(\.id), ["popular-mobilization-forces", "hadi-al-amiri"])
        XCTAssertEqual(merged.entities[0].aliases, ["PMF"])
        XCTAssertEqual(merged.entities[1].aliases, ["Amiri"])
        XCTAssertEqual(merged.relations.count, 1)
        let controls = merged.relations[0]
        XCTAssertEqual(controls.confidence!, 1 - 0.5 * 0.4, accuracy: 1e-12)
        XCTAssertEqual(controls.evidence.map(\.document), ["d1", "d2"])
        XCTAssertEqual(controls.provenance.count, 2)
        XCTAssertEqual(merged.documents.map(\.id), ["d1", "d2"])
        XCTAssertNoThrow(try CaseFile(json: merged.jsonValue()))

        // Merging the same document again changes nothing.
        merger.merge(second.caseFile(document: Document(id: "d2"), extractor: "kw"), matchIDs: false)
        XCTAssertEqual(merger.caseFile, merged)
    }
}
