import Foundation
import LinkGraphFormats
import XCTest

@testable import LinkGraphGraphviz

/// Subgraphs nested hundreds of levels deep (#16 item 15): the model's level walk, the writer,
/// cgraph's parser and builder, and the worker's flat wire format all take them; a DOT bomb
/// is still stopped by the worker's limits, with a message that says so.
final class DeepNestingTests: XCTestCase {
    /// `subgraph s0 { subgraph s1 { ... a -> b ... } }`, `depth` levels deep.
    static func nested(_ depth: Int) -> String {
        "digraph G {" + (0..<depth).map { "subgraph s\($0) { " }.joined() + "a -> b;"
            + String(repeating: "}", count: depth) + "}"
    }

    func testParseAndRender_169And1000Levels_inWorkerAndInProcess() throws {
        let sandbox = GraphvizSandbox(executable: try GraphvizSandboxTests.worker, limits: .init(seconds: 120))
        for depth in [169, 1000] {
            let text = Self.nested(depth)
            let inProcess = try GraphvizDOTParser.parse(text)
            let levels = inProcess.levels
            XCTAssertEqual(levels.count, depth + 1)
            XCTAssertEqual(levels.last?.depth, depth)
            XCTAssertEqual(levels.last?.name, "s\(depth - 1)")
            XCTAssertEqual(levels.last?.body.edges.map { [$0.source, $0.target] }, [["a", "b"]])
            XCTAssertEqual(
                try sandbox.parse(text, source: "deep.gv"), inProcess, "depth \(depth): the worker reads the same graph"
            )

            let rendered = try sandbox.rendering(inProcess, format: .svg, source: "deep.gv")
            XCTAssertEqual(rendered.data, try Graphviz.shared.rendering(inProcess, format: .svg).data, "depth \(depth)")
            let svg = String(decoding: rendered.data, as: UTF8.self)
            XCTAssertTrue(svg.contains("<title>a&#45;&gt;b</title>"), "depth \(depth): the edge is drawn")
        }
    }

    func testParse_pastTheParsersDepth_saysNestingIsTooDeep() throws {
        XCTAssertThrowsError(try GraphvizDOTParser.parse(Self.nested(5000))) { error in
            let error = error as? GraphvizError
            XCTAssertEqual(error?.kind, .syntax)
            XCTAssertTrue(error?.message.contains("subgraphs nested too deep") ?? false, String(describing: error))
        }
    }

    func testWriter_1000Levels_cgraphReadsItBack() throws {
        let graph = try GraphvizDOTParser.parse(Self.nested(1000))
        let text = DOTWriter.write(graph)
        XCTAssertTrue(text.contains("\n" + String(repeating: "\t", count: 1000) + "subgraph \"s999\" {\n"))
        XCTAssertEqual(try GraphvizDOTParser.parse(text), graph)
    }

    func testLevels_rebuildTheSameGraph() {
        let graph = DOTGraph(
            name: "g", attributes: ["rankdir": "LR"], nodeDefaults: ["shape": "box"], nodes: [DOTNode("top")],
            edges: [DOTEdge("top", "x")],
            subgraphs: [
                DOTSubgraph(
                    name: "cluster_a", attributes: ["label": .html("<b>A</b>")], nodes: [DOTNode("x")],
                    subgraphs: [DOTSubgraph(name: "inner", edgeDefaults: ["color": "red"], edges: [DOTEdge("x", "y")])]),
                DOTSubgraph(name: "cluster_b", nodes: [DOTNode("y")]),
            ])
        let levels = graph.levels
        XCTAssertEqual(levels.map(\.name), ["g", "cluster_a", "inner", "cluster_b"])
        XCTAssertEqual(levels.map(\.parent), [nil, 0, 1, 0])
        XCTAssertEqual(levels.map(\.depth), [0, 1, 2, 1])
        XCTAssertTrue(levels.allSatisfy { $0.body.subgraphs.isEmpty })
        XCTAssertEqual(DOTGraph(isDirected: true, isStrict: false, levels: levels), graph)
        var events: [String] = []
        DOTLevel.walk(levels) {
            events.append("+\(levels[$0].name)")
        } leave: {
            events.append("-\(levels[$0].name)")
        }
        XCTAssertEqual(
            events, ["+g", "+cluster_a", "+inner", "-inner", "-cluster_a", "+cluster_b", "-cluster_b", "-g"])
        XCTAssertEqual(graph.distinctNodeCount, 3)
    }

    func testWire_isFlat_andRoundTrips() throws {
        let graph = try GraphvizDOTParser.parse(Self.nested(1000))
        let json = try JSONEncoder().encode(GraphvizWire.WireGraph(graph))
        // Nested no deeper than a few levels, whatever the subgraphs' depth.
        var depth = 0
        var deepest = 0
        var inString = false
        var escaped = false
        for byte in json {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        XCTAssertLessThanOrEqual(deepest, 6)
        XCTAssertEqual(try JSONDecoder().decode(GraphvizWire.WireGraph.self, from: json).graph(), graph)
    }

    func testWire_parentAfterChild_clearError() throws {
        var wire = GraphvizWire.WireGraph(try GraphvizDOTParser.parse(Self.nested(3)))
        wire.levels[2].p = 3
        XCTAssertThrowsError(try wire.graph()) { error in
            XCTAssertEqual((error as? GraphvizError)?.kind, .worker)
            XCTAssertTrue(
                "\(error)".contains("level 2 of the graph sent to the Graphviz worker has no parent before it"),
                "\(error)")
        }
    }

    /// 4,000 nodes written as two groups make 4,000,000 edges from 22 KB: the worker's memory
    /// limit stops it, and the message says so.
    func testDOTBomb_stoppedByMemoryLimit_clearMessage() throws {
        if GraphvizWorker.underAddressSanitizer { throw XCTSkip("no address-space limit under AddressSanitizer") }
        let group = { (prefix: String) in (0..<2000).map { "\(prefix)\($0)" }.joined(separator: " ") }
        let bomb = "digraph { {\(group("a"))} -> {\(group("b"))} }"
        let sandbox = GraphvizSandbox(
            executable: try GraphvizSandboxTests.worker, limits: .init(seconds: 60, memoryBytes: 400 << 20))
        XCTAssertThrowsError(try sandbox.rendering(dot: bomb, format: .svg, source: "bomb.gv")) { error in
            let error = error as? GraphvizError
            XCTAssertEqual(error?.kind, .limit)
            XCTAssertTrue(
                error?.message.hasPrefix("Graphviz ran out of memory (limit 400 MB") ?? false, String(describing: error)
            )
            XCTAssertTrue(error?.message.contains("bomb.gv") ?? false, String(describing: error))
        }
    }
}
