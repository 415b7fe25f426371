import Foundation
import LinkGraph
import XCTest

@testable import HTMLPages

/// The page reader: what is kept and dropped, charsets, entities, broken markup, and the map
/// from the text back to the file, on pages written here.
final class HTMLPageTests: XCTestCase {
    /// Every kept text byte maps to file bytes that read as it: for a page stored as UTF-8,
    /// each maximal run of verbatim text must be found at its mapped position.
    func assertVerbatim(
        _ page: HTMLPage, _ bytes: [UInt8], _ piece: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        guard let range = page.text.range(of: piece) else {
            return XCTFail("\(piece) not in \(page.text)", file: file, line: line)
        }
        let start = page.text.utf8.distance(from: page.text.startIndex, to: range.lowerBound)
        let end = start + piece.utf8.count
        guard let span = page.offsets.fileSpan(Span(start: start, end: end)) else {
            return XCTFail("\(piece) maps to nothing", file: file, line: line)
        }
        XCTAssertEqual(String(decoding: bytes[span.start..<span.end], as: UTF8.self), piece, file: file, line: line)
    }

    func testMainText_dropsNavigationScriptsStylesAndFurniture() throws {
        let html = """
            <!DOCTYPE html>
            <html><head><title>  Harbor   Trust\nminutes </title><style>p { color: red }</style>
            <script>var tracker = "Iron Council";</script></head>
            <body>
            <header><h1>Site banner</h1></header>
            <nav><a href="/">Home</a> <a href="/about">About us</a></nav>
            <div class="sidebar">Popular: Orlov</div>
            <div id="content">
              <h2>Minutes of May</h2>
              <p>Mara Quill met   Ivo Brandt
              in Lisbon.</p>
              <p hidden>Secret hidden paragraph</p>
              <p style="display: none">Invisible paragraph</p>
              <div aria-hidden="true">Screen readers skip this</div>
              <noscript>Enable scripts</noscript>
              <form><label>Search</label><input value="query"></form>
              <p>Second<br>line</p>
            </div>
            <aside>Related: Tanker story</aside>
            <footer>Copyright Harbor Trust</footer>
            <script>document.write("Falcon")</script>
            </body></html>
            """
        let bytes = Array(html.utf8)
        let page = try HTMLPage(bytes: bytes, file: "a.html")
        XCTAssertEqual(page.text, "Minutes of May\n\nMara Quill met Ivo Brandt in Lisbon.\n\nSecond\nline")
        XCTAssertEqual(page.title, "Harbor Trust minutes")
        XCTAssertTrue(page.links.isEmpty, "\(page.links)")
        assertVerbatim(page, bytes, "Mara Quill met")
        assertVerbatim(page, bytes, "Minutes of May")
        // A range across collapsed white space maps from its first to its last byte in the file.
        let text = page.text
        let start = text.utf8.distance(from: text.startIndex, to: text.range(of: "Brandt in")!.lowerBound)
        let span = try XCTUnwrap(page.offsets.fileSpan(Span(start: start, end: start + 9)))
        XCTAssertEqual(String(decoding: bytes[span.start..<span.end], as: UTF8.self), "Brandt\n  in")
    }

    func testMainRegion_mainElementWins_thenArticles_headerInsideArticleKept() throws {
        let withMain = try HTMLPage(
            bytes: Array("<body><p>Teaser text</p><main><p>Body of the story</p></main><p>After</p></body>".utf8),
            file: "m.html")
        XCTAssertEqual(withMain.text, "Body of the story")
        let articles = try HTMLPage(
            bytes: Array(
                """
                <body><div>Site chrome</div>
                <article><header><h1>Headline one</h1><p>By Ana Ruiz</p></header><p>Story one.</p>
                <footer>Filed under tankers</footer></article>
                <article><p>Story two.</p></article></body>
                """.utf8), file: "a.html")
        XCTAssertEqual(articles.text, "Headline one\n\nBy Ana Ruiz\n\nStory one.\n\nFiled under tankers\n\nStory two.")
        let role = try HTMLPage(
            bytes: Array(
                "<div>Chrome</div><div role=main>Kept <a href='x.html'>x</a></div><a href='y.html'>y</a>".utf8),
            file: "r.html")
        XCTAssertEqual(role.text, "Kept x")
        XCTAssertEqual(role.links.map(\.href), ["x.html"])
    }

    func testEntitiesAndReferences_decoded_mappedToTheWholeReference() throws {
        let html = "<p>Tom &amp; Jerry &eacute;t&#233; &#x41;&lt;B&gt; caf&eacute;&nbsp;noir</p>"
        let bytes = Array(html.utf8)
        let page = try HTMLPage(bytes: bytes, file: "e.html")
        XCTAssertEqual(page.text, "Tom & Jerry été A<B> café noir")
        let amp = page.text.utf8.firstIndex(of: UInt8(ascii: "&"))!
        let offset = page.text.utf8.distance(from: page.text.utf8.startIndex, to: amp)
        let span = try XCTUnwrap(page.offsets.fileSpan(Span(start: offset, end: offset + 1)))
        XCTAssertEqual(String(decoding: bytes[span.start..<span.end], as: UTF8.self), "&amp;")
        assertVerbatim(page, bytes, "Tom ")
    }

    func testCharset_windows1252FromMeta_mapsOneByteACharacter() throws {
        var bytes = Array(
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body><p>"
                .utf8)
        var paragraph: [UInt8] = Array("Caf".utf8)
        paragraph += [0xE9]
        paragraph += Array(" des ".utf8)
        paragraph += [0x93]
        paragraph += Array("Amis".utf8)
        paragraph += [0x94, 0x20, 0x80]
        let start = bytes.count
        bytes += paragraph + Array("</p></body></html>".utf8)
        let page = try HTMLPage(bytes: bytes, file: "w.html")
        XCTAssertEqual(page.text, "Café des \u{201C}Amis\u{201D} €")
        // "Amis" is characters 10..<14 of the paragraph's bytes (one byte each).
        let text = page.text
        let amis = text.utf8.distance(from: text.startIndex, to: text.range(of: "Amis")!.lowerBound)
        XCTAssertEqual(
            page.offsets.fileSpan(Span(start: amis, end: amis + 4)), Span(start: start + 10, end: start + 14))
        let e = text.utf8.distance(from: text.startIndex, to: text.range(of: "é")!.lowerBound)
        XCTAssertEqual(page.offsets.fileSpan(Span(start: e, end: e + 2)), Span(start: start + 3, end: start + 4))
    }

    func testCharset_metaCharsetAttribute_andUTF8ByteOrderMark() throws {
        let latin2: [UInt8] =
            Array("<meta charset=\"iso-8859-2\"><p>".utf8) + [0xA3, 0xF3, 0x64, 0xBC] + Array("</p>".utf8)
        XCTAssertEqual(try HTMLPage(bytes: latin2, file: "l.html").text, "Łódź")
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<p>Zoë Quill</p>".utf8)
        let page = try HTMLPage(bytes: bom, file: "b.html")
        XCTAssertEqual(page.text, "Zoë Quill")
        assertVerbatim(page, bom, "Zoë Quill")
    }

    func testCharset_utf16WithByteOrderMark_readsAndMapsIntoTheFile() throws {
        let html = "<p>Mara Quill</p>"
        let bytes: [UInt8] = [0xFF, 0xFE] + html.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let page = try HTMLPage(bytes: bytes, file: "u.html")
        XCTAssertEqual(page.text, "Mara Quill")
        let span = try XCTUnwrap(page.offsets.fileSpan(Span(start: 0, end: 10)))
        XCTAssertTrue(span.start >= 2 && span.end <= bytes.count && span.start < span.end, "\(span)")
    }

    func testCharset_undeclaredLatin1_fallsBackWithoutLosingText() throws {
        let bytes: [UInt8] = Array("<p>Jos".utf8) + [0xE9] + Array(" Mart".utf8) + [0xED] + Array("n</p>".utf8)
        XCTAssertEqual(try HTMLPage(bytes: bytes, file: "x.html").text, "José Martín")
    }

    func testBrokenMarkup_recovers() throws {
        let html = """
            <p>One <b>bold <i>both</b> tail</i> <div>Block
            <table><tr><td>Cell A<td>Cell B</table>
            <a href=one.html>first<a href="two.html">second</p></p></div></span>
            <p>Unclosed <a href="three.html">third
            """
        let page = try HTMLPage(bytes: Array(html.utf8), file: "b.html")
        XCTAssertEqual(page.text, "One bold both tail\n\nBlock\n\nCell A Cell B\n\nfirstsecond\n\nUnclosed third")
        XCTAssertEqual(page.links.map(\.href), ["one.html", "two.html", "three.html"])
        XCTAssertEqual(page.links.map(\.text), ["first", "second", "third"])
    }

    func testCRLFLineEnds_mapByteForByte() throws {
        let html = "<p>Mara\r\nQuill paid\r\nIvo</p>\r\n"
        let bytes = Array(html.utf8)
        let page = try HTMLPage(bytes: bytes, file: "c.html")
        XCTAssertEqual(page.text, "Mara Quill paid Ivo")
        let span = try XCTUnwrap(page.offsets.fileSpan(Span(start: 5, end: 15)))
        XCTAssertEqual(String(decoding: bytes[span.start..<span.end], as: UTF8.self), "Quill paid")
    }

    func testLinksAndMeta_readWithAnchorSpans() throws {
        let html = """
            <html><head><base href="https://site.example/news/">
            <link rel="alternate stylesheet" href="s.css"><link rel="Canonical" href="https://site.example/news/a.html">
            <meta property="og:title" content="The A story"><meta name="DC.date" content="2015-11">
            </head><body><p>Read <a href="b.html#p2">the <em>B</em> story</a> and <a href="mailto:x@y.org">mail</a>.</p></body></html>
            """
        let bytes = Array(html.utf8)
        let page = try HTMLPage(bytes: bytes, file: "a.html")
        XCTAssertEqual(page.base, "https://site.example/news/")
        XCTAssertEqual(page.canonical, "https://site.example/news/a.html")
        XCTAssertEqual(page.meta("og:title"), "The A story")
        XCTAssertEqual(PageDates(page.meta).published, PartialDate("2015-11"))
        XCTAssertEqual(page.links.map(\.href), ["b.html#p2", "mailto:x@y.org"])
        XCTAssertEqual(page.links[0].text, "the B story")
        let span = page.links[0].span
        XCTAssertEqual(String(decoding: bytes[span.start..<span.end], as: UTF8.self), "the <em>B</em> story")
    }

    func testDates_readFromTheMetaNamesInOrder() {
        func dates(_ pairs: [(String, String)]) -> PageDates {
            PageDates(pairs.map { HTMLMeta(name: $0.0, content: $0.1) })
        }
        XCTAssertEqual(
            dates([("date", "2014"), ("article:published_time", "2016-05-03T23:30:00-05:00")]).published,
            PartialDate("2016-05-03"))
        XCTAssertEqual(dates([("dcterms.modified", "2017/01/09")]).modified, PartialDate("2017-01-09"))
        XCTAssertNil(dates([("date", "20160503")]).published)
        XCTAssertNil(dates([("date", "May 3, 2016")]).published)
        XCTAssertNil(dates([("date", "2016-13-01")]).published)
    }

    // MARK: Hostile input

    func testDeepNesting_100000Levels_readsWithoutRecursion() throws {
        let depth = 100_000
        let html =
            String(repeating: "<div><span>", count: depth) + "<p>Deep text</p>"
            + String(repeating: "</span></div>", count: depth)
        let page = try HTMLPage(bytes: Array(html.utf8), file: "deep.html")
        XCTAssertEqual(page.text, "Deep text")
    }

    func testEntityBomb_declarationsAreNotExpanded() throws {
        var declarations = "<!ENTITY a0 \"ha\">"
        for i in 1...12 { declarations += "<!ENTITY a\(i) \"" + String(repeating: "&a\(i - 1);", count: 10) + "\">" }
        let html = "<!DOCTYPE html [\(declarations)]><html><body><p>Laugh &a12; end</p></body></html>"
        let page = try HTMLPage(bytes: Array(html.utf8), file: "bomb.html")
        // libxml2's HTML parser reads no internal subset: the declarations are left as text and
        // the reference as written; nothing grows.
        XCTAssertLessThan(page.text.utf8.count, html.utf8.count)
        XCTAssertFalse(page.text.contains("haha"), page.text)
        XCTAssertTrue(page.text.hasSuffix("Laugh &a12; end"), page.text)
    }

    func testExternalDTDAndEntities_neverFetched() throws {
        // A local server that records any connection; HTML_PARSE_NONET must leave it unused.
        let server = try LoopbackListener()
        defer { server.close() }
        let url = "http://127.0.0.1:\(server.port)/x.dtd"
        let html = """
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "\(url)">
            <!DOCTYPE x SYSTEM "\(url)"><html><body><p>Text &ext; here</p><img src="\(url)"></body></html>
            """
        let page = try HTMLPage(bytes: Array(html.utf8), file: "net.html")
        XCTAssertTrue(page.text.hasPrefix("Text"), page.text)
        XCTAssertFalse(server.wasContacted(), "the parser fetched \(url)")
    }

    func testBinaryInput_nulByte_isAClearErrorNamingTheFile() {
        let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
        XCTAssertThrowsError(try HTMLPage(bytes: bytes, file: "logo.html")) { error in
            XCTAssertEqual((error as? HTMLPageError)?.reason, .binary(offset: 8))
            XCTAssertTrue("\(error)".hasPrefix("logo.html: not an HTML page"), "\(error)")
        }
    }

    func testEmptyAndBlankFiles_giveAnEmptyPage() throws {
        XCTAssertEqual(try HTMLPage(bytes: [], file: "e.html").text, "")
        XCTAssertEqual(try HTMLPage(bytes: Array("  \n ".utf8), file: "e.html").text, "")
        XCTAssertEqual(try HTMLPage(bytes: Array("<html></html>".utf8), file: "e.html").title, nil)
    }
}
