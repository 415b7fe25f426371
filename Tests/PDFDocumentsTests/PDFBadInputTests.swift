import LinkGraph
import LinkGraphTestSupport
import PDFTestSupport
import XCTest

@testable import PDFDocuments

/// Encrypted, damaged, truncated and bomb PDFs: each an error naming the file; crashes and
/// hangs of the worker become errors too.
final class PDFBadInputTests: XCTestCase {
    /// The `linkgraph` binary, which acts as the PDF worker.
    private func sandbox(_ limits: PDFSandbox.Limits = .default) throws -> PDFReader {
        PDFReader(isolation: .worker(PDFSandbox(executable: try CLIRunner.executable.path, limits: limits)))
    }

    private func failure(_ reader: PDFReader, _ bytes: [UInt8], file: String) -> PDFError? {
        do {
            _ = try reader.read(bytes, file: file)
            return nil
        } catch {
            return error
        }
    }

    func testEncrypted_byQpdf_errorNamesFile() throws {
        let dir = try TemporaryDirectory()
        let plain = PDFTestFiles.ledger(in: dir)
        let locked = dir.path("locked.pdf")
        let qpdf = try PDFTestFiles.tool(
            "qpdf", ["--encrypt", "user-secret", "owner-secret", "256", "--", plain, locked])
        XCTAssertEqual(qpdf.status, 0, qpdf.stderr)
        // pdftotext refuses it too without the password.
        XCTAssertNotEqual(try PDFTestFiles.tool("pdftotext", [locked, "-"]).status, 0)
        for reader in [PDFReader(isolation: .inProcess), try sandbox()] {
            let error = try XCTUnwrap(failure(reader, try PDFTestFiles.bytes(locked), file: locked))
            XCTAssertEqual(error.kind, .encrypted)
            XCTAssertEqual("\(error)", "\(locked): the PDF is encrypted (it needs a password); not read")
        }
    }

    func testTruncated_errorNamesFile() throws {
        let dir = try TemporaryDirectory()
        let bytes = try PDFTestFiles.bytes(PDFTestFiles.ledger(in: dir))
        for keep in [bytes.count / 3, 200, 9] {
            let error = try XCTUnwrap(
                failure(try sandbox(), Array(bytes.prefix(keep)), file: "cut.pdf"), "kept \(keep) bytes")
            XCTAssertTrue("\(error)".hasPrefix("cut.pdf: "), "\(error)")
            XCTAssertEqual(error.kind, .damaged, "\(error)")
        }
    }

    func testBrokenXref_reportedNamingFile() throws {
        let dir = try TemporaryDirectory()
        var bytes = try PDFTestFiles.bytes(PDFTestFiles.ledger(in: dir))
        // Point startxref at a place where no cross-reference table is.
        let marker = Array("startxref".utf8)
        let found = try XCTUnwrap(
            stride(from: bytes.count - marker.count, through: 0, by: -1).first {
                Array(bytes[$0..<($0 + marker.count)]) == marker
            })
        var at = found + marker.count
        while bytes[at] == 0x0A || bytes[at] == 0x0D { at += 1 }
        let digits = bytes[at...].prefix { $0 >= 0x30 && $0 <= 0x39 }.count
        bytes.replaceSubrange(at..<(at + digits), with: Array("100".utf8))
        // Poppler rebuilds the table silently and reads the text; the file is reported as damaged.
        let extractor = PDFDocumentsExtractor(reader: try sandbox())
        let result = try extractor.extractParts(ExtractionRequestFixture.request(path: "xref.pdf", bytes: bytes))
        let messages = result.errors.map { "\($0)" }
        XCTAssertEqual(
            messages.first,
            "xref.pdf: the cross-reference table is damaged (its startxref points at byte 100, "
                + "where no cross-reference section starts); the text was read from poppler's repair")
        // Poppler's own complaint, captured in the worker.
        XCTAssertTrue(
            messages.dropFirst().allSatisfy { $0.hasPrefix("xref.pdf: damaged, read as repaired by poppler: ") })
        XCTAssertEqual(result.caseFile.documents.first?.unknownFields["pages"], .number(JSONNumber(3)))
        XCTAssertNil(
            CrossReferenceCheck.problem(try PDFTestFiles.bytes(PDFTestFiles.ledger(in: dir, name: "sound.pdf"))))
    }

    func testWrongObjectOffset_popplersComplaintReported() throws {
        // A one-page PDF written by hand whose table gives the page object's offset 7 bytes too
        // far: poppler says so on standard error (captured in the worker) and reconstructs.
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                + "/Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length 66 >>\nstream\nBT /F1 12 Tf 72 700 Td (Mara Quill met Tomas Venn in Lisbon.) Tj ET\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(i + 1) 0 obj\n\(object)\nendobj\n"
        }
        offsets[2] += 7
        let table = pdf.utf8.count
        pdf += "xref\n0 6\n0000000000 65535 f \n"
        for offset in offsets {
            pdf += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n"
        }
        pdf += "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n\(table)\n%%EOF\n"
        let result = try PDFDocumentsExtractor(reader: try sandbox()).extractParts(
            ExtractionRequestFixture.request(path: "hand.pdf", bytes: Array(pdf.utf8)))
        let messages = result.errors.map { "\($0)" }
        XCTAssertTrue(
            messages.contains {
                $0.hasPrefix("hand.pdf: damaged, read as repaired by poppler: ") && $0.contains("xref")
            },
            "\(messages)")
        // pdftotext reads the same words from it.
        let dir = try TemporaryDirectory()
        let path = try dir.write("hand.pdf", pdf)
        let text = try PDFReader(isolation: .inProcess).read(Array(pdf.utf8), file: path)
        XCTAssertEqual(
            PDFTestFiles.words(text.pages[0].text), PDFTestFiles.words(try PDFTestFiles.pdftotext(path, page: 1)))
    }

    private static func lastIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        stride(from: bytes.count - needle.count, through: 0, by: -1).first {
            bytes[$0..<($0 + needle.count)].elementsEqual(needle)
        }
    }

    func testBomb_tooManyPages_stoppedByLimit() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("many.pdf")
        TestPDF.write((1...12).map { TestPDF.Page(["Page \($0)."]) }, to: path)
        var reader = try sandbox()
        reader.limits = PDFLimits(maxPages: 10)
        let error = try XCTUnwrap(failure(reader, try PDFTestFiles.bytes(path), file: path))
        XCTAssertEqual(error.kind, .limit)
        XCTAssertEqual("\(error)", "\(path): the PDF has 12 pages, more than the limit of 10")
    }

    func testBomb_hugePage_stoppedByLimit() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("huge.pdf")
        TestPDF.write([TestPDF.Page(["Fine."]), TestPDF.Page(["Also fine."])], to: path, pageSize: (14_000, 14_000))
        let bytes = try PDFTestFiles.bytes(path)
        var reader = try sandbox()
        XCTAssertEqual(try reader.read(bytes, file: path).pages.count, 2)
        reader.limits = PDFLimits(maxPageSide: 5_000)
        let error = try XCTUnwrap(failure(reader, bytes, file: path))
        XCTAssertEqual(error.kind, .limit)
        XCTAssertEqual("\(error)", "\(path): page 1 is 14000 × 14000 points, larger than the limit of 5000 a side")
    }

    func testBomb_hugeScannedPage_outOfMemoryInWorker_isLimitError() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("poster.pdf")
        TestPDF.write([TestPDF.Page(["Big scan."], scanned: true)], to: path, scanDPI: 20, pageSize: (14_000, 14_000))
        // 14,000 points at 300 dpi would be 3.4 gigapixels: the render limit lowers the
        // resolution, and a tight memory limit still stops the worker, not this process.
        var reader = try sandbox(PDFSandbox.Limits(seconds: 60, memoryBytes: 600 << 20))
        reader.limits = PDFLimits(maxRenderPixels: 400_000_000)
        let error = try XCTUnwrap(failure(reader, try PDFTestFiles.bytes(path), file: path))
        XCTAssertEqual(error.kind, .limit, "\(error)")
        XCTAssertTrue(
            "\(error)".hasPrefix("\(path): page 1 cannot be rendered at 20000 × 20000 pixels (out of memory)"),
            "\(error)")
    }

    func testWorkerCrash_becomesErrorNamingFileAndPage() throws {
        // A worker that dies of SIGSEGV after announcing page 2, as a poppler crash would.
        let fake = PDFSandbox(
            executable: "/bin/sh", arguments: ["-c", "printf 'page 1\\npage 2\\n' >&3; kill -SEGV $$", "sh"])
        let error = try XCTUnwrap(failure(PDFReader(isolation: .worker(fake)), [0x25], file: "x.pdf"))
        XCTAssertEqual(error.kind, .crash)
        XCTAssertTrue(
            "\(error)".hasPrefix(
                "x.pdf: the PDF reader (poppler) crashed with signal 11 (SIGSEGV) while reading page 2"),
            "\(error)")
    }

    func testWorkerHang_stoppedAtTimeLimit() throws {
        let fake = PDFSandbox(
            executable: "/bin/sh", arguments: ["-c", "sleep 30", "sh"], limits: PDFSandbox.Limits(seconds: 1))
        let started = Date()
        let error = try XCTUnwrap(failure(PDFReader(isolation: .worker(fake)), [0x25], file: "slow.pdf"))
        XCTAssertEqual(error.kind, .timeout)
        XCTAssertTrue("\(error)".hasPrefix("slow.pdf: reading the PDF took longer than 1 s"), "\(error)")
        XCTAssertLessThan(Date().timeIntervalSince(started), 20)
    }

    func testWorker_sameTextAsInProcess() throws {
        let dir = try TemporaryDirectory()
        let path = PDFTestFiles.ledger(in: dir, scanned: true)
        let bytes = try PDFTestFiles.bytes(path)
        XCTAssertEqual(
            try sandbox().read(bytes, file: path), try PDFReader(isolation: .inProcess).read(bytes, file: path))
    }
}
