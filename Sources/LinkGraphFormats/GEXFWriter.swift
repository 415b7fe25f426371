import LinkGraph

/// Writes a case (or any property graph) as GEXF 1.3 for Gephi, readable by NetworkX
/// (`read_gexf`).
///
/// The entity name is the node's `label`; a relation's kind is both the edge's `kind`
/// (Gephi's edge type, which keeps parallel edges of different kinds apart) and a `kind`
/// attribute; its weight is the edge's `weight`. Every other property is an `<attvalue>`
/// of a typed `<attribute>` (`string`, `boolean`, `long`, `double`; lists and other JSON
/// values as JSON text). Relation dates become spells for Gephi's timeline
/// (`mode="dynamic"`, `timeformat="date"`): `from` is the earliest day its partial date
/// covers, `until` the latest (`2014` → 2014-01-01 … 2014-12-31); the exact partial dates
/// are kept in the `from` and `until` attributes. Symmetric relations carry `directed`
/// false as an attribute (an edge `type="undirected"` in a directed graph is refused by
/// NetworkX). GEXF has no graph attributes: documents are not written.
/// - Complexity: O(size of the output).
///
/// ## References
/// - GEXF 1.3 schema and primer: <https://gexf.net/>
public enum GEXFWriter {
    public static let namespace = "http://gexf.net/1.3"

    /// The case as GEXF text.
    public static func write(_ caseFile: CaseFile) -> String {
        write(PropertyGraph(case: caseFile, style: .typed, nameKey: CaseProperty.label))
    }

    /// A property graph as GEXF text, ending with a newline. Node property `label` is the
    /// node label; edge properties `weight` (a number) and `kind` (a string) are also
    /// written as the edge's own attributes; `from`/`until` partial dates become a spell.
    public static func write(_ graph: PropertyGraph) -> String {
        let fixed: [String: PropertyType] = [CaseProperty.confidence: .double]
        var nodeRecords = graph.nodes.map(\.properties)
        for i in nodeRecords.indices where nodeRecords[i][CaseProperty.label]?.stringValue != nil {
            nodeRecords[i][CaseProperty.label] = nil
        }
        var edgeRecords = graph.edges.map(\.properties)
        for i in edgeRecords.indices where edgeRecords[i][CaseProperty.weight]?.doubleValue != nil {
            edgeRecords[i][CaseProperty.weight] = nil
        }
        let nodeColumns = PropertyColumn.infer(nodeRecords, fixed: fixed)
        let edgeColumns = PropertyColumn.infer(edgeRecords, fixed: fixed)
        let spells = graph.edges.map { spell($0.properties) }
        let dynamic = spells.contains { $0 != nil }

        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<gexf xmlns=\"\(namespace)\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        out += " xsi:schemaLocation=\"\(namespace) http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
        out += "  <meta>\n    <creator>LinkGraph</creator>\n  </meta>\n"
        out += "  <graph defaultedgetype=\"\(graph.isDirected ? "directed" : "undirected")\""
        out += dynamic ? " mode=\"dynamic\" timeformat=\"date\">\n" : " mode=\"static\">\n"
        for (domain, prefix, columns) in [("node", "n", nodeColumns), ("edge", "e", edgeColumns)] where !columns.isEmpty
        {
            out += "    <attributes class=\"\(domain)\">\n"
            for (i, column) in columns.enumerated() {
                out +=
                    "      <attribute id=\"\(prefix)\(i)\" title=\"\(XMLEscaping.attribute(column.name))\" type=\"\(typeName(column.type))\"/>\n"
            }
            out += "    </attributes>\n"
        }
        out += "    <nodes>\n"
        for (node, record) in zip(graph.nodes, nodeRecords) {
            out += "      <node id=\"\(XMLEscaping.attribute(node.id))\""
            if let label = node.properties[CaseProperty.label]?.stringValue {
                out += " label=\"\(XMLEscaping.attribute(label))\""
            }
            let values = attvalues(record, columns: nodeColumns, prefix: "n", indent: "        ")
            out += values.isEmpty ? "/>\n" : ">\n" + values + "      </node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for (index, edge) in graph.edges.enumerated() {
            out +=
                "      <edge id=\"\(index)\" source=\"\(XMLEscaping.attribute(edge.source))\" target=\"\(XMLEscaping.attribute(edge.target))\""
            if let kind = edge.properties[CaseProperty.kind]?.stringValue {
                out += " kind=\"\(XMLEscaping.attribute(kind))\""
            }
            if case .number(let weight)? = edge.properties[CaseProperty.weight] { out += " weight=\"\(weight.text)\"" }
            var body = attvalues(edgeRecords[index], columns: edgeColumns, prefix: "e", indent: "        ")
            if let spell = spells[index] {
                body += "        <spells>\n          <spell"
                if let start = spell.start { body += " start=\"\(start)\"" }
                if let end = spell.end { body += " end=\"\(end)\"" }
                body += "/>\n        </spells>\n"
            }
            out += body.isEmpty ? "/>\n" : ">\n" + body + "      </edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return out
    }

    static func typeName(_ type: PropertyType) -> String {
        switch type {
        case .string, .stringList, .json: return "string"
        case .boolean: return "boolean"
        case .long: return "long"
        case .double: return "double"
        }
    }

    /// The spell of an edge's `from`/`until`: the first day of `from`, the last of `until`.
    static func spell(_ properties: JSONObject) -> (start: String?, end: String?)? {
        let from = properties[CaseProperty.from]?.stringValue.flatMap(PartialDate.init)
        let until = properties[CaseProperty.until]?.stringValue.flatMap(PartialDate.init)
        if from == nil && until == nil { return nil }
        return (from.map { day($0.earliestDay) }, until.map { day($0.latestDay) })
    }

    /// `yyyymmdd` as `yyyy-mm-dd`.
    static func day(_ value: Int) -> String {
        let year = String(value / 10_000), month = String(value / 100 % 100), day = String(value % 100)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-"
            + (month.count < 2 ? "0" : "") + month + "-" + (day.count < 2 ? "0" : "") + day
    }

    private static func attvalues(_ properties: JSONObject, columns: [PropertyColumn], prefix: String, indent: String)
        -> String
    {
        var out = ""
        for (i, column) in columns.enumerated() {
            guard let value = properties[column.name] else { continue }
            out +=
                indent + "  <attvalue for=\"\(prefix)\(i)\" value=\"\(XMLEscaping.attribute(column.text(value)))\"/>\n"
        }
        return out.isEmpty ? "" : indent + "<attvalues>\n" + out + indent + "</attvalues>\n"
    }
}
