import LinkGraph
import LinkGraphFormats
import XCTest

final class DOTWriterTests: XCTestCase {
    func testWrite_snapshot() {
        let graph = DOTGraph(
            name: "g", isDirected: true,
            attributes: ["rankdir": "LR"],
            nodeDefaults: ["shape": "box"],
            edgeDefaults: ["color": "red"],
            nodes: [DOTNode("a", attributes: ["label": .html("<B>A</B>")]), DOTNode("node")],
            edges: [DOTEdge("a", "node", attributes: ["label": "x", "weight": "2"])],
            subgraphs: [DOTSubgraph(name: "cluster_1", attributes: ["label": "C"], nodes: [DOTNode("b")])])
        XCTAssertEqual(
            DOTWriter.write(graph),
            """
            digraph "g" {
            \t"rankdir"="LR";
            \tnode ["shape"="box"];
            \tedge ["color"="red"];
            \tsubgraph "cluster_1" {
            \t\t"label"="C";
            \t\t"b";
            \t}
            \t"a" ["label"=<<B>A</B>>];
            \t"node";
            \t"a" -> "node" ["label"="x", "weight"="2"];
            }

            """)
    }

    func testWrite_undirectedStrictAnonymous() {
        let graph = DOTGraph(isDirected: false, isStrict: true, edges: [DOTEdge("x", "y")])
        XCTAssertEqual(DOTWriter.write(graph), "strict graph {\n\t\"x\" -- \"y\";\n}\n")
    }

    func testQuote_escapesOnlyWhatCgraphReads() {
        XCTAssertEqual(DOTWriter.quote(""), "\"\"")
        XCTAssertEqual(DOTWriter.quote("say \"hi\""), "\"say \\\"hi\\\"\"")
        XCTAssertEqual(DOTWriter.quote("a\\b"), "\"a\\b\"")
        XCTAssertEqual(DOTWriter.quote("end\\"), "\"end\\\\\"")
        XCTAssertEqual(DOTWriter.quote("x\\\"y"), "\"x\\\\\\\"y\"")
        XCTAssertEqual(DOTWriter.quote("nul\0"), "\"nul\u{FFFD}\"")
        XCTAssertEqual(DOTWriter.quote("سلام Привет"), "\"سلام Привет\"")
    }

    func testEscapeLabel_keepsBackslashesAndLineBreaksLiteral() {
        XCTAssertEqual(DOTWriter.escapeLabel("a\\N\nb"), "a\\\\N\\nb")
    }

    func testWrite_isDeterministic() {
        let caseFile = CaseFile(
            entities: [Entity(id: "a", name: "A", kind: .person), Entity(id: "b", name: "B", kind: .country)],
            relations: [
                Relation(source: "a", target: "b", kind: .reportsTo, confidence: 0.5, from: PartialDate("2014"))
            ])
        let first = DOTWriter.write(CaseDOTExporter.graph(caseFile))
        for _ in 0..<5 { XCTAssertEqual(DOTWriter.write(CaseDOTExporter.graph(caseFile)), first) }
        XCTAssertTrue(
            first.contains(
                "\"a\" -> \"b\" [\"kind\"=\"reportsTo\", \"label\"=\"reportsTo\", \"confidence\"=\"0.5\", \"from\"=\"2014\"]"
            ), first)
    }

    func testHTMLEscape_neutralisesMarkup() {
        XCTAssertEqual(
            DOTHTML.escape("<script>alert('x')</script> & \"q\"\n\u{0}"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;  ")
    }
}
