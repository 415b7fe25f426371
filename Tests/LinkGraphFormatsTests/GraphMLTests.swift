import Foundation
import LinkGraph
import LinkGraphFormats
import XCTest

final class GraphMLTests: XCTestCase {
    func read(_ text: String, file: String = "test.graphml") throws -> CaseImport {
        try GraphMLReader.readCase(Data(text.utf8), file: file)
    }

    func testWrite_smallCase_snapshot() {
        let caseFile = CaseFile(
            documents: [Document(id: "memo", title: "A & B")],
            entities: [
                Entity(id: "a", name: "Ann <A>", kind: .person, aliases: ["Annie"], attributes: ["age": 41]),
                Entity(id: "b", name: "Bureau", kind: .organization),
            ],
            relations: [
                Relation(
                    source: "a", target: "b", kind: .reportsTo, confidence: 0.9, from: PartialDate("2014"),
                    evidence: [Evidence(document: "memo", start: 1, end: 5)]),
                Relation(source: "b", target: "a", kind: .meetsWith, weight: 2),
            ])
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
              <key id="d0" for="graph" attr.name="documents" attr.type="string"/>
              <key id="d1" for="node" attr.name="label" attr.type="string"/>
              <key id="d2" for="node" attr.name="kind" attr.type="string"/>
              <key id="d3" for="node" attr.name="aliases" attr.type="string"/>
              <key id="d4" for="node" attr.name="attr_age" attr.type="long"/>
              <key id="d5" for="edge" attr.name="kind" attr.type="string"/>
              <key id="d6" for="edge" attr.name="directed" attr.type="boolean"/>
              <key id="d7" for="edge" attr.name="confidence" attr.type="double"/>
              <key id="d8" for="edge" attr.name="from" attr.type="string"/>
              <key id="d9" for="edge" attr.name="evidence" attr.type="string"/>
              <key id="d10" for="edge" attr.name="weight" attr.type="double"/>
              <graph id="case" edgedefault="directed">
                <data key="d0">[{"id":"memo","title":"A &amp; B"}]</data>
                <node id="a">
                  <data key="d1">Ann &lt;A&gt;</data>
                  <data key="d2">person</data>
                  <data key="d3">["Annie"]</data>
                  <data key="d4">41</data>
                </node>
                <node id="b">
                  <data key="d1">Bureau</data>
                  <data key="d2">organization</data>
                </node>
                <edge id="e0" source="a" target="b">
                  <data key="d5">reportsTo</data>
                  <data key="d6">true</data>
                  <data key="d7">0.9</data>
                  <data key="d8">2014</data>
                  <data key="d9">[{"document":"memo","start":1,"end":5}]</data>
                </edge>
                <edge id="e1" source="b" target="a">
                  <data key="d5">meetsWith</data>
                  <data key="d6">false</data>
                  <data key="d10">2</data>
                </edge>
              </graph>
            </graphml>

            """
        XCTAssertEqual(GraphMLWriter.write(caseFile), expected)
    }

    func testRoundTrip_smallCase_exact() throws {
        let caseFile = InterchangeFixtures.small
        let back = try read(GraphMLWriter.write(caseFile))
        InterchangeFixtures.assertEqual(back.caseFile, InterchangeFixtures.normalized(caseFile))
        XCTAssertEqual(back.notes, [])
    }

    func testRoundTrip_exampleCase_exact() throws {
        let caseFile = try InterchangeFixtures.exampleCase()
        InterchangeFixtures.assertEqual(
            try read(GraphMLWriter.write(caseFile)).caseFile, InterchangeFixtures.normalized(caseFile))
    }

    func testRoundTrip_hostileNames_exactExceptCharactersXMLCannotHold() throws {
        let caseFile = InterchangeFixtures.hostile
        let text = GraphMLWriter.write(caseFile)
        XCTAssertFalse(text.unicodeScalars.contains("\u{0}"))
        XCTAssertTrue(text.contains("nul\u{FFFD}byte"))
        let back = try read(text).caseFile
        InterchangeFixtures.assertEqual(
            back,
            InterchangeFixtures.normalized(
                InterchangeFixtures.mapStrings(caseFile, plainTextOnly: true, XMLEscaping.representable)))
        // Everything XML can hold is exact: the CR, CRLF, tab and leading spaces too.
        XCTAssertEqual(back.entities[5].name, "cr\rreturn")
        XCTAssertEqual(back.entities[6].name, "crlf\r\nend")
        XCTAssertEqual(back.entities[21].attributes["note"], " leading and trailing ")
        // Strings inside JSON text (aliases, evidence) keep even NUL, as a JSON escape.
        XCTAssertEqual(back.entities[8].aliases.first, "nul\u{0}byte")
    }

    func testRead_networkXStyleFile_typesDefaultsAndParallelEdges() throws {
        let text = """
            <?xml version='1.0' encoding='utf-8'?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="d0" for="node" attr.name="size" attr.type="int"><default>1</default></key>
              <key id="d1" for="edge" attr.name="weight" attr.type="float"/>
              <key id="d2" for="edge" attr.name="label" attr.type="string"/>
              <key id="d3" for="node" attr.name="vip" attr.type="boolean"/>
              <graph edgedefault="undirected">
                <node id="A"><data key="d0">3</data><data key="d3">True</data></node>
                <node id="b c"/>
                <edge source="A" target="b c"><data key="d1">0.5</data><data key="d2">funds</data></edge>
                <edge source="A" target="b c"><data key="d2">works for</data></edge>
              </graph>
            </graphml>
            """
        let result = try read(text)
        let c = result.caseFile
        XCTAssertEqual(c.entities.map(\.id), ["A", "b-c"])
        XCTAssertEqual(c.entities[0].attributes, ["size": 3, "vip": true])
        XCTAssertEqual(c.entities[1].name, "b c")
        XCTAssertEqual(c.entities[1].kind, .other)
        XCTAssertEqual(c.entities[1].attributes, ["size": 1, "original_id": "b c"])
        XCTAssertEqual(c.relations.count, 2)
        XCTAssertEqual(c.relations[0].kind, "funds")
        XCTAssertEqual(c.relations[0].weight, 0.5)
        XCTAssertEqual(c.relations[0].directed, false)
        XCTAssertEqual(c.relations[1].kind, "linkedTo")
        XCTAssertEqual(c.relations[1].attributes["label"], "works for")
        XCTAssertEqual(c.relations[1].target, "b-c")
        XCTAssertEqual(result.notes.count, 1)
        XCTAssertTrue(result.notes[0].contains("original_id"), result.notes[0])
    }

    func testRead_yEdFile_labelFromNodeGraphicsAndGroups() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
              <key for="node" id="d6" yfiles.type="nodegraphics"/>
              <key for="edge" id="d10" yfiles.type="edgegraphics"/>
              <graph edgedefault="directed" id="G">
                <node id="n0" yfiles.foldertype="group">
                  <data key="d6"><y:ProxyAutoBoundsNode><y:Realizers><y:GroupNode><y:NodeLabel>Ministry</y:NodeLabel></y:GroupNode></y:Realizers></y:ProxyAutoBoundsNode></data>
                  <graph edgedefault="directed" id="n0:">
                    <node id="n0::n0"><data key="d6"><y:ShapeNode><y:Geometry x="1" y="2"/><y:NodeLabel>Deputy
            Minister</y:NodeLabel></y:ShapeNode></data></node>
                  </graph>
                </node>
                <edge id="e0" source="n0::n0" target="n0"><data key="d10"><y:PolyLineEdge><y:EdgeLabel>memberOf</y:EdgeLabel></y:PolyLineEdge></data></edge>
              </graph>
            </graphml>
            """
        let c = try read(text).caseFile
        XCTAssertEqual(c.entities.map(\.name), ["Ministry", "Deputy\nMinister"])
        XCTAssertEqual(c.entities[1].id, "n0-n0")
        XCTAssertEqual(c.entities[1].attributes["parent"], "n0")
        XCTAssertEqual(c.relations.map(\.kind), [.memberOf])
        XCTAssertEqual(c.relations[0].source, "n0-n0")
    }

    // MARK: Malformed input

    func assertFormatError(
        _ text: String, contains expected: [String], file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertThrowsError(try read(text, file: "in.graphml"), file: file, line: line) { error in
            XCTAssertTrue(error is FormatError, "\(type(of: error)): \(error)", file: file, line: line)
            let message = "\(error)"
            for part in expected {
                XCTAssertTrue(
                    message.contains(part), "\(message.debugDescription) lacks \(part.debugDescription)", file: file,
                    line: line)
            }
        }
    }

    func testMalformed_notWellFormed_namesFileAndLine() {
        assertFormatError(
            "<graphml>\n<graph>\n<node id=\"a\">\n</graph>\n</graphml>",
            contains: ["in.graphml:4:", "not well-formed XML"])
        assertFormatError(
            "<graphml>\n<graph>\n<node id=\"a\" id=\"b\"/>", contains: ["in.graphml:3:", "not well-formed XML"])
        assertFormatError("", contains: ["in.graphml:1"])
        assertFormatError("{\"nodes\": []}", contains: ["in.graphml:1", "not well-formed XML"])
    }

    func testMalformed_wrongContent_namesLineAndField() {
        assertFormatError("<svg/>", contains: ["in.graphml:1:", "not a GraphML file"])
        assertFormatError(
            "<graphml>\n<graph>\n<node id=\"a\"><data key=\"k\">x</data></node></graph></graphml>",
            contains: ["in.graphml:3:", "no <key> has that id"])
        assertFormatError(
            "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n<graph>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"a\">\n<data key=\"w\">heavy</data></edge></graph></graphml>",
            contains: ["in.graphml:5: weight: expected a number, found \"heavy\""])
        assertFormatError(
            "<graphml><key id=\"c\" for=\"edge\" attr.name=\"confidence\" attr.type=\"double\"/><graph>\n<node id=\"a\"/>\n\n<edge id=\"x\" source=\"a\" target=\"a\"><data key=\"c\">1.5</data></edge></graph></graphml>",
            contains: ["in.graphml:4: edge \"x\", confidence: confidence 1.5 is outside 0...1"])
        assertFormatError(
            "<graphml><graph>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"ghost\"/></graph></graphml>",
            contains: ["in.graphml:3:", "target: no node has the id \"ghost\""])
        assertFormatError(
            "<graphml><graph>\n<node id=\"a\"/>\n<node id=\"a\"/></graph></graphml>",
            contains: ["in.graphml:3:", "duplicate node id \"a\" (first at line 2)"])
        assertFormatError("<graphml><graph><hyperedge/></graph></graphml>", contains: ["hyperedges are not supported"])
        assertFormatError(
            "<graphml><key id=\"k\" for=\"node\" attr.name=\"x\" attr.type=\"vector\"/></graphml>",
            contains: ["unknown attr.type \"vector\""])
    }

    // MARK: Hostile input

    func testHostile_externalEntity_refusedAndNoFileContentRead() throws {
        let secret = try TemporaryFile(contents: "TOP-SECRET-\(UUID().uuidString)")
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE graphml [<!ENTITY xxe SYSTEM "file://\(secret.path)">]>
            <graphml><key id="n" for="node" attr.name="label" attr.type="string"/><graph><node id="a"><data key="n">&xxe;</data></node></graph></graphml>
            """
        XCTAssertThrowsError(try read(text)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("test.graphml:2: refused"), message)
            XCTAssertFalse(message.contains("TOP-SECRET"), message)
        }
        // Even hidden after a comment and a processing instruction.
        XCTAssertThrowsError(
            try read(
                "<?xml version=\"1.0\"?>\n<!-- c -->\n<?pi x?>\n<!DOCTYPE g SYSTEM \"file://\(secret.path)\">\n<graphml/>"
            )
        ) { error in
            XCTAssertTrue("\(error)".contains("test.graphml:4: refused"), "\(error)")
        }
    }

    func testHostile_billionLaughs_refusedQuickly() {
        var entities = "<!ENTITY l0 \"lol\">"
        for i in 1...12 { entities += "<!ENTITY l\(i) \"" + String(repeating: "&l\(i - 1);", count: 10) + "\">" }
        let text =
            "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [\(entities)]>\n<graphml><graph><node id=\"&l12;\"/></graph></graphml>"
        let start = Date()
        XCTAssertThrowsError(try read(text)) { error in
            XCTAssertEqual(
                error as? FormatError,
                .refused(
                    file: "test.graphml", line: 2,
                    message: (error as? FormatError).map {
                        if case .refused(_, _, let m) = $0 { return m } else { return "" }
                    } ?? ""))
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 1)
    }

    func testHostile_deepNesting_refused() {
        let text =
            "<graphml>" + String(repeating: "<x>", count: 5000) + String(repeating: "</x>", count: 5000) + "</graphml>"
        XCTAssertThrowsError(try read(text)) { error in
            XCTAssertTrue("\(error)".contains("refused") || "\(error)".contains("not well-formed"), "\(error)")
        }
    }

    func testHostile_utf16_refusedWithAdvice() {
        var data = Data([0xFF, 0xFE])
        data.append("<graphml/>".data(using: .utf16LittleEndian)!)
        XCTAssertThrowsError(try GraphMLReader.read(data, file: "u.graphml")) { error in
            XCTAssertTrue("\(error)".contains("convert the file to UTF-8"), "\(error)")
        }
    }
}

/// A file removed when the test ends.
final class TemporaryFile {
    let path: String

    init(contents: String) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("linkgraph-\(UUID().uuidString)").path
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
