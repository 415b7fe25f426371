import XCTest

@testable import LinkGraph

/// The one CSV tokenizer (used by the case tables of LinkGraphFormats and by CSVTables).
final class CSVReaderTests: XCTestCase {
    func values(_ text: String) throws -> [[String]] {
        try CSVReader.records(Array(text.utf8)).map { $0.fields.map(\.value) }
    }

    func testRecords_rfc4180Quoting() throws {
        XCTAssertEqual(
            try values("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n,,\n"),
            [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["", "", ""]])
        XCTAssertEqual(try values("\u{FEFF}a\n\nb\n"), [["a"], ["b"]], "BOM and empty lines skipped")
        XCTAssertEqual(try values("a,b"), [["a", "b"]], "no final line break")
        XCTAssertEqual(try values("a,"), [["a", ""]])
        XCTAssertEqual(try values("a\tb\n"), [["a\tb"]])
        let tabs = try CSVReader.records(Array("a\tb\n".utf8), delimiter: 9)
        XCTAssertEqual(tabs.map { $0.fields.map(\.value) }, [["a", "b"]])
    }

    func testRecords_bareCRBreaksRecordsAndCountsLines() throws {
        let records = try CSVReader.records(Array("a,b\rc,\"d\re\"\rf,g".utf8))
        XCTAssertEqual(records.map { $0.fields.map(\.value) }, [["a", "b"], ["c", "d\re"], ["f", "g"]])
        XCTAssertEqual(records.map(\.line), [1, 2, 4])
        XCTAssertThrowsError(try CSVReader.records(Array("a\r\"x\ry\"z".utf8))) { error in
            XCTAssertEqual((error as? CSVReader.SyntaxError).map { [$0.line, $0.column] }, [3, 3])
        }
    }

    func testRecords_absentVersusEmptyText() throws {
        let fields = try XCTUnwrap(CSVReader.records(Array("x,\"\",,\"y\"\n".utf8)).first?.fields)
        XCTAssertEqual(fields.map(\.isAbsent), [false, false, true, false])
        XCTAssertEqual(fields.map(\.isQuoted), [false, true, false, true])
        XCTAssertEqual(
            try CSVReader.records(Array("\"\"\n".utf8)).count, 1, "a line holding \"\" is a record, not a blank line")
    }

    func testRecords_positionsOfFields() throws {
        let records = try CSVReader.records(Array("id,name\n\"é\",\"Zoë \"\"Z\"\"\"\n".utf8))
        let field = records[1].fields[1]
        XCTAssertEqual([field.line, field.column], [2, 5])
        XCTAssertEqual(field.value, "Zoë \"Z\"")
        XCTAssertEqual([records[1].start, records[1].end], [8, 25])
        XCTAssertEqual(
            [records[1].fields[0].start, records[1].fields[0].end], [9, 11], "the content inside the quotes")
    }

    func testRecords_errorsNameLineAndColumn() {
        func error(_ text: String) -> CSVReader.SyntaxError? {
            do {
                _ = try CSVReader.records(Array(text.utf8))
                return nil
            } catch {
                return error as? CSVReader.SyntaxError
            }
        }
        XCTAssertEqual(error("a,b\nc,\"open\nmore").map { [$0.line, $0.column] }, [2, 3])
        XCTAssertEqual(error("a,b\n\"x\"y,z").map { [$0.line, $0.column] }, [2, 4])
        XCTAssertEqual(error("a,b\nab\"c,d").map { [$0.line, $0.column] }, [2, 3])
        XCTAssertThrowsError(try CSVReader.records([0x61, 0x2C, 0xFF, 0x0A])) { error in
            XCTAssertEqual((error as? CSVReader.SyntaxError).map { [$0.line, $0.column] }, [1, 3])
        }
    }
}
