import Foundation
import LinkGraph
import PDFTestSupport
import XCTest

/// `linkgraph extract` on PDFs, end to end through the worker process: relations of our own
/// text with page numbers in the evidence, a scanned page read by OCR, and a bad PDF reported
/// by name while the others are kept.
final class PDFExtractCLITests: XCTestCase {
    func testExtract_pdfs_relationsWithPages_badFileNamed_thenPathAndRender() throws {
        let dir = try TemporaryDirectory()
        let ledger = dir.path("ledger.pdf")
        TestPDF.write(
            [
                TestPDF.Page(["Harbour ledgers, spring 2016.", "Mara Quill met Tomas Venn in Lisbon."]),
                TestPDF.Page(["Tomas Venn reports to Anton Sorel."]),
            ], to: ledger, metadata: TestPDF.Metadata(title: "Harbour ledgers", author: "Ana Ruiz"))
        let scan = dir.path("scan.pdf")
        TestPDF.write([TestPDF.Page(["Petra Lindqvist met Anton Sorel in Vienna."], scanned: true)], to: scan)
        let cut = dir.path("cut.pdf")
        let whole = try Data(contentsOf: URL(fileURLWithPath: ledger))
        try whole.prefix(whole.count / 3).write(to: URL(fileURLWithPath: cut))
        let output = dir.path("case.json")

        let result = try CLIRunner.run(["extract", ledger, scan, cut, "-o", output, "--quiet"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("error: \(cut): pdf-documents: not a readable PDF"), result.stderr)
        let caseFile = try CaseFile.read(from: output)
        XCTAssertEqual(caseFile.documents.map(\.id), ["ledger", "scan"])
        XCTAssertEqual(caseFile.documents[0].title, "Harbour ledgers")
        XCTAssertEqual(caseFile.documents[0].sha256, SHA256.hex(whole))
        let names = Dictionary(caseFile.entities.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        func evidence(_ source: String, _ kind: RelationKind, _ target: String) -> Evidence? {
            caseFile.relations.first { names[$0.source] == source && $0.kind == kind && names[$0.target] == target }?
                .evidence.first
        }
        let met = try XCTUnwrap(evidence("Mara Quill", .meetsWith, "Tomas Venn"), "\(caseFile.relations)")
        XCTAssertEqual(met.document, "ledger")
        XCTAssertEqual(met.unknownFields["page"], .number(JSONNumber(1)))
        let reports = try XCTUnwrap(evidence("Tomas Venn", .reportsTo, "Anton Sorel"))
        XCTAssertEqual(reports.unknownFields["page"], .number(JSONNumber(2)))
        // Page 2 starts after page 1's text and its form feed: the offsets are into the extracted text.
        let pdftotext = try XCTUnwrap(
            (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map {
                URL(fileURLWithPath: String($0)).appendingPathComponent("pdftotext")
            }.first { FileManager.default.isExecutableFile(atPath: $0.path) }, "pdftotext is not installed")
        let firstPage = try CLIRunner.run(executable: pdftotext, ["-f", "1", "-l", "1", ledger, "-"])
        XCTAssertGreaterThan(try XCTUnwrap(reports.start), firstPage.stdout.utf8.count / 2)
        XCTAssertEqual(reports.text, "Tomas Venn reports to Anton Sorel")
        let scanned = try XCTUnwrap(
            caseFile.relations.first { names[$0.source] == "Petra Lindqvist" || names[$0.target] == "Petra Lindqvist" }?
                .evidence.first, "\(caseFile.relations)")
        XCTAssertEqual(scanned.document, "scan")
        XCTAssertNotNil(scanned.unknownFields["ocrConfidence"]?.doubleValue)

        // The two PDFs' people are one network.
        let path = try CLIRunner.run(["path", output, "Mara Quill", "Petra Lindqvist", "--undirected"])
        XCTAssertEqual(path.status, 0, path.stderr)
        XCTAssertTrue(path.stdout.hasPrefix("Mara Quill → Tomas Venn → Anton Sorel → Petra Lindqvist"), path.stdout)
        let drawing = dir.path("case.svg")
        let render = try CLIRunner.run(["render", output, "-o", drawing])
        XCTAssertEqual(render.status, 0, render.stderr)
        XCTAssertTrue(try String(contentsOfFile: drawing, encoding: .utf8).contains("Petra Lindqvist"))
    }

    func testExtract_scanWithoutTesseractData_messagePerPage_summary() throws {
        let dir = try TemporaryDirectory()
        let scan = dir.path("scan.pdf")
        TestPDF.write(
            [TestPDF.Page(["Mara Quill met Tomas Venn in Lisbon."]), TestPDF.Page(["Lost words."], scanned: true)],
            to: scan)
        let empty = dir.path("tessdata")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let previous = ProcessInfo.processInfo.environment["TESSDATA_PREFIX"]
        setenv("TESSDATA_PREFIX", empty, 1)
        defer {
            if let previous { setenv("TESSDATA_PREFIX", previous, 1) } else { unsetenv("TESSDATA_PREFIX") }
        }
        let output = dir.path("case.json")
        let result = try CLIRunner.run(["extract", scan, "-o", output])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(
            result.stderr.contains(
                "error: \(scan): page 2 has no text layer and cannot be read: Tesseract could not load its 'eng' "
                    + "language data in \(empty)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("1 PDF problem (an unread page, damage)"), result.stderr)
        // The page with a text layer was kept.
        XCTAssertTrue(try CaseFile.read(from: output).entities.contains { $0.name == "Mara Quill" })
    }
}
