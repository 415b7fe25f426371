import Foundation
import LinkGraphFormats
import LinkGraphGraphviz
import XCTest

final class GraphvizRenderTests: XCTestCase {
    private let graphviz = Graphviz.shared

    private func small() -> DOTGraph {
        DOTGraph(
            name: "G", nodes: [DOTNode("a"), DOTNode("b"), DOTNode("c")],
            edges: [DOTEdge("a", "b"), DOTEdge("b", "c"), DOTEdge("a", "c")])
    }

    func testRender_everyLayoutSVG_hostileLabelsAndHTMLCardAllShown() throws {
        let (graph, labels) = Hostile.graph()
        for layout in GraphvizLayout.allCases {
            let (rendering, stderr) = try capturingStandardError {
                try graphviz.rendering(graph, layout: layout, format: .svg)
            }
            let svg = try SVGText(rendering.data)
            for label in labels {
                XCTAssertTrue(
                    svg.texts.contains(label), "\(layout): label \(label.debugDescription) missing from \(svg.texts)")
            }
            for name in Hostile.keywords + [Hostile.script] {
                XCTAssertTrue(svg.titles.contains(name), "\(layout): node \(name) missing from titles")
            }
            XCTAssertTrue(svg.titles.contains("empty"), "\(layout): the empty-label node is not drawn")
            XCTAssertEqual(stderr, "", "\(layout): Graphviz wrote to stderr")
        }
    }

    func testRender_svg_parallelEdgesKept() throws {
        let graph = DOTGraph(
            nodes: [DOTNode("a"), DOTNode("b")], edges: [DOTEdge("a", "b"), DOTEdge("a", "b"), DOTEdge("a", "b")])
        let svg = try SVGText(graphviz.render(graph, format: .svg))
        XCTAssertEqual(svg.titles.filter { $0 == "a->b" }.count, 3)
        var strict = graph
        strict.isStrict = true
        let merged = try SVGText(graphviz.render(strict, format: .svg))
        XCTAssertEqual(merged.titles.filter { $0 == "a->b" }.count, 1)
    }

    func testRender_svg_undirectedEdgesAndKeyedEdges() throws {
        let graph = DOTGraph(
            isDirected: false, nodes: [DOTNode("a"), DOTNode("b")],
            edges: [
                DOTEdge("a", "b", attributes: ["key": "k"]), DOTEdge("a", "b", attributes: ["key": "k"]),
                DOTEdge("a", "b"),
            ])
        let svg = try SVGText(graphviz.render(graph, format: .svg))
        XCTAssertEqual(svg.titles.filter { $0 == "a--b" }.count, 2, "edges with the same key are one edge, as in DOT")
    }

    func testRender_png_signatureAndSizeFromIHDRMatchDotCommand() throws {
        let data = try graphviz.render(small(), format: .png)
        let bytes = [UInt8](data)
        XCTAssertEqual(Array(bytes.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertEqual(String(decoding: bytes[12..<16], as: UTF8.self), "IHDR")
        func bigEndian(_ slice: ArraySlice<UInt8>) -> Int { slice.reduce(0) { $0 << 8 | Int($1) } }
        let width = bigEndian(bytes[16..<20]), height = bigEndian(bytes[20..<24])
        // Three nodes: a 2-rank-wide, 3-rank-tall drawing, about 1.6 in × 2.5 in at 96 dpi.
        XCTAssertTrue((100...300).contains(width), "width \(width)")
        XCTAssertTrue((150...400).contains(height), "height \(height)")
        XCTAssertGreaterThan(height, width)
        if let reference = runDot(["-Tpng"], input: Data(DOTWriter.write(small()).utf8)) {
            let other = [UInt8](reference)
            XCTAssertEqual(bigEndian(other[16..<20]), width, "dot -Tpng draws the same width")
            XCTAssertEqual(bigEndian(other[20..<24]), height, "dot -Tpng draws the same height")
        }
    }

    func testRender_pdf_startsWithHeaderAndEndsWithEOF() throws {
        let data = try graphviz.render(small(), layout: .neato, format: .pdf)
        XCTAssertEqual(String(decoding: data.prefix(5), as: UTF8.self), "%PDF-")
        XCTAssertTrue(String(decoding: data.suffix(16), as: UTF8.self).contains("%%EOF"))
    }

    func testRender_dotAndXdot_parseBackWithLayoutAttributes() throws {
        let (graph, _) = Hostile.graph()
        for format in [GraphvizFormat.dot, .xdot] {
            let text = String(decoding: try graphviz.render(graph, format: format), as: UTF8.self)
            let parsed = try GraphvizDOTParser.parse(text)
            XCTAssertEqual(parsed.allNodeNames, graph.allNodeNames, "\(format)")
            XCTAssertEqual(parsed.allEdgeCount, graph.allEdgeCount, "\(format)")
            XCTAssertNotNil(parsed.attributes["bb"], "\(format): no bounding box")
            let card = parsed.subgraphs.first?.nodes.first { $0.id == "card" }
            XCTAssertNotNil(card?.attributes["pos"], "\(format): no position")
            XCTAssertEqual(card?.attributes["label"], .html(Hostile.cardHTML), "\(format): HTML label lost")
            if format == .xdot { XCTAssertNotNil(card?.attributes["_ldraw_"], "xdot: no label drawing operations") }
        }
    }

    func testRender_json_parsesWithNodeAndEdgeCounts() throws {
        let (graph, _) = Hostile.graph()
        let data = try graphviz.render(graph, layout: .fdp, format: .json)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let objects = try XCTUnwrap(object["objects"] as? [[String: Any]])
        let subgraphCount = try XCTUnwrap(object["_subgraph_cnt"] as? Int)
        XCTAssertEqual(subgraphCount, 1)
        let nodeNames = objects.dropFirst(subgraphCount).compactMap { $0["name"] as? String }
        XCTAssertEqual(Set(nodeNames), graph.allNodeNames)
        XCTAssertEqual(nodeNames.count, graph.allNodeNames.count)
        XCTAssertEqual((object["edges"] as? [Any])?.count, graph.allEdgeCount)
    }

    func testRender_dotText_sameDrawingAsModel() throws {
        let (graph, _) = Hostile.graph()
        let fromModel = try graphviz.render(graph, format: .svg)
        let fromText = try graphviz.render(dot: DOTWriter.write(graph), format: .svg)
        XCTAssertEqual(try SVGText(fromModel).texts, try SVGText(fromText).texts)
        XCTAssertEqual(fromModel, fromText, "the API-built graph and the written text draw the same SVG")
    }

    func testRender_toFile_formatFromExtensionAndNothingLeftOnFailure() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lg-gv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let svg = dir.appendingPathComponent("g.svg"), png = dir.appendingPathComponent("g.png")
        try graphviz.render(small(), to: svg)
        try graphviz.render(dot: "digraph { x -> y }", layout: .circo, to: png)
        XCTAssertEqual(
            try SVGText(Data(contentsOf: svg)).titles.sorted(), ["G", "a", "a->b", "a->c", "b", "b->c", "c"])
        XCTAssertEqual(try Data(contentsOf: png).prefix(4), Data([0x89, 0x50, 0x4E, 0x47]))

        let unknown = dir.appendingPathComponent("g.bmpx")
        XCTAssertThrowsError(try graphviz.render(small(), to: unknown)) { error in
            XCTAssertEqual((error as? GraphvizError)?.kind, .write)
        }
        let broken = dir.appendingPathComponent("broken.svg")
        XCTAssertThrowsError(try graphviz.render(dot: "digraph { a -> }", to: broken))
        XCTAssertFalse(FileManager.default.fileExists(atPath: broken.path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["g.png", "g.svg"])
    }

    /// cgraph 2.43 shares one string per text and marks it HTML when first made: an HTML label
    /// with the text of a node's name must still be HTML, and a plain label with the text of an
    /// HTML label must stay plain.
    func testRender_htmlAndPlainStringsWithTheSameText_keepTheirKinds() throws {
        let markup = "<B>bold</B>"
        let italic = "<I>it</I>"
        let graph = DOTGraph(nodes: [
            DOTNode(markup),  // plain name, shown as is through \N
            DOTNode("html", attributes: ["label": .html(markup)]),  // same text, HTML
            DOTNode("first", attributes: ["label": .html(italic)]),
            DOTNode("second", attributes: ["label": .plain(italic)]),
        ])
        do {
            let svg = try SVGText(try graphviz.render(graph, format: .svg))
            XCTAssertTrue(svg.texts.contains(markup), "plain name lost: \(svg.texts)")
            XCTAssertTrue(svg.texts.contains("bold"), "HTML label drawn as text: \(svg.texts)")
            XCTAssertTrue(svg.texts.contains("it"), "HTML label drawn as text: \(svg.texts)")
            XCTAssertTrue(svg.texts.contains(italic), "plain label turned HTML: \(svg.texts)")
        }
    }

    /// The same graph as DOT text read by cgraph's parser (`dot` would read it so too): the
    /// HTML-like labels carry a comment that keeps them apart from the plain strings.
    func testDOTText_htmlAndPlainStringsWithTheSameText_keepTheirKinds() throws {
        let markup = "<B>bold</B>"
        let italic = "<I>it</I>"
        let graph = DOTGraph(nodes: [
            DOTNode(markup),
            DOTNode("html", attributes: ["label": .html(markup)]),
            DOTNode("first", attributes: ["label": .html(italic)]),
            DOTNode("second", attributes: ["label": .plain(italic)]),
            DOTNode("alone", attributes: ["label": .html("<U>u</U>")]),
        ])
        let text = DOTWriter.write(graph)
        XCTAssertTrue(text.contains(#""label"=<<B>bold</B><!--1-->>"#), text)
        XCTAssertTrue(text.contains(#""label"=<<U>u</U>>"#), "a value with no plain twin is written as it is: \(text)")
        let svg = try SVGText(try graphviz.render(dot: text, format: .svg))
        XCTAssertTrue(svg.texts.contains(markup), "plain name lost: \(svg.texts)")
        XCTAssertTrue(svg.texts.contains("bold"), "HTML label drawn as text: \(svg.texts)")
        XCTAssertTrue(svg.texts.contains("it"), "HTML label drawn as text: \(svg.texts)")
        XCTAssertTrue(svg.texts.contains(italic), "plain label turned HTML: \(svg.texts)")
        XCTAssertEqual(
            try GraphvizDOTParser.parse(text).nodes.first { $0.id == "html" }?.attributes["label"],
            .html("<B>bold</B><!--1-->"))
    }

    func testRender_warningsReturnedNotPrinted() throws {
        let graph = DOTGraph(nodes: [DOTNode("a", attributes: ["shape": "no-such-shape"])])
        let (rendering, stderr) = try capturingStandardError { try graphviz.rendering(graph, format: .svg) }
        XCTAssertEqual(stderr, "")
        XCTAssertTrue(rendering.warnings.contains { $0.contains("no-such-shape") }, "\(rendering.warnings)")
    }

    func testRender_dotFormat_attributesDefaultsAndClustersAsBuilt() throws {
        let graph = DOTGraph(
            name: "G", attributes: ["rankdir": "LR"], nodeDefaults: ["shape": "box"], edgeDefaults: ["color": "red"],
            nodes: [DOTNode("a", attributes: ["label": .html("<B>A</B>")]), DOTNode("b")],
            edges: [DOTEdge("a", "b", attributes: ["style": "dashed"])],
            subgraphs: [DOTSubgraph(name: "cluster_x", nodeDefaults: ["shape": "circle"], nodes: [DOTNode("c")])])
        let text = String(decoding: try graphviz.render(graph, format: .dot), as: UTF8.self)
        XCTAssertTrue(text.contains("rankdir=LR"), text)
        XCTAssertTrue(text.contains("label=<<B>A</B>>"), text)
        XCTAssertTrue(text.contains("style=dashed"), text)
        XCTAssertTrue(text.contains("color=red"), text)
        XCTAssertTrue(text.contains("subgraph cluster_x"), text)
        XCTAssertTrue(text.contains("shape=circle"), text)
        XCTAssertTrue(text.contains("pos="), "the layout is in the output")
    }

    func testVersion_isGraphviz2OrLater() {
        XCTAssertTrue(graphviz.version.first.map { $0.isNumber && $0 != "0" && $0 != "1" } ?? false, graphviz.version)
    }
}
