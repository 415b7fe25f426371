import Foundation
import FoundationXML
import XCTest

/// `render --mark cut-points` and `render --remove` on the bundled example, read back with
/// an XML parser.
final class CLIStructureDrawingTests: XCTestCase {
    static let example = CLIRunner.repositoryRoot.appendingPathComponent("Graphs/iran-iraq-2014/case.json").path

    private func render(_ arguments: [String]) throws -> XMLElement {
        let dir = try TemporaryDirectory()
        let result = try CLIRunner.run(["render", Self.example] + arguments + ["-o", dir.path("out.svg")])
        XCTAssertEqual(result.status, 0, result.stderr)
        let data = try Data(contentsOf: dir.url.appendingPathComponent("out.svg"))
        return try XCTUnwrap(XMLDocument(data: data, options: []).rootElement())
    }

    /// An attribute's value (FoundationXML's attribute(forName:) misses attributes of SVG
    /// elements, which sit in the SVG namespace).
    private func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attributes?.first { $0.name == name || $0.localName == name }?.stringValue
    }

    /// The ids (prefix removed) of the node or edge groups whose shape is stroked in `colour`
    /// (and, when given, with a dash pattern).
    private func stroked(
        _ svg: XMLElement, _ kind: String, prefix: String, colour: String? = nil, dashed: Bool = false
    ) throws -> Set<String> {
        var out = Set<String>()
        for node in try svg.nodes(forXPath: "//*[local-name()='g'][@class='\(kind)']") {
            guard let group = node as? XMLElement, let id = attribute(group, "id"), id.hasPrefix(prefix) else {
                continue
            }
            let shapes = try group.nodes(forXPath: ".//*[local-name()='polygon' or local-name()='path']")
                .compactMap { $0 as? XMLElement }
            guard let shape = shapes.first else { continue }
            if let colour, attribute(shape, "stroke")?.lowercased() != colour { continue }
            if dashed, attribute(shape, "stroke-dasharray") == nil { continue }
            out.insert(String(id.dropFirst(prefix.count)))
        }
        return out
    }

    func testMarkCutPoints_cutPointsAndBridgesInTheCutColour() throws {
        let svg = try render(["--mark", "cut-points"])
        let cuts = try CLIRunner.run(["cuts", Self.example, "--json"])
        let expected = try XCTUnwrap(JSONSerialization.jsonObject(with: cuts.stdoutData) as? [String: Any])
        let points = Set(try XCTUnwrap(expected["cutPoints"] as? [String]))
        XCTAssertEqual(points, ["iran", "iraq", "united-states", "syria", "pmu", "nechervan-barzani", "leak-source"])
        XCTAssertEqual(try stroked(svg, "node", prefix: "entity-", colour: "#d81b60"), points)
        // Every relation between the two ends of a bridge, and nothing else.
        let bridges = Set(try XCTUnwrap(expected["bridges"] as? [[String]]).map { $0.sorted() })
        let caseJSON = try XCTUnwrap(
            JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: Self.example))) as? [String: Any])
        let relations = try XCTUnwrap(caseJSON["relations"] as? [[String: Any]])
        let bridgeRelations = Set(
            relations.indices.filter {
                bridges.contains([relations[$0]["source"] as! String, relations[$0]["target"] as! String].sorted())
            }.map(String.init))
        XCTAssertEqual(bridgeRelations.count, 10)
        XCTAssertEqual(try stroked(svg, "edge", prefix: "relation-", colour: "#d81b60"), bridgeRelations)
    }

    func testRemove_ghostsTheRemovedAndBoxesTheParts() throws {
        let svg = try render(["--remove", "iran,Iraq"])
        let ghosts = try stroked(svg, "node", prefix: "entity-", dashed: true)
        XCTAssertTrue(ghosts.isSuperset(of: ["iran", "iraq"]), "\(ghosts)")
        let labels = try svg.nodes(forXPath: "//*[local-name()='g'][@class='cluster']/*[local-name()='text']")
            .map { $0.stringValue ?? "" }
        let parts = labels.filter { $0.hasPrefix("part ") }.sorted()
        XCTAssertEqual(parts, ["part 1 of 4 (20)", "part 2 of 4 (3)", "part 3 of 4 (3)", "part 4 of 4 (3)"])
        let disrupt = try CLIRunner.run(["disrupt", Self.example, "--remove", "iran,iraq", "--json"])
        let object = try JSONSerialization.jsonObject(with: disrupt.stdoutData) as? [String: Any]
        let after = try XCTUnwrap(object?["after"] as? [String: Any])
        XCTAssertEqual((after["sizes"] as? [Int])?.filter { $0 > 1 }, [20, 3, 3, 3])
        let conflicting = try CLIRunner.run(
            ["render", Self.example, "--remove", "iran", "--cluster-by", "country", "-o", "x.svg"])
        XCTAssertNotEqual(conflicting.status, 0)
    }
}
