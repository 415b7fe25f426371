import Foundation
import LinkGraph
import LinkGraphFormats
import XCTest

/// The rules that turn any property graph into a case (ids, names, kinds, direction,
/// attributes, documents), format by format the same.
final class PropertyMappingTests: XCTestCase {
    func node(_ id: String, _ properties: JSONObject = [:]) -> PropertyNode {
        PropertyNode(id: id, properties: properties)
    }
    func edge(_ s: String, _ t: String, _ properties: JSONObject = [:]) -> PropertyEdge {
        PropertyEdge(source: s, target: t, properties: properties)
    }

    func testIDs_validKept_othersSluggedUniquelyAvoidingKeptOnes() throws {
        let graph = PropertyGraph(
            nodes: [
                node("A B"), node("a-b"), node("a b"), node("Ωμέγα"), node("Ωμέγα 2"), node("entity"), node("x.y_z-1"),
            ],
            edges: [edge("A B", "a b")])
        let c = try graph.caseFile(file: "g").caseFile
        XCTAssertEqual(c.entities.map(\.id), ["a-b-2", "a-b", "a-b-3", "entity-2", "2", "entity", "x.y_z-1"])
        XCTAssertEqual(c.entities[0].attributes["original_id"], "A B")
        XCTAssertNil(c.entities[1].attributes["original_id"])
        XCTAssertEqual(c.relations[0].source, "a-b-2")
        XCTAssertEqual(c.relations[0].target, "a-b-3")
        XCTAssertTrue(PropertyGraph.isValidEntityID("Iran_2014.v2"))
        XCTAssertFalse(PropertyGraph.isValidEntityID("-x"))
        XCTAssertFalse(PropertyGraph.isValidEntityID(String(repeating: "a", count: 129)))
    }

    func testIDs_manyNonLatinIds_linearTime() throws {
        let nodes = (0..<20_000).map { node("узел \($0 % 7)\u{0301}-\($0)") }
        let start = Date()
        let c = try PropertyGraph(nodes: nodes).caseFile(file: "g").caseFile
        XCTAssertEqual(Set(c.entities.map(\.id)).count, 20_000)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }

    func testNamesKindsAndLabels() throws {
        let graph = PropertyGraph(
            nodes: [
                node("a", ["label": "Alpha"]), node("b", ["name": "Beta", "label": "B.", "kind": "place"]),
                node("c", ["name": "  "]),
                node("d", ["kind": ""]),
            ],
            edges: [
                edge("a", "b", ["label": "worksFor"]), edge("a", "b", ["label": "works for"]),
                edge("a", "b", ["kind": "pays", "label": "pays"]),
                edge("a", "b", ["kind": "pays", "label": "$5"]), edge("a", "b"),
            ])
        let c = try graph.caseFile(file: "g").caseFile
        XCTAssertEqual(c.entities.map(\.name), ["Alpha", "Beta", "c", "d"])
        XCTAssertEqual(c.entities.map(\.kind), [.other, .place, .other, .other])
        XCTAssertEqual(c.entities[1].attributes, ["label": "B."])
        XCTAssertEqual(c.relations.map(\.kind), ["worksFor", "linkedTo", "pays", "pays", "linkedTo"])
        XCTAssertEqual(c.relations.map(\.attributes), [[:], ["label": "works for"], [:], ["label": "$5"], [:]])
    }

    func testDirection_fromPropertyEdgeOrGraph_keptOnlyWhereItDiffersFromTheKind() throws {
        var graph = PropertyGraph(isDirected: false, nodes: [node("a"), node("b")])
        graph.edges = [
            edge("a", "b", ["kind": "meetsWith"]), edge("a", "b", ["kind": "pays"]),
            edge("a", "b", ["kind": "meetsWith", "directed": "true"]),
            PropertyEdge(source: "a", target: "b", isDirected: true, properties: ["kind": "pays"]),
        ]
        XCTAssertEqual(try graph.caseFile(file: "g").caseFile.relations.map(\.directed), [nil, false, true, nil])
    }

    func testAttributes_prefixedWinOverPlain_jsonTextParsed_unknownFieldsMerged() throws {
        let graph = PropertyGraph(
            nodes: [
                node(
                    "a",
                    [
                        "role": "plain", "attr_role": "prefixed", "attrjson_n": "[1,2]",
                        "attrjson_o": .object(["k": 1]), "unknown_fields": "{\"x_new\":1}",
                    ])
            ])
        let e = try graph.caseFile(file: "g").caseFile.entities[0]
        XCTAssertEqual(e.attributes, ["role": "prefixed", "n": [1, 2], "o": ["k": 1]])
        XCTAssertEqual(e.unknownFields, ["x_new": 1])
        XCTAssertThrowsError(
            try PropertyGraph(nodes: [
                PropertyNode(
                    id: "a", properties: ["attrjson_n": "[1,"],
                    location: PropertyLocation(line: 7, context: "node \"a\""))
            ]).caseFile(file: "g")
        ) { error in
            XCTAssertTrue("\(error)".hasPrefix("g:7: node \"a\", attrjson_n: not valid JSON text"), "\(error)")
        }
    }

    func testEvidenceAndDocuments_citationsJSONAndStubs() throws {
        var graph = PropertyGraph(
            properties: ["documents": "[{\"id\":\"memo\",\"title\":\"Memo\"}]"], nodes: [node("a")])
        graph.edges = [
            edge("a", "a", ["evidence": "memo[3..<9] notes"]),
            edge("a", "a", ["evidence": .array([["document": "other", "text": "t"]])]),
        ]
        let result = try graph.caseFile(file: "g")
        let c = result.caseFile
        XCTAssertEqual(
            c.relations[0].evidence, [Evidence(document: "memo", start: 3, end: 9), Evidence(document: "notes")])
        XCTAssertEqual(c.relations[1].evidence, [Evidence(document: "other", text: "t")])
        XCTAssertEqual(
            c.documents, [Document(id: "memo", title: "Memo"), Document(id: "notes"), Document(id: "other")])
        XCTAssertEqual(
            result.notes, ["2 documents named by evidence were not in the file and were added with their id only"])
    }

    func testCaseFileProblems_locatedAtTheSourceLine() {
        let graph = PropertyGraph(
            nodes: [PropertyNode(id: "a", location: PropertyLocation(line: 3, context: "node \"a\""))],
            edges: [
                PropertyEdge(
                    source: "a", target: "a", properties: ["evidence": .array([["document": "d", "start": 5]])],
                    location: PropertyLocation(line: 9, context: "edge \"e1\""))
            ])
        XCTAssertThrowsError(try graph.caseFile(file: "in.xml")) { error in
            XCTAssertEqual(
                "\(error)",
                "in.xml:9: edge \"e1\", evidence[0]: \"start\" and \"end\" go together: give both or neither")
        }
    }
}
