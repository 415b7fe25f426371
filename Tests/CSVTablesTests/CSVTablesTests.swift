import LinkGraph
import LinkGraphPlugin
import XCTest

@testable import CSVTables

final class CSVTablesExtractorTests: XCTestCase {
    let extractor = CSVTablesExtractor()

    func request(_ text: String, options: JSONObject = [:]) -> ExtractionRequest {
        ExtractionRequest(
            id: "table", mediaType: "text/csv", text: text, metadata: ["path": "in/table.csv"], options: options)
    }

    func testEntitiesTable_idsAliasesKindsAttributesAndMentions() throws {
        let text =
            "ID,Name,Kind,Aliases,Role,Notes\nmq,Mara Quill,person,\"M. Quill; Quill\",courier,\nht,Harbor Trust,organization,,,\"front, maybe\"\n"
        let extraction = try extractor.extract(request(text))
        XCTAssertEqual(extraction.entities.map(\.id), ["mq", "ht"])
        XCTAssertEqual(extraction.entities[0].aliases, ["M. Quill", "Quill"])
        XCTAssertEqual(extraction.entities[0].kind, .person)
        XCTAssertEqual(extraction.entities[0].attributes, ["Role": "courier"])
        XCTAssertEqual(extraction.entities[1].attributes, ["Notes": "front, maybe"])
        let span = extraction.entities[1].mentions[0]
        XCTAssertEqual(String(decoding: Array(text.utf8)[span.start..<span.end], as: UTF8.self), "Harbor Trust")
        XCTAssertTrue(extraction.relations.isEmpty)
        XCTAssertNoThrow(try extraction.validate(document: "table", documentLength: text.utf8.count))
    }

    func testRelationsTable_fieldsEvidenceAndEndpoints() throws {
        let text =
            "source,target,kind,confidence,from,until,weight,channel\nHarbor Trust,Mara Quill,pays,0.7,2016,2017-02,3,cash\nMara Quill,Harbor Trust,reportsTo,,,,,\n"
        let extraction = try extractor.extract(request(text))
        XCTAssertEqual(extraction.entities.map(\.name), ["Harbor Trust", "Mara Quill"])
        XCTAssertEqual(extraction.entities[0].mentions.count, 2)
        XCTAssertEqual(extraction.relations.count, 2)
        let pays = extraction.relations[0]
        XCTAssertEqual(pays.kind, .pays)
        XCTAssertEqual(pays.confidence, 0.7)
        XCTAssertEqual(pays.from, PartialDate("2016"))
        XCTAssertEqual(pays.until, PartialDate("2017-02"))
        XCTAssertEqual(pays.weight, 3)
        XCTAssertEqual(pays.attributes, ["channel": "cash"])
        let row = pays.evidence[0]
        XCTAssertEqual(
            String(decoding: Array(text.utf8)[row.start..<row.end], as: UTF8.self),
            "Harbor Trust,Mara Quill,pays,0.7,2016,2017-02,3,cash")
        XCTAssertEqual(extraction.relations[1].confidence, 1)
        XCTAssertNil(extraction.relations[1].weight)
        XCTAssertNoThrow(try extraction.validate(document: "table", documentLength: text.utf8.count))
    }

    func testHeaderMapping_andDefaultKind_andDelimiter() throws {
        let text = "Payer;Payee;Amount\nHarbor Trust;Mara Quill;500\n"
        let extraction = try extractor.extract(
            request(
                text,
                options: [
                    "columns": .object(["source": "Payer", "target": "payee"]), "kind": "pays", "delimiter": ";",
                ]))
        XCTAssertEqual(extraction.relations.map(\.kind), [.pays])
        XCTAssertEqual(extraction.relations[0].attributes, ["Amount": "500"])
        XCTAssertEqual(extraction.entities.map(\.name), ["Harbor Trust", "Mara Quill"])
    }

    func testSourceAndTargetKinds() throws {
        let extraction = try extractor.extract(
            request(
                "source,target,kind,source_kind,target_kind\nMara Quill,Harbor Trust,memberOf,person,organization\n"))
        XCTAssertEqual(extraction.entities.map(\.kind), [.person, .organization])
    }

    func assertError(
        _ text: String, options: JSONObject = [:], line: Int, column: Int, contains: String,
        file: StaticString = #filePath, lineNumber: UInt = #line
    ) {
        XCTAssertThrowsError(try extractor.extract(request(text, options: options)), file: file, line: lineNumber) {
            error in
            guard let error = error as? CSVTablesError else { return XCTFail("\(error)", file: file, line: lineNumber) }
            XCTAssertEqual(error.file, "in/table.csv", file: file, line: lineNumber)
            XCTAssertEqual(
                [error.line, error.column], [line, column], error.description, file: file, line: lineNumber)
            XCTAssertTrue(error.message.contains(contains), error.message, file: file, line: lineNumber)
            XCTAssertTrue(error.description.hasPrefix("in/table.csv:\(line):\(column): "), file: file, line: lineNumber)
        }
    }

    func testErrors_nameFileLineAndColumn() {
        assertError(
            "source,target,kind,confidence\na,b,pays,1.5\n", line: 2, column: 10, contains: "confidence \"1.5\"")
        assertError("source,target,kind,from\na,b,pays,14\n", line: 2, column: 10, contains: "not a date")
        assertError("source,target,kind,from,until\na,b,pays,2016,2015\n", line: 2, column: 15, contains: "before")
        assertError("source,target,kind\na,,pays\n", line: 2, column: 3, contains: "target is empty")
        assertError("source,target,kind\na,b\n", line: 2, column: 3, contains: "2 fields")
        assertError("source,target\na,b\n", line: 1, column: 1, contains: "kind column")
        assertError("colour,size\nred,big\n", line: 1, column: 1, contains: "cannot tell")
        assertError("id,name\nx,\"unterminated\n", line: 2, column: 3, contains: "not closed before the end")
        assertError("id,name\nx,X\nx,Y\n", line: 3, column: 1, contains: "first on line 2")
        assertError(
            "Payer,b\n", options: ["columns": .object(["source": "Nope"])], line: 1, column: 1,
            contains: "does not have")
        assertError("name,Kind,type\n", line: 1, column: 11, contains: "second kind column")
    }

    func testEmptyInput_givesNothing() throws {
        XCTAssertEqual(try extractor.extract(request("")), Extraction())
        XCTAssertEqual(try extractor.extract(request("id,name\n")), Extraction())
    }

    /// Every worked example of the extractor's description holds.
    func testDescriptionExamples_hold() throws {
        XCTAssertFalse(extractor.description.examples.isEmpty)
        for example in extractor.description.examples {
            let extraction = try extractor.extract(request(example.text))
            for (name, kind) in example.entities {
                XCTAssertTrue(
                    extraction.entities.contains { $0.name == name && $0.kind == kind },
                    "\(name) \(kind) in \(example.text)")
            }
            let names = Dictionary(uniqueKeysWithValues: extraction.entities.map { ($0.id, $0.name) })
            for (source, kind, target) in example.relations {
                XCTAssertTrue(
                    extraction.relations.contains {
                        names[$0.source] == source && $0.kind == kind && names[$0.target] == target
                    },
                    "\(source) \(kind) \(target)")
            }
        }
    }

    /// A cell of vertical tabs, form feeds or no-break spaces is empty, as the case file counts
    /// white space (`FuzzCSV` found an entity with a blank id): no blank id, name or alias comes out.
    func testCellsOfOtherWhiteSpace_areEmpty() throws {
        let text = "id,name,aliases\n\u{0B}\u{0B},Mara Quill,\u{0C}; \u{A0}\nht,Harbor Trust,\n"
        let extraction = try extractor.extract(request(text))
        XCTAssertEqual(extraction.entities.map(\.name), ["Mara Quill", "Harbor Trust"])
        XCTAssertFalse(extraction.entities.contains { $0.id.isBlank }, "\(extraction.entities.map(\.id))")
        XCTAssertEqual(extraction.entities[0].aliases, [])
        XCTAssertNoThrow(try extraction.validate(document: "table", documentLength: text.utf8.count))
    }
}
