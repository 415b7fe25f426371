import Foundation
import LinkGraph

/// A CSV table (RFC 4180): a header and rows of cells, where a cell is absent (`nil`,
/// written as nothing) or text (written quoted when it is empty or holds a comma, a quote,
/// a line break or white space at either end; quotes doubled).
///
/// Telling an absent cell from an empty text is what lets `""` round-trip: an unquoted
/// empty field reads as absent and a quoted one (`""`) as the empty string, as PostgreSQL's
/// and Neo4j's CSV readers do.
public struct CSVTable: Equatable, Sendable {
    public var header: [String]
    public var rows: [[String?]]
    /// The line each row starts on (1-based; the header is line 1 or later), when read.
    public var lines: [Int]

    public init(header: [String], rows: [[String?]] = [], lines: [Int] = []) {
        self.header = header
        self.rows = rows
        self.lines = lines
    }

    /// The table as CSV text: comma-separated, `\n` after every record.
    public func text() -> String {
        var out = ""
        out += header.map { CSVTable.field($0) }.joined(separator: ",") + "\n"
        for row in rows {
            out += row.map { $0.map(CSVTable.field) ?? "" }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// One field as CSV: bare when safe, else quoted with quotes doubled. A leading U+FEFF is
    /// quoted too: bare at the start of a file, readers take it for a byte-order mark.
    public static func field(_ text: String) -> String {
        let needsQuotes =
            text.isEmpty || text.first == " " || text.last == " " || text.first == "\t" || text.last == "\t"
            || text.unicodeScalars.first == "\u{FEFF}"
            || text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Parses CSV text with `CSVReader` (records by CRLF, LF or CR; quoted fields; a byte-order
    /// mark and blank lines skipped): the first record is the header, an unquoted empty cell
    /// is absent (`nil`).
    /// - Throws: `FormatError.syntax` with the line and column for an unterminated quoted
    ///   field, a quote inside an unquoted field, text after a closing quote, invalid UTF-8,
    ///   or a record with more or fewer fields than the header.
    public static func parse(_ data: Data, file: String) throws -> CSVTable {
        let parsed: [CSVReader.Record]
        do {
            parsed = try CSVReader.records([UInt8](data))
        } catch let error as CSVReader.SyntaxError {
            throw FormatError.syntax(file: file, line: error.line, column: error.column, message: error.message)
        }
        let records = parsed.map { (fields: $0.fields.map { $0.isAbsent ? nil : $0.value }, line: $0.line) }
        guard let first = records.first else {
            throw FormatError.syntax(
                file: file, line: 1, column: 1, message: "the file is empty: expected a header row")
        }
        var table = CSVTable(header: [])
        for (index, name) in first.fields.enumerated() {
            guard let name, !name.isEmpty else {
                throw FormatError.syntax(
                    file: file, line: first.line, column: 0, message: "header column \(index + 1) has no name")
            }
            table.header.append(name)
        }
        if let duplicate = Dictionary(grouping: table.header, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            throw FormatError.syntax(
                file: file, line: first.line, column: 0, message: "the header names the column \"\(duplicate)\" twice")
        }
        for record in records.dropFirst() {
            guard record.fields.count == table.header.count else {
                throw FormatError.syntax(
                    file: file, line: record.line, column: 0,
                    message: "the row has \(record.fields.count) fields, the header has \(table.header.count)")
            }
            table.rows.append(record.fields)
            table.lines.append(record.line)
        }
        return table
    }
}
