import LinkGraph

/// Writes a case (or any property graph) as GraphML with a typed `<key>` for every
/// property, as NetworkX (`read_graphml`), Gephi and yEd read it.
///
/// Keys are declared with `attr.name` and `attr.type` (`string`, `boolean`, `long`,
/// `double`); lists and other JSON values are written as JSON text in `string` keys. The
/// entity name is the node key `label` (Gephi shows it; yEd maps it with its Properties
/// Mapper). One `<graph edgedefault="directed">`; a symmetric relation is an edge with the
/// boolean key `directed` false (GraphML's own per-edge `directed="false"` is not used:
/// NetworkX refuses it in a directed graph). Edges have ids `e0`, `e1`, ... in case order,
/// so parallel relations stay distinct. Characters XML 1.0 cannot hold (NUL, most C0
/// controls) become U+FFFD; everything else is exact.
/// - Complexity: O(size of the output).
///
/// ## References
/// - GraphML Primer: <http://graphml.graphdrawing.org/primer/graphml-primer.html>
public enum GraphMLWriter {
    public static let namespace = "http://graphml.graphdrawing.org/xmlns"

    /// The case as GraphML text.
    public static func write(_ caseFile: CaseFile) -> String {
        write(PropertyGraph(case: caseFile, style: .typed, nameKey: CaseProperty.label), graphID: "case")
    }

    /// A property graph as GraphML text, ending with a newline.
    public static func write(_ graph: PropertyGraph, graphID: String = "G") -> String {
        let fixed: [String: PropertyType] = [CaseProperty.weight: .double, CaseProperty.confidence: .double]
        let graphColumns = PropertyColumn.infer([graph.properties])
        let nodeColumns = PropertyColumn.infer(graph.nodes.map(\.properties), fixed: fixed)
        let edgeColumns = PropertyColumn.infer(graph.edges.map(\.properties), fixed: fixed)
        var keyIDs: [String: [String: String]] = ["graph": [:], "node": [:], "edge": [:]]

        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<graphml xmlns=\"\(namespace)\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        out += " xsi:schemaLocation=\"\(namespace) http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        var next = 0
        for (domain, columns) in [("graph", graphColumns), ("node", nodeColumns), ("edge", edgeColumns)] {
            for column in columns {
                let id = "d\(next)"
                next += 1
                keyIDs[domain]![column.name] = id
                out += "  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\"\(XMLEscaping.attribute(column.name))\""
                out += " attr.type=\"\(typeName(column.type))\"/>\n"
            }
        }
        out +=
            "  <graph id=\"\(XMLEscaping.attribute(graphID))\" edgedefault=\"\(graph.isDirected ? "directed" : "undirected")\">\n"
        writeData(graph.properties, columns: graphColumns, keys: keyIDs["graph"]!, indent: "    ", into: &out)
        for node in graph.nodes {
            out += "    <node id=\"\(XMLEscaping.attribute(node.id))\""
            if node.properties.isEmpty {
                out += "/>\n"
                continue
            }
            out += ">\n"
            writeData(node.properties, columns: nodeColumns, keys: keyIDs["node"]!, indent: "      ", into: &out)
            out += "    </node>\n"
        }
        for (index, edge) in graph.edges.enumerated() {
            out +=
                "    <edge id=\"e\(index)\" source=\"\(XMLEscaping.attribute(edge.source))\" target=\"\(XMLEscaping.attribute(edge.target))\""
            if edge.properties.isEmpty {
                out += "/>\n"
                continue
            }
            out += ">\n"
            writeData(edge.properties, columns: edgeColumns, keys: keyIDs["edge"]!, indent: "      ", into: &out)
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
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

    private static func writeData(
        _ properties: JSONObject, columns: [PropertyColumn], keys: [String: String], indent: String,
        into out: inout String
    ) {
        for column in columns {
            guard let value = properties[column.name], let key = keys[column.name] else { continue }
            out += indent + "<data key=\"\(key)\">" + XMLEscaping.text(column.text(value)) + "</data>\n"
        }
    }
}
