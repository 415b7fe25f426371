import Foundation
import LinkGraph
import LinkGraphFormats
import XCTest

/// Inputs the CSV round trip of `FuzzCSV` (Fuzz/) must keep, checked against Python's `csv`.
final class CSVRegressionTests: XCTestCase {
    /// A header or cell that starts with U+FEFF (a file whose own byte-order mark is followed
    /// by a second one): written bare, the next reader takes the character for a byte-order
    /// mark and drops it; quoted, it stays.
    func testLeadingByteOrderMarkCharacter_isQuoted_andRoundTrips() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array("id,name\n\u{FEFF}a,b\n".utf8)
        let table = try CSVTable.parse(Data(bytes), file: "twice.csv")
        XCTAssertEqual(table.header, ["\u{FEFF}id", "name"])
        XCTAssertEqual(table.rows, [["\u{FEFF}a", "b"]])
        let text = table.text()
        XCTAssertEqual(text, "\"\u{FEFF}id\",name\n\"\u{FEFF}a\",b\n")
        let again = try CSVTable.parse(Data(text.utf8), file: "written.csv")
        XCTAssertEqual(again.header, table.header)
        XCTAssertEqual(again.rows, table.rows)

        // Python reads the written text (after a byte-order mark, as a spreadsheet saves it)
        // to the same cells.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else {
            throw XCTSkip("python3 is not installed")
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bom-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)).write(to: url)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [
            "-c",
            "import csv, sys, json; print(json.dumps(list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))))",
            url.path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let rows = try JSONDecoder().decode([[String]].self, from: output)
        XCTAssertEqual(rows, [["\u{FEFF}id", "name"], ["\u{FEFF}a", "b"]])
    }
}
