import Foundation
import LinkGraph
import LinkGraphFormats
import LinkGraphGraphviz
import XCTest

/// DOT import through cgraph: our own export comes back as the case; foreign DOT keeps
/// its attributes, subgraphs and HTML-like labels.
final class DOTCaseImporterTests: XCTestCase {
    func importDOT(_ text: String) throws -> CaseImport {
        try DOTCaseImporter.caseFile(try GraphvizDOTParser.parse(text), file: "g.gv")
    }

    /// What `export --to dot` keeps of a case: names without carriage returns (escapeLabel
    /// writes them as line breaks), attributes as text and without empty ones (cgraph does
    /// not tell an empty value from an unset one), evidence as citations (no quoted text),
    /// documents as ids, no case-level or unknown fields.
    static func dotCarried(_ caseFile: CaseFile) -> CaseFile {
        var result = InterchangeFixtures.documentsAsIDs(InterchangeFixtures.normalized(caseFile))
        func carried(_ object: JSONObject) -> JSONObject {
            JSONObject(object.filter { $0.value != .string("") }.map { ($0.key, text($0.value)) })
        }
        func text(_ value: JSONValue) -> JSONValue {
            switch value {
            case .string, .array, .object: return value
            default: return .string(JSONWriter.compact(value))
            }
        }
        for i in result.entities.indices {
            result.entities[i].name = result.entities[i].name.replacingOccurrences(of: "\r", with: "\n")
            result.entities[i].attributes = carried(result.entities[i].attributes)
            result.entities[i].unknownFields = [:]
        }
        for i in result.relations.indices {
            result.relations[i].evidence = result.relations[i].evidence.map {
                Evidence(document: $0.document, start: $0.start, end: $0.end)
            }
            result.relations[i].attributes = carried(result.relations[i].attributes)
            result.relations[i].unknownFields = [:]
        }
        return result
    }

    func testRoundTrip_exportDotThenImport_exampleCase() throws {
        let caseFile = try InterchangeFixtures.exampleCase()
        let back = try importDOT(DOTWriter.write(CaseDOTExporter.graph(caseFile)))
        InterchangeFixtures.assertEqual(back.caseFile, Self.dotCarried(caseFile))
    }

    func testRoundTrip_exportDotThenImport_smallCase() throws {
        let back = try importDOT(DOTWriter.write(CaseDOTExporter.graph(InterchangeFixtures.small))).caseFile
        InterchangeFixtures.assertEqual(back, Self.dotCarried(InterchangeFixtures.small))
        // Non-text attributes come back as their JSON text, lists and objects as JSON.
        XCTAssertEqual(back.entities[0].attributes["age"], "41")
        XCTAssertEqual(back.entities[3].attributes["tags"], ["a", "b"])
    }

    func testRoundTrip_hostileNamesWithoutPipesInAliases() throws {
        // Aliases travel `|`-joined in DOT, and NUL cannot be in a C string.
        var caseFile = InterchangeFixtures.hostile
        for i in caseFile.entities.indices {
            caseFile.entities[i].aliases = caseFile.entities[i].aliases.filter { !$0.contains("|") && !$0.isEmpty }
        }
        let back = try importDOT(DOTWriter.write(CaseDOTExporter.graph(caseFile))).caseFile
        let expected = Self.dotCarried(
            InterchangeFixtures.mapStrings(caseFile) { $0.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") })
        InterchangeFixtures.assertEqual(back, expected)
    }

    func testForeignDOT_subgraphsDefaultsHTMLLabelsAndEdgeLabels() throws {
        let text = #"""
            digraph "net" {
              node [shape=box, kind=person];
              subgraph cluster_gov {
                label="Government";
                node [color=red];
                "PM" [label="Prime\nMinister"];
                minister [label=<<b>Interior</b> &amp; Security>, kind=organization];
              }
              "PM" -> minister [label=controls];
              minister -> "Agent X" [label="works for", weight=3];
              "Agent X" -> "PM" [label=<reports>, dir=none];
              "Agent X" -> "PM" [key=second, label="\N"];
            }
            """#
        let result = try importDOT(text)
        let c = result.caseFile
        XCTAssertEqual(c.entities.map(\.id), ["PM", "minister", "agent-x"])
        XCTAssertEqual(c.entities.map(\.name), ["Prime\nMinister", "Interior & Security", "Agent X"])
        XCTAssertEqual(c.entities.map(\.kind), [.person, .organization, .person])
        XCTAssertEqual(c.entities[0].attributes, ["shape": "box", "color": "red", "subgraphs": ["cluster_gov"]])
        XCTAssertEqual(c.entities[1].attributes["label"], ["html": "<b>Interior</b> &amp; Security"])
        XCTAssertEqual(c.entities[2].attributes, ["shape": "box", "original_id": "Agent X"])
        XCTAssertEqual(c.relations.map(\.kind), [.controls, "linkedTo", "linkedTo", "linkedTo"])
        XCTAssertEqual(c.relations[1].attributes, ["label": "works for"])
        XCTAssertEqual(c.relations[1].weight, 3)
        XCTAssertEqual(c.relations[2].directed, false)
        XCTAssertEqual(c.relations[2].attributes, ["label": ["html": "reports"]])
        XCTAssertEqual(c.relations[3].attributes["key"], "second")
        XCTAssertEqual(c.relations[3].attributes["label"], "Agent X->PM")
        XCTAssertEqual(result.notes.count, 1)
    }

    func testUndirectedGraph_relationsUndirected() throws {
        let c = try importDOT("graph { a -- b [kind=meetsWith]; b -- c [kind=pays] }").caseFile
        XCTAssertNil(c.relations[0].directed)
        XCTAssertEqual(c.relations[1].directed, false)
    }

    func testErrors_nameTheEdgeAndAttribute() {
        XCTAssertThrowsError(try importDOT("digraph { a -> b [confidence=2] }")) { error in
            XCTAssertEqual("\(error)", "g.gv: edge \"a\" -> \"b\", confidence: confidence 2.0 is outside 0...1")
        }
        XCTAssertThrowsError(try importDOT("digraph { a -> b [weight=heavy] }")) { error in
            XCTAssertEqual("\(error)", "g.gv: edge \"a\" -> \"b\", weight: expected a finite number, found \"heavy\"")
        }
        XCTAssertThrowsError(try importDOT("digraph { a -> b [from=yesterday] }")) { error in
            XCTAssertEqual(
                "\(error)",
                "g.gv: edge \"a\" -> \"b\", from: invalid date \"yesterday\": expected YYYY, YYYY-MM or YYYY-MM-DD")
        }
    }

    func testUnescapeAndHTMLText() {
        XCTAssertEqual(DOTCaseImporter.unescape("a\\\\b\\nc\\N\\G\\l", object: "n1", graphName: "g"), "a\\b\ncn1g\n")
        XCTAssertEqual(
            DOTCaseImporter.htmlText("<TABLE><TR><TD>A&lt;1&gt;</TD><TD>B&#233;&#x41;</TD></TR></TABLE>"), "A<1> BéA")
    }
}
