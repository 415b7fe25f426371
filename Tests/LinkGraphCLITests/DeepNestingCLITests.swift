import Foundation
import XCTest

/// `linkgraph render` and `import` of DOT files with deeply nested subgraphs (#16 item 15).
final class DeepNestingCLITests: XCTestCase {
    static func nested(_ depth: Int) -> String {
        "digraph G {" + (0..<depth).map { "subgraph s\($0) { " }.joined() + "a -> b;"
            + String(repeating: "}", count: depth) + "}"
    }

    func testRenderAndImport_169And1000NestedSubgraphs() throws {
        let dir = try TemporaryDirectory()
        for depth in [169, 1000] {
            let input = try dir.write("deep\(depth).gv", Self.nested(depth))
            let render = try CLIRunner.run(["render", input, "-o", dir.path("deep\(depth).svg")])
            XCTAssertEqual(render.status, 0, "depth \(depth): \(render.stderr)")
            let svg = try Data(contentsOf: URL(fileURLWithPath: dir.path("deep\(depth).svg")))
            XCTAssertTrue(String(decoding: svg, as: UTF8.self).contains("<title>a&#45;&gt;b</title>"), "depth \(depth)")
            let imported = try CLIRunner.run(["import", input, "-o", dir.path("deep\(depth).json")])
            XCTAssertEqual(imported.status, 0, "depth \(depth): \(imported.stderr)")
            let json = try String(contentsOfFile: dir.path("deep\(depth).json"), encoding: .utf8)
            XCTAssertTrue(json.contains("\"s\(depth - 1)\""), "depth \(depth): the innermost subgraph is recorded")
        }
    }

    func testRender_pastGraphvizParserDepth_saysNestingIsTooDeep() throws {
        let dir = try TemporaryDirectory()
        let input = try dir.write("deep.gv", Self.nested(5000))
        let result = try CLIRunner.run(["render", input, "-o", dir.path("deep.svg")])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("\(input): Graphviz syntax error at line 1"), result.stderr)
        XCTAssertTrue(result.stderr.contains("subgraphs nested too deep"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("deep.svg")))
    }
}
