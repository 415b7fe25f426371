import Foundation
import LinkGraphFormats
import LinkGraphGraphviz
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `SVGSafety`: scripts, handlers, outside links and style sheets removed; clean SVG kept
/// byte for byte; malformed SVG refused.
final class SVGSafetyTests: XCTestCase {
    static let head = """
        <?xml version="1.0" encoding="UTF-8" standalone="no"?>
        <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"
         "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
        """

    static func svg(_ body: String, prolog: String = "") -> Data {
        Data(
            (head + "\n" + prolog
                + #"<svg width="10pt" height="10pt" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">"#
                + body + "</svg>\n").utf8)
    }

    func testGraphvizOutput_unchanged() throws {
        let svg = try Graphviz.shared.render(Hostile.graph().graph, format: .svg)
        let checked = try SVGSafety.sanitize(svg)
        XCTAssertEqual(checked.data, svg)
        XCTAssertEqual(checked.removed, [])
    }

    func testDangerousContent_removed_restKept() throws {
        let hostile = Self.svg(
            """
            <g id="node1" class="node" onload="alert(1)"><title>a</title>
            <script type="text/javascript">alert(2)</script>
            <a xlink:href="javascript:alert(3)" xlink:title="t"><text x="1" y="2" font-family="Times" ONCLICK="x">keep me</text></a>
            <a xlink:href=" JaVa&#10;script:alert(4)"><text>x</text></a>
            <a href="data:text/html,&lt;script&gt;"><text>y</text></a>
            <a xlink:href="https://example.com/?a=1&amp;b=2"><text>link</text></a>
            <a xlink:href="#node1"><text>local</text></a>
            <image xlink:href="/etc/passwd" width="1" height="1"/>
            <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">html</div></foreignObject>
            <style>@import url(https://evil.example/x.css);</style>
            <rect style="fill:url(https://evil.example/#x)" width="1" height="1"/>
            <rect fill="url(#l_0)" width="2" height="2"/>
            <set attributeName="href" to="javascript:alert(5)"/>
            <animate attributeName="href" values="javascript:alert(6)"/>
            <use xlink:href="https://evil.example/sprite.svg#x"/>
            </g>
            """,
            prolog: #"<?xml-stylesheet href="javascript:alert(7)" type="text/css"?>"# + "\n")
        let checked = try SVGSafety.sanitize(hostile)
        let removed = checked.removed.map(\.what)
        XCTAssertEqual(checked.removed.count, 14, removed.joined(separator: "\n"))
        let text = String(decoding: checked.data, as: UTF8.self)
        for banned in [
            "<script", "alert", "onload", "ONCLICK", "javascript", "data:", "/etc/passwd", "<image", "foreignObject",
            "<style",
            "evil.example", "xml-stylesheet", "<set", "<animate", "<use",
        ] {
            XCTAssertFalse(text.contains(banned), "\(banned) left in:\n\(text)")
        }
        for kept in [
            "keep me", "https://example.com/?a=1&amp;b=2", "#node1", "url(#l_0)", "xmlns:xlink", "<title>a</title>",
            "<!DOCTYPE svg",
        ] {
            XCTAssertTrue(text.contains(kept), "\(kept) missing from:\n\(text)")
        }
        // The rewritten SVG is clean itself.
        XCTAssertEqual(try SVGSafety.findings(in: checked.data), [])
    }

    func testMalformedOrEntityDeclaring_refused() throws {
        let malformed = Self.svg(#"<a xlink:href="https://x.org/?q=n<&>"&g=G"><text>n</text></a>"#)
        XCTAssertThrowsError(try SVGSafety.sanitize(malformed)) { error in
            XCTAssertEqual((error as? GraphvizError)?.kind, .render)
            XCTAssertTrue("\(error)".contains("not well-formed"), "\(error)")
        }
        // What Graphviz 2.43 writes for id="i&nbsp;d": libxml2 only warns, browsers refuse it.
        let undefinedEntity = Self.svg(#"<g id="i&nbsp;d"/>"#)
        XCTAssertThrowsError(try SVGSafety.sanitize(undefinedEntity)) { error in
            XCTAssertTrue("\(error)".contains("undeclared entity &nbsp;"), "\(error)")
        }
        XCTAssertThrowsError(try SVGSafety.sanitize(Self.svg("<text>&T;</text>")))
        let entities = Data(
            """
            <?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "xxxxxxxx"><!ENTITY y "&x;&x;&x;&x;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&y;</text></svg>
            """.utf8)
        XCTAssertThrowsError(try SVGSafety.sanitize(entities))
        XCTAssertThrowsError(try SVGSafety.sanitize(Data("not xml".utf8)))
    }

    func testLargeSVG_checkedPastLibxml2ChunkLimit() throws {
        // Over 10 MB: libxml2 refuses a single chunk that large ("huge input lookup").
        let body = String(
            repeating: #"<text x="1" y="2" font-family="Times,serif" font-size="14.00">some node label</text>"# + "\n",
            count: 130_000)
        let svg = Self.svg(body + "<script>x</script>")
        XCTAssertGreaterThan(svg.count, 10 << 20)
        let checked = try SVGSafety.sanitize(svg)
        XCTAssertEqual(checked.removed.map(\.what), ["<script> element"])
    }
}
