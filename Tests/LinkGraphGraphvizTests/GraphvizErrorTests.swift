import Foundation
import LinkGraphFormats
import LinkGraphGraphviz
import XCTest

final class GraphvizErrorTests: XCTestCase {
    private let graphviz = Graphviz.shared

    private func graphvizError(_ body: () throws -> Any, file: StaticString = #filePath, line: UInt = #line)
        -> GraphvizError?
    {
        do {
            _ = try body()
            XCTFail("no error thrown", file: file, line: line)
        } catch let error as GraphvizError {
            return error
        } catch {
            XCTFail("not a GraphvizError: \(error)", file: file, line: line)
        }
        return nil
    }

    func testRenderDOT_syntaxError_throwsWithLineAndMessage_nothingOnStderr() throws {
        let text = "digraph G {\n  a -> b;\n  b -> ;\n  c;\n}\n"
        let (error, stderr) = capturingStandardError {
            graphvizError { try graphviz.render(dot: text, format: .svg) }
        }
        XCTAssertEqual(stderr, "")
        XCTAssertEqual(error?.kind, .syntax)
        XCTAssertEqual(error?.line, 3)
        XCTAssertTrue(error?.message.contains("syntax error in line 3") ?? false, error?.message ?? "")
        XCTAssertTrue(error?.description.contains("line 3") ?? false)
    }

    func testParse_syntaxError_throwsWithLine_thenNextParseIsClean() throws {
        let (error, stderr) = capturingStandardError {
            graphvizError { try GraphvizDOTParser.parse("graph {\n\n\n a -- b -- }") }
        }
        XCTAssertEqual(stderr, "")
        XCTAssertEqual(error?.kind, .syntax)
        XCTAssertEqual(error?.line, 4)
        // The lexer kept nothing of the broken text, and counts lines from 1 again.
        let parsed = try GraphvizDOTParser.parse("digraph { x -> y }")
        XCTAssertEqual(parsed.allNodeNames, ["x", "y"])
        XCTAssertEqual(graphvizError { try GraphvizDOTParser.parse("digraph {\n x -> }") }?.line, 2)
    }

    func testParse_unterminatedString_reportsGraphvizMessage() {
        let error = graphvizError { try GraphvizDOTParser.parse("digraph { a [label=\"open] }") }
        XCTAssertEqual(error?.kind, .syntax)
        XCTAssertTrue(error?.message.contains("quoted string") ?? false, error?.message ?? "")
    }

    func testParse_twoGraphsOnOneLine_secondNotLeftForNextRead() throws {
        let all = try GraphvizDOTParser.parseAll("digraph one {a} digraph two {b}")
        XCTAssertEqual(all.map(\.name), ["one", "two"])
        let next = try GraphvizDOTParser.parse("digraph three {c}")
        XCTAssertEqual(next.name, "three")
        XCTAssertEqual(next.allNodeNames, ["c"])
    }

    func testParse_emptyText_throwsNoGraph() {
        for text in ["", "  \n// nothing\n"] {
            let error = graphvizError { try GraphvizDOTParser.parse(text) }
            XCTAssertEqual(error?.kind, .syntax)
            XCTAssertTrue(error?.message.contains("no graph") ?? false)
        }
    }

    func testParse_nulCharacter_throwsWithLine() {
        let error = graphvizError { try GraphvizDOTParser.parse("digraph {\n a\u{0} -> b }") }
        XCTAssertEqual(error?.kind, .syntax)
        XCTAssertEqual(error?.line, 2)
    }

    func testRender_unknownLayoutAttribute_throwsLayoutError() {
        let graph = DOTGraph(attributes: ["layout": "no-such-engine"], nodes: [DOTNode("a")])
        let (error, stderr) = capturingStandardError { graphvizError { try graphviz.render(graph, format: .svg) } }
        XCTAssertEqual(stderr, "")
        XCTAssertEqual(error?.kind, .layout)
        XCTAssertTrue(error?.message.contains("no-such-engine") ?? false, error?.message ?? "")
        XCTAssertTrue(error?.message.contains("not recognized") ?? false, error?.message ?? "")
    }

    func testRender_malformedHTMLLabel_throwsLayoutErrorNamingTheNode() {
        let graph = DOTGraph(nodes: [DOTNode("broken", attributes: ["label": .html("<B>unclosed")])])
        let (error, stderr) = capturingStandardError { graphvizError { try graphviz.render(graph, format: .svg) } }
        XCTAssertEqual(stderr, "")
        XCTAssertEqual(error?.kind, .layout)
        XCTAssertTrue(error?.message.contains("broken") ?? false, error?.message ?? "")
    }

    func testRender_scriptElementInHTMLLabel_rejected() {
        let graph = DOTGraph(nodes: [DOTNode("x", attributes: ["label": .html("<script>alert(1)</script>")])])
        let error = graphvizError { try graphviz.render(graph, format: .svg) }
        XCTAssertEqual(error?.kind, .layout)
        XCTAssertTrue(error?.message.contains("script") ?? false, error?.message ?? "")
    }

    func testRender_afterAnError_nextRenderSucceedsWithoutOldMessages() throws {
        _ = graphvizError { try graphviz.render(dot: "digraph { -> }", format: .svg) }
        let rendering = try graphviz.rendering(dot: "digraph { a -> b }", format: .svg)
        XCTAssertEqual(rendering.warnings, [])
        XCTAssertEqual(try SVGText(rendering.data).titles.filter { $0 == "a->b" }.count, 1)
    }

    func testGraphvizError_description() {
        let error = GraphvizError(kind: .syntax, message: "syntax error in line 2 near '}'", line: 2)
        XCTAssertEqual(error.description, "Graphviz syntax error at line 2: syntax error in line 2 near '}'")
        XCTAssertEqual(GraphvizError(kind: .layout, message: "m").description, "Graphviz layout error: m")
    }
}
