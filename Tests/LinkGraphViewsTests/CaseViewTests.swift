import LinkGraph
import LinkGraphFormats
import XCTest

@testable import LinkGraphViews

final class CaseViewTests: XCTestCase {
    /// A small defection story: an agent leaves an agency for a rival, who pays him.
    static let story = CaseFile(
        documents: [Document(id: "memo")],
        entities: [
            Entity(id: "agent", name: "Agent <K>", kind: .person, attributes: ["role": "field officer & courier"]),
            Entity(id: "agency", name: "Agency", kind: .organization),
            Entity(id: "rival", name: "Rival Service", kind: .organization),
            Entity(id: "land", name: "Land", kind: .country),
            Entity(id: "town", name: "Town", kind: .place),
        ],
        relations: [
            Relation(source: "agent", target: "agency", kind: .defectedFrom, from: PartialDate("2014")),
            Relation(
                source: "agent", target: "rival", kind: .defectedTo, from: PartialDate("2014-06"),
                evidence: [Evidence(document: "memo", start: 3, end: 9, text: "left\nfor")]),
            Relation(source: "rival", target: "agent", kind: .pays, confidence: 0.6),
            Relation(source: "rival", target: "land", kind: .memberOf),
            Relation(source: "town", target: "land", kind: .locatedIn),
            Relation(source: "agency", target: "land", kind: .opposes),
        ])

    private func nodeIDs(_ graph: DOTGraph) -> [String] { graph.nodes.map(\.id) }
    private func edgeKinds(_ graph: DOTGraph) -> [String] {
        graph.edges.map { $0.attributes["label"]!.text.split(separator: "\\").first.map(String.init)! }
    }

    func testInfluenceView_drawsOnlyInfluenceKinds() {
        let graph = CaseView(kind: .influence).drawing(of: Self.story)
        XCTAssertEqual(nodeIDs(graph), ["agent", "rival", "land"])
        XCTAssertEqual(edgeKinds(graph), ["pays", "memberOf"])
        XCTAssertEqual(graph.edges[0].attributes["style"], "dashed", "confidence 0.6 is drawn dashed")
    }

    func testDefectionView_defectedFromDashed_defectedToBold_withDates() {
        let graph = CaseView(kind: .defection).drawing(of: Self.story)
        XCTAssertEqual(nodeIDs(graph), ["agent", "agency", "rival"])
        let from = graph.edges[0], to = graph.edges[1]
        XCTAssertEqual(from.attributes["style"], "dashed")
        XCTAssertEqual(from.attributes["color"], DOTValue.plain(ViewStyle.colour(for: .defectedFrom)))
        XCTAssertEqual(from.attributes["label"], "defectedFrom\\nfrom 2014")
        XCTAssertEqual(to.attributes["style"], "bold")
        XCTAssertEqual(to.attributes["label"], "defectedTo\\nfrom 2014-06")
        // The one who switched sides stands out; the others do not.
        let agent = graph.nodes[0]
        XCTAssertEqual(agent.attributes["peripheries"], "2")
        XCTAssertEqual(agent.attributes["color"], DOTValue.plain(ViewStyle.defectorColour))
        XCTAssertTrue(agent.attributes["label"]!.text.contains("switched sides"))
        XCTAssertNil(graph.nodes[1].attributes["peripheries"])
        // The payment to the defector is context, drawn faded.
        XCTAssertEqual(graph.edges.count, 3)
        XCTAssertEqual(graph.edges[2].attributes["style"], "dotted")
    }

    func testAllView_drawsEverything_symmetricWithoutArrow() {
        let graph = CaseView(kind: .all).drawing(of: Self.story)
        XCTAssertEqual(nodeIDs(graph), ["agent", "agency", "rival", "land", "town"])
        XCTAssertEqual(graph.edges.count, 6)
        XCTAssertEqual(graph.edges[5].attributes["dir"], "none")
    }

    func testEntityCard_isHTMLWithEscapedText() {
        let graph = CaseView(kind: .all).drawing(of: Self.story)
        guard case .html(let html) = graph.nodes[0].attributes["label"] else {
            return XCTFail("expected an HTML label")
        }
        XCTAssertTrue(html.contains("<B>Agent &lt;K&gt;</B>"), html)
        XCTAssertTrue(html.contains("person · field officer &amp; courier"), html)
        XCTAssertFalse(html.contains("<K>"))
    }

    func testIDsAndTooltips() {
        let graph = CaseView(kind: .defection).drawing(of: Self.story)
        XCTAssertEqual(graph.nodes[0].attributes["id"], "entity-agent")
        XCTAssertEqual(graph.edges[1].attributes["id"], "relation-1")
        XCTAssertEqual(
            graph.edges[1].attributes["tooltip"],
            "Agent <K> defectedTo Rival Service\nfrom 2014-06\nevidence: memo[3..<9] “left for”")
    }

    func testRelationTooltip_longQuotationShortened_unknownIDShownAsIs() {
        let relation = Relation(
            source: "a", target: "ghost", kind: .pays,
            evidence: [Evidence(document: "d", start: 0, end: 1000, text: String(repeating: "x", count: 1000))])
        let tooltip = Tooltip.relation(relation, names: ["a": "Alpha"])
        let lines = tooltip.split(separator: "\n")
        XCTAssertEqual(lines.first, "Alpha pays ghost")
        XCTAssertEqual(lines.last, "evidence: d[0..<1000] “" + String(repeating: "x", count: 299) + "…”")
    }

    func testLegend_listsShownKinds() throws {
        let graph = CaseView(kind: .influence).drawing(of: Self.story)
        let legend = try XCTUnwrap(graph.subgraphs.first { $0.name == "cluster_legend" })
        XCTAssertEqual(legend.nodes.map(\.id), ["legend"])
        guard case .html(let table) = legend.nodes[0].attributes["label"] else {
            return XCTFail("expected an HTML table")
        }
        for shown in [">person<", ">organization<", ">country<", ">pays<", ">memberOf<"] {
            XCTAssertTrue(table.contains(shown), "legend lacks \(shown): \(table)")
        }
        for hidden in [">place<", ">defectedTo<", ">locatedIn<"] {
            XCTAssertFalse(table.contains(hidden), "legend shows \(hidden), which the view does not draw")
        }
        XCTAssertTrue(CaseView(kind: .influence, showsLegend: false).drawing(of: Self.story).subgraphs.isEmpty)
    }

    func testDrawing_isDeterministic() {
        let text = DOTWriter.write(CaseView(kind: .all).drawing(of: Self.story))
        XCTAssertEqual(DOTWriter.write(CaseView(kind: .all).drawing(of: Self.story)), text)
    }
}
