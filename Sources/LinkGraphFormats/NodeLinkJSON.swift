import Foundation
import LinkGraph

/// NetworkX's node-link JSON (also D3's): what `networkx.node_link_data(G, edges="links")`
/// gives for a `MultiDiGraph` of the case, and what `networkx.node_link_graph(data,
/// edges="links")` reads back.
///
/// ```json
/// {"directed": true, "multigraph": true, "graph": {"documents": [...]},
///  "nodes": [{"name": "Iran", "kind": "country", "aliases": [...], "attr_role": "...", "id": "iran"}],
///  "links": [{"kind": "influences", "directed": true, "from": "2003", "evidence": [...],
///             "source": "iran", "target": "iraq", "key": 0}]}
/// ```
/// Values are native JSON (lists, objects, numbers as they are). `key` numbers the parallel
/// edges of each (source, target) pair from 0, as NetworkX does when the relations are
/// added in case order. Links are in case order (NetworkX itself lists them grouped by
/// source node; the set is the same).
///
/// ## References
/// - `networkx.readwrite.json_graph.node_link_data`:
///   <https://networkx.org/documentation/stable/reference/readwrite/generated/networkx.readwrite.json_graph.node_link_data.html>
public enum NodeLinkJSON {
    /// The case as node-link JSON text (pretty, final newline).
    public static func write(_ caseFile: CaseFile) -> String {
        JSONWriter.pretty(value(PropertyGraph(case: caseFile, style: .json)))
    }

    /// A property graph as a node-link JSON value.
    public static func value(_ graph: PropertyGraph) -> JSONValue {
        var nodes: [JSONValue] = []
        nodes.reserveCapacity(graph.nodes.count)
        for node in graph.nodes {
            var object = node.properties
            object["id"] = nil
            object["id"] = .string(node.id)
            nodes.append(.object(object))
        }
        var links: [JSONValue] = []
        links.reserveCapacity(graph.edges.count)
        struct Pair: Hashable {
            let source: String
            let target: String
        }
        var keys: [Pair: Int] = [:]
        for edge in graph.edges {
            var object = edge.properties
            for name in ["source", "target", "key"] { object[name] = nil }
            object["source"] = .string(edge.source)
            object["target"] = .string(edge.target)
            let pair = Pair(source: edge.source, target: edge.target)
            let key = keys[pair, default: 0]
            keys[pair] = key + 1
            object["key"] = .number(JSONNumber(key))
            links.append(.object(object))
        }
        let top: JSONObject = [
            "directed": .bool(graph.isDirected), "multigraph": true, "graph": .object(graph.properties),
            "nodes": .array(nodes), "links": .array(links),
        ]
        return .object(top)
    }

    /// Whether a parsed JSON document is node-link data (it has `nodes` and `links` or
    /// `edges`) rather than a case file (which has `entities`).
    public static func isNodeLink(_ json: JSONValue) -> Bool {
        guard case .object(let top) = json else { return false }
        return top["nodes"] != nil && (top["links"] != nil || top["edges"] != nil) && top["entities"] == nil
    }

    /// Reads node-link JSON text (edges under `links` or `edges`; node ids and endpoints
    /// strings or numbers) into a property graph. `key` is dropped; `directed` (default
    /// false, as NetworkX) is the graph's direction.
    /// - Throws: `FormatError.syntax` for bad JSON (line and column), `.invalid` with the
    ///   JSON path (`links[3].source`) for a document of the wrong shape.
    public static func read(_ data: Data, file: String, maxDepth: Int = JSONParser.defaultMaxDepth) throws
        -> PropertyGraph
    {
        let json: JSONValue
        do {
            json = try JSONParser.parse(data, maxDepth: maxDepth)
        } catch let error as JSONSyntaxError {
            throw FormatError.syntax(
                file: file, line: error.line, column: error.column, message: "invalid JSON: \(error.message)")
        }
        return try read(json, file: file)
    }

    /// Reads a parsed node-link document into a property graph.
    public static func read(_ json: JSONValue, file: String) throws -> PropertyGraph {
        func invalid(_ field: String, _ message: String) -> FormatError {
            .invalid(file: file, line: nil, field: field, message: message)
        }
        guard case .object(let top) = json else {
            throw invalid("$", "expected an object at the top level, found \(json.typeName)")
        }
        guard case .array(let nodes)? = top["nodes"] else {
            throw invalid("nodes", "expected an array of node objects")
        }
        let edgesKey = top["links"] != nil ? "links" : "edges"
        guard case .array(let links)? = top[edgesKey] else {
            throw invalid(edgesKey, "expected an array of link objects")
        }
        var graph = PropertyGraph(isDirected: top["directed"]?.boolValue ?? false)
        if let properties = top["graph"] {
            guard case .object(let object) = properties else {
                throw invalid("graph", "expected an object, found \(properties.typeName)")
            }
            graph.properties = object
        }
        for (i, element) in nodes.enumerated() {
            let path = "nodes[\(i)]"
            guard case .object(var object) = element else {
                throw invalid(path, "expected an object, found \(element.typeName)")
            }
            guard let idValue = object.removeValue("id") else {
                throw invalid(path + ".id", "required field is missing")
            }
            let id = try identifier(idValue, path + ".id", invalid)
            graph.nodes.append(PropertyNode(id: id, properties: object, location: PropertyLocation(context: path)))
        }
        for (i, element) in links.enumerated() {
            let path = "\(edgesKey)[\(i)]"
            guard case .object(var object) = element else {
                throw invalid(path, "expected an object, found \(element.typeName)")
            }
            guard let sourceValue = object.removeValue("source") else {
                throw invalid(path + ".source", "required field is missing")
            }
            guard let targetValue = object.removeValue("target") else {
                throw invalid(path + ".target", "required field is missing")
            }
            _ = object.removeValue("key")
            let source = try identifier(sourceValue, path + ".source", invalid)
            let target = try identifier(targetValue, path + ".target", invalid)
            graph.edges.append(
                PropertyEdge(
                    source: source, target: target, properties: object, location: PropertyLocation(context: path)))
        }
        return graph
    }

    /// The case a node-link document describes (see `PropertyGraph.caseFile(file:)`).
    public static func readCase(_ data: Data, file: String, maxDepth: Int = JSONParser.defaultMaxDepth) throws
        -> CaseImport
    {
        try read(data, file: file, maxDepth: maxDepth).caseFile(file: file)
    }

    /// A node id: a string, or a number or boolean as its text (NetworkX allows any
    /// hashable; JSON gives these).
    private static func identifier(_ value: JSONValue, _ path: String, _ invalid: (String, String) -> FormatError)
        throws -> String
    {
        switch value {
        case .string(let s): return s
        case .number(let n): return n.text
        case .bool(let b): return b ? "true" : "false"
        case .array: return JSONWriter.compact(value)  // NetworkX writes tuple ids as lists
        default: throw invalid(path, "expected a string or number, found \(value.typeName)")
        }
    }
}
