import Foundation

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

    /// One field as CSV: bare when safe, else quoted with quotes doubled.
    public static func field(_ text: String) -> String {
        let needsQuotes = text.isEmpty || text.first == " " || text.last == " " || text.first == "\t" || text.last == "\t"
            || text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Parses CSV text: fields separated by commas, records by `\n`, `\r\n` or `\r`;
    /// quoted fields may hold anything, with `""` for a quote. A UTF-8 byte-order mark is
    /// skipped; records with only one empty unquoted field (blank lines) are skipped.
    /// - Throws: `FormatError.syntax` with the line and column for an unterminated quoted
    ///   field, a quote inside an unquoted field, text after a closing quote, invalid UTF-8,
    ///   or a record with more or fewer fields than the header.
    public static func parse(_ data: Data, file: String) throws -> CSVTable {
        let bytes = [UInt8](data)
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var column = 1
        var records: [(fields: [String?], line: Int)] = []
        var fields: [String?] = []
        var recordLine = 1
        var field: [UInt8] = []
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(0x0A), cr = UInt8(0x0D)

        func syntax(_ message: String) -> FormatError {
            .syntax(file: file, line: line, column: column, message: message)
        }
        func decode(_ bytes: [UInt8]) throws -> String {
            guard let text = String(validating: bytes, as: UTF8.self) else { throw syntax("the field is not valid UTF-8") }
            return text
        }

        while i <= bytes.count {
            // At the start of a field.
            if i < bytes.count && bytes[i] == quote {
                let startLine = line, startColumn = column
                i += 1
                column += 1
                field.removeAll(keepingCapacity: true)
                var closed = false
                while i < bytes.count {
                    let b = bytes[i]
                    if b == quote {
                        if i + 1 < bytes.count && bytes[i + 1] == quote {
                            field.append(quote)
                            i += 2
                            column += 2
                            continue
                        }
                        i += 1
                        column += 1
                        closed = true
                        break
                    }
                    if b == lf || (b == cr && !(i + 1 < bytes.count && bytes[i + 1] == lf)) {
                        line += 1
                        column = 1
                    } else if b & 0xC0 != 0x80 {
                        column += 1
                    }
                    field.append(b)
                    i += 1
                }
                guard closed else {
                    throw FormatError.syntax(file: file, line: startLine, column: startColumn, message: "a quoted field is not closed before the end of the file")
                }
                fields.append(try decode(field))
                if i < bytes.count && bytes[i] != comma && bytes[i] != lf && bytes[i] != cr {
                    throw syntax("text after the closing quote of a field (double a quote inside a quoted field: \"\")")
                }
            } else {
                field.removeAll(keepingCapacity: true)
                while i < bytes.count && bytes[i] != comma && bytes[i] != lf && bytes[i] != cr {
                    if bytes[i] == quote { throw syntax("a quote inside an unquoted field (quote the whole field and double the quote)") }
                    if bytes[i] & 0xC0 != 0x80 { column += 1 }
                    field.append(bytes[i])
                    i += 1
                }
                fields.append(field.isEmpty ? nil : try decode(field))
            }
            // After a field: a comma, a record end, or the end of the file.
            if i < bytes.count && bytes[i] == comma {
                i += 1
                column += 1
                continue
            }
            let atEnd = i >= bytes.count
            if !atEnd {
                if bytes[i] == cr && i + 1 < bytes.count && bytes[i + 1] == lf { i += 1 }
                i += 1
            }
            if !(fields.count == 1 && fields[0] == nil) { records.append((fields, recordLine)) }
            fields = []
            line += 1
            column = 1
            recordLine = line
            if atEnd { break }
            if i == bytes.count { break }
        }

        guard let first = records.first else {
            throw FormatError.syntax(file: file, line: 1, column: 1, message: "the file is empty: expected a header row")
        }
        var table = CSVTable(header: [])
        for (index, name) in first.fields.enumerated() {
            guard let name, !name.isEmpty else {
                throw FormatError.syntax(file: file, line: first.line, column: 0, message: "header column \(index + 1) has no name")
            }
            table.header.append(name)
        }
        if let duplicate = Dictionary(grouping: table.header, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            throw FormatError.syntax(file: file, line: first.line, column: 0, message: "the header names the column \"\(duplicate)\" twice")
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
