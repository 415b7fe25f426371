import LinkGraph
import LinkGraphFormats
import LinkGraphGraphviz
import XCTest

/// DOT written by `DOTWriter` for adversarial names, read back by Graphviz's own parser
/// (cgraph): the same nodes, edges and labels.
final class DOTRoundTripThroughCgraphTests: XCTestCase {
    static let hostileNames: [String] = [
        "plain", "", "with space", "quote \" inside", "back\\slash", "\\N expands?", "new\nline", "tab\there",
        "<b>not html</b>", "a & b", "graph", "node", "edge", "strict", "digraph", "subgraph", "--", "->", ";", "{", "}",
        "=", "[x]", "سلیم الجبوری", "Нечирван Барзани", "中文名字", "emoji 🕵️", "\u{202E}rtl override", "zero\u{200B}width",
        "'single'", "#comment", "// not a comment", "/* nor this */", "x\\\"y", "crlf\r\nend", "pair\\\\\"q", "end\\",
        "a\\\\\\\\b", "slash\\\nnewline",
    ]

    func testAdversarialNames_sameNodesEdgesAndLabels() throws {
        var graph = DOTGraph(name: "hostile", isDirected: true)
        for (i, name) in Self.hostileNames.enumerated() {
            graph.nodes.append(
                DOTNode(name, attributes: ["label": .plain(DOTWriter.escapeLabel(name)), "tooltip": .plain(name)]))
            if i > 0 {
                graph.edges.append(
                    DOTEdge(
                        Self.hostileNames[i - 1], name,
                        attributes: ["label": .plain(DOTWriter.escapeLabel("e\(i) " + name))]))
            }
        }
        let text = DOTWriter.write(graph)
        let parsed = try GraphvizDOTParser.parse(text)
        XCTAssertEqual(parsed.nodes.count, Self.hostileNames.count)
        XCTAssertEqual(parsed.edges.count, Self.hostileNames.count - 1)
        let byName = Dictionary(parsed.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for name in Self.hostileNames {
            let expected = Self.cgraphReading(of: name)
            let node = try XCTUnwrap(
                byName[expected], "node \(name.debugDescription) not read back; names: \(parsed.nodes.map(\.id))")
            XCTAssertEqual(node.attributes["label"]?.text, DOTWriter.escapeLabel(name), name.debugDescription)
        }
        for (i, edge) in parsed.edges.enumerated() {
            XCTAssertEqual(
                edge.attributes["label"]?.text, DOTWriter.escapeLabel("e\(i + 1) " + Self.hostileNames[i + 1]))
        }
    }

    /// What cgraph reads for a name: the name itself, except that a lone backslash before a
    /// quote, a newline or the end comes back doubled (DOT cannot hold it exactly).
    static func cgraphReading(of name: String) -> String {
        let scalars = Array(name.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let next = i + 1 < scalars.count ? scalars[i + 1] : nil
            if scalars[i] == "\\", next == "\\" {
                out.append(contentsOf: ["\\", "\\"])
                i += 2
                continue
            }
            out.append(scalars[i])
            if scalars[i] == "\\", next == nil || next == "\"" || next == "\n" { out.append("\\") }
            i += 1
        }
        return String(out)
    }

    func testQuote_exactForEveryNameWithoutALoneBackslashBeforeQuoteNewlineOrEnd() {
        XCTAssertEqual(Self.cgraphReading(of: "a\\b\\\\c"), "a\\b\\\\c")
        XCTAssertEqual(Self.cgraphReading(of: "x\\\"y"), "x\\\\\"y")
        XCTAssertEqual(Self.cgraphReading(of: "end\\"), "end\\\\")
        XCTAssertEqual(Self.cgraphReading(of: "pair\\\\\"q"), "pair\\\\\"q")
    }

    func testHTMLLabels_readBackAsHTML() throws {
        let graph = DOTGraph(nodes: [
            DOTNode(
                "n",
                attributes: ["label": .html("<TABLE><TR><TD>\(DOTHTML.escape("<script>&\"x\""))</TD></TR></TABLE>")])
        ])
        let parsed = try GraphvizDOTParser.parse(DOTWriter.write(graph))
        XCTAssertEqual(
            parsed.nodes.first?.attributes["label"],
            .html("<TABLE><TR><TD>&lt;script&gt;&amp;&quot;x&quot;</TD></TR></TABLE>"))
    }

    func testCaseExport_readBackByCgraph() throws {
        let caseFile = CaseFile(
            entities: [
                Entity(id: "a", name: "A \"quoted\" \\ name", kind: .person, attributes: ["role": "x"]),
                Entity(id: "graph", name: "graph", kind: .organization),
            ],
            relations: [
                Relation(source: "a", target: "graph", kind: .memberOf, confidence: 0.25, from: PartialDate("2014")),
                Relation(source: "graph", target: "a", kind: .alliedWith),
            ])
        let parsed = try GraphvizDOTParser.parse(DOTWriter.write(CaseDOTExporter.graph(caseFile)))
        XCTAssertEqual(parsed.nodes.map(\.id).sorted(), ["a", "graph"])
        XCTAssertEqual(parsed.edges.count, 2)
        let member = try XCTUnwrap(parsed.edges.first { $0.attributes["kind"] == "memberOf" })
        XCTAssertEqual(member.attributes["confidence"], "0.25")
        XCTAssertEqual(member.attributes["from"], "2014")
        XCTAssertEqual(parsed.nodes.first { $0.id == "a" }?.attributes["label"]?.text, "A \"quoted\" \\\\ name")
    }
}
