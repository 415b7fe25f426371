import Foundation
import XCTest

/// `linkgraph report` end to end: the page's parts, and errors that name the file and leave
/// nothing behind. The page's behaviour is tested in a browser (Tests/Report).
final class CLIReportTests: XCTestCase {
    func testReport_case_oneFileWithPolicyDrawingDataAndScript() throws {
        let dir = try TemporaryDirectory()
        let casePath = try dir.write("case.json", CLIEndToEndTests.validCase)
        let result = try CLIRunner.run(["report", casePath, "--view", "influence", "-o", dir.path("case.html")])
        XCTAssertEqual(result.status, 0, result.stderr)
        let html = try String(contentsOfFile: dir.path("case.html"), encoding: .utf8)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'"))
        XCTAssertTrue(html.contains("<svg"), "no drawing")
        XCTAssertTrue(html.contains("id=\"entity&#45;courier\""), "the drawing has the entities' ids")
        XCTAssertTrue(html.contains("\"view\":\"influence\""))
        for remote in ["src=\"http", "href=\"http", "@import", "url(http"] {
            XCTAssertFalse(html.contains(remote), "a remote load: \(remote)")
        }
    }

    func testReport_documentsDirectoryMissing_errorNamesItAndWritesNothing() throws {
        let dir = try TemporaryDirectory()
        let casePath = try dir.write("case.json", CLIEndToEndTests.validCase)
        let result = try CLIRunner.run([
            "report", casePath, "-o", dir.path("case.html"), "--documents", dir.path("none"),
        ])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains(dir.path("none") + ": not a directory"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("case.html")))
    }

    func testReport_documentNotMatchingItsSHA256_errorNamesTheFile() throws {
        let dir = try TemporaryDirectory()
        let text = "The courier met the bureau."
        let caseText = """
            {"version": 1,
             "documents": [{"id": "memo", "source": "memo.txt", "sha256": "\(String(repeating: "ab", count: 32))"}],
             "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}],
             "relations": [{"source": "a", "target": "b", "kind": "meetsWith",
                            "evidence": [{"document": "memo", "start": 4, "end": 11}]}]}
            """
        let casePath = try dir.write("case.json", caseText)
        try FileManager.default.createDirectory(atPath: dir.path("docs"), withIntermediateDirectories: true)
        _ = try dir.write("docs/memo.txt", text)
        let result = try CLIRunner.run([
            "report", casePath, "-o", dir.path("case.html"), "--documents", dir.path("docs"),
        ])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("docs/memo.txt: its SHA-256 is not"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("case.html")))
        // Without a recorded hash the text is embedded.
        let unhashed = try dir.write(
            "unhashed.json",
            caseText.replacingOccurrences(
                of: ", \"sha256\": \"\(String(repeating: "ab", count: 32))\"", with: ""))
        let ok = try CLIRunner.run(["report", unhashed, "-o", dir.path("case.html"), "--documents", dir.path("docs")])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        let html = try String(contentsOfFile: dir.path("case.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("\"text\":\"\(text)\""))
    }

    func testDemo_writesTheReportToo() throws {
        let dir = try TemporaryDirectory()
        let casePath = try dir.write("case.json", CLIEndToEndTests.validCase)
        let result = try CLIRunner.run(["demo", "--case", casePath, "--output", dir.path("out")])
        XCTAssertEqual(result.status, 0, result.stderr)
        let html = try String(contentsOfFile: dir.path("out/report.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("id=\"case-data\""))
        XCTAssertTrue(result.stdout.contains("report.html"))
    }
}
