import Foundation
import LinkGraph
import LinkGraphFormats
import XCTest

final class NodeLinkTests: XCTestCase {
    func testWrite_snapshot_networkXShapeWithKeysForParallelEdges() {
        let caseFile = CaseFile(
            documents: [Document(id: "d")],
            entities: [
                Entity(id: "a", name: "A", kind: .person, aliases: ["Ay"], attributes: ["n": 1]),
                Entity(id: "b", name: "B", kind: .place),
            ],
            relations: [
                Relation(
                    source: "a", target: "b", kind: .locatedIn, evidence: [Evidence(document: "d", start: 0, end: 3)]),
                Relation(source: "a", target: "b", kind: .pays, weight: 0.5),
                Relation(source: "b", target: "a", kind: .meetsWith),
            ])
        XCTAssertEqual(
            NodeLinkJSON.write(caseFile),
            """
            {
              "directed": true,
              "multigraph": true,
              "graph": {
                "documents": [
                  {
                    "id": "d"
                  }
                ]
              },
              "nodes": [
                {
                  "name": "A",
                  "kind": "person",
                  "aliases": [
                    "Ay"
                  ],
                  "attr_n": 1,
                  "id": "a"
                },
                {
                  "name": "B",
                  "kind": "place",
                  "id": "b"
                }
              ],
              "links": [
                {
                  "kind": "locatedIn",
                  "directed": true,
                  "evidence": [
                    {
                      "document": "d",
                      "start": 0,
                      "end": 3
                    }
                  ],
                  "source": "a",
                  "target": "b",
                  "key": 0
                },
                {
                  "kind": "pays",
                  "directed": true,
                  "weight": 0.5,
                  "source": "a",
                  "target": "b",
                  "key": 1
                },
                {
                  "kind": "meetsWith",
                  "directed": false,
                  "source": "b",
                  "target": "a",
                  "key": 0
                }
              ]
            }

            """)
    }

    func read(_ text: String, file: String = "g.json") throws -> CaseImport {
        try NodeLinkJSON.readCase(Data(text.utf8), file: file)
    }

    func testRoundTrip_smallExampleAndHostileCases_exact() throws {
        for caseFile in [InterchangeFixtures.small, try InterchangeFixtures.exampleCase(), InterchangeFixtures.hostile]
        {
            let back = try read(NodeLinkJSON.write(caseFile))
            InterchangeFixtures.assertEqual(back.caseFile, InterchangeFixtures.normalized(caseFile))
            XCTAssertEqual(back.notes, [])
        }
    }

    func testRead_networkXDefaultEdgesKeyAndNumericIds() throws {
        let text = """
            {"directed": false, "multigraph": false, "graph": {"name": "karate"},
             "nodes": [{"club": "Mr. Hi", "id": 0}, {"club": "Officer", "id": 1}],
             "edges": [{"weight": 4, "source": 0, "target": 1}]}
            """
        let c = try read(text).caseFile
        XCTAssertEqual(c.entities.map(\.id), ["0", "1"])
        XCTAssertEqual(c.entities[0].attributes, ["club": "Mr. Hi"])
        XCTAssertEqual(c.relations[0].kind, "linkedTo")
        XCTAssertEqual(c.relations[0].directed, false)
        XCTAssertEqual(c.relations[0].weight, 4)
        XCTAssertEqual(c.unknownFields, [:])
    }

    func testIsNodeLink_distinguishesCaseFiles() throws {
        XCTAssertTrue(NodeLinkJSON.isNodeLink(try JSONParser.parse("{\"nodes\": [], \"links\": []}")))
        XCTAssertTrue(NodeLinkJSON.isNodeLink(try JSONParser.parse("{\"nodes\": [], \"edges\": []}")))
        XCTAssertFalse(NodeLinkJSON.isNodeLink(try JSONParser.parse("{\"version\": 1, \"entities\": []}")))
        XCTAssertFalse(NodeLinkJSON.isNodeLink(try JSONParser.parse("[1]")))
    }

    func testMalformed_errorsNameThePath() {
        func check(_ text: String, _ expected: String, line: UInt = #line) {
            XCTAssertThrowsError(try read(text), line: line) { error in XCTAssertEqual("\(error)", expected, line: line)
            }
        }
        check("{\"nodes\": [\n{\"id\": \"a\",}]}", "g.json:2:12: invalid JSON: expected a member name in double quotes")
        check("{\"nodes\": [{\"name\": \"x\"}], \"links\": []}", "g.json: nodes[0].id: required field is missing")
        check(
            "{\"nodes\": [{\"id\": \"a\"}], \"links\": [{\"source\": \"a\"}]}",
            "g.json: links[0].target: required field is missing")
        check(
            "{\"nodes\": [{\"id\": \"a\"}], \"links\": [{\"source\": \"a\", \"target\": \"z\"}]}",
            "g.json: links[0], target: no node has the id \"z\"")
        check(
            "{\"nodes\": [{\"id\": null}], \"links\": []}",
            "g.json: nodes[0].id: expected a string or number, found null")
        check(
            "{\"nodes\": [{\"id\": \"a\"}], \"links\": [{\"source\": \"a\", \"target\": \"a\", \"confidence\": 2}]}",
            "g.json: links[0], confidence: confidence 2.0 is outside 0...1")
        check("{\"nodes\": {}, \"links\": []}", "g.json: nodes: expected an array of node objects")
    }
}
