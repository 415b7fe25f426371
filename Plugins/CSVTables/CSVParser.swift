/// A CSV reader (RFC 4180) that keeps where every field is: its line, column and byte span.
///
/// - Fields are separated by the delimiter (`,` by default) and records by CRLF or LF.
/// - A field in double quotes may hold delimiters, line breaks and `""` (one quote).
/// - Errors: an unterminated quoted field, text after a closing quote, a quote inside an
///   unquoted field, invalid UTF-8. Each names the line and column (1-based, in characters).
/// - A leading byte-order mark is skipped; empty lines are skipped.
/// - Complexity: O(n) in the size of the input.
struct CSVParser {
    struct Field: Equatable {
        var value: String
        /// 1-based line and column (in characters) where the field starts.
        var line: Int
        var column: Int
        /// Byte span of the field's content (inside the quotes when quoted).
        var start: Int
        var end: Int
    }

    struct Record: Equatable {
        var fields: [Field]
        /// 1-based line where the record starts.
        var line: Int
        /// Byte span of the whole record, without its line break.
        var start: Int
        var end: Int
    }

    struct SyntaxError: Error, Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    private let bytes: [UInt8]
    private let delimiter: UInt8
    private var index = 0
    private var line = 1
    private var lineStart = 0

    private init(bytes: [UInt8], delimiter: UInt8) {
        self.bytes = bytes
        self.delimiter = delimiter
    }

    /// Parses every record.
    static func parse(_ bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ",")) throws -> [Record] {
        var parser = CSVParser(bytes: bytes, delimiter: delimiter)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            parser.index = 3
            parser.lineStart = 3
        }
        var records: [Record] = []
        while parser.index < bytes.count {
            let record = try parser.parseRecord()
            let isEmptyLine = record.fields.count == 1 && record.fields[0].value.isEmpty && record.start == record.end
            if !isEmptyLine { records.append(record) }
        }
        return records
    }

    private var columnIndex = 0
    private var columnValue = 1

    /// The 1-based column of `index` in characters (bytes that are not UTF-8 continuation
    /// bytes), advanced from the last answer so a whole file costs O(n).
    private mutating func currentColumn() -> Int {
        if columnIndex < lineStart || columnIndex > index {
            columnIndex = lineStart
            columnValue = 1
        }
        while columnIndex < index {
            if bytes[columnIndex] & 0xC0 != 0x80 { columnValue += 1 }
            columnIndex += 1
        }
        return columnValue
    }

    private mutating func error(_ message: String, line: Int? = nil, column: Int? = nil) -> SyntaxError {
        SyntaxError(line: line ?? self.line, column: column ?? currentColumn(), message: message)
    }

    private mutating func parseRecord() throws -> Record {
        let recordLine = line
        let recordStart = index
        var fields: [Field] = []
        while true {
            let field = try parseField()
            fields.append(field)
            if index >= bytes.count {
                return Record(fields: fields, line: recordLine, start: recordStart, end: index)
            }
            let byte = bytes[index]
            if byte == delimiter {
                index += 1
                if index >= bytes.count {  // a trailing delimiter: one more, empty field
                    fields.append(Field(value: "", line: line, column: currentColumn(), start: index, end: index))
                    return Record(fields: fields, line: recordLine, start: recordStart, end: index)
                }
                continue
            }
            // A line break ends the record.
            let end = index
            if byte == 0x0D { index += 1 }
            if index < bytes.count && bytes[index] == 0x0A { index += 1 }
            line += 1
            lineStart = index
            return Record(fields: fields, line: recordLine, start: recordStart, end: end)
        }
    }

    private mutating func parseField() throws -> Field {
        let fieldLine = line
        let fieldColumn = currentColumn()
        if index < bytes.count && bytes[index] == UInt8(ascii: "\"") {
            index += 1
            let start = index
            var content: [UInt8] = []
            while true {
                guard index < bytes.count else {
                    throw error("unterminated quoted field (the quote opened here is never closed)", line: fieldLine, column: fieldColumn)
                }
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
                        content.append(byte)
                        index += 2
                        continue
                    }
                    let end = index
                    index += 1
                    if index < bytes.count, bytes[index] != delimiter, bytes[index] != 0x0D, bytes[index] != 0x0A {
                        throw error("unexpected text after a closing quote: a quote inside a quoted field is written \"\"")
                    }
                    return Field(value: try decode(content, fieldLine, fieldColumn), line: fieldLine, column: fieldColumn, start: start, end: end)
                }
                if byte == 0x0A {
                    line += 1
                    lineStart = index + 1
                }
                content.append(byte)
                index += 1
            }
        }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == delimiter || byte == 0x0A || byte == 0x0D { break }
            if byte == UInt8(ascii: "\"") {
                throw error("a quote inside an unquoted field: quote the whole field and double the quote (\"\")")
            }
            index += 1
        }
        return Field(value: try decode(bytes[start..<index], fieldLine, fieldColumn), line: fieldLine, column: fieldColumn, start: start, end: index)
    }

    private mutating func decode<C: Collection>(_ content: C, _ line: Int, _ column: Int) throws -> String where C.Element == UInt8 {
        guard let text = String(validating: content, as: UTF8.self) else {
            throw error("invalid UTF-8 in a field", line: line, column: column)
        }
        return text
    }
}
