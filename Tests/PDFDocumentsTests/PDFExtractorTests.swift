import LinkGraph
import LinkGraphPlugin
import LinkGraphTestSupport
import PDFTestSupport
import TextPatterns
import XCTest

@testable import PDFDocuments

/// The extractor with text-patterns: entities and relations of our own text, evidence with
/// the page, byte offsets into the extracted text, and OCR confidence on a scanned page.
final class PDFExtractorTests: XCTestCase {
    func testLedger_relationsWithPageAndOffsets_documentMetadata() throws {
        let dir = try TemporaryDirectory()
        let path = PDFTestFiles.ledger(in: dir, scanned: true)
        let bytes = try PDFTestFiles.bytes(path)
        let extractor = PDFDocumentsExtractor(
            textExtractor: try TextPatternsExtractor(), reader: PDFReader(isolation: .inProcess))
        let result = try extractor.extractParts(ExtractionRequestFixture.request(path: path, bytes: bytes))
        XCTAssertTrue(result.errors.isEmpty, "\(result.errors)")
        let caseFile = result.caseFile

        let document = try XCTUnwrap(caseFile.documents.first)
        XCTAssertEqual(document.id, "ledger")
        XCTAssertEqual(document.title, "Harbour ledgers")
        XCTAssertEqual(document.source, path)
        // sha256sum (coreutils) on the same file.
        let digest = try PDFTestFiles.tool("sha256sum", [path]).stdout.prefix(64)
        XCTAssertEqual(document.sha256, String(digest))
        XCTAssertEqual(document.unknownFields["author"], .string("Ana Ruiz"))
        XCTAssertEqual(document.unknownFields["created"], .string("2016-05-03T09:12:00Z"))
        XCTAssertEqual(document.unknownFields["modified"], .string("2016-06-01T10:00:00Z"))
        XCTAssertEqual(document.unknownFields["pages"], .number(JSONNumber(4)))

        let names = Dictionary(caseFile.entities.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        func relation(_ source: String, _ kind: RelationKind, _ target: String) -> Relation? {
            caseFile.relations.first {
                names[$0.source] == source && $0.kind == kind && names[$0.target] == target
                    || (kind.isSymmetric && names[$0.source] == target && names[$0.target] == source && $0.kind == kind)
            }
        }
        // The text we drew, page by page (the pdftotext oracle for the text is in PDFReaderTests).
        let text = try PDFReader(isolation: .inProcess).read(bytes, file: path)
        let joined = Array(text.joinedText.utf8)
        let expected: [(String, RelationKind, String, Int)] = [
            ("Mara Quill", .meetsWith, "Tomas Venn", 1), ("Mara Quill", .memberOf, "Harbor Trust", 2),
            ("Ivo Brandt", .reportsTo, "Anton Sorel", 3), ("Petra Lindqvist", .meetsWith, "Anton Sorel", 4),
        ]
        for (source, kind, target, page) in expected {
            let found = try XCTUnwrap(
                relation(source, kind, target), "\(source) \(kind) \(target): \(caseFile.relations)")
            let evidence = try XCTUnwrap(found.evidence.first)
            XCTAssertEqual(evidence.document, "ledger")
            XCTAssertEqual(evidence.unknownFields["page"], .number(JSONNumber(page)))
            let start = try XCTUnwrap(evidence.start), end = try XCTUnwrap(evidence.end)
            // The offsets point into the extracted text, on that page, at the quoted passage.
            XCTAssertGreaterThanOrEqual(start, text.pageStarts[page - 1])
            XCTAssertLessThanOrEqual(end, text.pageStarts[page - 1] + text.pages[page - 1].text.utf8.count)
            let passage = String(decoding: joined[start..<end], as: UTF8.self)
            XCTAssertEqual(evidence.text, passage)
            XCTAssertTrue(passage.contains(source) && passage.contains(target), passage)
            if page == 4 {
                let confidence = try XCTUnwrap(evidence.unknownFields["ocrConfidence"]?.doubleValue)
                XCTAssertGreaterThan(confidence, 0.7)
                XCTAssertLessThanOrEqual(confidence, 1)
            } else {
                XCTAssertNil(evidence.unknownFields["ocrConfidence"])
            }
        }
        // Quoting evidence never reads the PDF file as text: its offsets are into the extracted text.
        let texts = DocumentTexts(caseFile: caseFile, casePath: nil)
        XCTAssertNil(texts.bytes["ledger"])
        for relation in caseFile.relations {
            for evidence in relation.evidence { XCTAssertEqual(texts.passage(of: evidence), evidence.text) }
        }
        // The case, written and read back, keeps the page fields (unknown fields survive).
        let reread = try CaseFile(json: JSONParser.parse(Array(caseFile.jsonText().utf8)), file: "case.json")
        XCTAssertEqual(reread, caseFile)
    }

    func testRegistry_pdfMediaType() throws {
        XCTAssertEqual(ExtractorRegistry.mediaType(forPath: "dossier/Memo.PDF"), "application/pdf")
        let registry = try ExtractorRegistry([PDFDocumentsExtractor()])
        XCTAssertEqual(
            try registry.choose(for: "a.pdf", mediaType: "application/pdf").map(\.description.name), ["pdf-documents"])
    }
}
