import Foundation
import LinkGraph
import LinkGraphTestSupport
import XCTest

/// `linkgraph extract` on HTML pages: links between the pages of one run become `linksTo`
/// relations between one entity per page, a binary file named `.html` is reported by name
/// and the other pages are kept.
final class HTMLExtractCLITests: XCTestCase {
    func testTwoPagesLinkingEachOther_andABinaryFile() throws {
        let dir = try TemporaryDirectory()
        let first = try dir.write(
            "page1.html",
            """
            <html><head><title>Tanker report</title>
            <meta name="date" content="2019-07-14"></head><body>
            <nav><a href="index.html">Home</a></nav>
            <p>Captain Ilya Varga sailed the tanker to Fujairah. See <a href="page2.html">the owners</a>.</p>
            </body></html>
            """)
        let second = try dir.write(
            "page2.html",
            """
            <html><head><title>Owners</title></head><body>
            <p>The tanker belongs to Anton Sorel. Back to <a href="./page1.html">the report</a>.</p>
            </body></html>
            """)
        let broken = dir.path("logo.html")
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0]).write(to: URL(fileURLWithPath: broken))
        // A declared charset the bytes do not follow: read as far as they go, libxml2's
        // "encoding error" lines kept off standard error.
        let misdeclared = dir.path("misdeclared.html")
        try Data(Array("<meta charset=\"euc-jp\"><p>Kept text ".utf8) + [0xFF, 0xFF, 0xFE] + Array("</p>".utf8))
            .write(to: URL(fileURLWithPath: misdeclared))
        let output = dir.path("case.json")
        let result = try CLIRunner.run(["extract", first, second, broken, misdeclared, "-o", output])
        XCTAssertFalse(result.stderr.contains("encoding error"), result.stderr)
        XCTAssertFalse(result.stderr.contains("misdeclared"), result.stderr)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(
            result.stderr.contains("\(broken): html-pages: not an HTML page: a NUL byte at offset 4"), result.stderr)

        let caseFile = try CaseFile.read(from: output)
        let pages = caseFile.entities.filter { $0.kind.rawValue == "webpage" }
        let url1 = URL(fileURLWithPath: first).standardizedFileURL.absoluteString
        let url2 = URL(fileURLWithPath: second).standardizedFileURL.absoluteString
        let url3 = URL(fileURLWithPath: misdeclared).standardizedFileURL.absoluteString
        XCTAssertEqual(Set(pages.map(\.name)), [url1, url2, url3], "\(pages.map(\.name))")
        let id = Dictionary(pages.map { ($0.name, $0.id) }, uniquingKeysWith: { a, _ in a })
        let links = caseFile.relations.filter { $0.kind == .linksTo }
        XCTAssertEqual(Set(links.map { [$0.source, $0.target] }), [[id[url1]!, id[url2]!], [id[url2]!, id[url1]!]])
        let forward = try XCTUnwrap(links.first { $0.source == id[url1] })
        XCTAssertEqual(forward.evidence.map(\.text), ["the owners"])
        XCTAssertEqual(forward.from, PartialDate("2019-07-14"))
        XCTAssertEqual(caseFile.documents.map(\.title), ["Tanker report", "Owners", "misdeclared.html"])
        let names = Set(caseFile.entities.map(\.name))
        XCTAssertTrue(names.contains("Ilya Varga") && names.contains("Anton Sorel"), "\(names.sorted())")
        XCTAssertFalse(names.contains { $0.hasSuffix("index.html") }, "the navigation's link was kept")
    }
}
