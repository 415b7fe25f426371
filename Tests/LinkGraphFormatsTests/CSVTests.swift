import Foundation
import LinkGraph
import LinkGraphFormats
import XCTest

final class CSVTests: XCTestCase {
    // MARK: The table

    func testField_quotesOnlyWhatNeedsIt() {
        XCTAssertEqual(CSVTable.field("plain"), "plain")
        XCTAssertEqual(CSVTable.field(""), "\"\"")
        XCTAssertEqual(CSVTable.field("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVTable.field("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVTable.field("two\nlines"), "\"two\nlines\"")
        XCTAssertEqual(CSVTable.field(" padded"), "\" padded\"")
        XCTAssertEqual(CSVTable.field("سلیم"), "سلیم")
    }

    func testParse_absentEmptyQuotedMultilineAndLineEnds() throws {
        let text =
            "\u{FEFF}id,name,note\r\na,\"\",\r\n\"b\",\"two\r\nlines, and \"\"quotes\"\"\",x\n\nc,C,\"\"\"\"\rd,D,last"
        let table = try CSVTable.parse(Data(text.utf8), file: "t.csv")
        XCTAssertEqual(table.header, ["id", "name", "note"])
        XCTAssertEqual(
            table.rows,
            [["a", "", nil], ["b", "two\r\nlines, and \"quotes\"", "x"], ["c", "C", "\""], ["d", "D", "last"]])
        XCTAssertEqual(table.lines, [2, 3, 6, 7])
        XCTAssertEqual(try CSVTable.parse(Data(table.text().utf8), file: "t.csv").rows, table.rows)
    }

    func testParse_errorsNameLineAndColumn() {
        func check(_ text: String, _ expected: String, line: UInt = #line) {
            XCTAssertThrowsError(try CSVTable.parse(Data(text.utf8), file: "t.csv"), line: line) { error in
                XCTAssertEqual("\(error)", expected, line: line)
            }
        }
        check("id,name\na,\"open\nstill open", "t.csv:2:3: a quoted field is not closed before the end of the file")
        check(
            "id,name\nab\"c,d",
            "t.csv:2:3: a quote inside an unquoted field (quote the whole field and double the quote)")
        check(
            "id,name\n\"a\"b,c",
            "t.csv:2:4: text after the closing quote of a field (double a quote inside a quoted field: \"\")")
        check("id,name\na,b,c", "t.csv:2: the row has 3 fields, the header has 2")
        check("", "t.csv:1:1: the file is empty: expected a header row")
        check("id,,x\n", "t.csv:1: header column 2 has no name")
        check("id,id\n", "t.csv:1: the header names the column \"id\" twice")
        XCTAssertThrowsError(try CSVTable.parse(Data([0x69, 0x64, 0x0A, 0xFF, 0xFE]), file: "t.csv")) { error in
            XCTAssertTrue("\(error)".contains("not valid UTF-8"), "\(error)")
        }
    }

    // MARK: The case tables

    func testWrite_smallCase_snapshot() {
        let tables = CaseCSV.write(InterchangeFixtures.small)
        XCTAssertEqual(
            tables.entities,
            #"""
            id,name,kind,aliases,attr_role,attrjson_age,unknown_fields,attrjson_active,attrjson_tags
            courier,The Courier,person,"[""C."",""the man""]",go-between,41,,,
            bureau,Bureau Nine,organization,,service,"""old""",,,
            capital,Capital,place,,,,"{""x_new"":true}",,
            cell-7,Cell 7,armed group,,,,,true,"[""a"",""b""]"

            """#)
        XCTAssertEqual(
            tables.relations,
            #"""
            source,target,kind,directed,confidence,from,until,evidence,attrjson_channel,weight,unknown_fields
            courier,bureau,reportsTo,true,0.8,2014,2015-02,"[{""document"":""memo"",""start"":10,""end"":42,""text"":""he reported""}]","""dead drop""",,
            courier,bureau,pays,true,,,,"[{""document"":""notes""}]",7,2.5,
            bureau,cell-7,meetsWith,false,,2014-12-03,,,,,
            cell-7,capital,locatedIn,false,,,2016,,,,
            capital,courier,smuggles,true,,,,,,,"{""extra"":{""n"":1}}"

            """#)
        XCTAssertEqual(
            tables.documents,
            #"""
            id,title,source,sha256,unknown_fields
            memo,A memo,memo.txt,\#(String(repeating: "ab", count: 32)),
            notes,,,,"{""pages"":3}"

            """#)
    }

    func read(_ tables: CaseCSV.Tables) throws -> CaseImport {
        try CaseCSV.read(
            entities: .init(data: Data(tables.entities.utf8), file: "x.entities.csv"),
            relations: .init(data: Data(tables.relations.utf8), file: "x.relations.csv"),
            documents: tables.documents.map { .init(data: Data($0.utf8), file: "x.documents.csv") })
    }

    func testRoundTrip_smallExampleAndHostileCases_exact() throws {
        for caseFile in [InterchangeFixtures.small, try InterchangeFixtures.exampleCase(), InterchangeFixtures.hostile]
        {
            let back = try read(CaseCSV.write(caseFile))
            var expected = InterchangeFixtures.normalized(caseFile)
            expected.unknownFields = [:]  // CSV has no place for case-level fields
            InterchangeFixtures.assertEqual(back.caseFile, expected)
            XCTAssertEqual(back.notes, [])
        }
    }

    func testRead_relationsOnly_makesEntitiesForEndpoints() throws {
        let relations = "Source,Target,Type,Weight,Label\nalice,bob,Undirected,2,met\nbob,Carol D.,Directed,,funds\n"
        let result = try CaseCSV.read(entities: nil, relations: .init(data: Data(relations.utf8), file: "edges.csv"))
        let c = result.caseFile
        XCTAssertEqual(c.entities.map(\.id), ["alice", "bob", "carol-d"])
        XCTAssertEqual(c.entities.map(\.name), ["alice", "bob", "Carol D."])
        XCTAssertEqual(c.entities.map(\.kind), [.other, .other, .other])
        XCTAssertEqual(c.relations.map(\.kind), ["met", "funds"])
        XCTAssertEqual(c.relations[0].directed, false)
        XCTAssertEqual(c.relations[0].weight, 2)
        XCTAssertNil(c.relations[1].directed)
        XCTAssertEqual(result.notes.count, 2)
    }

    func testRead_errorsNameTheTableLineAndColumn() {
        func check(entities: String?, relations: String, _ expected: String, line: UInt = #line) {
            XCTAssertThrowsError(
                try CaseCSV.read(
                    entities: entities.map { .init(data: Data($0.utf8), file: "e.csv") },
                    relations: .init(data: Data(relations.utf8), file: "r.csv")),
                line: line
            ) { error in
                XCTAssertEqual("\(error)", expected, line: line)
            }
        }
        let entities = "id,name,kind\na,A,person\nb,B,person\n"
        check(
            entities: entities, relations: "source,target,kind,confidence\na,b,pays,0.5\na,b,pays,high\n",
            "r.csv:3: confidence: expected a finite number, found \"high\"")
        check(
            entities: entities, relations: "source,target,kind,confidence\na,b,pays,1.5\n",
            "r.csv:2: confidence: confidence 1.5 is outside 0...1")
        check(
            entities: entities, relations: "source,target,kind,from\na,b,pays,2014-13\n",
            "r.csv:2: from: invalid date \"2014-13\": expected YYYY, YYYY-MM or YYYY-MM-DD")
        check(entities: entities, relations: "source,target\na,c\n", "r.csv:2: target: no node has the id \"c\"")
        check(
            entities: entities + "a,Again,person\n", relations: "source,target\n",
            "e.csv:4: id: duplicate node id \"a\" (first at line 2)")
        check(
            entities: "name,kind\nA,person\n", relations: "source,target\n",
            "e.csv:1: the entities table has no id column (header: name,kind)")
        check(
            entities: entities, relations: "from,to\na,b\n",
            "r.csv:1: the relations table needs source and target columns (header: from,to)")
        check(
            entities: entities, relations: "source,target,directed\na,b,maybe\n",
            "r.csv:2: directed: expected true or false, found \"maybe\"")
        check(
            entities: entities, relations: "source,target,evidence\na,b,[{\"document\":1}]\n",
            "r.csv:2:7: a quote inside an unquoted field (quote the whole field and double the quote)")
        check(
            entities: entities, relations: "source,target,evidence\na,b,\"[{\"\"document\"\":1}]\"\n",
            "r.csv:2: evidence[0].document: expected a string, found a number")
    }

    func testSiblingsAndTableKinds() {
        XCTAssertEqual(CaseCSV.siblings(of: "/d/x.entities.csv")?[.relations], "/d/x.relations.csv")
        XCTAssertEqual(CaseCSV.siblings(of: "/d/entities.csv")?[.relations], "/d/relations.csv")
        XCTAssertEqual(CaseCSV.siblings(of: "/d/x.relations.csv")?[.entities], "/d/x.entities.csv")
        XCTAssertEqual(CaseCSV.siblings(of: "/d/x_documents.csv")?[.entities], "/d/x_entities.csv")
        XCTAssertNil(CaseCSV.siblings(of: "/d/myentities.csv"))
        XCTAssertNil(CaseCSV.siblings(of: "/d/people.csv"))
        XCTAssertEqual(CaseCSV.kind(ofHeader: ["Id", "Label"]), .entities)
        XCTAssertEqual(CaseCSV.kind(ofHeader: ["Source", "Target", "Weight"]), .relations)
        XCTAssertEqual(CaseCSV.kind(ofHeader: ["id", "title", "sha256"]), .documents)
        XCTAssertNil(CaseCSV.kind(ofHeader: ["name"]))
        XCTAssertEqual(CaseCSV.paths(output: "out/x.csv", isDirectory: false).entities, "out/x.entities.csv")
        XCTAssertEqual(CaseCSV.paths(output: "out", isDirectory: true).relations, "out/relations.csv")
    }
}
