import Foundation
import LinkGraph
import LinkGraphPlugin
import LinkGraphTestSupport
import TextPatterns
import XCTest

@testable import HTMLPages

/// The extractor through `ExtractionSession`, as `linkgraph extract` runs it: pages of one
/// folder linking to each other, the main text through text-patterns, dates and titles.
final class HTMLPagesExtractorTests: XCTestCase {
    /// Three pages of one saved site: the index names its site (canonical), the others do not.
    static func site(in dir: TemporaryDirectory) throws -> [String] {
        let index = try dir.write(
            "index.html",
            """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Harbor Trust ledger</title>
            <link rel="canonical" href="https://harbor.example/ledger/index.html">
            <meta property="article:published_time" content="2016-05-03T09:12:00+02:00">
            <meta name="dcterms.modified" content="2016-06-01"></head>
            <body><nav><a href="about.html">About</a> <a href="payments.html">Payments</a></nav>
            <main><h1>Ledger</h1>
            <p>Mara Quill, the treasurer of the Harbor Trust, paid Ivo Brandt in Lisbon.</p>
            <p>See <a href="payments.html#may">the May payments</a> and the
            <a href="payments.html">full list</a>, or <a href="https://news.example/story?id=7">this story</a>.
            <a href="#top">Top</a> <a href="mailto:desk@harbor.example">Write</a></p></main>
            <footer><a href="https://harbor.example/privacy">Privacy</a></footer></body></html>
            """)
        let payments = try dir.write(
            "payments.html",
            """
            <html><head><title>Payments</title></head><body>
            <article><p>Anton Sorel wired money to Petra Lindqvist.</p>
            <p>Back to the <a href="index.html">ledger</a>.</p></article></body></html>
            """)
        let orphan = try dir.write(
            "orphan.htm", "<p>Nothing links here. <a href='./sub/../payments.html'>Payments again</a></p>")
        return [index, payments, orphan]
    }

    func session() throws -> ExtractionSession {
        let text = try TextPatternsExtractor()
        return ExtractionSession(registry: try ExtractorRegistry([text, HTMLPagesExtractor(bodyExtractor: text)]))
    }

    func read(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    func testSite_linksBetweenPages_mergedAcrossDocuments_withAnchorEvidence() throws {
        let dir = try TemporaryDirectory()
        let paths = try Self.site(in: dir)
        var session = try session()
        for path in paths {
            let outcome = session.extract(path: path, read: read)
            XCTAssertTrue(outcome.succeeded, "\(outcome.failures)")
        }
        let result = session.result()
        let pages = result.entities.filter { $0.kind == HTMLPagesExtractor.pageKind }
        let byName = Dictionary(pages.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let indexURL = "https://harbor.example/ledger/index.html"
        let paymentsWeb = "https://harbor.example/ledger/payments.html"
        let paymentsFile = URL(fileURLWithPath: paths[1]).standardizedFileURL.absoluteString
        let orphanFile = URL(fileURLWithPath: paths[2]).standardizedFileURL.absoluteString
        // The payments page is one entity: named by the index's link, its file URL an alias
        // that its own document and the orphan's link resolve to.
        XCTAssertEqual(
            Set(pages.map(\.name)), [indexURL, paymentsWeb, "https://news.example/story?id=7", orphanFile], "\(pages)")
        let payments = try XCTUnwrap(byName[paymentsWeb])
        XCTAssertTrue(payments.aliases.contains(paymentsFile), "\(payments.aliases)")
        XCTAssertEqual(Set(payments.provenance.compactMap(\.document)), ["index", "payments", "orphan"])
        let index = try XCTUnwrap(byName[indexURL])
        XCTAssertEqual(index.attributes["title"], .string("Harbor Trust ledger"))
        XCTAssertTrue(index.aliases.contains(URL(fileURLWithPath: paths[0]).standardizedFileURL.absoluteString))

        let links = result.relations.filter { $0.kind == .linksTo }
        func link(_ source: String, _ target: String) -> Relation? {
            links.first { $0.source == byName[source]?.id && $0.target == byName[target]?.id }
        }
        XCTAssertEqual(links.count, 4, "\(links.map { "\($0.source)->\($0.target)" })")
        // index → payments: two anchors (the fragment is dropped), both quoted from the file;
        // the navigation's links and the footer's are not there.
        let toPayments = try XCTUnwrap(link(indexURL, paymentsWeb))
        XCTAssertEqual(toPayments.weight, 2)
        XCTAssertEqual(toPayments.evidence.compactMap(\.text), ["the May payments", "full list"])
        XCTAssertEqual(toPayments.attributes["anchors"], .array(["the May payments", "full list"]))
        XCTAssertEqual(toPayments.from, PartialDate("2016-05-03"))
        XCTAssertEqual(toPayments.evidence.map(\.document), ["index", "index"])
        let indexBytes = try read(paths[0])
        for evidence in toPayments.evidence {
            let quoted = String(decoding: indexBytes[evidence.start!..<evidence.end!], as: UTF8.self)
            XCTAssertEqual(quoted, evidence.text)
        }
        XCTAssertNotNil(link(indexURL, "https://news.example/story?id=7"))
        // payments → index resolves against the file, to the index's file URL: its alias.
        XCTAssertEqual(link(paymentsWeb, indexURL)?.evidence.compactMap(\.text), ["ledger"])
        XCTAssertEqual(link(orphanFile, paymentsWeb)?.evidence.compactMap(\.text), ["Payments again"])
        XCTAssertNil(byName["https://harbor.example/privacy"])

        // Documents: title, sha256, url and dates.
        let document = try XCTUnwrap(result.documents.first { $0.id == "index" })
        XCTAssertEqual(document.title, "Harbor Trust ledger")
        XCTAssertEqual(document.source, paths[0])
        XCTAssertEqual(document.sha256, SHA256.hex(indexBytes))
        XCTAssertEqual(document.unknownFields["url"], .string(indexURL))
        XCTAssertEqual(document.unknownFields["published"], .string("2016-05-03"))
        XCTAssertEqual(document.unknownFields["modified"], .string("2016-06-01"))
        XCTAssertEqual(result.documents.first { $0.id == "orphan" }?.title, "orphan.htm")
    }

    func testMainText_goesToTextPatterns_mentionsPointIntoTheFile() throws {
        let dir = try TemporaryDirectory()
        let paths = try Self.site(in: dir)
        var session = try session()
        for path in paths { _ = session.extract(path: path, read: read) }
        let result = session.result()
        let names = Set(result.entities.map(\.name))
        for name in ["Mara Quill", "Harbor Trust", "Ivo Brandt", "Anton Sorel", "Petra Lindqvist"] {
            XCTAssertTrue(names.contains(name), "\(name) not found in \(names.sorted())")
        }
        // Every mention of a name found in the text is that name's bytes in its file.
        var checked = 0
        for entity in result.entities where entity.kind != HTMLPagesExtractor.pageKind {
            for contribution in entity.provenance {
                guard let documentID = contribution.document,
                    let path = result.documents.first(where: { $0.id == documentID })?.source
                else { continue }
                let bytes = try read(path)
                for mention in contribution.mentions {
                    let quoted = String(decoding: bytes[mention.start..<mention.end], as: UTF8.self)
                    XCTAssertTrue(
                        entity.allNames.contains { NameNormalizer.key($0) == NameNormalizer.key(quoted) }
                            || quoted.contains(entity.name.split(separator: " ").last.map(String.init) ?? entity.name),
                        "\(entity.name): mention \(mention) reads \(quoted)")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 4)
        // Nothing from the navigation or the script is extracted.
        XCTAssertFalse(names.contains("Iron Council"))
        let relation = result.relations.first { $0.kind == .memberOf }
        XCTAssertNotNil(relation, "\(result.relations.map { "\($0.source) \($0.kind) \($0.target)" })")
    }

    func testOptions_siteLinksOnly_bodiesOff_badOption() throws {
        let html = Array(
            """
            <link rel=canonical href="https://a.example/x.html"><p>Mara Quill wrote.
            <a href="/y.html">same site</a> <a href="https://b.example/z.html">other site</a></p>
            """.utf8)
        let extractor = HTMLPagesExtractor(bodyExtractor: try TextPatternsExtractor())
        let site = try extractor.extractCaseFile(
            ExtractionRequest(
                id: "x", mediaType: "text/html", bytes: html, options: ["htmlLinks": "site", "bodies": false]))
        XCTAssertEqual(
            Set(site.entities.map(\.name)), ["https://a.example/x.html", "https://a.example/y.html"])
        XCTAssertThrowsError(
            try extractor.extractCaseFile(
                ExtractionRequest(
                    id: "x", mediaType: "text/html", bytes: html, metadata: ["path": "x.html"],
                    options: ["htmlLinks": "some"]))
        ) { error in
            XCTAssertEqual("\(error)", "x.html: option \"htmlLinks\" must be \"all\" or \"site\"")
        }
    }

    func testMediaTypes_fromExtensions() {
        for path in ["a.html", "b.HTM", "c.xhtml"] {
            XCTAssertEqual(ExtractorRegistry.mediaType(forPath: path), "text/html")
        }
    }
}
