import Foundation
import FoundationXML
import XCTest

/// `render`'s view options end to end on the bundled example.
final class CLIViewOptionsTests: XCTestCase {
    static let example = CLIRunner.repositoryRoot.appendingPathComponent("Graphs/iran-iraq-2014/case.json").path

    private func render(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> (
        svg: String, stderr: String
    ) {
        let dir = try TemporaryDirectory()
        let result = try CLIRunner.run(["render", Self.example] + arguments + ["-o", dir.path("out.svg")])
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        return (try String(contentsOfFile: dir.path("out.svg"), encoding: .utf8), result.stderr)
    }

    /// The ids of the SVG groups of entities (`entity-ID`).
    private func entityIDs(_ svg: String) throws -> Set<String> {
        let pattern = try NSRegularExpression(pattern: "<g id=\"entity&#45;([^\"]+)\" class=\"node\">")
        let range = NSRange(svg.startIndex..., in: svg)
        return Set(
            pattern.matches(in: svg, range: range).map {
                String(svg[Range($0.range(at: 1), in: svg)!]).replacingOccurrences(of: "&#45;", with: "-")
            })
    }

    /// The SVG's text, entities decoded.
    private func text(_ svg: String) throws -> String {
        try XMLDocument(xmlString: svg, options: []).rootElement()?.stringValue ?? ""
    }

    func testHighlightPath_boldPathOverFadedContext() throws {
        let (svg, _) = try render(["--highlight-path", "al-Jabouri's adviser", "Iran"])
        XCTAssertTrue(try text(svg).contains("All relations — path from al-Jabouri's adviser to Iran"), "title")
        // The two hops adviser → Iranian intelligence → Iran are drawn 3.5 wide; nothing else is.
        XCTAssertEqual(
            svg.components(separatedBy: "stroke-width=\"3.5\"").count - 1, 4, "two edges, each a path and an arrowhead")
    }

    func testHighlightChain_titleAndBoldEdges() throws {
        let (svg, _) = try render(["--view", "influence", "--highlight-chain", "Donnie Brasco"])
        XCTAssertTrue(svg.contains("reporting chain of Donnie Brasco"))
        XCTAssertGreaterThan(svg.components(separatedBy: "stroke-width=\"3.5\"").count, 4)
    }

    func testEgo_drawsOnlyTheNeighbourhood() throws {
        let (svg, _) = try render(["--ego", "hatem-al-maksusi", "--radius", "1"])
        XCTAssertEqual(try entityIDs(svg), ["hatem-al-maksusi", "iraqi-army", "iran", "iraqi-messenger"])
    }

    func testTimeline_oneFramePerLoyaltyChange() throws {
        let dir = try TemporaryDirectory()
        let result = try CLIRunner.run([
            "render", Self.example, "--view", "defection", "--timeline", "--format", "svg", "-o", dir.path("frames"),
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        let frames = try FileManager.default.contentsOfDirectory(atPath: dir.path("frames")).sorted()
        XCTAssertEqual(frames, ["frame-1-2014.svg", "frame-2-2019-10.svg"])
        let first = try String(contentsOfFile: dir.path("frames/frame-1-2014.svg"), encoding: .utf8)
        let second = try String(contentsOfFile: dir.path("frames/frame-2-2019-10.svg"), encoding: .utf8)
        XCTAssertTrue(try text(first).contains("Defection network — as of 2014"))
        XCTAssertFalse(try entityIDs(first).contains("sdf"), "the SDF changed sides in 2019")
        XCTAssertTrue(try entityIDs(second).contains("sdf"))
    }

    func testSizeByAndClusterBy() throws {
        let (svg, _) = try render(["--view", "influence", "--size-by", "pagerank", "--cluster-by", "country"])
        XCTAssertTrue(svg.contains("<title>cluster_group_Iraq</title>"))
        XCTAssertTrue(svg.contains("pagerank: "), "the score is in the tooltips")
        XCTAssertTrue(svg.contains("font-size=\"26.00\""), "the highest PageRank gets the largest name")
    }

    func testLargeGraph_switchesToSfdpWithAMessage() throws {
        let dir = try TemporaryDirectory()
        var entities: [String] = [], relations: [String] = []
        for i in 0..<600 {
            entities.append(#"{"id": "p\#(i)", "name": "P\#(i)", "kind": "person"}"#)
            if i > 0 { relations.append(#"{"source": "p\#(i)", "target": "p\#(i / 2)", "kind": "reportsTo"}"#) }
        }
        let casePath = try dir.write(
            "big.json",
            #"{"version": 1, "entities": [\#(entities.joined(separator: ","))], "relations": [\#(relations.joined(separator: ","))]}"#
        )
        let result = try CLIRunner.run(["render", casePath, "--format", "json", "-o", dir.path("big.out")])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("laying out with sfdp"), result.stderr)
    }
}
