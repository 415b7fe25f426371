import Foundation
import LinkGraph
import LinkGraphFormats
import LinkGraphGraphviz
import XCTest

/// Graphviz's own test graphs (shared/corpus/graphviz, from the Graphviz source tree; not
/// copied into this repository): every file `dot` accepts is read by cgraph, written back
/// by `DOTWriter`, read again, and must be the same graph; and imported as a case, it must
/// have one entity per node and one relation per edge.
final class GraphvizCorpusRoundTripTests: XCTestCase {
    static func corpusDirectory() throws -> URL {
        try SharedData.require("corpus/graphviz/manifest.tsv").deletingLastPathComponent()
    }

    /// Files `dot` accepts, by the manifest (exit code 0).
    static func acceptedFiles() throws -> [(path: String, nodes: Int, edges: Int)] {
        let directory = try corpusDirectory()
        let manifest = try String(contentsOf: directory.appendingPathComponent("manifest.tsv"), encoding: .utf8)
        return manifest.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count >= 5, fields[4] == "0", let nodes = Int(fields[2]), let edges = Int(fields[3]) else {
                return nil
            }
            return (fields[0], nodes, edges)
        }
    }

    static func read(_ path: String) throws -> String {
        let data = try Data(contentsOf: try corpusDirectory().appendingPathComponent(path))
        return String(decoding: data, as: UTF8.self)
    }

    /// Every file must give the same graph: the same nodes, edges, subgraphs and
    /// attributes (in any order: cgraph may declare attribute names in another order when it
    /// reads the written file). How many are the same in attribute order too is printed.
    func testCorpus_writeThenReadAgain_sameGraph() throws {
        let files = try Self.acceptedFiles()
        XCTAssertGreaterThan(files.count, 250)
        var failures: [String] = []
        var orderDiffers: [String] = []
        for file in files {
            do {
                let graphs = try GraphvizDOTParser.parseAll(try Self.read(file.path))
                for graph in graphs {
                    let again = try GraphvizDOTParser.parse(DOTWriter.write(graph))
                    if Self.sorted(again) != Self.sorted(graph) {
                        failures.append("\(file.path): \(Self.difference(Self.sorted(graph), Self.sorted(again)))")
                    } else if again != graph {
                        orderDiffers.append("\(file.path): \(Self.difference(graph, again))")
                    }
                }
            } catch {
                failures.append("\(file.path): \(error)")
            }
        }
        let failed = Set(failures.map { $0.components(separatedBy: ": ").first! }).count
        print(
            "graphviz corpus DOT round trip: \(files.count - failed) of \(files.count) files the same graph; \(files.count - failed - orderDiffers.count) also in attribute order"
        )
        for difference in orderDiffers { print("  attribute order differs: \(difference)") }
        for failure in failures { print("  differs: \(failure)") }
        XCTAssertEqual(failures, [], "\(failures.count) files differ")
    }

    /// The graph with every attribute list sorted by name.
    static func sorted(_ graph: DOTGraph) -> DOTGraph {
        func s(_ a: DOTAttributes) -> DOTAttributes {
            DOTAttributes(a.entries.sorted { $0.name < $1.name }.map { ($0.name, $0.value) })
        }
        func sub(_ g: DOTSubgraph) -> DOTSubgraph {
            DOTSubgraph(
                name: g.name, attributes: s(g.attributes), nodeDefaults: s(g.nodeDefaults),
                edgeDefaults: s(g.edgeDefaults),
                nodes: g.nodes.map { DOTNode($0.id, attributes: s($0.attributes)) },
                edges: g.edges.map { DOTEdge($0.source, $0.target, attributes: s($0.attributes)) },
                subgraphs: g.subgraphs.map(sub))
        }
        var result = graph
        result.attributes = s(graph.attributes)
        result.nodeDefaults = s(graph.nodeDefaults)
        result.edgeDefaults = s(graph.edgeDefaults)
        result.nodes = graph.nodes.map { DOTNode($0.id, attributes: s($0.attributes)) }
        result.edges = graph.edges.map { DOTEdge($0.source, $0.target, attributes: s($0.attributes)) }
        result.subgraphs = graph.subgraphs.map(sub)
        return result
    }

    func testCorpus_importAsCase_oneEntityPerNodeOneRelationPerEdge() throws {
        let files = try Self.acceptedFiles()
        var failures: [String] = []
        var checked = 0
        for file in files {
            do {
                let graph = try GraphvizDOTParser.parse(try Self.read(file.path))
                let imported = try DOTCaseImporter.caseFile(graph, file: file.path).caseFile
                let (nodes, edges) = Self.count(graph)
                if imported.entities.count != nodes || imported.relations.count != edges {
                    failures.append(
                        "\(file.path): \(imported.entities.count)/\(imported.relations.count) entities/relations for \(nodes)/\(edges) nodes/edges"
                    )
                }
                if file.path != "rtest/graphs/multi.gv", nodes != file.nodes || edges != file.edges {
                    failures.append(
                        "\(file.path): the parser saw \(nodes)/\(edges), gc counts \(file.nodes)/\(file.edges)")
                }
                // The case survives its own DOT export and import.
                let again = try DOTCaseImporter.caseFile(
                    try GraphvizDOTParser.parse(DOTWriter.write(CaseDOTExporter.graph(imported))), file: file.path
                ).caseFile
                let expected = DOTCaseImporterTests.dotCarried(imported)
                if again != expected {
                    let entity = zip(again.entities, expected.entities).first { $0 != $1 }
                    let relation = zip(again.relations, expected.relations).first { $0 != $1 }
                    let detail =
                        entity.map {
                            "entity \(JSONWriter.compact($0.jsonValue())) != \(JSONWriter.compact($1.jsonValue()))"
                        }
                        ?? relation.map {
                            "relation \(JSONWriter.compact($0.jsonValue())) != \(JSONWriter.compact($1.jsonValue()))"
                        } ?? "documents"
                    failures.append(
                        "\(file.path): the imported case does not survive export --to dot and import: \(detail)")
                }
                checked += 1
            } catch {
                failures.append("\(file.path): \(error)")
            }
        }
        print(
            "graphviz corpus import: \(checked - failures.count) of \(files.count) files imported as cases with every node and edge"
        )
        for failure in failures { print("  failed: \(failure)") }
        XCTAssertEqual(failures, [])
    }

    /// Distinct nodes and all edges of a graph, subgraphs included.
    static func count(_ graph: DOTGraph) -> (nodes: Int, edges: Int) {
        var nodes = Set(graph.nodes.map(\.id))
        var edges = graph.edges.count
        func walk(_ subgraphs: [DOTSubgraph]) {
            for subgraph in subgraphs {
                nodes.formUnion(subgraph.nodes.map(\.id))
                edges += subgraph.edges.count
                walk(subgraph.subgraphs)
            }
        }
        walk(graph.subgraphs)
        return (nodes.count, edges)
    }

    /// A short description of the first difference between two graphs.
    static func difference(_ a: DOTGraph, _ b: DOTGraph) -> String {
        if a.name != b.name { return "name \(a.name.debugDescription) → \(b.name.debugDescription)" }
        if a.attributes != b.attributes {
            return
                "graph attributes \(a.attributes.entries.map { "\($0.name)=\($0.value.text)" }) → \(b.attributes.entries.map { "\($0.name)=\($0.value.text)" })"
        }
        if a.nodeDefaults != b.nodeDefaults || a.edgeDefaults != b.edgeDefaults { return "defaults" }
        if a.nodes != b.nodes {
            for (x, y) in zip(a.nodes, b.nodes) where x != y {
                return
                    "node \(x.id.debugDescription): \(x.attributes.entries.map { "\($0.name)=\($0.value)" }) → \(y.id.debugDescription) \(y.attributes.entries.map { "\($0.name)=\($0.value)" })"
            }
            return "node count \(a.nodes.count) → \(b.nodes.count)"
        }
        if a.edges != b.edges {
            for (x, y) in zip(a.edges, b.edges) where x != y {
                return
                    "edge \(x.source)->\(x.target) \(x.attributes.entries.map { "\($0.name)=\($0.value)" }) → \(y.source)->\(y.target) \(y.attributes.entries.map { "\($0.name)=\($0.value)" })"
            }
            return "edge count \(a.edges.count) → \(b.edges.count)"
        }
        return "subgraphs"
    }
}
