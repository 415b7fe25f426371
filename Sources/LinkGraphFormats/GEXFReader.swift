import Foundation
import LinkGraph

/// Reads GEXF (1.1, 1.2, 1.3; as written by Gephi, NetworkX and LinkGraph) into a property
/// graph, and from there into a case.
///
/// - A node's `label` is its `label` property; `<attvalue>`s are typed by their
///   `<attribute>` (integers and decimals as numbers, `boolean`, everything else as text);
///   an attribute's `<default>` fills nodes or edges that lack it. Hierarchy (`pid`, nested
///   `<nodes>`) becomes the property `parent`.
/// - An edge's `weight`, `label` and `kind` are properties of those names (a `kind`
///   attribute wins over the edge's `kind`); `type="undirected"` or `"mutual"`, or an
///   undirected graph, makes it undirected.
/// - Spells (and an edge's `start`/`end`) in dates give `from`/`until` when the attributes
///   do not: the earliest start and the latest end; with several spells all are also kept
///   in the attribute `spells`. Dynamic attribute values become a list of
///   `{value, start, end}`.
/// - Refused: DTDs and entities (see `SafeXMLReader`).
/// Errors name the file and the line.
public enum GEXFReader {
    /// The graph of the document.
    /// - Throws: `FormatError`.
    public static func read(_ data: Data, file: String) throws -> PropertyGraph {
        let handler = Handler(file: file)
        try SafeXMLReader.read(data, file: file, handler: handler)
        guard handler.sawGraph else {
            throw FormatError.invalid(file: file, line: nil, field: nil, message: "no <graph> element: not a GEXF file")
        }
        return handler.graph
    }

    /// The case the document describes (see `PropertyGraph.caseFile(file:)`).
    public static func readCase(_ data: Data, file: String) throws -> CaseImport {
        try read(data, file: file).caseFile(file: file)
    }

    struct Attribute {
        let title: String
        let type: String
        var defaultText: String?
    }

    final class Handler: XMLEventHandler {
        let file: String
        var graph = PropertyGraph(isDirected: false)
        var sawRoot = false
        var sawGraph = false
        var attributes: [String: [String: Attribute]] = ["node": [:], "edge": [:]]
        var attributeOrder: [String: [String]] = ["node": [], "edge": []]
        var attributeClass: String?
        var currentAttribute: String?
        var inDefault = false
        var text = ""
        /// Open `<node>` elements (indices into graph.nodes), innermost last.
        var openNodes: [Int] = []
        var edge: Int?
        var spells: [(start: String?, end: String?)] = []
        var dynamicValues: [String: [JSONValue]] = [:]
        /// The root's namespace; an element in another one (`<viz:node>`) is skipped with
        /// everything in it, as NetworkX matches namespace and local name.
        var namespace = ""
        /// How deep inside a skipped foreign element the reader is (0: not inside one).
        var foreignDepth = 0

        init(file: String) { self.file = file }

        func invalid(_ line: Int, _ field: String?, _ message: String) -> FormatError {
            .invalid(file: file, line: line, field: field, message: message)
        }

        func start(_ element: XMLStart) throws {
            let a = element.attributes
            if !sawRoot {
                sawRoot = true
                guard element.name == "gexf" else {
                    throw invalid(
                        element.line, nil, "not a GEXF file: the root element is <\(element.name)>, expected <gexf>")
                }
                namespace = element.namespace ?? ""
                return
            }
            if foreignDepth > 0 || (element.namespace ?? "") != namespace {
                foreignDepth += 1
                return
            }
            switch element.name {
            case "graph":
                guard !sawGraph else { throw invalid(element.line, nil, "more than one <graph>") }
                sawGraph = true
                graph.isDirected = a["defaultedgetype"] == "directed"
            case "attributes":
                let domain = a["class"] ?? "node"
                guard domain == "node" || domain == "edge" else {
                    attributeClass = nil
                    return
                }
                attributeClass = domain
            case "attribute":
                guard let domain = attributeClass else { return }
                guard let id = a["id"] else { throw invalid(element.line, nil, "<attribute> without an id") }
                guard let title = a["title"] ?? Optional(id) else { return }
                if attributes[domain]![id] == nil { attributeOrder[domain]!.append(id) }
                attributes[domain]![id] = Attribute(title: title, type: a["type"] ?? "string", defaultText: nil)
                currentAttribute = id
            case "default":
                if currentAttribute != nil {
                    inDefault = true
                    text = ""
                }
            case "node":
                guard let id = a["id"] else { throw invalid(element.line, nil, "<node> without an id") }
                var node = PropertyNode(
                    id: id, location: PropertyLocation(line: element.line, context: "node \"\(id)\""))
                if let label = a["label"] { node.properties[CaseProperty.label] = .string(label) }
                if let parent = a["pid"] ?? openNodes.last.map({ graph.nodes[$0].id }) {
                    node.properties["parent"] = .string(parent)
                }
                openNodes.append(graph.nodes.count)
                graph.nodes.append(node)
                dynamicValues = [:]
            case "edge":
                guard let source = a["source"], let target = a["target"] else {
                    throw invalid(element.line, nil, "<edge> needs both source and target")
                }
                let name = a["id"].map { "edge \"\($0)\"" } ?? "edge \(source) → \(target)"
                var edge = PropertyEdge(
                    source: source, target: target, location: PropertyLocation(line: element.line, context: name))
                if let type = a["type"] { edge.isDirected = type == "directed" }
                if let kind = a["kind"] { edge.properties[CaseProperty.kind] = .string(kind) }
                if let label = a["label"] { edge.properties[CaseProperty.label] = .string(label) }
                if let weight = a["weight"] {
                    guard let value = JSONNumber.decimal(weight.trimmingCharacters(in: .whitespaces)) else {
                        throw invalid(element.line, "\(name), weight", "expected a number, found \"\(weight)\"")
                    }
                    edge.properties[CaseProperty.weight] = .number(value)
                }
                self.edge = graph.edges.count
                graph.edges.append(edge)
                spells = []
                dynamicValues = [:]
                if a["start"] != nil || a["end"] != nil { spells.append((a["start"], a["end"])) }
            case "spell":
                if edge != nil { spells.append((a["start"] ?? a["timestamp"], a["end"] ?? a["timestamp"])) }
            case "attvalue":
                try attvalue(a, line: element.line)
            default:
                break
            }
        }

        func attvalue(_ a: [String: String], line: Int) throws {
            let domain = edge != nil ? "edge" : "node"
            guard edge != nil || !openNodes.isEmpty else { return }
            guard let id = a["for"] ?? a["id"] else { throw invalid(line, nil, "<attvalue> without for") }
            guard let attribute = attributes[domain]![id] else {
                throw invalid(line, nil, "<attvalue for=\"\(id)\">: no \(domain) <attribute> has that id")
            }
            guard let text = a["value"] else { throw invalid(line, attribute.title, "<attvalue> without a value") }
            guard var value = try convert(text, attribute, line: line) else { return }
            if a["start"] != nil || a["end"] != nil || a["timestamp"] != nil {
                var object: JSONObject = ["value": value]
                if let start = a["start"] ?? a["timestamp"] { object["start"] = .string(start) }
                if let end = a["end"] ?? a["timestamp"] { object["end"] = .string(end) }
                dynamicValues[attribute.title, default: []].append(.object(object))
                value = .array(dynamicValues[attribute.title]!)
            }
            if let edge {
                graph.edges[edge].properties[attribute.title] = value
            } else if let node = openNodes.last {
                graph.nodes[node].properties[attribute.title] = value
            }
        }

        func convert(_ text: String, _ attribute: Attribute, line: Int) throws -> JSONValue? {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            switch attribute.type.lowercased() {
            case "integer", "long", "short", "byte", "biginteger":
                if trimmed.isEmpty { return nil }
                guard let n = Int64(trimmed) else {
                    throw invalid(line, attribute.title, "expected an integer, found \"\(trimmed)\"")
                }
                return .number(JSONNumber(text: String(n)))
            case "float", "double", "bigdecimal":
                if trimmed.isEmpty { return nil }
                guard let d = Double(trimmed) else {
                    throw invalid(line, attribute.title, "expected a number, found \"\(trimmed)\"")
                }
                return d.isFinite ? .number(JSONNumber.decimal(trimmed)!) : .string(trimmed)
            case "boolean":
                switch trimmed.lowercased() {
                case "true", "1": return .bool(true)
                case "false", "0": return .bool(false)
                case "": return nil
                default: throw invalid(line, attribute.title, "expected true or false, found \"\(trimmed)\"")
                }
            default:
                return .string(text)
            }
        }

        func text(_ string: String) {
            if inDefault { text += string }
        }

        func end(_ name: String, line: Int) throws {
            if foreignDepth > 0 {
                foreignDepth -= 1
                return
            }
            switch name {
            case "default":
                if inDefault, let id = currentAttribute, let domain = attributeClass {
                    attributes[domain]![id]?.defaultText = text
                }
                inDefault = false
            case "attribute":
                currentAttribute = nil
            case "attributes":
                attributeClass = nil
            case "node":
                if let index = openNodes.popLast() { applyDefaults("node", &graph.nodes[index].properties) }
            case "edge":
                if let index = edge {
                    applyDefaults("edge", &graph.edges[index].properties)
                    applySpells(&graph.edges[index].properties)
                }
                edge = nil
            default:
                break
            }
        }

        func applyDefaults(_ domain: String, _ properties: inout JSONObject) {
            for id in attributeOrder[domain]! {
                guard let attribute = attributes[domain]![id], let text = attribute.defaultText,
                    properties[attribute.title] == nil,
                    let value = try? convert(text, attribute, line: 0)
                else { continue }
                properties[attribute.title] = value
            }
        }

        /// `from`/`until` from the spells when the attributes do not give them.
        func applySpells(_ properties: inout JSONObject) {
            guard !spells.isEmpty else { return }
            let starts = spells.map { $0.start.flatMap(Self.date) }
            let ends = spells.map { $0.end.flatMap(Self.date) }
            if properties[CaseProperty.from] == nil, starts.allSatisfy({ $0 != nil }),
                let first = starts.compactMap({ $0 }).min()
            {
                properties[CaseProperty.from] = .string(first.description)
            }
            if properties[CaseProperty.until] == nil, ends.allSatisfy({ $0 != nil }),
                let last = ends.compactMap({ $0 }).max(by: { $0.latestDay < $1.latestDay })
            {
                properties[CaseProperty.until] = .string(last.description)
            }
            let dated = spells.allSatisfy {
                ($0.start == nil || Self.date($0.start!) != nil) && ($0.end == nil || Self.date($0.end!) != nil)
            }
            if spells.count > 1 || !dated {
                properties["spells"] = .array(
                    spells.map { .array([$0.start.map { .string($0) } ?? .null, $0.end.map { .string($0) } ?? .null]) })
            }
        }

        /// A GEXF time as a date: `YYYY-MM-DD`, optionally followed by a time.
        static func date(_ text: String) -> PartialDate? {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard trimmed.utf8.count >= 10 else { return nil }
            let day = String(trimmed.prefix(10))
            guard trimmed.count == 10 || trimmed.dropFirst(10).first == "T" else { return nil }
            return PartialDate(day)
        }
    }
}
