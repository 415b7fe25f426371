import LinkGraph

/// Writes a case as a Cypher script for Neo4j (cypher-shell, Neo4j Browser): one statement
/// per line, each ending with `;`.
///
/// - A uniqueness constraint on `:Entity(id)`, then one `MERGE (n:Entity {id: ...})` per
///   entity with a second label from its kind (`Person`, `Organization`, `Country`,
///   `Place`, `Event`, `Other`; other kinds in PascalCase, see `PropertyNames.label`) and
///   its properties: `name`, `kind`, `aliases` (a list), attributes as `attr_KEY`.
/// - One `CREATE` per relation, typed from its kind in UPPER_SNAKE_CASE (`REPORTS_TO`),
///   with `kind`, `directed`, `weight`, `confidence`, `from`, `until` (the partial dates as
///   written), `from_date`/`until_date` (Neo4j dates: the first day of `from`, the last of
///   `until`), `evidence` (JSON text) and attributes.
///
/// Every value is a literal: strings single-quoted with `\\`, `\'` and control characters
/// escaped (`\n`, `\uXXXX`), so no name can end the string; property keys, labels and
/// types keep only ASCII letters, digits and `_` and keys are backquoted. Nothing from the
/// case is written into a comment. Entities are merged, so running the script twice does
/// not duplicate them; relations are created, so it duplicates those: run it on an empty
/// database, or delete the case's relations first.
///
/// ## References
/// - Cypher manual, "Literals" (string escapes) and "MERGE":
///   <https://neo4j.com/docs/cypher-manual/current/syntax/expressions/>
public enum CypherWriter {
    public static func write(_ caseFile: CaseFile) -> String {
        let graph = PropertyGraph(case: caseFile, style: .typed)
        let nodeKeys = PropertyNames.keys(["id"] + PropertyColumn.infer(graph.nodes.map(\.properties)).map(\.name))
        let edgeKeys = PropertyNames.keys(
            PropertyColumn.infer(graph.edges.map(\.properties)).map(\.name) + ["from_date", "until_date"])
        var out = "// LinkGraph case: \(caseFile.entities.count) entities, \(caseFile.relations.count) relations.\n"
        out += "// Entities are merged on :Entity(id); relations are created: run once, on an empty database.\n"
        out += "CREATE CONSTRAINT linkgraph_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n"
        for (node, entity) in zip(graph.nodes, caseFile.entities) {
            out += "MERGE (n:Entity {id: \(string(node.id))}) SET n:\(PropertyNames.label(entity.kind.rawValue))"
            if !node.properties.isEmpty { out += ", n += " + map(node.properties, keys: nodeKeys, extra: []) }
            out += ";\n"
        }
        for (edge, relation) in zip(graph.edges, caseFile.relations) {
            var extra: [(String, String)] = []
            if let from = relation.from {
                extra.append(("from_date", "date(\(string(GEXFWriter.day(from.earliestDay))))"))
            }
            if let until = relation.until {
                extra.append(("until_date", "date(\(string(GEXFWriter.day(until.latestDay))))"))
            }
            out += "MATCH (a:Entity {id: \(string(edge.source))}), (b:Entity {id: \(string(edge.target))}) "
            out += "CREATE (a)-[:\(PropertyNames.relationshipType(relation.kind.rawValue)) "
            out += map(edge.properties, keys: edgeKeys, extra: extra) + "]->(b);\n"
        }
        return out
    }

    /// A map literal `{`key`: value, ...}` in property order, then `extra` (already Cypher).
    static func map(_ properties: JSONObject, keys: [String: String], extra: [(String, String)]) -> String {
        var items: [String] = []
        for (name, value) in properties {
            guard let literal = literal(value) else { continue }
            items.append("`\(keys[name] ?? PropertyNames.key(name))`: \(literal)")
        }
        for (name, expression) in extra { items.append("`\(keys[name] ?? name)`: \(expression)") }
        return "{" + items.joined(separator: ", ") + "}"
    }

    /// A Cypher literal for a property value: strings, numbers, booleans and lists of
    /// them; objects and mixed lists as JSON text; nil for null.
    static func literal(_ value: JSONValue) -> String? {
        switch value {
        case .null: return nil
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.text
        case .string(let s): return string(s)
        case .array(let elements) where elements.allSatisfy({ $0.stringValue != nil }):
            return "[" + elements.compactMap { $0.stringValue.map(string) }.joined(separator: ", ") + "]"
        default: return string(JSONWriter.compact(value))
        }
    }

    /// `text` as a single-quoted Cypher string literal that reads back as `text`.
    public static func string(_ text: String) -> String {
        var out = "'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "'"
    }
}
