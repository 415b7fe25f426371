import LinkGraph
import LinkGraphPlugin

/// Reads tables of entities and of relations from CSV (RFC 4180), telling which by the header.
///
/// **Entities table**: a header with `name` (or `id`), and optionally `id`, `kind`, `aliases`
/// (separated by `;`); every other column becomes an attribute (empty cells are skipped).
///
/// **Relations table**: a header with `source` and `target` (entity ids or names), and
/// optionally `kind`, `confidence` (0...1), `from`, `until` (YYYY, YYYY-MM or YYYY-MM-DD),
/// `weight`, `source_kind`, `target_kind`; every other column becomes an attribute. Each
/// row's bytes are the relation's evidence; each source and target cell is a mention.
///
/// Header names are matched without regard to case, spaces, `-` and `_`, with a few
/// synonyms (`label` for name, `type` for kind, `alias`/`aka` for aliases, `src`/`dst`).
/// Options (in the request's `options`):
/// - `"columns": {"name": "Full name", "source": "Payer", ...}`: which header holds a field;
/// - `"delimiter": ";"`: another one-character delimiter;
/// - `"kind": "pays"`: the relation kind when there is no kind column (entity kind `other` otherwise);
/// - `"table": "entities"` or `"relations"`: skip detection.
///
/// Errors (`CSVTablesError`) name the file, line and column.
public struct CSVTablesExtractor: Extractor {
    public init() {}

    public var description: ExtractorDescription {
        ExtractorDescription(
            name: "csv-tables", version: "1", accepts: ["text/csv"],
            summary: "Entities or relations tables in CSV, told apart by their header; columns mappable via options.",
            origin: .builtIn,
            examples: [
                ExtractorExample(
                    text:
                        "id,name,kind,aliases,role\nmq,Mara Quill,person,M. Quill;Quill,courier\nht,Harbor Trust,organization,,\n",
                    entities: [("Mara Quill", .person), ("Harbor Trust", .organization)]),
                ExtractorExample(
                    text:
                        "source,target,kind,confidence,from\nHarbor Trust,Mara Quill,pays,0.8,2016\nMara Quill,Harbor Trust,reportsTo,,\n",
                    entities: [("Harbor Trust", .other), ("Mara Quill", .other)],
                    relations: [("Harbor Trust", .pays, "Mara Quill"), ("Mara Quill", .reportsTo, "Harbor Trust")]),
            ])
    }

    enum Table: String {
        case entities, relations
    }

    static let fields = [
        "id", "name", "kind", "aliases", "source", "target", "confidence", "from", "until", "weight", "source_kind",
        "target_kind",
    ]
    static let synonyms: [String: String] = [
        "label": "name", "entity": "name", "type": "kind", "category": "kind", "alias": "aliases", "aka": "aliases",
        "src": "source", "dst": "target", "sourcekind": "source_kind", "targetkind": "target_kind", "validfrom": "from",
        "validuntil": "until",
    ]

    /// A header name as compared: lower case without spaces, `-` and `_`.
    static func fold(_ header: String) -> String {
        String(header.lowercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "_" })
    }

    public func extract(_ request: ExtractionRequest) throws -> Extraction {
        let file = request.metadata["path"]?.stringValue ?? request.id
        func fail(_ line: Int, _ column: Int, _ message: String) -> CSVTablesError {
            CSVTablesError(file: file, line: line, column: column, message: message)
        }
        var delimiter = UInt8(ascii: ",")
        if let text = request.options["delimiter"]?.stringValue {
            guard text.utf8.count == 1, let byte = text.utf8.first, byte != UInt8(ascii: "\""), byte != 0x0A,
                byte != 0x0D
            else {
                throw fail(
                    1, 1,
                    "option \"delimiter\" must be one ASCII character other than a quote or line break, not \"\(text)\""
                )
            }
            delimiter = byte
        }
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.records(request.bytes, delimiter: delimiter)
        } catch let error as CSVReader.SyntaxError {
            throw fail(error.line, error.column, error.message)
        }
        guard let header = records.first else { return Extraction() }

        // Which column holds which field.
        var columnOf: [String: Int] = [:]
        var attributeColumns: [(index: Int, name: String)] = []
        var mapped: [String: String] = [:]  // folded header → field, from the options
        for (field, value) in request.options["columns"]?.objectValue ?? [:] {
            guard Self.fields.contains(field), let headerName = value.stringValue else {
                throw fail(
                    1, 1,
                    "option \"columns\": \"\(field)\" must be one of \(Self.fields.joined(separator: ", ")) and name a header as a string"
                )
            }
            mapped[Self.fold(headerName)] = field
        }
        for (i, cell) in header.fields.enumerated() {
            let folded = Self.fold(cell.value)
            let field = mapped[folded] ?? Self.fields.first { Self.fold($0) == folded } ?? Self.synonyms[folded]
            if let field, mapped[folded] != nil || !mapped.values.contains(field) {
                if let earlier = columnOf[field] {
                    throw fail(
                        header.line, cell.column,
                        "column \"\(cell.value)\" is a second \(field) column (the first is column \(earlier + 1))")
                }
                columnOf[field] = i
            } else if !cell.value.isBlank {
                attributeColumns.append((i, cell.value.trimmingSpaces))
            }
        }
        for (headerName, field) in mapped where columnOf[field] == nil {
            throw fail(
                header.line, 1,
                "option \"columns\" maps \(field) to a column \"\(headerName)\" the header does not have")
        }

        let table: Table
        if let forced = request.options["table"]?.stringValue {
            guard let parsed = Table(rawValue: forced) else {
                throw fail(1, 1, "option \"table\" must be \"entities\" or \"relations\", not \"\(forced)\"")
            }
            table = parsed
        } else if columnOf["source"] != nil || columnOf["target"] != nil {
            table = .relations
        } else if columnOf["name"] != nil || columnOf["id"] != nil {
            table = .entities
        } else {
            throw fail(
                header.line, 1,
                "cannot tell the table from its header: an entities table needs a name (or id) column, a relations table source and target columns (map other names with the option \"columns\")"
            )
        }

        let reader = RowReader(file: file, header: header, columnOf: columnOf, attributeColumns: attributeColumns)
        switch table {
        case .entities:
            return try reader.entities(records.dropFirst())
        case .relations:
            let defaultKind = request.options["kind"]?.stringValue
            return try reader.relations(records.dropFirst(), defaultKind: defaultKind)
        }
    }
}

/// An error in a CSV table, at a line and column of its file.
public struct CSVTablesError: FileLocatedError, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int
    public let message: String

    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// Turns the rows of a table into entities or relations.
struct RowReader {
    let file: String
    let header: CSVReader.Record
    let columnOf: [String: Int]
    let attributeColumns: [(index: Int, name: String)]

    func fail(_ line: Int, _ column: Int, _ message: String) -> CSVTablesError {
        CSVTablesError(file: file, line: line, column: column, message: message)
    }

    /// The trimmed cell of a field, nil when the column is absent or the cell empty.
    func cell(_ field: String, _ record: CSVReader.Record) -> CSVReader.Field? {
        guard let i = columnOf[field], i < record.fields.count else { return nil }
        var cell = record.fields[i]
        cell.value = cell.value.trimmingSpaces
        return cell.value.isBlank ? nil : cell
    }

    func checkWidth(_ record: CSVReader.Record) throws {
        if record.fields.count != header.fields.count {
            throw fail(
                record.line, record.fields.last.map { $0.column } ?? 1,
                "this row has \(record.fields.count) fields, the header \(header.fields.count)")
        }
    }

    func attributes(_ record: CSVReader.Record) -> JSONObject {
        var attributes: JSONObject = [:]
        for (i, name) in attributeColumns where i < record.fields.count {
            let value = record.fields[i].value.trimmingSpaces
            if !value.isBlank { attributes[name] = .string(value) }
        }
        return attributes
    }

    func entities(_ records: ArraySlice<CSVReader.Record>) throws -> Extraction {
        var entities: [ExtractedEntity] = []
        var lineOfID: [String: Int] = [:]
        for record in records {
            try checkWidth(record)
            let idCell = cell("id", record)
            let nameCell = cell("name", record)
            guard let nameOrID = nameCell ?? idCell else {
                throw fail(record.line, record.fields.first?.column ?? 1, "this row has neither a name nor an id")
            }
            let id = idCell?.value ?? nameOrID.value
            if let earlierLine = lineOfID[id] {
                throw fail(
                    record.line, (idCell ?? nameOrID).column,
                    "duplicate entity \"\(id)\" (first on line \(earlierLine))")
            }
            lineOfID[id] = record.line
            let aliases =
                cell("aliases", record)?.value.split(separator: ";").map { String($0).trimmingSpaces }.filter {
                    !$0.isBlank
                } ?? []
            entities.append(
                ExtractedEntity(
                    id: id, name: nameOrID.value, kind: EntityKind(cell("kind", record)?.value ?? "other"),
                    aliases: aliases,
                    attributes: attributes(record), mentions: [Span(start: nameOrID.start, end: nameOrID.end)]))
        }
        return Extraction(entities: entities)
    }

    func relations(_ records: ArraySlice<CSVReader.Record>, defaultKind: String?) throws -> Extraction {
        guard columnOf["source"] != nil, columnOf["target"] != nil else {
            throw fail(header.line, 1, "a relations table needs both a source and a target column")
        }
        guard columnOf["kind"] != nil || defaultKind != nil else {
            throw fail(header.line, 1, "a relations table needs a kind column (or the option \"kind\")")
        }
        var entities: [ExtractedEntity] = []
        var indexOfID: [String: Int] = [:]
        var relations: [ExtractedRelation] = []

        func endpoint(_ cell: CSVReader.Field, kind: String?) -> String {
            let span = Span(start: cell.start, end: cell.end)
            if let i = indexOfID[cell.value] {
                entities[i].mentions.append(span)
                if entities[i].kind == .other, let kind { entities[i].kind = EntityKind(kind) }
            } else {
                indexOfID[cell.value] = entities.count
                entities.append(
                    ExtractedEntity(
                        id: cell.value, name: cell.value, kind: EntityKind(kind ?? "other"), mentions: [span]))
            }
            return cell.value
        }

        for record in records {
            try checkWidth(record)
            guard let source = cell("source", record) else {
                throw fail(record.line, record.fields[columnOf["source"]!].column, "the source is empty")
            }
            guard let target = cell("target", record) else {
                throw fail(record.line, record.fields[columnOf["target"]!].column, "the target is empty")
            }
            let kindCell = cell("kind", record)
            guard let kind = kindCell?.value ?? defaultKind else {
                throw fail(record.line, record.fields[columnOf["kind"]!].column, "the kind is empty")
            }
            var confidence = 1.0
            if let c = cell("confidence", record) {
                guard let value = Double(c.value), value.isFinite, (0...1).contains(value) else {
                    throw fail(c.line, c.column, "confidence \"\(c.value)\" is not a number in 0...1")
                }
                confidence = value
            }
            var weight: Double?
            if let w = cell("weight", record) {
                guard let value = Double(w.value), value.isFinite else {
                    throw fail(w.line, w.column, "weight \"\(w.value)\" is not a finite number")
                }
                weight = value
            }
            var dates: [PartialDate?] = []
            for field in ["from", "until"] {
                if let d = cell(field, record) {
                    guard let date = PartialDate(d.value) else {
                        throw fail(
                            d.line, d.column, "\(field) \"\(d.value)\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
                    }
                    dates.append(date)
                } else {
                    dates.append(nil)
                }
            }
            if let from = dates[0], let until = dates[1], from.earliestDay > until.latestDay {
                let u = cell("until", record)!
                throw fail(u.line, u.column, "until \(until) is before from \(from)")
            }
            let sourceID = endpoint(source, kind: cell("source_kind", record)?.value)
            let targetID = endpoint(target, kind: cell("target_kind", record)?.value)
            relations.append(
                ExtractedRelation(
                    source: sourceID, target: targetID, kind: RelationKind(kind), confidence: confidence,
                    from: dates[0],
                    until: dates[1], evidence: [Span(start: record.start, end: record.end)],
                    attributes: attributes(record),
                    weight: weight))
        }
        return Extraction(entities: entities, relations: relations)
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = self[...]
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return String(s)
    }
}
