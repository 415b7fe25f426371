import LinkGraph
import LinkGraphFormats
import XCTest

@testable import LinkGraphViews

/// Issue 16, "Also": 20,000 parallel `pays` between one pair made `dot` take minutes. They are
/// one edge now, with a count and a tooltip listing them, unless every edge is asked for.
final class ParallelRelationsTests: XCTestCase {
    static func payments(_ count: Int) -> CaseFile {
        var relations = (0..<count).map { i in
            Relation(
                source: "harbor", target: "quill", kind: .pays, confidence: i == 0 ? 0.5 : nil,
                from: PartialDate("\(2000 + i % 20)"))
        }
        relations.append(Relation(source: "quill", target: "harbor", kind: .pays))  // the other way: its own edge
        relations.append(Relation(source: "harbor", target: "quill", kind: .controls))  // another kind: its own edge
        relations.append(Relation(source: "quill", target: "harbor", kind: .meetsWith))  // symmetric: either way is one
        relations.append(Relation(source: "harbor", target: "quill", kind: .meetsWith))
        return CaseFile(
            entities: [
                Entity(id: "harbor", name: "Harbor Trust", kind: .organization),
                Entity(id: "quill", name: "Mara Quill", kind: .person),
            ],
            relations: relations)
    }

    func testParallelRelationsOfOneKind_drawnAsOneEdgeWithCountAndTooltip() {
        let graph = CaseView(kind: .all).drawing(of: Self.payments(3))
        XCTAssertEqual(
            graph.edges.map { "\($0.source)>\($0.target)" },
            ["harbor>quill", "quill>harbor", "harbor>quill", "quill>harbor"])
        XCTAssertEqual(graph.edges[0].attributes["label"]?.text, "pays ×3")
        XCTAssertEqual(graph.edges[0].attributes["id"]?.text, "relation-0")
        let tooltip = graph.edges[0].attributes["tooltip"]?.text ?? ""
        XCTAssertTrue(tooltip.hasPrefix("3 relations Harbor Trust pays Mara Quill"), tooltip)
        XCTAssertTrue(tooltip.contains("relations[0]: from 2000; confidence 0.5"), tooltip)
        XCTAssertTrue(tooltip.contains("relations[2]: from 2002"), tooltip)
        XCTAssertEqual(graph.edges[1].attributes["label"]?.text, "pays")
        XCTAssertEqual(graph.edges[3].attributes["label"]?.text, "meetsWith ×2")
    }

    func testEveryEdge_drawsEachRelation() {
        let graph = CaseView(kind: .all, options: ViewOptions(everyEdge: true)).drawing(of: Self.payments(3))
        XCTAssertEqual(graph.edges.count, 7)
        XCTAssertEqual(graph.edges.map { $0.attributes["id"]?.text }, (0..<7).map { "relation-\($0)" })
    }

    func testManyParallelRelations_tooltipListsTwentyAndCountsTheRest() {
        let graph = CaseView(kind: .all).drawing(of: Self.payments(20_000))
        XCTAssertEqual(graph.edges.count, 4)
        XCTAssertEqual(graph.edges[0].attributes["label"]?.text, "pays ×20000")
        let tooltip = graph.edges[0].attributes["tooltip"]?.text ?? ""
        XCTAssertEqual(tooltip.split(separator: "\n").count, 1 + 20 + 1)
        XCTAssertTrue(tooltip.hasSuffix("… and 19980 more"), tooltip)
    }

    /// A highlighted relation is not bundled with faded ones of the same pair and kind.
    func testHighlight_keepsHighlightedRelationApartFromFadedOnes() {
        let highlight = Highlight(entities: ["harbor", "quill"], relations: [1], caption: "one payment")
        let options = ViewOptions(highlight: highlight)
        let graph = CaseView(kind: .all, options: options).drawing(of: Self.payments(3))
        let pays = graph.edges.filter {
            ($0.attributes["label"]?.text.hasPrefix("pays") ?? false) && $0.source == "harbor"
        }
        XCTAssertEqual(pays.map { $0.attributes["label"]?.text }, ["pays ×2", "pays\\nfrom 2001"])
    }
}
