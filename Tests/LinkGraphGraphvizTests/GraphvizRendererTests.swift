import Foundation
import LinkGraphFormats
import LinkGraphGraphviz
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `GraphvizRenderer`, the library's safe render path, in a worker process and in process:
/// the same sanitizing before, the same SVG check after, the same bytes; the worker's limits
/// turn a hang into an error.
final class GraphvizRendererTests: XCTestCase {
    func renderers(seconds: Double = 60) throws -> [(name: String, renderer: GraphvizRenderer)] {
        let sandbox = GraphvizSandbox(executable: try GraphvizSandboxTests.worker, limits: .init(seconds: seconds))
        return [
            ("worker", GraphvizRenderer(isolation: .worker(sandbox))),
            ("in process", GraphvizRenderer(isolation: .inProcess)),
        ]
    }

    /// Links to scripts, local files, a crashing `concentrate` and an unknown attribute. Named:
    /// cgraph numbers anonymous graphs (`%3`) with a counter of the process.
    static let hostile = DOTGraph(
        name: "hostile", attributes: ["concentrate": "true", "stylesheet": "/etc/passwd"],
        nodes: [
            DOTNode("a", attributes: ["URL": "javascript:alert(1)", "image": "/etc/passwd", "kind": "person"]),
            DOTNode(
                "b",
                attributes: [
                    "href": "https://example.com/?x=1&y=2", "label": .html("<b>B</b><IMG SRC=\"/etc/passwd\"/>"),
                ]),
        ],
        edges: [DOTEdge("a", "b"), DOTEdge("b", "a")])

    func testRender_hostileGraph_sanitizedAndChecked_sameInWorkerAndInProcess() throws {
        var outputs: [Data] = []
        for (name, renderer) in try renderers() {
            var reported: [String] = []
            let drawing = try renderer.render(Self.hostile, format: .svg, source: "hostile.gv") { reported = $0 }
            XCTAssertEqual(reported, drawing.sanitizerWarnings, name)
            let svg = String(decoding: drawing.data, as: UTF8.self)
            XCTAssertTrue(XMLParser(data: drawing.data).parse(), "\(name): the SVG is well-formed XML")
            XCTAssertFalse(svg.contains("javascript:"), name)
            XCTAssertFalse(svg.contains("/etc/passwd"), name)
            XCTAssertTrue(svg.contains(#"xlink:href="https://example.com/?x=1&amp;y=2""#), name)
            for expected in [
                "dropped concentrate", "dropped \"image\"", "dropped \"stylesheet\"", "dropped URL", "<IMG>",
            ] {
                XCTAssertTrue(
                    drawing.sanitizerWarnings.contains { $0.contains(expected) },
                    "\(name): \(expected) in \(drawing.sanitizerWarnings)")
            }
            XCTAssertEqual(drawing.removedFromSVG, [], name)
            outputs.append(drawing.data)
        }
        XCTAssertEqual(
            String(decoding: outputs[0], as: UTF8.self), String(decoding: outputs[1], as: UTF8.self),
            "the worker and the process draw the same bytes")
    }

    func testRender_dotOutput_keepsUnknownAttributes_svgDoesNot() throws {
        let renderer = GraphvizRenderer(isolation: .inProcess)
        let dot = String(decoding: try renderer.render(Self.hostile, format: .dot).data, as: UTF8.self)
        XCTAssertTrue(dot.contains("kind=person"), dot)
        let reread = try GraphvizDOTParser.parse(dot)
        XCTAssertEqual(reread.nodes.first { $0.id == "a" }?.attributes["URL"], nil)
        XCTAssertFalse(GraphvizRenderer.options(for: .svg).keepsUnknownAttributes)
        XCTAssertTrue(GraphvizRenderer.options(for: .dot).keepsUnknownAttributes)
    }

    func testParse_sameGraphInWorkerAndInProcess() throws {
        let text = #"digraph G { node [shape=box]; subgraph cluster_x { label="X"; a } a -> b [label=<<i>i</i>>] }"#
        let graphs = try renderers().map { try $0.renderer.parse(text, source: "g.gv") }
        XCTAssertEqual(graphs[0], graphs[1])
        XCTAssertEqual(graphs[0].subgraphs.map(\.name), ["cluster_x"])
        for (name, renderer) in try renderers() {
            XCTAssertThrowsError(try renderer.parse("digraph { a -> }", source: "bad.gv"), name) { error in
                XCTAssertEqual((error as? GraphvizError)?.kind, .syntax, name)
                XCTAssertEqual((error as? GraphvizError)?.line, 1, name)
            }
        }
    }

    func testRender_hangInWorker_stoppedAtTimeLimit() throws {
        var seed: UInt64 = 3
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33) % 1500
        }
        // 1,500 nodes and 3,000 random edges: dot takes minutes.
        let slow = DOTGraph(edges: (0..<3000).map { _ in DOTEdge("n\(next())", "n\(next())") })
        let renderer = try renderers(seconds: 1)[0].renderer
        let started = ContinuousClock.now
        XCTAssertThrowsError(try renderer.render(slow, format: .svg, source: "slow.gv")) { error in
            XCTAssertEqual((error as? GraphvizError)?.kind, .timeout)
            XCTAssertTrue(
                "\(error)".contains("Graphviz did not finish within 1 s while laying out slow.gv with dot"), "\(error)")
            XCTAssertFalse("\(error)".contains("--"), "library messages name no command-line flags: \(error)")
        }
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(30))
    }
}
