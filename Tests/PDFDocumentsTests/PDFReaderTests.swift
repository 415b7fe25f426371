import LinkGraph
import LinkGraphTestSupport
import PDFTestSupport
import XCTest

@testable import PDFDocuments

/// The reader against poppler's own `pdftotext` and against the words we drew.
final class PDFReaderTests: XCTestCase {
    func testTextLayer_threePages_sameWordsAsPdftotextPerPage() throws {
        let dir = try TemporaryDirectory()
        let path = PDFTestFiles.ledger(in: dir)
        let text = try PDFReader(isolation: .inProcess).read(try PDFTestFiles.bytes(path), file: path)
        XCTAssertEqual(text.pages.map(\.number), [1, 2, 3])
        for page in text.pages {
            XCTAssertEqual(page.source, .textLayer)
            let oracle = try PDFTestFiles.pdftotext(path, page: page.number)
            XCTAssertEqual(PDFTestFiles.words(page.text), PDFTestFiles.words(oracle), "page \(page.number)")
            XCTAssertEqual(
                PDFTestFiles.words(page.text),
                PDFTestFiles.words(PDFTestFiles.pages[page.number - 1].joined(separator: " ")))
        }
        // The joined text is the pages in order, each followed by a form feed, as pdftotext writes it.
        let starts = text.pageStarts
        let joined = Array(text.joinedText.utf8)
        for (page, start) in zip(text.pages, starts) {
            let end = start + page.text.utf8.count
            XCTAssertEqual(Array(joined[start..<end]), Array(page.text.utf8))
            XCTAssertEqual(joined[end], 0x0C)
        }
    }

    func testMetadata_titleAuthorDates_asPdfinfoReports() throws {
        let dir = try TemporaryDirectory()
        let path = PDFTestFiles.ledger(in: dir)
        let text = try PDFReader(isolation: .inProcess).read(try PDFTestFiles.bytes(path), file: path)
        XCTAssertEqual(text.metadata.title, "Harbour ledgers")
        XCTAssertEqual(text.metadata.author, "Ana Ruiz")
        XCTAssertEqual(text.metadata.created, "2016-05-03T09:12:00Z")
        XCTAssertEqual(text.metadata.modified, "2016-06-01T10:00:00Z")
        // pdfinfo (poppler-utils) reads the same information dictionary.
        let info = try PDFTestFiles.tool("pdfinfo", ["-isodates", path]).stdout
        XCTAssertTrue(info.contains("Title:           Harbour ledgers"), info)
        XCTAssertTrue(info.contains("Author:          Ana Ruiz"), info)
        XCTAssertTrue(info.contains("2016-05-03T09:12:00"), info)
    }

    func testScannedPage_readByTesseract_expectedWordsAndConfidence() throws {
        let dir = try TemporaryDirectory()
        let path = PDFTestFiles.ledger(in: dir, scanned: true)
        // The fourth page has no text layer: pdftotext finds nothing on it.
        XCTAssertTrue(try PDFTestFiles.pdftotext(path, page: 4).allSatisfy(\.isWhitespace))
        let text = try PDFReader(isolation: .inProcess).read(try PDFTestFiles.bytes(path), file: path)
        let page = text.pages[3]
        guard case .ocr(let confidence) = page.source else { return XCTFail("page 4 was not read by OCR: \(page)") }
        XCTAssertGreaterThan(confidence, 0.7)
        XCTAssertLessThanOrEqual(confidence, 1)
        XCTAssertEqual(
            PDFTestFiles.words(page.text), PDFTestFiles.words(PDFTestFiles.scannedLines.joined(separator: " ")))
    }

    func testScannedPage_withoutTesseractData_clearMessagePerPage() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("scans.pdf")
        TestPDF.write(
            [
                TestPDF.Page(["A page with text."]), TestPDF.Page(["Scan one."], scanned: true),
                TestPDF.Page(["Scan two."], scanned: true),
            ], to: path)
        let empty = dir.path("tessdata")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let previous = ProcessInfo.processInfo.environment["TESSDATA_PREFIX"]
        setenv("TESSDATA_PREFIX", empty, 1)
        defer {
            if let previous { setenv("TESSDATA_PREFIX", previous, 1) } else { unsetenv("TESSDATA_PREFIX") }
        }
        let extractor = PDFDocumentsExtractor(reader: PDFReader(isolation: .inProcess))
        let result = try extractor.extractParts(
            ExtractionRequestFixture.request(path: path, bytes: try PDFTestFiles.bytes(path)))
        let messages = result.errors.map { "\($0)" }
        XCTAssertEqual(messages.count, 2, "\(messages)")
        for (i, number) in [2, 3].enumerated() {
            XCTAssertTrue(messages[i].hasPrefix("\(path): page \(number) has no text layer"), messages[i])
            XCTAssertTrue(
                messages[i].contains("Tesseract could not load its 'eng' language data in \(empty)"), messages[i])
        }
        XCTAssertEqual(result.caseFile.documents.first?.unknownFields["pages"], .number(JSONNumber(3)))
    }
}
