import Foundation
import LinkGraph

/// A case as CSV tables: entities, relations and (when the case has any) documents.
///
/// - `entities`: `id,name,kind,aliases,attr_KEY...,attrjson_KEY...,unknown_fields`
/// - `relations`: `source,target,kind,directed,weight,confidence,from,until,evidence,attr_KEY...,unknown_fields`
/// - `documents`: `id,title,source,sha256,unknown_fields`
///
/// `aliases` and `evidence` are JSON text (`["a","b"]`, `[{"document":"d","start":1,"end":9}]`);
/// on reading, aliases may also be separated by `|` and evidence may be citations
/// (`doc[1..<9] doc2`). An attribute whose values are all text is a column `attr_KEY`; any
/// other is `attrjson_KEY` holding JSON. An empty unquoted cell is absent; a quoted empty
/// cell (`""`) is the empty string. Files: `DIR/entities.csv` or `PREFIX.entities.csv`,
/// and the same for `relations` and `documents`.
public enum CaseCSV {
    /// The text of each table; `documents` is nil when the case has none.
    public struct Tables: Equatable, Sendable {
        public var entities: String
        public var relations: String
        public var documents: String?
    }

    /// Which table a CSV file is, from its header.
    public enum TableKind: String, Sendable {
        case entities, relations, documents
    }

    public static func write(_ caseFile: CaseFile) -> Tables {
        let graph = PropertyGraph(case: caseFile, style: .text)
        let fixed: [String: PropertyType] = [CaseProperty.weight: .double, CaseProperty.confidence: .double]
        let nodeColumns = PropertyColumn.infer(graph.nodes.map(\.properties), fixed: fixed)
        let edgeColumns = PropertyColumn.infer(graph.edges.map(\.properties), fixed: fixed)
        var entities = CSVTable(header: ["id"] + nodeColumns.map(\.name))
        for node in graph.nodes {
            entities.rows.append(
                [node.id] + nodeColumns.map { column in node.properties[column.name].map(column.text) })
        }
        var relations = CSVTable(header: ["source", "target"] + edgeColumns.map(\.name))
        for edge in graph.edges {
            relations.rows.append(
                [edge.source, edge.target] + edgeColumns.map { column in edge.properties[column.name].map(column.text) }
            )
        }
        var documents: String?
        if !caseFile.documents.isEmpty {
            let hasUnknown = caseFile.documents.contains { !$0.unknownFields.isEmpty }
            var table = CSVTable(
                header: ["id", "title", "source", "sha256"] + (hasUnknown ? [CaseProperty.unknownFields] : []))
            for document in caseFile.documents {
                var row: [String?] = [document.id, document.title, document.source, document.sha256]
                if hasUnknown {
                    row.append(
                        document.unknownFields.isEmpty ? nil : JSONWriter.compact(.object(document.unknownFields)))
                }
                table.rows.append(row)
            }
            documents = table.text()
        }
        return Tables(entities: entities.text(), relations: relations.text(), documents: documents)
    }

    /// The three file paths for an output: `DIR/entities.csv` ... when `output` is a
    /// directory, else `PREFIX.entities.csv` ... (a trailing `.csv` on the prefix is dropped).
    public static func paths(output: String, isDirectory: Bool) -> (
        entities: String, relations: String, documents: String
    ) {
        if isDirectory {
            let base = output.hasSuffix("/") ? output : output + "/"
            return (base + "entities.csv", base + "relations.csv", base + "documents.csv")
        }
        var prefix = output
        if prefix.lowercased().hasSuffix(".csv") { prefix.removeLast(4) }
        return (prefix + ".entities.csv", prefix + ".relations.csv", prefix + ".documents.csv")
    }

    /// The tables beside `path` by LinkGraph's naming: for `X.entities.csv` (or
    /// `entities.csv`) the `relations` and `documents` files with the same prefix, and so on.
    /// Returns the candidate paths; whether they exist is for the caller to check.
    public static func siblings(of path: String) -> [TableKind: String]? {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        let directory = url.deletingLastPathComponent().path
        for kind in [TableKind.entities, .relations, .documents] {
            let suffix = kind.rawValue + ".csv"
            guard name.lowercased().hasSuffix(suffix) else { continue }
            let stem = String(name.dropLast(suffix.count))
            guard stem.isEmpty || stem.hasSuffix(".") || stem.hasSuffix("_") || stem.hasSuffix("-") else { continue }
            var result: [TableKind: String] = [:]
            for other in [TableKind.entities, .relations, .documents] {
                result[other] = (directory == "/" ? "" : directory) + "/" + stem + other.rawValue + ".csv"
            }
            return result
        }
        return nil
    }

    /// The kind of table a header describes: `source` and `target` make relations, `id`
    /// with `title`/`sha256` and no `name`/`kind`/`label` documents, `id` entities.
    public static func kind(ofHeader header: [String]) -> TableKind? {
        let names = Set(header.map { $0.lowercased() })
        if names.contains("source") && names.contains("target") { return .relations }
        guard names.contains("id") else { return nil }
        if (names.contains("title") || names.contains("sha256")) && names.isDisjoint(with: ["name", "kind", "label"]) {
            return .documents
        }
        return .entities
    }

    /// A table read from a file, with its name for error messages.
    public struct Input: Sendable {
        public var data: Data
        public var file: String

        public init(data: Data, file: String) {
            self.data = data
            self.file = file
        }
    }

    /// Reads the tables into a case. Without an entities table, every endpoint of a
    /// relation becomes an entity of kind `other`. Column names `id`, `source`, `target`,
    /// `label`, `name`, `kind`, `type` and `weight` are matched in any letter case (Gephi
    /// writes `Id`, `Source`, `Label`, `Type`, `Weight`); a `type` of `Undirected` makes a
    /// relation undirected.
    /// - Throws: `FormatError` naming the file, the line and the column.
    public static func read(entities: Input?, relations: Input, documents: Input? = nil) throws -> CaseImport {
        var graph = PropertyGraph(isDirected: true)
        if let entities {
            let table = try CSVTable.parse(entities.data, file: entities.file)
            let header = normalized(table.header)
            guard let idColumn = header.firstIndex(of: "id") else {
                throw FormatError.invalid(
                    file: entities.file, line: 1, field: nil,
                    message: "the entities table has no id column (header: \(table.header.joined(separator: ",")))")
            }
            for (row, line) in zip(table.rows, table.lines) {
                let location = PropertyLocation(line: line, context: "", file: entities.file)
                guard let id = row[idColumn] else {
                    throw FormatError.invalid(file: entities.file, line: line, field: "id", message: "the id is empty")
                }
                graph.nodes.append(
                    PropertyNode(id: id, properties: properties(row, header, skip: [idColumn]), location: location))
            }
        }
        let table = try CSVTable.parse(relations.data, file: relations.file)
        let header = normalized(table.header)
        guard let sourceColumn = header.firstIndex(of: "source"), let targetColumn = header.firstIndex(of: "target")
        else {
            throw FormatError.invalid(
                file: relations.file, line: 1, field: nil,
                message:
                    "the relations table needs source and target columns (header: \(table.header.joined(separator: ",")))"
            )
        }
        let typeColumn = header.firstIndex(of: "type")
        for (row, line) in zip(table.rows, table.lines) {
            guard let source = row[sourceColumn], let target = row[targetColumn] else {
                throw FormatError.invalid(
                    file: relations.file, line: line, field: row[sourceColumn] == nil ? "source" : "target",
                    message: "the endpoint is empty")
            }
            var edge = PropertyEdge(
                source: source, target: target,
                properties: properties(
                    row, header, skip: [sourceColumn, targetColumn] + (typeColumn.map { [$0] } ?? [])),
                location: PropertyLocation(line: line, context: "", file: relations.file))
            if let typeColumn, let type = row[typeColumn]?.lowercased() {
                if type == "undirected" {
                    edge.isDirected = false
                } else if type == "directed" {
                    edge.isDirected = true
                } else {
                    edge.properties["type"] = .string(row[typeColumn]!)
                }
            }
            graph.edges.append(edge)
        }
        if let documents {
            let table = try CSVTable.parse(documents.data, file: documents.file)
            guard table.header.contains("id") else {
                throw FormatError.invalid(
                    file: documents.file, line: 1, field: nil, message: "the documents table has no id column")
            }
            var list: [JSONValue] = []
            for (row, line) in zip(table.rows, table.lines) {
                var object: JSONObject = [:]
                var unknown: JSONObject = [:]
                for (name, cell) in zip(table.header, row) {
                    guard let cell else { continue }
                    if name == CaseProperty.unknownFields {
                        guard case .object(let parsed)? = try? JSONParser.parse(cell) else {
                            throw FormatError.invalid(
                                file: documents.file, line: line, field: name, message: "expected a JSON object")
                        }
                        unknown = parsed
                    } else {
                        object[name] = .string(cell)
                    }
                }
                list.append(.object(object.merging(unknown)))
            }
            graph.properties[CaseProperty.documents] = .array(list)
        }
        return try graph.caseFile(file: relations.file, createMissingEndpoints: entities == nil)
    }

    static let caseInsensitive: Set<String> = ["id", "source", "target", "label", "name", "kind", "type", "weight"]

    static func normalized(_ header: [String]) -> [String] {
        header.map { caseInsensitive.contains($0.lowercased()) ? $0.lowercased() : $0 }
    }

    static func properties(_ row: [String?], _ header: [String], skip: [Int]) -> JSONObject {
        var object = JSONObject()
        for (index, name) in header.enumerated() where !skip.contains(index) {
            if let cell = row[index] { object[name] = .string(cell) }
        }
        return object
    }
}
