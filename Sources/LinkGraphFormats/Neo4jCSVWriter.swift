import LinkGraph

/// Writes a case as the header-annotated CSV files that `neo4j-admin database import`
/// reads: `nodes.csv`, `relationships.csv`, and `import.sh` with the command.
///
/// - `nodes.csv`: `id:ID`, `:LABEL` (`Entity` and the kind's label, e.g. `Entity;Person`),
///   `name`, `kind`, `aliases:string[]`, attributes as `attr_KEY` (typed `:boolean`,
///   `:long`, `:double` when all values are), `unknown_fields`.
/// - `relationships.csv`: `:START_ID`, `:END_ID`, `:TYPE` (UPPER_SNAKE_CASE of the kind),
///   `kind`, `directed:boolean`, `weight:double`, `confidence:double`, `from`, `until`,
///   `from_date:date`, `until_date:date` (first and last day), `evidence` (JSON text),
///   attributes.
/// Property names keep only ASCII letters, digits and `_` (a `:` would be read as a type).
/// Lists are joined with the array delimiter: `;`, or the first of `|`, U+001F that no
/// list element holds; `import.sh` passes it with `--array-delimiter`, and
/// `--multiline-fields=true` for values with line breaks.
///
/// ## References
/// - Neo4j Operations Manual, "Import": CSV header format:
///   <https://neo4j.com/docs/operations-manual/current/import/>
public enum Neo4jCSVWriter {
    public struct Files: Equatable, Sendable {
        public var nodes: String
        public var relationships: String
        /// A shell script that runs the import from the directory holding the files.
        public var importScript: String
        public var arrayDelimiter: Character
    }

    public static func write(_ caseFile: CaseFile) -> Files {
        let graph = PropertyGraph(case: caseFile, style: .typed)
        let fixed: [String: PropertyType] = [CaseProperty.weight: .double, CaseProperty.confidence: .double]
        let nodeColumns = PropertyColumn.infer(graph.nodes.map(\.properties), fixed: fixed)
        let edgeColumns = PropertyColumn.infer(graph.edges.map(\.properties), fixed: fixed)
        let lists = graph.nodes.flatMap { node in
            nodeColumns.filter { $0.type == .stringList }.flatMap { node.properties[$0.name]?.arrayValue ?? [] }
        }
        let delimiter: Character =
            [";", "|", "\u{1F}"].first { d in !lists.contains { $0.stringValue?.contains(d) ?? false } } ?? ";"

        let nodeKeys = PropertyNames.keys(["id"] + nodeColumns.map(\.name))
        var nodes = CSVTable(header: ["id:ID", ":LABEL"] + nodeColumns.map { nodeKeys[$0.name]! + suffix($0.type) })
        for (node, entity) in zip(graph.nodes, caseFile.entities) {
            var row: [String?] = [node.id, "Entity" + String(delimiter) + PropertyNames.label(entity.kind.rawValue)]
            row += nodeColumns.map { column in node.properties[column.name].map { cell($0, column, delimiter) } }
            nodes.rows.append(row)
        }
        let edgeKeys = PropertyNames.keys(edgeColumns.map(\.name) + ["from_date", "until_date"])
        var header = [":START_ID", ":END_ID", ":TYPE"] + edgeColumns.map { edgeKeys[$0.name]! + suffix($0.type) }
        header += [edgeKeys["from_date"]! + ":date", edgeKeys["until_date"]! + ":date"]
        var relationships = CSVTable(header: header)
        for (edge, relation) in zip(graph.edges, caseFile.relations) {
            var row: [String?] = [edge.source, edge.target, PropertyNames.relationshipType(relation.kind.rawValue)]
            row += edgeColumns.map { column in edge.properties[column.name].map { cell($0, column, delimiter) } }
            row.append(relation.from.map { GEXFWriter.day($0.earliestDay) })
            row.append(relation.until.map { GEXFWriter.day($0.latestDay) })
            relationships.rows.append(row)
        }
        let shown = delimiter == "\u{1F}" ? "\\031" : String(delimiter)
        let script = """
            #!/bin/sh
            # Imports nodes.csv and relationships.csv (written by linkgraph export --to neo4j-csv)
            # into a new Neo4j database, by default "neo4j". Run it where neo4j-admin is on the PATH.
            cd "$(dirname "$0")" || exit 1
            exec neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv \\
              --array-delimiter='\(shown)' --multiline-fields=true "${1:-neo4j}"

            """
        return Files(
            nodes: nodes.text(), relationships: relationships.text(), importScript: script, arrayDelimiter: delimiter)
    }

    static func suffix(_ type: PropertyType) -> String {
        switch type {
        case .string, .json: return ""
        case .boolean: return ":boolean"
        case .long: return ":long"
        case .double: return ":double"
        case .stringList: return ":string[]"
        }
    }

    static func cell(_ value: JSONValue, _ column: PropertyColumn, _ delimiter: Character) -> String {
        if column.type == .stringList, case .array(let elements) = value {
            return elements.compactMap(\.stringValue).joined(separator: String(delimiter))
        }
        return column.text(value)
    }
}
