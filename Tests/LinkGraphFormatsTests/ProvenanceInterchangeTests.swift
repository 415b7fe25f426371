import Foundation
import LinkGraph
import LinkGraphFormats
import XCTest

/// Provenance and the suppressed list are typed fields of the case; the property-graph formats
/// carry them in `unknown_fields` and read them back as typed fields.
final class ProvenanceInterchangeTests: XCTestCase {
    static let caseFile: CaseFile = {
        var caseFile = InterchangeFixtures.small
        caseFile.entities[1].provenance = [
            Contribution(document: "memo", extractor: "kw", confidence: 0.9, mentions: [Span(start: 0, end: 6)])
        ]
        caseFile.relations[1].provenance = [Contribution(file: "old.json", confidence: 0.5)]
        caseFile.suppressed = Suppression(
            entities: ["Ghost Unit"], relations: [.init(source: "courier", target: "capital", kind: .pays)])
        return caseFile
    }()

    func testGraphMLAndNodeLink_roundTrip_keepProvenanceAndSuppressed() throws {
        let expected = InterchangeFixtures.normalized(Self.caseFile)
        let graphMLText = GraphMLWriter.write(Self.caseFile)
        let graphML = try GraphMLReader.readCase(Data(graphMLText.utf8), file: "t.graphml").caseFile
        InterchangeFixtures.assertEqual(graphML, expected)
        let nodeLink = try NodeLinkJSON.readCase(Data(NodeLinkJSON.write(Self.caseFile).utf8), file: "t.json").caseFile
        InterchangeFixtures.assertEqual(nodeLink, expected)
        XCTAssertEqual(nodeLink.entities[1].provenance.first?.mentions, [Span(start: 0, end: 6)])
        XCTAssertEqual(nodeLink.suppressed.entities, ["Ghost Unit"])
    }

    func testCSV_roundTrip_keepsProvenance() throws {
        let tables = CaseCSV.write(Self.caseFile)
        let carried = #"{""provenance"":[{""document"":""memo"",""extractor"":""kw"""#
        XCTAssertTrue(tables.entities.contains(carried), tables.entities)
        let back = try CaseCSV.read(
            entities: .init(data: Data(tables.entities.utf8), file: "x.entities.csv"),
            relations: .init(data: Data(tables.relations.utf8), file: "x.relations.csv"),
            documents: tables.documents.map { .init(data: Data($0.utf8), file: "x.documents.csv") }
        ).caseFile
        var expected = InterchangeFixtures.normalized(Self.caseFile)
        expected.unknownFields = [:]
        expected.suppressed = Suppression()  // CSV has no place for case-level fields
        InterchangeFixtures.assertEqual(back, expected)
    }
}
