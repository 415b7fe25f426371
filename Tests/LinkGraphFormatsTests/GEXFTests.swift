import Foundation
import LinkGraph
import LinkGraphFormats
import XCTest

final class GEXFTests: XCTestCase {
    func read(_ text: String, file: String = "test.gexf") throws -> CaseImport {
        try GEXFReader.readCase(Data(text.utf8), file: file)
    }

    func testWrite_smallCase_snapshot() {
        let caseFile = CaseFile(
            entities: [
                Entity(id: "a", name: "Ann \"A\"", kind: .person, attributes: ["role": "go-between"]),
                Entity(id: "b", name: "B", kind: .organization),
            ],
            relations: [
                Relation(
                    source: "a", target: "b", kind: .reportsTo, weight: 2, confidence: 0.5, from: PartialDate("2014"),
                    until: PartialDate("2015-02")),
                Relation(source: "b", target: "a", kind: .meetsWith, from: PartialDate("2016-02-29")),
                Relation(source: "a", target: "b", kind: .pays),
            ])
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
              <meta>
                <creator>LinkGraph</creator>
              </meta>
              <graph defaultedgetype="directed" mode="dynamic" timeformat="date">
                <attributes class="node">
                  <attribute id="n0" title="kind" type="string"/>
                  <attribute id="n1" title="attr_role" type="string"/>
                </attributes>
                <attributes class="edge">
                  <attribute id="e0" title="kind" type="string"/>
                  <attribute id="e1" title="directed" type="boolean"/>
                  <attribute id="e2" title="confidence" type="double"/>
                  <attribute id="e3" title="from" type="string"/>
                  <attribute id="e4" title="until" type="string"/>
                </attributes>
                <nodes>
                  <node id="a" label="Ann &quot;A&quot;">
                    <attvalues>
                      <attvalue for="n0" value="person"/>
                      <attvalue for="n1" value="go-between"/>
                    </attvalues>
                  </node>
                  <node id="b" label="B">
                    <attvalues>
                      <attvalue for="n0" value="organization"/>
                    </attvalues>
                  </node>
                </nodes>
                <edges>
                  <edge id="0" source="a" target="b" kind="reportsTo" weight="2">
                    <attvalues>
                      <attvalue for="e0" value="reportsTo"/>
                      <attvalue for="e1" value="true"/>
                      <attvalue for="e2" value="0.5"/>
                      <attvalue for="e3" value="2014"/>
                      <attvalue for="e4" value="2015-02"/>
                    </attvalues>
                    <spells>
                      <spell start="2014-01-01" end="2015-02-28"/>
                    </spells>
                  </edge>
                  <edge id="1" source="b" target="a" kind="meetsWith">
                    <attvalues>
                      <attvalue for="e0" value="meetsWith"/>
                      <attvalue for="e1" value="false"/>
                      <attvalue for="e3" value="2016-02-29"/>
                    </attvalues>
                    <spells>
                      <spell start="2016-02-29"/>
                    </spells>
                  </edge>
                  <edge id="2" source="a" target="b" kind="pays">
                    <attvalues>
                      <attvalue for="e0" value="pays"/>
                      <attvalue for="e1" value="true"/>
                    </attvalues>
                  </edge>
                </edges>
              </graph>
            </gexf>

            """
        XCTAssertEqual(GEXFWriter.write(caseFile), expected)
    }

    func testSpells_partialDatesExpandToIntervalBounds() {
        func spell(_ from: String?, _ until: String?) -> String {
            let r = Relation(
                source: "a", target: "a", kind: .pays, from: from.flatMap(PartialDate.init),
                until: until.flatMap(PartialDate.init))
            let text = GEXFWriter.write(CaseFile(entities: [Entity(id: "a", name: "A", kind: .person)], relations: [r]))
            guard let line = text.split(separator: "\n").first(where: { $0.contains("<spell ") }) else { return "none" }
            return line.trimmingCharacters(in: .whitespaces)
        }
        XCTAssertEqual(spell("2014", "2014"), "<spell start=\"2014-01-01\" end=\"2014-12-31\"/>")
        XCTAssertEqual(spell("2014-12", "2015"), "<spell start=\"2014-12-01\" end=\"2015-12-31\"/>")
        XCTAssertEqual(spell(nil, "2016-02"), "<spell end=\"2016-02-29\"/>")
        XCTAssertEqual(spell(nil, "2015-02"), "<spell end=\"2015-02-28\"/>")
        XCTAssertEqual(spell("2019-10-05", nil), "<spell start=\"2019-10-05\"/>")
        XCTAssertEqual(spell(nil, nil), "none")
    }

    /// GEXF has no graph attributes: documents come back as ids, case fields are lost.
    func testRoundTrip_smallAndExampleCases_exactButDocumentsAsIDs() throws {
        for caseFile in [InterchangeFixtures.small, try InterchangeFixtures.exampleCase()] {
            let back = try read(GEXFWriter.write(caseFile))
            InterchangeFixtures.assertEqual(
                back.caseFile, InterchangeFixtures.documentsAsIDs(InterchangeFixtures.normalized(caseFile)))
            XCTAssertEqual(back.notes.count, 1, "\(back.notes)")
        }
    }

    func testRoundTrip_hostileNames_exactExceptCharactersXMLCannotHold() throws {
        let caseFile = InterchangeFixtures.hostile
        let back = try read(GEXFWriter.write(caseFile)).caseFile
        let expected = InterchangeFixtures.mapStrings(caseFile, plainTextOnly: true, XMLEscaping.representable)
        InterchangeFixtures.assertEqual(
            back, InterchangeFixtures.documentsAsIDs(InterchangeFixtures.normalized(expected)))
    }

    func testRead_gephiFile_numericIdsDefaultsUndirectedAndSpells() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
              <graph defaultedgetype="undirected" mode="dynamic" timeformat="date">
                <attributes class="node" mode="static">
                  <attribute id="0" title="Modularity Class" type="integer"><default>0</default></attribute>
                  <attribute id="1" title="score" type="float"/>
                </attributes>
                <attributes class="edge" mode="static">
                  <attribute id="0" title="note" type="string"/>
                </attributes>
                <nodes>
                  <node id="0" label="Alpha"><attvalues><attvalue for="0" value="2"/><attvalue for="1" value="0.25"/></attvalues></node>
                  <node id="1" label="Beta"/>
                </nodes>
                <edges>
                  <edge id="0" source="0" target="1" weight="3.0" label="allied">
                    <spells><spell start="2014-03-01" end="2014-06-30"/><spell start="2013-01-01" end="2013-02-01"/></spells>
                  </edge>
                  <edge id="1" source="1" target="0" type="directed" start="2015-01-01T00:00:00">
                    <attvalues><attvalue for="0" value="x &amp; y"/></attvalues>
                  </edge>
                </edges>
              </graph>
            </gexf>
            """
        let c = try read(text).caseFile
        XCTAssertEqual(c.entities.map(\.name), ["Alpha", "Beta"])
        XCTAssertEqual(c.entities[0].attributes, ["Modularity Class": 2, "score": 0.25])
        XCTAssertEqual(c.entities[1].attributes, ["Modularity Class": 0])
        XCTAssertEqual(c.relations[0].kind, "allied")
        XCTAssertEqual(c.relations[0].directed, false)
        XCTAssertEqual(c.relations[0].weight, 3)
        XCTAssertEqual(c.relations[0].from, PartialDate("2013-01-01"))
        XCTAssertEqual(c.relations[0].until, PartialDate("2014-06-30"))
        XCTAssertEqual(
            c.relations[0].attributes["spells"], [["2014-03-01", "2014-06-30"], ["2013-01-01", "2013-02-01"]])
        XCTAssertEqual(c.relations[1].kind, "linkedTo")
        XCTAssertNil(c.relations[1].directed)
        XCTAssertEqual(c.relations[1].from, PartialDate("2015-01-01"))
        XCTAssertEqual(c.relations[1].attributes["note"], "x & y")
    }

    func testMalformed_errorsNameFileLineAndField() {
        func check(_ text: String, _ expected: String, line: UInt = #line) {
            XCTAssertThrowsError(try read(text, file: "g.gexf"), line: line) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(error)", line: line)
            }
        }
        check("<gexf><graph>\n<nodes><node id=\"a\"></nodes></graph></gexf>", "g.gexf:2:")
        check(
            "<gexf><graph><nodes>\n<node id=\"a\"><attvalues><attvalue for=\"9\" value=\"1\"/></attvalues></node></nodes></graph></gexf>",
            "g.gexf:2: <attvalue for=\"9\">: no node <attribute> has that id")
        check(
            "<gexf><graph><attributes class=\"node\"><attribute id=\"s\" title=\"score\" type=\"double\"/></attributes><nodes>\n\n<node id=\"a\"><attvalues><attvalue for=\"s\" value=\"high\"/></attvalues></node></nodes></graph></gexf>",
            "g.gexf:3: score: expected a number, found \"high\"")
        check(
            "<gexf><graph><nodes><node id=\"a\"/></nodes><edges>\n<edge source=\"a\" target=\"b\"/></edges></graph></gexf>",
            "g.gexf:2: edge a → b, target: no node has the id \"b\"")
        check(
            "<gexf><graph><nodes/><edges>\n<edge source=\"a\"/></edges></graph></gexf>",
            "g.gexf:2: <edge> needs both source and target")
        check("<graphml/>", "not a GEXF file")
        check(
            "<?xml version=\"1.0\"?><!DOCTYPE gexf [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><gexf/>",
            "g.gexf:1: refused")
    }
}
