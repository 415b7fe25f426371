import Foundation
import LinkGraphFormats
import LinkGraphGraphviz
import XCTest

final class GraphvizConcurrencyTests: XCTestCase {
    /// Graphviz is not thread-safe; the module's lock must make concurrent use safe.
    func testRender_eightConcurrentTasks_allSucceedWithTheirOwnGraph() async throws {
        let layouts = GraphvizLayout.allCases
        let results = try await withThrowingTaskGroup(of: (Int, [String]).self) { group in
            for index in 0..<8 {
                group.addTask {
                    let names = (0..<(5 + index)).map { "t\(index)-n\($0)" }
                    let graph = DOTGraph(
                        name: "g\(index)", nodes: names.map { DOTNode($0) },
                        edges: zip(names, names.dropFirst()).map { DOTEdge($0, $1) })
                    let data: Data
                    if index % 2 == 0 {
                        data = try Graphviz.shared.render(graph, layout: layouts[index % layouts.count], format: .svg)
                    } else {
                        let text = DOTWriter.write(graph)
                        data = try Graphviz.shared.render(
                            dot: text, layout: layouts[index % layouts.count], format: .svg)
                        XCTAssertEqual(try GraphvizDOTParser.parse(text).allNodeNames, Set(names))
                    }
                    return (index, try SVGText(data).titles)
                }
            }
            var collected: [Int: [String]] = [:]
            for try await (index, titles) in group { collected[index] = titles }
            return collected
        }
        XCTAssertEqual(results.count, 8)
        for (index, titles) in results {
            let expected = (0..<(5 + index)).map { "t\(index)-n\($0)" }
            XCTAssertEqual(
                Set(titles.filter { $0.hasPrefix("t") && !$0.contains("->") }), Set(expected), "task \(index)")
            // patchwork draws no edges.
            let edgesDrawn = layouts[index % layouts.count] == .patchwork ? 0 : expected.count - 1
            XCTAssertEqual(titles.filter { $0.contains("->") }.count, edgesDrawn, "task \(index)")
        }
    }
}
