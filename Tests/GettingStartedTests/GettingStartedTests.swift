import Foundation
import LinkGraph
import LinkGraphAlgorithms
import LinkGraphGraphviz
import LinkGraphTestSupport
import LinkGraphViews
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The example of the DocC article "Getting started" (Sources/LinkGraph/LinkGraph.docc/
/// GettingStarted.md), compiled and run: the code between the markers below must be the
/// article's code block, word for word, and must print what the article says it prints.
final class GettingStartedTests: XCTestCase {
    static let article = SharedData.repositoryRoot
        .appendingPathComponent("Sources/LinkGraph/LinkGraph.docc/GettingStarted.md")

    /// The fenced blocks of a Markdown text with the given info string.
    static func blocks(_ language: String, in markdown: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```" + language {
                current = []
            } else if current != nil, line == "```" {
                blocks.append(current!.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    func testArticleCode_isTheCodeThisTestRuns() throws {
        let markdown = try String(contentsOf: Self.article, encoding: .utf8)
        let documented = try XCTUnwrap(Self.blocks("swift", in: markdown).first)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let begin = try XCTUnwrap(source.range(of: "// BEGIN EXAMPLE\n"))
        let end = try XCTUnwrap(source.range(of: "// END EXAMPLE", range: begin.upperBound..<source.endIndex))
        let tested = source[begin.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("        ") ? $0.dropFirst(8) : $0 }.joined(separator: "\n")
        XCTAssertEqual(tested.trimmingCharacters(in: .whitespacesAndNewlines), documented)
    }

    func testArticleExample_runs_printsTheDocumentedHops_writesAnSVG() throws {
        let example = SharedData.repositoryRoot.appendingPathComponent("Graphs/iran-iraq-2014/case.json")
        let scratch = try TemporaryDirectory()
        let folder = scratch.path("Graphs/iran-iraq-2014")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: example.path, toPath: scratch.path("Graphs/iran-iraq-2014/case.json"))
        let previous = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(scratch.url.path))
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }

        // BEGIN EXAMPLE
        let caseFile = try CaseFile.read(from: "Graphs/iran-iraq-2014/case.json")
        let graph = try Digraph(caseFile: caseFile)
        let names = EntityLookup(caseFile)
        let from = try graph.vertex(labeled: names.resolve("al-Jabouri's adviser"))
        let to = try graph.vertex(labeled: names.resolve("Iran"))
        let path = try graph.shortestPath(from: from, to: to)
        var relations: Set<Int> = []
        for hop in try path.explained(in: caseFile, graph: graph) {
            print(hop.summary, hop.evidence.map(\.citation))
            relations.insert(hop.relationIndex)
        }
        let entities = Set(path.vertices.map { graph.label(of: $0) })
        let highlight = Highlight(entities: entities, relations: relations, caption: "adviser to Iran")
        let drawing = CaseView(kind: .influence, options: ViewOptions(highlight: highlight)).drawing(of: caseFile)
        let svg = try GraphvizRenderer(isolation: .inProcess).render(drawing, format: .svg).data
        try svg.write(to: URL(fileURLWithPath: "adviser-to-iran.svg"))
        // END EXAMPLE

        // networkx.shortest_path on the case's relations: jabouri-adviser → iranian-intelligence → iran.
        XCTAssertEqual(entities, ["jabouri-adviser", "iranian-intelligence", "iran"])
        let markdown = try String(contentsOf: Self.article, encoding: .utf8)
        XCTAssertEqual(printed.joined(separator: "\n"), Self.blocks("text", in: markdown).first)
        let written = try Data(contentsOf: scratch.url.appendingPathComponent("adviser-to-iran.svg"))
        let parser = XMLParser(data: written)
        let ids = IDCollector()
        parser.delegate = ids
        XCTAssertTrue(parser.parse(), "the SVG is well-formed XML")
        let onPath: Set = ["entity-jabouri-adviser", "entity-iranian-intelligence", "entity-iran"]
        XCTAssertEqual(ids.ids.intersection(onPath), onPath, "the path's entities are drawn, with their ids")
        XCTAssertTrue(ids.ids.contains("relation-\(relations.min()!)"), "and the path's relations")
    }
}

/// The `id` attributes of an XML document (an SVG's element ids).
final class IDCollector: NSObject, XMLParserDelegate {
    var ids: Set<String> = []

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if let id = attributes["id"] { ids.insert(id) }
    }
}
