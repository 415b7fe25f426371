import Foundation
import FoundationXML
import LinkGraph
import LinkGraphAlgorithms
import LinkGraphGraphviz
import LinkGraphViews
import XCTest

/// `GroupOverview` and `TopOverview` on seeded cases: group sizes and link weights against
/// counts made from the generator's own assignment and NetworkX's `quotient_graph`, the top N
/// against NetworkX's PageRank, and the drawing through the real Graphviz.
final class OverviewTests: XCTestCase {
    /// A seeded case: `countries` country entities, `people` people, each with a `country`
    /// attribute naming one of them except every seventh (ungrouped), and `relations`
    /// directed relations between distinct ordered pairs (people and countries alike).
    static func makeCase(people: Int, countries: Int, relations: Int, seed: UInt64) -> (CaseFile, [String: String]) {
        var rng = SeededGenerator(seed: seed)
        var entities: [Entity] = []
        var groupOf: [String: String] = [:]
        for c in 0..<countries {
            entities.append(Entity(id: "c\(c)", name: "Country \(c)", kind: .country))
            groupOf["c\(c)"] = "c\(c)"
        }
        for p in 0..<people {
            if p % 7 == 3 {
                entities.append(Entity(id: "p\(p)", name: "Person \(p)", kind: .person))
                groupOf["p\(p)"] = GroupOverview.ungroupedKey
            } else {
                let c = "c\(Int.random(in: 0..<countries, using: &rng))"
                entities.append(
                    Entity(id: "p\(p)", name: "Person \(p)", kind: .person, attributes: ["country": .string(c)]))
                groupOf["p\(p)"] = c
            }
        }
        let kinds: [RelationKind] = [.reportsTo, .advises, .pays, .influences, .controls]
        var pairs = Set<[Int]>()
        var drawn: [Relation] = []
        while drawn.count < relations {
            // Skewed targets, so that PageRank has clear leaders.
            let a = Int.random(in: 0..<entities.count, using: &rng)
            let b = Int(Double(entities.count) * pow(Double.random(in: 0..<1, using: &rng), 2))
            guard a != b, pairs.insert([a, b]).inserted else { continue }
            drawn.append(
                Relation(source: entities[a].id, target: entities[b].id, kind: kinds.randomElement(using: &rng)!))
        }
        return (CaseFile(entities: entities, relations: drawn), groupOf)
    }

    func testCollapseCountry_sizesAndWeightsEqualCountsFromTheGenerator() throws {
        let (caseFile, groupOf) = Self.makeCase(people: 400, countries: 9, relations: 1600, seed: 11)
        let overview = try GroupOverview(caseFile, by: .country)
        var members: [String: Int] = [:]
        for (_, g) in groupOf { members[g, default: 0] += 1 }
        var weights: [[String]: Int] = [:], inside: [String: Int] = [:]
        for r in caseFile.relations {
            let a = groupOf[r.source]!, b = groupOf[r.target]!
            if a == b { inside[a, default: 0] += 1 } else { weights[[a, b], default: 0] += 1 }
        }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: overview.nodes.map { ($0.key, $0.members.count) }), members)
        XCTAssertEqual(
            Dictionary(uniqueKeysWithValues: overview.nodes.map { ($0.key, $0.inside) }).filter { $0.value > 0 }, inside
        )
        XCTAssertEqual(
            Dictionary(
                uniqueKeysWithValues: overview.links.map {
                    ([overview.nodes[$0.source].key, overview.nodes[$0.target].key], $0.count)
                }),
            weights)
        XCTAssertEqual(overview.entityCount, 409)
        XCTAssertEqual(overview.relationCount, 1600)
        XCTAssertEqual(overview.nodes.first { $0.key == GroupOverview.ungroupedKey }?.name, "no country")
    }

    func testCollapseCommunity_weightsEqualNetworkXQuotientGraph() throws {
        let (caseFile, _) = Self.makeCase(people: 300, countries: 5, relations: 1200, seed: 5)
        let overview = try GroupOverview(caseFile, by: .community)
        XCTAssertGreaterThan(overview.nodes.count, 2, "Louvain found several communities")
        // The partition is ours; the counting is NetworkX's.
        let partition = overview.nodes.map(\.members)
        let request: [String: Any] = [
            "edges": caseFile.relations.map { [$0.source, $0.target] }, "partition": partition,
        ]
        let script = """
            import json, sys, networkx as nx
            data = json.load(sys.stdin)
            G = nx.DiGraph()
            G.add_nodes_from(n for block in data["partition"] for n in block)
            G.add_edges_from(data["edges"])
            blocks = [frozenset(b) for b in data["partition"]]
            Q = nx.quotient_graph(G, blocks, relabel=False)
            index = {b: i for i, b in enumerate(blocks)}
            print(json.dumps({"sizes": [Q.nodes[b]["nnodes"] for b in blocks],
                              "inside": [Q.nodes[b]["nedges"] for b in blocks],
                              "links": [[index[u], index[v], d["weight"]] for u, v, d in Q.edges(data=True)]}))
            """
        let answer = try Self.python(script, input: request)
        XCTAssertEqual(answer["sizes"] as? [Int], overview.nodes.map(\.members.count))
        XCTAssertEqual(answer["inside"] as? [Int], overview.nodes.map(\.inside))
        // NetworkX's quotient of a digraph has an arc where some relation runs from one block to
        // the other, weighted by the relations between the two blocks either way.
        let nx = (answer["links"] as? [[Int]] ?? [])
        XCTAssertEqual(Set(nx.map { [$0[0], $0[1]] }), Set(overview.links.map { [$0.source, $0.target] }))
        var ours: [[Int]: Int] = [:]
        for link in overview.links { ours[[link.source, link.target]] = link.count }
        for arc in nx {
            XCTAssertEqual(arc[2], (ours[[arc[0], arc[1]]] ?? 0) + (ours[[arc[1], arc[0]]] ?? 0), "\(arc)")
        }
        XCTAssertEqual(overview.links.map(\.count).reduce(0, +) + overview.nodes.map(\.inside).reduce(0, +), 1200)
    }

    func testExpand_membersDrawnOneByOne_linksToOtherGroups() throws {
        let (caseFile, groupOf) = Self.makeCase(people: 200, countries: 6, relations: 700, seed: 3)
        let overview = try GroupOverview(caseFile, by: .country, expand: "country 2")
        XCTAssertEqual(overview.expanded, "c2")
        XCTAssertEqual(overview.expandedName, "Country 2")
        let expandedMembers = Set(groupOf.filter { $0.value == "c2" }.keys)
        XCTAssertEqual(Set(overview.nodes.filter(\.isMember).map(\.key)), expandedMembers)
        XCTAssertFalse(overview.nodes.contains { $0.key == "c2" && !$0.isMember })
        // Every relation is on one link or inside one group: none lost, none counted twice.
        let key = { (id: String) in expandedMembers.contains(id) ? id : groupOf[id]! }
        var weights: [[String]: Int] = [:]
        for r in caseFile.relations where key(r.source) != key(r.target) {
            weights[[key(r.source), key(r.target)], default: 0] += 1
        }
        XCTAssertEqual(
            Dictionary(
                uniqueKeysWithValues: overview.links.map {
                    ([overview.nodes[$0.source].key, overview.nodes[$0.target].key], $0.count)
                }),
            weights)
    }

    func testExpand_unknownGroup_throwsWithSuggestions() throws {
        let (caseFile, _) = Self.makeCase(people: 50, countries: 4, relations: 100, seed: 1)
        XCTAssertThrowsError(try GroupOverview(caseFile, by: .country, expand: "Contry 3")) { error in
            guard case OverviewError.unknownGroup(let name, .country, let suggestions) = error else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(name, "Contry 3")
            XCTAssertEqual(suggestions.first, "Country 3")
            XCTAssertTrue("\(error)".contains("did you mean 'Country 3'"), "\(error)")
        }
        XCTAssertThrowsError(try GroupOverview(caseFile, by: .community, expand: "Country 3"))
    }

    func testTopPageRank_keepsExactlyNetworkXsTopN() throws {
        let (caseFile, _) = Self.makeCase(people: 500, countries: 8, relations: 2000, seed: 9)
        let top = try TopOverview(caseFile, count: 25, by: .pagerank)
        let script = """
            import json, sys, networkx as nx
            data = json.load(sys.stdin)
            G = nx.DiGraph()
            G.add_nodes_from(data["nodes"])
            G.add_edges_from(data["edges"])
            pr = nx.pagerank(G, tol=1e-12, max_iter=1000)
            ranked = sorted(pr, key=lambda n: -pr[n])
            print(json.dumps({"top": ranked[:25], "gap": pr[ranked[24]] - pr[ranked[25]]}))
            """
        let answer = try Self.python(
            script,
            input: [
                "nodes": caseFile.entities.map(\.id), "edges": caseFile.relations.map { [$0.source, $0.target] },
            ])
        XCTAssertGreaterThan(answer["gap"] as? Double ?? 0, 1e-9, "no tie at the cut")
        XCTAssertEqual(Set(top.kept), Set(answer["top"] as? [String] ?? []))
        let kept = Set(top.kept)
        let among = caseFile.relations.filter { kept.contains($0.source) && kept.contains($0.target) }.count
        XCTAssertEqual(top.keptRelationCount, among)
        XCTAssertEqual(top.relationCount, 2000)
        XCTAssertEqual(
            top.note,
            "top 25 of 508 entities by pagerank, \(among) of 2000 relations; left out: 483 entities, \(2000 - among) relations"
        )
        let drawing = CaseView(kind: .all, options: top.applied(to: ViewOptions())).drawing(of: caseFile)
        XCTAssertEqual(drawing.nodes.count, 25)
    }

    func testTop_zero_throws() throws {
        let (caseFile, _) = Self.makeCase(people: 10, countries: 2, relations: 10, seed: 1)
        XCTAssertThrowsError(try TopOverview(caseFile, count: 0, by: .degree)) {
            XCTAssertEqual($0 as? OverviewError, .invalidCount(0))
        }
    }

    func testCollapseDrawing_rendersThroughGraphviz_groupsSizedByMembers() throws {
        let (caseFile, _) = Self.makeCase(people: 300, countries: 7, relations: 1000, seed: 2)
        let overview = try GroupOverview(caseFile, by: .country)
        let drawing = overview.drawing()
        XCTAssertEqual(drawing.nodes.count, overview.nodes.count)
        XCTAssertEqual(drawing.edges.count, overview.links.count)
        // Widths grow with the members.
        let width = { (i: Int) in Double(drawing.nodes[i].attributes["width"]!.text)! }
        for i in overview.nodes.indices {
            for j in overview.nodes.indices where overview.nodes[i].members.count < overview.nodes[j].members.count {
                XCTAssertLessThanOrEqual(width(i), width(j))
            }
        }
        for (i, link) in overview.links.enumerated() {
            XCTAssertEqual(drawing.edges[i].attributes["label"]?.text, String(link.count))
        }
        let svg = try Graphviz.shared.render(drawing, layout: .sfdp, format: .svg)
        let document = try XMLDocument(data: svg, options: [])
        let ids = try document.nodes(forXPath: "//*[local-name()='g'][@class='node']/@id").compactMap(\.stringValue)
        XCTAssertEqual(
            Set(ids),
            Set(
                overview.nodes.map {
                    "group-" + $0.key.replacingOccurrences(of: "(", with: "_").replacingOccurrences(of: ")", with: "_")
                }))
        XCTAssertTrue(
            (document.rootElement()?.stringValue ?? "").contains(
                "All relations — by country: 307 entities in 8 groups; 1000 relations"))
    }

    struct PythonFailure: Error { let message: String }

    /// Runs a Python script with `input` as JSON on standard input; its last line is JSON.
    /// Skips when python3 or NetworkX is missing.
    static func python(_ script: String, input: [String: Any]) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do { try process.run() } catch { throw XCTSkip("python3 is not available: \(error)") }
        stdin.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: input))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if err.contains("No module named 'networkx'") { throw XCTSkip("NetworkX is not installed") }
        guard process.terminationStatus == 0 else { throw PythonFailure(message: err) }
        let line = String(decoding: out, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
}
