/// The one CSV tokenizer of LinkGraph (RFC 4180), for the case tables of `import`/`export` and
/// the CSVTables extractor: records of fields, each with its line, column and byte span.
///
/// - Fields are separated by the delimiter (`,` by default); records by CRLF, LF or a bare CR.
/// - A field in double quotes may hold delimiters, line breaks and `""` (one quote). An
///   unquoted empty field is *absent* (`Field.isAbsent`); a quoted one (`""`) is empty text.
/// - A leading UTF-8 byte-order mark is skipped; empty lines are skipped.
/// - Errors (`SyntaxError`, with a 1-based line and column in characters): a quoted field not
///   closed before the end, text after a closing quote, a quote inside an unquoted field,
///   invalid UTF-8.
/// - Complexity: O(n) in the size of the input.
public struct CSVReader {
    public struct Field: Equatable, Sendable {
        /// The text ("" for an absent field).
        public var value: String
        /// Whether the field was written in quotes.
        public var isQuoted: Bool
        /// 1-based line and column (in characters) where the field starts.
        public var line: Int
        public var column: Int
        /// Byte span of the field's content (inside the quotes when quoted).
        public var start: Int
        public var end: Int

        /// An unquoted empty field: no value, as opposed to `""`, the empty text.
        public var isAbsent: Bool { !isQuoted && value.isEmpty }
    }

    public struct Record: Equatable, Sendable {
        public var fields: [Field]
        /// 1-based line where the record starts.
        public var line: Int
        /// Byte span of the whole record, without its line break.
        public var start: Int
        public var end: Int
    }

    public struct SyntaxError: Error, Equatable, Sendable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    private let bytes: [UInt8]
    private let delimiter: UInt8
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var columnIndex = 0
    private var columnValue = 1

    private init(bytes: [UInt8], delimiter: UInt8) {
        self.bytes = bytes
        self.delimiter = delimiter
    }

    /// Every record of `bytes`.
    /// - Throws: `SyntaxError` for the first problem.
    public static func records(_ bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ",")) throws -> [Record] {
        var reader = CSVReader(bytes: bytes, delimiter: delimiter)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            reader.index = 3
            reader.lineStart = 3
            reader.columnIndex = 3
        }
        var records: [Record] = []
        while reader.index < bytes.count {
            let record = try reader.record()
            let isEmptyLine = record.fields.count == 1 && record.fields[0].isAbsent
            if !isEmptyLine { records.append(record) }
        }
        return records
    }

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

    private mutating func record() throws -> Record {
        let recordLine = line
        let recordStart = index
        var fields: [Field] = []
        while true {
            fields.append(try field())
            if index >= bytes.count {
                return Record(fields: fields, line: recordLine, start: recordStart, end: index)
            }
            let byte = bytes[index]
            if byte == delimiter {
                index += 1
                if index >= bytes.count {  // a trailing delimiter: one more, absent field
                    let column = currentColumn()
                    fields.append(
                        Field(value: "", isQuoted: false, line: line, column: column, start: index, end: index))
                    return Record(fields: fields, line: recordLine, start: recordStart, end: index)
                }
                continue
            }
            // A line break (CRLF, LF or CR) ends the record.
            let end = index
            if byte == 0x0D { index += 1 }
            if byte == 0x0A || (index < bytes.count && bytes[index] == 0x0A) { index += 1 }
            line += 1
            lineStart = index
            return Record(fields: fields, line: recordLine, start: recordStart, end: end)
        }
    }

    private mutating func field() throws -> Field {
        let fieldLine = line
        let fieldColumn = currentColumn()
        let quote = UInt8(ascii: "\"")
        if index < bytes.count && bytes[index] == quote {
            index += 1
            let start = index
            var content: [UInt8] = []
            while true {
                guard index < bytes.count else {
                    throw error(
                        "a quoted field is not closed before the end of the file", line: fieldLine, column: fieldColumn)
                }
                let byte = bytes[index]
                if byte == quote {
                    if index + 1 < bytes.count && bytes[index + 1] == quote {
                        content.append(byte)
                        index += 2
                        continue
                    }
                    let end = index
                    index += 1
                    if index < bytes.count, bytes[index] != delimiter, bytes[index] != 0x0D, bytes[index] != 0x0A {
                        throw error(
                            "text after the closing quote of a field (double a quote inside a quoted field: \"\")")
                    }
                    let value = try decode(content, fieldLine, fieldColumn)
                    return Field(
                        value: value, isQuoted: true, line: fieldLine, column: fieldColumn, start: start, end: end)
                }
                // A line break inside the quotes: LF, CRLF (counted at its LF) or a bare CR.
                if byte == 0x0A || (byte == 0x0D && !(index + 1 < bytes.count && bytes[index + 1] == 0x0A)) {
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
            if byte == quote {
                throw error("a quote inside an unquoted field (quote the whole field and double the quote)")
            }
            index += 1
        }
        let value = try decode(bytes[start..<index], fieldLine, fieldColumn)
        return Field(value: value, isQuoted: false, line: fieldLine, column: fieldColumn, start: start, end: index)
    }

    private mutating func decode<C: Collection>(_ content: C, _ line: Int, _ column: Int) throws -> String
    where C.Element == UInt8 {
        guard let text = String(validating: content, as: UTF8.self) else {
            throw error("the field is not valid UTF-8", line: line, column: column)
        }
        return text
    }
}
