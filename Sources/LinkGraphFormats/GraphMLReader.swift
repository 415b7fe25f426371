import Foundation
import LinkGraph

/// Reads GraphML (as written by LinkGraph, NetworkX, Gephi, yEd, igraph) into a property
/// graph, and from there into a case.
///
/// - `<key>`s give each `<data>` its name and type (`boolean`, `int`, `long`, `float`,
///   `double`, `string`); a key's `<default>` fills nodes or edges that lack it. yEd's
///   graphics keys (`yfiles.type`) are skipped, except that a `NodeLabel`/`EdgeLabel`
///   becomes the `label` when there is none.
/// - Nodes of nested graphs (yEd groups) are read as nodes with the property `parent`.
/// - An edge's `directed="false"` or an undirected graph makes its relation undirected.
/// - Refused: DTDs and entities (see `SafeXMLReader`), hyperedges.
/// Errors name the file and the line.
public enum GraphMLReader {
    /// The first graph of the document.
    /// - Throws: `FormatError`.
    public static func read(_ data: Data, file: String) throws -> PropertyGraph {
        let handler = Handler(file: file)
        try SafeXMLReader.read(data, file: file, handler: handler)
        guard handler.sawGraph else {
            throw FormatError.invalid(
                file: file, line: nil, field: nil, message: "no <graph> element: not a GraphML file")
        }
        return handler.graph
    }

    /// The case the document describes (see `PropertyGraph.caseFile(file:)`).
    public static func readCase(_ data: Data, file: String) throws -> CaseImport {
        try read(data, file: file).caseFile(file: file)
    }

    struct Key {
        let name: String
        let type: String
        let domain: String
        var defaultText: String?
        let isGraphics: Bool
    }

    enum Target {
        case graph
        case node(Int)
        case edge(Int)
        /// A graph inside a node of the read graph (a yEd group): its nodes are read.
        case nested
        case ignored
    }

    final class Handler: XMLEventHandler {
        let file: String
        var graph = PropertyGraph()
        var sawRoot = false
        var sawGraph = false
        var keys: [String: Key] = [:]
        var keyOrder: [String] = []
        var currentKey: String?
        var inDefault = false
        /// Open graph, node and edge elements, innermost last.
        var targets: [Target] = []
        /// Open `<graph>` elements: the enclosing node of each (nil at the top).
        var graphParents: [String?] = []
        var data: (key: String, line: Int, text: String, children: Int)?
        var label: String?
        var inLabel = false
        var text = ""
        /// The root's namespace; outside `<data>`, an element in another one (yEd's `<y:node>`)
        /// is skipped with everything in it, as NetworkX matches namespace and local name.
        var namespace = ""
        /// How deep inside a skipped foreign element the reader is (0: not inside one).
        var foreignDepth = 0

        init(file: String) { self.file = file }

        func invalid(_ line: Int, _ message: String) -> FormatError {
            .invalid(file: file, line: line, field: nil, message: message)
        }

        func start(_ element: XMLStart) throws {
            let a = element.attributes
            if !sawRoot {
                sawRoot = true
                guard element.name == "graphml" else {
                    throw invalid(
                        element.line, "not a GraphML file: the root element is <\(element.name)>, expected <graphml>")
                }
                namespace = element.namespace ?? ""
                return
            }
            if data != nil {
                data!.children += 1
                if (element.name == "NodeLabel" || element.name == "EdgeLabel") && label == nil {
                    inLabel = true
                    text = ""
                }
                return
            }
            if foreignDepth > 0 || (element.namespace ?? "") != namespace {
                foreignDepth += 1
                return
            }
            switch element.name {
            case "key":
                guard let id = a["id"] else { throw invalid(element.line, "<key> without an id") }
                let graphics = a["yfiles.type"] != nil
                guard let name = a["attr.name"] ?? (graphics ? id : nil) else {
                    throw invalid(element.line, "<key id=\"\(id)\"> has no attr.name")
                }
                let type = a["attr.type"] ?? "string"
                guard graphics || ["boolean", "int", "long", "float", "double", "string"].contains(type) else {
                    throw invalid(
                        element.line,
                        "<key id=\"\(id)\">: unknown attr.type \"\(type)\" (expected boolean, int, long, float, double or string)"
                    )
                }
                if keys[id] == nil { keyOrder.append(id) }
                keys[id] = Key(
                    name: name, type: type, domain: a["for"] ?? "all", defaultText: nil, isGraphics: graphics)
                currentKey = id
            case "default":
                if currentKey != nil {
                    inDefault = true
                    text = ""
                }
            case "graph":
                let parent: String? = {
                    if case .node(let index)? = targets.last { return graph.nodes[index].id }
                    return nil
                }()
                if !sawGraph {
                    sawGraph = true
                    graph.isDirected = (a["edgedefault"] ?? "directed") != "undirected"
                    targets.append(.graph)
                } else if graphParents.isEmpty || !isInReadGraph {
                    targets.append(.ignored)  // a second top-level graph: only the first is read
                } else {
                    targets.append(.nested)
                }
                graphParents.append(parent)
            case "node":
                guard isInReadGraph else { targets.append(.ignored); return }
                guard let id = a["id"] else { throw invalid(element.line, "<node> without an id") }
                var node = PropertyNode(
                    id: id, location: PropertyLocation(line: element.line, context: "node \"\(id)\""))
                if let parent = graphParents.last ?? nil { node.properties["parent"] = .string(parent) }
                targets.append(.node(graph.nodes.count))
                graph.nodes.append(node)
            case "edge":
                guard isInReadGraph else { targets.append(.ignored); return }
                guard let source = a["source"], let target = a["target"] else {
                    throw invalid(element.line, "<edge> needs both source and target")
                }
                var directed: Bool?
                if let d = a["directed"] { directed = d == "true" || d == "1" }
                let name = a["id"].map { "edge \"\($0)\"" } ?? "edge \(source) → \(target)"
                targets.append(.edge(graph.edges.count))
                graph.edges.append(
                    PropertyEdge(
                        source: source, target: target, isDirected: directed,
                        location: PropertyLocation(line: element.line, context: name)))
            case "data":
                guard let key = a["key"] else { throw invalid(element.line, "<data> without a key") }
                guard keys[key] != nil else {
                    throw invalid(element.line, "<data key=\"\(key)\">: no <key> has that id")
                }
                data = (key, element.line, "", 0)
                label = nil
            case "hyperedge":
                throw invalid(element.line, "hyperedges are not supported")
            default:
                break
            }
        }

        /// Whether elements here belong to the first top-level graph (or its nested graphs).
        var isInReadGraph: Bool {
            if case .ignored? = targets.last { return false }
            return !targets.isEmpty
        }

        func text(_ string: String) {
            if data != nil {
                if inLabel { text += string } else if data!.children == 0 { data!.text += string }
            } else if inDefault {
                text += string
            }
        }

        func end(_ name: String, line: Int) throws {
            if var current = data {
                if name == "data" && current.children == 0 {
                    data = nil
                    try finishData(current)
                    return
                }
                if inLabel && (name == "NodeLabel" || name == "EdgeLabel") {
                    inLabel = false
                    label = text
                }
                current.children -= 1
                data = current
                return
            }
            if foreignDepth > 0 {
                foreignDepth -= 1
                return
            }
            switch name {
            case "default":
                if inDefault, let id = currentKey { keys[id]?.defaultText = text }
                inDefault = false
            case "key":
                currentKey = nil
            case "graph":
                targets.removeLast()
                graphParents.removeLast()
            case "node", "edge":
                if let target = targets.popLast() { applyDefaults(target) }
            default:
                break
            }
        }

        func finishData(_ current: (key: String, line: Int, text: String, children: Int)) throws {
            let key = keys[current.key]!
            var value: JSONValue?
            if key.isGraphics {
                if let label { value = .string(label) }
            } else {
                value = try convert(current.text, type: key.type, line: current.line, name: key.name)
            }
            guard let value else { return }
            let name = key.isGraphics ? CaseProperty.label : key.name
            switch targets.last {
            case .graph?:
                if graphParents.count == 1 { graph.properties[name] = value }
            case .node(let index)?:
                if !(key.isGraphics && graph.nodes[index].properties[name] != nil) {
                    graph.nodes[index].properties[name] = value
                }
            case .edge(let index)?:
                if !(key.isGraphics && graph.edges[index].properties[name] != nil) {
                    graph.edges[index].properties[name] = value
                }
            default:
                break
            }
        }

        func convert(_ text: String, type: String, line: Int, name: String) throws -> JSONValue? {
            if type == "string" { return .string(text) }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { return nil }
            switch type {
            case "boolean":
                switch trimmed.lowercased() {
                case "true", "1": return .bool(true)
                case "false", "0": return .bool(false)
                default:
                    throw FormatError.invalid(
                        file: file, line: line, field: name, message: "expected true or false, found \"\(trimmed)\"")
                }
            case "int", "long":
                if let n = Int64(trimmed) { return .number(JSONNumber(text: String(n))) }
                throw FormatError.invalid(
                    file: file, line: line, field: name, message: "expected an integer, found \"\(trimmed)\"")
            default:
                guard let d = Double(trimmed) else {
                    throw FormatError.invalid(
                        file: file, line: line, field: name, message: "expected a number, found \"\(trimmed)\"")
                }
                return d.isFinite ? .number(JSONNumber.decimal(trimmed)!) : .string(trimmed)
            }
        }

        func applyDefaults(_ target: Target) {
            let domain: String
            switch target {
            case .node: domain = "node"
            case .edge: domain = "edge"
            default: return
            }
            for id in keyOrder {
                guard let key = keys[id], !key.isGraphics, key.domain == domain || key.domain == "all",
                    let text = key.defaultText,
                    let value = try? convert(text, type: key.type, line: 0, name: key.name)
                else { continue }
                switch target {
                case .node(let index) where graph.nodes[index].properties[key.name] == nil:
                    graph.nodes[index].properties[key.name] = value
                case .edge(let index) where graph.edges[index].properties[key.name] == nil:
                    graph.edges[index].properties[key.name] = value
                default:
                    break
                }
            }
        }
    }
}
