import Foundation
import LinkGraphFormats
import LinkGraphGraphviz
import XCTest

final class GraphvizDOTParserTests: XCTestCase {
    private let sample = #"""
        /* a case, drawn */
        strict digraph "Case 7" {
            graph [rankdir=LR, label="Who reports to whom"];
            node [shape=box, fontname="DejaVu Sans"];
            edge [color=gray40];
            subgraph cluster_irgc {
                label="IRGC";
                node [style=filled];
                soleimani [label=<<B>Qasem Soleimani</B><BR/>Quds Force>];
                subgraph inner {
                    rank=same;
                    a; b [shape=ellipse];
                }
            }
            "graph" -> soleimani [label="reports to", penwidth=2];
            a -> b;
            soleimani -> a [color=red];
            x -> y [key=first];
            { rank=same; x; y }
        }
        """#

    func testParse_sample_structureAttributesAndHTML() throws {
        let graph = try GraphvizDOTParser.parse(sample)
        XCTAssertEqual(graph.name, "Case 7")
        XCTAssertTrue(graph.isDirected)
        XCTAssertTrue(graph.isStrict)
        XCTAssertEqual(graph.attributes["rankdir"], "LR")
        XCTAssertEqual(graph.attributes["label"], "Who reports to whom")
        XCTAssertEqual(graph.nodeDefaults["shape"], "box")
        XCTAssertEqual(graph.nodeDefaults["fontname"], "DejaVu Sans")
        XCTAssertNil(graph.nodeDefaults["label"], "Graphviz's own \\N default is not reported")
        XCTAssertEqual(graph.edgeDefaults["color"], "gray40")

        XCTAssertEqual(graph.subgraphs.map(\.name), ["cluster_irgc", "%1"])
        let cluster = graph.subgraphs[0]
        XCTAssertEqual(cluster.attributes["label"], "IRGC")
        XCTAssertEqual(cluster.nodeDefaults["style"], "filled")
        XCTAssertEqual(cluster.nodes.map(\.id), ["soleimani"])
        XCTAssertEqual(cluster.nodes[0].attributes["label"], .html("<B>Qasem Soleimani</B><BR/>Quds Force"))
        XCTAssertEqual(cluster.subgraphs.map(\.name), ["inner"])
        let inner = cluster.subgraphs[0]
        XCTAssertEqual(inner.attributes["rank"], "same")
        XCTAssertNil(inner.attributes["label"], "made after label=IRGC, it inherits the label: nothing to report")
        XCTAssertEqual(inner.nodes.map(\.id), ["a", "b"])
        XCTAssertEqual(inner.nodes[1].attributes["shape"], "ellipse")
        XCTAssertNil(inner.nodes[0].attributes["style"], "a default is not repeated on the node")
        XCTAssertEqual(inner.edges.count, 0, "a -> b is written at the root")

        XCTAssertEqual(graph.subgraphs[1].attributes["rank"], "same")
        XCTAssertEqual(graph.subgraphs[1].nodes.map(\.id), ["x", "y"])
        XCTAssertEqual(graph.subgraphs[1].edges.count, 0)
        XCTAssertEqual(graph.nodes.map(\.id), ["graph"])
        XCTAssertEqual(
            graph.edges.map { "\($0.source)->\($0.target)" }, ["graph->soleimani", "a->b", "soleimani->a", "x->y"])
        XCTAssertEqual(graph.edges[0].attributes, ["label": "reports to", "penwidth": "2"])
        XCTAssertTrue(graph.edges[1].attributes.isEmpty)
        XCTAssertEqual(graph.edges[2].attributes, ["color": "red"])
        XCTAssertEqual(graph.edges[3].attributes, ["key": "first"])
        XCTAssertEqual(graph.allNodeNames.count, 6)
        XCTAssertEqual(graph.allEdgeCount, 4)
    }

    /// Written by `DOTWriter`, read back by cgraph: the same model (attribute order aside:
    /// cgraph keeps declaration order only).
    func testParse_writtenModel_givesModelBack() throws {
        let model = DOTGraph(
            name: "G", isDirected: true,
            attributes: ["rankdir": "LR", "label": .html("<I>title</I>")],
            nodeDefaults: ["shape": "box"], edgeDefaults: ["arrowsize": "0.5"],
            nodes: [
                DOTNode("a", attributes: ["color": "red", "label": .html(Hostile.cardHTML)]),
                DOTNode(Hostile.quote, attributes: ["color": "blue"]),
                DOTNode("graph"),
            ],
            edges: [
                DOTEdge("a", Hostile.quote, attributes: ["style": "dashed"]),
                DOTEdge("a", Hostile.quote),
                DOTEdge("graph", "a", attributes: ["key": "k1", "color": "green"]),
            ],
            subgraphs: [
                DOTSubgraph(
                    name: "cluster_one", attributes: ["label": "One"], nodeDefaults: ["shape": "circle"],
                    nodes: [DOTNode("c"), DOTNode("d", attributes: ["shape": "box"])],
                    edges: [DOTEdge("c", "d")],
                    subgraphs: [DOTSubgraph(name: "cluster_two", attributes: ["label": "Two"], nodes: [DOTNode("e")])])
            ])
        let parsed = try GraphvizDOTParser.parse(DOTWriter.write(model)).sortingAttributes()
        let expected = model.sortingAttributes()
        XCTAssertEqual(parsed.name, expected.name)
        XCTAssertEqual(parsed.attributes, expected.attributes)
        XCTAssertEqual(parsed.nodeDefaults, expected.nodeDefaults)
        XCTAssertEqual(parsed.edgeDefaults, expected.edgeDefaults)
        XCTAssertEqual(parsed.nodes, expected.nodes)
        XCTAssertEqual(parsed.edges, expected.edges)
        XCTAssertEqual(parsed.subgraphs, expected.subgraphs)
        XCTAssertEqual(parsed, expected)
    }

    func testParse_undirectedGraph_andAnonymousRoot() throws {
        let graph = try GraphvizDOTParser.parse("graph { a -- b -- c; a -- b }")
        XCTAssertEqual(graph.name, "")
        XCTAssertFalse(graph.isDirected)
        XCTAssertFalse(graph.isStrict)
        XCTAssertEqual(graph.edges.map { "\($0.source)--\($0.target)" }, ["a--b", "b--c", "a--b"])
    }

    func testParse_nodeCreatedBeforeDefaults_keepsItsEmptyValue() throws {
        // `a` exists before `node [color=red]`, so it is not red; rebuilding must keep that.
        let graph = try GraphvizDOTParser.parse("digraph { a; node [color=red]; b }")
        XCTAssertEqual(graph.nodeDefaults["color"], "red")
        XCTAssertEqual(graph.nodes.first { $0.id == "a" }?.attributes["color"], "")
        XCTAssertNil(graph.nodes.first { $0.id == "b" }?.attributes["color"])
        let again = try GraphvizDOTParser.parse(DOTWriter.write(graph))
        XCTAssertEqual(again, graph)
    }

    /// Every example graph of Graphviz: the parse agrees with `gc`'s counts in the manifest,
    /// a build → render(dot) → parse round trip keeps node, edge and cluster counts, and a
    /// write (DOTWriter) → parse round trip keeps subgraphs too.
    func testParse_graphvizCorpus_countsSurviveBuildRenderParse() throws {
        let files = try SharedCorpus.graphvizGraphs()
        let manifest = SharedCorpus.manifestCounts()
        var checkedAgainstManifest = 0
        for file in files {
            let relative = "graphs/" + file.deletingLastPathComponent().lastPathComponent + "/" + file.lastPathComponent
            guard
                let text = (try? String(contentsOf: file, encoding: .utf8))
                    ?? (try? String(contentsOf: file, encoding: .isoLatin1))
            else {
                XCTFail("cannot read \(relative)")
                continue
            }
            let parsed: DOTGraph
            do { parsed = try GraphvizDOTParser.parse(text) } catch {
                XCTFail("\(relative): \(error)")
                continue
            }
            if let counts = manifest[relative] {
                XCTAssertEqual(parsed.allNodeNames.count, counts.nodes, "\(relative): nodes")
                XCTAssertEqual(parsed.allEdgeCount, counts.edges, "\(relative): edges")
                checkedAgainstManifest += 1
            }
            let rendered: Data
            do {
                rendered = try Graphviz.shared.render(parsed, layout: .dot, format: .dot)
            } catch {
                XCTFail("\(relative): render failed: \(error)")
                continue
            }
            let again = try GraphvizDOTParser.parse(String(decoding: rendered, as: UTF8.self))
            XCTAssertEqual(again.allNodeNames.count, parsed.allNodeNames.count, "\(relative): nodes after round trip")
            XCTAssertEqual(again.allEdgeCount, parsed.allEdgeCount, "\(relative): edges after round trip")
            // -Tdot (agwrite) leaves out anonymous subgraphs without attributes; clusters stay.
            XCTAssertEqual(again.clusterNames, parsed.clusterNames, "\(relative): clusters after round trip")
            // Through the project's writer nothing is left out, anonymous subgraphs included.
            let rewritten = try GraphvizDOTParser.parse(DOTWriter.write(parsed))
            XCTAssertEqual(rewritten.allNodeNames, parsed.allNodeNames, "\(relative): nodes after DOTWriter")
            XCTAssertEqual(rewritten.allEdgeCount, parsed.allEdgeCount, "\(relative): edges after DOTWriter")
            XCTAssertEqual(
                rewritten.allSubgraphCount, parsed.allSubgraphCount, "\(relative): subgraphs after DOTWriter")
        }
        XCTAssertGreaterThan(checkedAgainstManifest, 50)
    }
}
