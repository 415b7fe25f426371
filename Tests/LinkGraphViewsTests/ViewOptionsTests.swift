import LinkGraph
import LinkGraphFormats
import LinkGraphGraphviz
import LinkGraphViews
import XCTest

/// Dates, focus, highlights, sizes and boxes change what a view draws, and how.
final class ViewOptionsTests: XCTestCase {
    private let story = CaseViewTests.story

    func testAsOf_keepsOnlyRelationsValidThen() {
        let before = CaseView(kind: .defection, options: ViewOptions(asOf: PartialDate("2013"))).drawing(of: story)
        XCTAssertTrue(before.edges.isEmpty, "nothing had happened in 2013 except the undated payment to a non-defector")
        let during = CaseView(kind: .defection, options: ViewOptions(asOf: PartialDate("2014-03"))).drawing(of: story)
        XCTAssertEqual(during.edges.compactMap { $0.attributes["id"]?.text }.sorted(), ["relation-0", "relation-2"])
        XCTAssertTrue(during.attributes["label"]!.text.hasSuffix("as of 2014-03"))
    }

    func testFocus_restrictsEntitiesAndRelations() {
        let graph = CaseView(kind: .all, options: ViewOptions(focus: ["agent", "rival"])).drawing(of: story)
        XCTAssertEqual(graph.nodes.map(\.id), ["agent", "rival"])
        XCTAssertEqual(Set(graph.edges.map { "\($0.source)>\($0.target)" }), ["agent>rival", "rival>agent"])
    }

    func testHighlight_boldOverFadedContext() throws {
        let highlight = Highlight(
            entities: ["rival", "land"], relations: [3], caption: "path from Rival Service to Land")
        let graph = CaseView(kind: .all, options: ViewOptions(highlight: highlight)).drawing(of: story)
        let member = try XCTUnwrap(graph.edges.first { $0.attributes["id"] == "relation-3" })
        XCTAssertEqual(member.attributes["penwidth"], "3.5")
        XCTAssertEqual(member.attributes["style"], "bold")
        let other = try XCTUnwrap(graph.edges.first { $0.attributes["id"] == "relation-4" })
        XCTAssertEqual(other.attributes["color"], DOTValue.plain(ViewStyle.fadedColour))
        let town = try XCTUnwrap(graph.nodes.first { $0.id == "town" })
        XCTAssertEqual(town.attributes["fillcolor"], DOTValue.plain(ViewStyle.fadedFill))
        let rival = try XCTUnwrap(graph.nodes.first { $0.id == "rival" })
        XCTAssertEqual(rival.attributes["penwidth"], "2.5")
        XCTAssertTrue(graph.attributes["label"]!.text.contains("path from Rival Service to Land"))
    }

    func testHighlight_drawsHighlightedRelationsOutsideTheViewKinds() {
        // locatedIn is not an influence kind, but a highlighted path may run along it.
        let highlight = Highlight(entities: ["town", "land"], relations: [4], caption: "x")
        let graph = CaseView(kind: .influence, options: ViewOptions(highlight: highlight)).drawing(of: story)
        XCTAssertTrue(graph.edges.contains { $0.attributes["id"] == "relation-4" })
        XCTAssertTrue(graph.nodes.contains { $0.id == "town" })
    }

    func testSizes_scaleNamesBySquareRootOfShare() throws {
        let sizes = NodeSizes(measure: "betweenness", scores: ["agent": 1, "rival": 0.25, "agency": 0])
        let graph = CaseView(kind: .all, options: ViewOptions(sizes: sizes)).drawing(of: story)
        func html(_ id: String) -> String { graph.nodes.first { $0.id == id }!.attributes["label"]!.text }
        XCTAssertTrue(html("agent").contains("<FONT POINT-SIZE=\"26.0\"><B>"), html("agent"))
        XCTAssertTrue(html("rival").contains("<FONT POINT-SIZE=\"18.0\"><B>"), html("rival"))
        XCTAssertTrue(html("agency").contains("<FONT POINT-SIZE=\"10.0\"><B>"), html("agency"))
        XCTAssertTrue(graph.nodes[0].attributes["tooltip"]!.text.hasSuffix("betweenness: 1.0"))
    }

    func testClusters_boxEntities_andRenderWithoutCrashing() throws {
        let clusters = ["agent": "Land", "rival": "Land", "land": "Land", "agency": "Elsewhere"]
        let graph = CaseView(kind: .all, options: ViewOptions(clusters: clusters)).drawing(of: story)
        XCTAssertEqual(
            graph.subgraphs.map(\.name), ["cluster_group_Elsewhere", "cluster_group_Land", "cluster_legend"])
        XCTAssertEqual(graph.subgraphs[1].nodes.map(\.id), ["agent", "rival", "land"])
        XCTAssertEqual(graph.nodes.map(\.id), ["town"])
        XCTAssertEqual(graph.attributes["newrank"], "true")
        // Labelled edges between clusters made Graphviz 2.43's dot free memory twice; this
        // render would abort the test process.
        let svg = String(decoding: try Graphviz.shared.render(graph, format: .svg), as: UTF8.self)
        XCTAssertTrue(svg.contains("<title>cluster_group_Land</title>"))
    }
}
