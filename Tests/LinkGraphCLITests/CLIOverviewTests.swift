import Foundation
import FoundationXML
import XCTest

/// `render --collapse/--expand/--top/--by` end to end, through the Graphviz worker and in
/// process, on a seeded case whose groups the test knows.
final class CLIOverviewTests: XCTestCase {
    /// 6 countries and 240 people, person i in country i % 6 (by attribute), and relation j
    /// from person (7j mod 240) to person (7j + 1 + j mod 11 mod 240): 600 relations.
    static func caseJSON() -> (text: String, members: [Int: Int], links: [[Int]: Int]) {
        var entities: [String] = [], relations: [String] = []
        var members: [Int: Int] = [:], links: [[Int]: Int] = [:]
        for c in 0..<6 {
            entities.append(#"{"id": "c\#(c)", "name": "Country \#(c)", "kind": "country"}"#)
            members[c, default: 0] += 1
        }
        for p in 0..<240 {
            entities.append(
                #"{"id": "p\#(p)", "name": "Person \#(p)", "kind": "person", "attributes": {"country": "c\#(p % 6)"}}"#)
            members[p % 6, default: 0] += 1
        }
        for j in 0..<600 {
            let a = (7 * j) % 240, b = (7 * j + 1 + j % 11) % 240
            relations.append(#"{"source": "p\#(a)", "target": "p\#(b)", "kind": "reportsTo"}"#)
            if a % 6 != b % 6 { links[[a % 6, b % 6], default: 0] += 1 }
        }
        let text =
            #"{"version": 1, "entities": [\#(entities.joined(separator: ",\n"))], "relations": [\#(relations.joined(separator: ",\n"))]}"#
        return (text, members, links)
    }

    private func render(_ arguments: [String]) throws -> (status: Int32, svg: String, stderr: String) {
        let dir = try TemporaryDirectory()
        let input = try dir.write("case.json", Self.caseJSON().text)
        let result = try CLIRunner.run(["render", input] + arguments + ["-o", dir.path("out.svg")])
        let svg = (try? String(contentsOfFile: dir.path("out.svg"), encoding: .utf8)) ?? ""
        return (result.status, svg, result.stderr)
    }

    /// The texts drawn in the node with SVG id `id`.
    private func nodeTexts(_ svg: String, id: String) throws -> [String] {
        let document = try XMLDocument(xmlString: svg, options: [])
        return try document.nodes(forXPath: "//*[local-name()='g'][@id='\(id)']//*[local-name()='text']")
            .compactMap(\.stringValue)
    }

    /// Every node group's title and id in the SVG, and the graph's text.
    private func parse(_ svg: String) throws -> (ids: [String], text: String, edgeLabels: [String]) {
        let document = try XMLDocument(xmlString: svg, options: [])
        let ids = try document.nodes(forXPath: "//*[local-name()='g'][@class='node']/@id").compactMap(\.stringValue)
        let labels = try document.nodes(forXPath: "//*[local-name()='g'][@class='edge']//*[local-name()='text']")
            .compactMap(\.stringValue)
        let text = (document.rootElement()?.stringValue ?? "").split(whereSeparator: \.isWhitespace).joined(
            separator: " ")
        return (ids, text, labels)
    }

    func testCollapseCountry_workerAndInProcess_groupsAndWeights() throws {
        let expected = Self.caseJSON()
        for mode in [[], ["--in-process"]] {
            let (status, svg, stderr) = try render(["--collapse", "country"] + mode)
            XCTAssertEqual(status, 0, stderr)
            let (ids, text, labels) = try parse(svg)
            XCTAssertEqual(Set(ids), Set((0..<6).map { "group-c\($0)" }), "\(mode)")
            XCTAssertTrue(text.contains("All relations — by country: 246 entities in 6 groups; 600 relations"), text)
            for c in 0..<6 {
                let texts = try nodeTexts(svg, id: "group-c\(c)")
                XCTAssertEqual(
                    Array(texts.prefix(2)), ["Country \(c)", "\(expected.members[c]!) entities"], "\(texts)")
            }
            XCTAssertEqual(labels.map { Int($0)! }.sorted(), expected.links.values.sorted(), "one label per link")
        }
    }

    func testExpand_drawsTheMembers_andUnknownGroupSuggests() throws {
        let (status, svg, stderr) = try render(["--collapse", "country", "--expand", "country 2"])
        XCTAssertEqual(status, 0, stderr)
        let ids = try parse(svg).ids
        XCTAssertEqual(ids.filter { $0.hasPrefix("entity-") }.count, 41, "Country 2 itself and its 40 people")
        XCTAssertEqual(ids.filter { $0.hasPrefix("group-") }.count, 5)

        let bad = try render(["--collapse", "country", "--expand", "Contry 2"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(
            bad.stderr.contains("no country group is called 'Contry 2'; did you mean 'Country 2'"), bad.stderr)
    }

    func testTopPageRank_keepsN_andSaysWhatWasLeftOut() throws {
        for mode in [[], ["--in-process"]] {
            let (status, svg, stderr) = try render(["--top", "12", "--by", "pagerank"] + mode)
            XCTAssertEqual(status, 0, stderr)
            let (ids, text, _) = try parse(svg)
            XCTAssertEqual(ids.filter { $0.hasPrefix("entity-") }.count, 12)
            XCTAssertTrue(text.contains("top 12 of 246 entities by pagerank"), text)
            XCTAssertTrue(text.contains("left out: 234 entities"), text)
        }
    }

    func testOverviewFlags_badCombinationsAndMeasures_clearErrors() throws {
        let unknownMeasure = try render(["--top", "5", "--by", "pagerenk"])
        XCTAssertNotEqual(unknownMeasure.status, 0)
        XCTAssertTrue(unknownMeasure.stderr.contains("pagerank"), unknownMeasure.stderr)
        let cases: [([String], String)] = [
            (["--expand", "Country 1"], "--expand names a group of --collapse"),
            (["--by", "degree"], "--by chooses the measure of --top N"),
            (["--top", "0"], "--top must keep at least one entity"),
            (["--collapse", "country", "--top", "3"], "choose one of --collapse and --top"),
            (["--collapse", "community", "--ego", "p1"], "leave out --ego"),
            (["--collapse", "region"], "country"),
        ]
        for (arguments, message) in cases {
            let result = try render(arguments)
            XCTAssertNotEqual(result.status, 0, "\(arguments)")
            XCTAssertTrue(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }
}
