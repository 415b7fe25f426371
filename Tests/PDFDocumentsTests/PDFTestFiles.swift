import Foundation
import LinkGraphTestSupport
import PDFTestSupport
import XCTest

/// The tests' own documents, written as PDFs at test time, and the command-line oracles.
enum PDFTestFiles {
    /// Three pages of our own prose with a text layer.
    static let pages: [[String]] = [
        ["Harbour ledgers, spring 2016.", "Mara Quill met Tomas Venn in Lisbon."],
        ["The second page is about money.", "Mara Quill is a member of the Harbor Trust."],
        ["Page three closes the file.", "Ivo Brandt reports to Anton Sorel."],
    ]

    /// The lines of the scanned page: large, plain words Tesseract reads reliably.
    static let scannedLines = ["Petra Lindqvist met Anton Sorel in Vienna.", "The ledger was burned."]

    static let metadata = TestPDF.Metadata(
        title: "Harbour ledgers", author: "Ana Ruiz", created: "2016-05-03T09:12:00Z", modified: "2016-06-01T10:00:00Z")

    /// Writes the three text pages (and a scanned fourth when asked).
    static func ledger(in dir: TemporaryDirectory, name: String = "ledger.pdf", scanned: Bool = false) -> String {
        let path = dir.path(name)
        var all = pages.map { TestPDF.Page($0) }
        if scanned { all.append(TestPDF.Page(scannedLines, scanned: true)) }
        TestPDF.write(all, to: path, metadata: metadata)
        return path
    }

    /// `pdftotext -f N -l N FILE -`: poppler's own command-line reader, the oracle for a page's text.
    static func pdftotext(_ path: String, page: Int) throws -> String {
        let result = try tool("pdftotext", ["-f", "\(page)", "-l", "\(page)", path, "-"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    /// Runs a tool found in PATH, skipping when it is missing.
    static func tool(_ name: String, _ arguments: [String]) throws -> CLIRunner.Result {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) {
                return try CLIRunner.run(executable: url, arguments)
            }
        }
        throw XCTSkip("\(name) is not installed")
    }

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
