import Foundation
import LinkGraphFormats
import LinkGraphGraphviz
import XCTest

/// `GraphvizEntities`, `DOTWriter.escapeLabel`/`escapeTooltip` and `DOTCaseImporter.unescape`
/// against what Graphviz itself draws: every expectation here is the text of Graphviz's own SVG.
final class GraphvizEntitiesTests: XCTestCase {
    /// Names that hold character references or text that looks like one.
    static let names = [
        "AT&amp;T", "&nbsp;", "&#65;", "&#x41;", "x&#;y", "&#0;", "&#x;", "&thetasym;", "&eacute;t&eacute;",
        "Smith & Sons", "&", "&&amp;;", "&#1234567;", "&#x123456;", "&AMP;", #"a\&amp;b"#, "&#x00041;",
        "&amp", "& amp;", "&lt;script&gt;", "&#60;b&#62;", "&apos;", "&#xD800;", "&#1;",
    ]

    /// Draws one node per label and returns the SVG's texts in node order.
    private func drawnTexts(_ labels: [DOTValue]) throws -> [String] {
        let nodes = labels.enumerated().map { DOTNode("n\($0.offset)", attributes: ["label": $0.element]) }
        let edges = zip(nodes, nodes.dropFirst()).map { DOTEdge($0.id, $1.id) }
        let svg = try SVGText(Graphviz.shared.render(DOTGraph(name: "G", nodes: nodes, edges: edges), format: .svg))
        return svg.texts
    }

    func testEscapeLabel_graphvizDrawsTheNameItself() throws {
        let texts = try drawnTexts(Self.names.map { .plain(DOTWriter.escapeLabel($0)) })
        XCTAssertEqual(texts, Self.names)
    }

    func testEscapeLabel_leavesAmpersandsGraphvizWouldNotRead() {
        XCTAssertEqual(DOTWriter.escapeLabel("Smith & Sons"), "Smith & Sons")
        XCTAssertEqual(DOTWriter.escapeLabel("&amp"), "&amp")
        XCTAssertEqual(DOTWriter.escapeLabel("&thetasym;"), "&thetasym;")
        XCTAssertEqual(DOTWriter.escapeLabel("&#x123456;"), "&#x123456;")
        XCTAssertEqual(DOTWriter.escapeLabel("AT&amp;T"), "AT&amp;amp;T")
        XCTAssertEqual(DOTWriter.escapeLabel("&#;"), "&amp;#;")
    }

    /// Labels as a foreign DOT file holds them: the importer's names are what Graphviz draws.
    func testUnescape_isWhatGraphvizDraws() throws {
        let labels = [
            "AT&amp;T", "&eacute;t&eacute;", "x&#;y", "&#0;", "&#x;", "&#65;&#x42;&#X43;", "&#0065;", "&#x00041;",
            "&#1234567;", "&#x123456;", "&thetasym;", "&AMP;", "&amp", "&Alpha;&omega;", "&#x7E;&#x80;&#2046;&#x800;",
            #"\N &amp; \G"#, #"a\\&amp;b\nc"#, "x&#92;ny", "&lt;&gt;&quot;",
        ]
        let texts = try drawnTexts(labels.map { .plain($0) })
        for (i, label) in labels.enumerated() {
            let name = DOTCaseImporter.unescape(label, object: "n\(i)", graphName: "G")
            // Graphviz draws a line break as separate <text> elements.
            let drawn = name.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let start = texts.firstIndex(of: drawn[0]) ?? -1
            XCTAssertGreaterThanOrEqual(
                start, 0, "\(label.debugDescription) → \(name.debugDescription), not among \(texts)")
            if start >= 0 { XCTAssertEqual(Array(texts[start..<min(texts.count, start + drawn.count)]), drawn, label) }
        }
    }

    func testDecode_codePointsGraphvizCannotEncode_becomeReplacementCharacters() {
        for label in ["&#x7F;", "&#2047;", "&#xD800;", "&#x1F600;", "&#99999;"] {
            XCTAssertEqual(GraphvizEntities.decode(label), "\u{FFFD}", label)
        }
        XCTAssertEqual(GraphvizEntities.decode("&#127;"), "\u{FFFD}")
        XCTAssertEqual(GraphvizEntities.decode("&#126;&#128;"), "~\u{80}")
    }

    func testEscapeThenDecode_givesTheTextBack() {
        for name in Self.names + ["&&&", "&#x41;&#x41;", "&;&#;&x;", "\u{1F600}&amp;\u{1F600}"] {
            XCTAssertEqual(GraphvizEntities.decode(GraphvizEntities.escape(name)), name, name)
        }
    }

    func testEscapeTooltip_svgTooltipIsTheTextItself() throws {
        let tooltips = ["AT&amp;T", "&nbsp; & &lt;", "&#1; &#65;", #"C:\new &amp; \N"#]
        let nodes = tooltips.enumerated().map {
            DOTNode("n\($0.offset)", attributes: ["tooltip": .plain(DOTWriter.escapeTooltip($0.element))])
        }
        let svg = try SVGText(Graphviz.shared.render(DOTGraph(name: "G", nodes: nodes), format: .svg))
        XCTAssertEqual(svg.tooltips, tooltips)
    }
}
