import LinkGraph

/// Turns a `DOTGraph` (read from a `.dot`/`.gv` file by `GraphvizDOTParser`, through
/// cgraph) into a case, so analysts can bring in graphs drawn for Graphviz.
///
/// - Every node is an entity, every edge a relation (parallel edges kept). Attributes are
///   the effective ones: `node [...]`/`edge [...]` defaults of the levels above, then the
///   node's or edge's own.
/// - Node: `label` → name (Graphviz escapes `\\`, `\n`, `\l`, `\r`, `\N`, `\G` expanded; an
///   HTML-like label gives its text as the name and is kept as the attribute
///   `label: {"html": ...}`); `kind` → entity kind (else `other`); `aliases` → aliases
///   (split on `|`); `attr_KEY` → attribute `KEY` (JSON when the text is a JSON list or
///   object); the names of the subgraphs it is listed in → attribute `subgraphs`; every
///   other attribute (`shape`, `color`, ...) → an attribute of its own name, HTML-like
///   values as `{"html": ...}`.
/// - Edge: `kind` → relation kind, else the `label` when it is one identifier, else
///   `linkedTo`; `dir=none` or an undirected graph → undirected; `weight`, `confidence`,
///   `from`, `until`, `evidence` (citations `doc[12..<40]`) and `attr_KEY` as for entities;
///   other attributes (an edge key `key` too) → attributes.
/// So `linkgraph export --to dot` and then import gives back the case's entities and
/// relations; see docs/INTERCHANGE.md for what DOT cannot carry. Graph attributes and
/// subgraph attributes are not kept.
public enum DOTCaseImporter {
    /// The property graph of a DOT graph (see the type's documentation for the mapping).
    public static func propertyGraph(_ graph: DOTGraph) -> PropertyGraph {
        var walker = Walker(graphName: graph.name)
        walker.walk(graph.levels)
        var result = PropertyGraph(isDirected: graph.isDirected)
        for id in walker.nodeOrder {
            let listing = walker.nodes[id]!
            var properties = nodeProperties(id: id, attributes: listing.attributes, graphName: graph.name)
            let names = listing.subgraphs.filter { !$0.hasPrefix("%") }
            if !names.isEmpty { properties["subgraphs"] = .array(names.map { .string($0) }) }
            result.nodes.append(
                PropertyNode(
                    id: id, properties: properties, location: PropertyLocation(context: "node \(DOTWriter.quote(id))")))
        }
        for edge in walker.edges {
            var edgeObject = PropertyEdge(
                source: edge.source, target: edge.target,
                location: PropertyLocation(
                    context: "edge \(DOTWriter.quote(edge.source)) -> \(DOTWriter.quote(edge.target))"))
            var attributes = edge.attributes
            if !graph.isDirected {
                edgeObject.isDirected = false
            } else if attributes["dir"] == .plain("none") {
                edgeObject.isDirected = false
                attributes["dir"] = nil
            }
            edgeObject.properties = edgeProperties(edge, attributes: attributes, graphName: graph.name)
            result.edges.append(edgeObject)
        }
        return result
    }

    /// The case of a DOT graph.
    /// - Throws: `FormatError.invalid` naming the node or edge and the attribute (a
    ///   non-numeric `weight`, a bad date, a confidence outside 0...1).
    public static func caseFile(_ graph: DOTGraph, file: String) throws -> CaseImport {
        try propertyGraph(graph).caseFile(file: file)
    }

    static func nodeProperties(id: String, attributes: DOTAttributes, graphName: String) -> JSONObject {
        var properties = JSONObject()
        for (name, value) in attributes {
            switch (name, value) {
            case ("label", .plain(let text)):
                let label = unescape(text, object: id, graphName: graphName)
                if !label.isEmpty { properties[CaseProperty.name] = .string(label) }
            case ("label", .html(let html)):
                let text = htmlText(html)
                if !text.isEmpty { properties[CaseProperty.name] = .string(text) }
                properties[CaseProperty.label] = ["html": .string(html)]
            default:
                add(name, value, to: &properties)
            }
        }
        return properties
    }

    static func edgeProperties(_ edge: DOTEdge, attributes: DOTAttributes, graphName: String) -> JSONObject {
        var properties = JSONObject()
        for (name, value) in attributes {
            switch (name, value) {
            case ("label", .plain(let text)):
                let label = unescape(
                    text, object: "\(edge.source)->\(edge.target)", graphName: graphName, tail: edge.source,
                    head: edge.target)
                if !label.isEmpty { properties[CaseProperty.label] = .string(label) }
            default:
                add(name, value, to: &properties)
            }
        }
        return properties
    }

    static func add(_ name: String, _ value: DOTValue, to properties: inout JSONObject) {
        switch value {
        case .html(let html):
            properties[name] = ["html": .string(html)]
        case .plain(let text):
            if name.hasPrefix(CaseProperty.attributePrefix), let json = jsonText(text) {
                properties[CaseProperty.jsonAttributePrefix + name.dropFirst(CaseProperty.attributePrefix.count)] =
                    .string(json)
            } else {
                properties[name] = .string(text)
            }
        }
    }

    /// `text` when it is a JSON list or object, as `CaseDOTExporter` writes non-text
    /// attributes. DOT cannot hold a lone backslash before a quote (cgraph reads it back
    /// doubled, see `DOTWriter.quote`), so JSON with an escaped quote `\"` comes back as
    /// `\\"`: when the text does not parse, it is tried again with `\\"` read as `\"`.
    static func jsonText(_ text: String) -> String? {
        guard let first = text.first, first == "[" || first == "{" else { return nil }
        func isContainer(_ candidate: String) -> Bool {
            guard let parsed = try? JSONParser.parse(candidate) else { return false }
            return parsed.arrayValue != nil || parsed.objectValue != nil
        }
        if isContainer(text) { return text }
        let repaired = text.replacingOccurrences(of: "\\\\\"", with: "\\\"")
        return isContainer(repaired) ? repaired : nil
    }

    /// A plain label as the text Graphviz draws, in Graphviz's own three steps: `\N` → the
    /// object's name, `\G` → the graph's, `\E`, `\T`, `\H` → the edge, its tail, its head;
    /// then character references decoded (`GraphvizEntities.decode`); then `\\` → `\`;
    /// `\n`, `\l`, `\r` → a line break; any other `\x` → `x`.
    public static func unescape(_ text: String, object: String, graphName: String, tail: String = "", head: String = "")
        -> String
    {
        guard text.contains("\\") || text.contains("&") else { return text }
        let substituted = substituteObjects(text, object: object, graphName: graphName, tail: tail, head: head)
        return formatEscapes(GraphvizEntities.decode(substituted))
    }

    /// Step one of `unescape`: object names in; every other backslash pair kept.
    static func substituteObjects(_ text: String, object: String, graphName: String, tail: String, head: String)
        -> String
    {
        guard text.contains("\\") else { return text }
        var out = ""
        var iterator = text.makeIterator()
        while let c = iterator.next() {
            guard c == "\\", let next = iterator.next() else {
                out.append(c)
                continue
            }
            switch next {
            case "N", "E": out += object
            case "G": out += graphName
            case "T": out += tail
            case "H": out += head
            default: out += "\\" + String(next)
            }
        }
        return out
    }

    /// Step three of `unescape`: the formatting escapes.
    static func formatEscapes(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var out = ""
        var iterator = text.makeIterator()
        while let c = iterator.next() {
            guard c == "\\" else {
                out.append(c)
                continue
            }
            guard let next = iterator.next() else {
                out.append("\\")
                break
            }
            switch next {
            case "n", "l", "r": out.append("\n")
            default: out.append(next)
            }
        }
        return out
    }

    /// The text of an HTML-like label: tags removed (`<BR/>` as a space), entities
    /// decoded, white space collapsed.
    public static func htmlText(_ html: String) -> String {
        var out = ""
        var i = html.startIndex
        while i < html.endIndex {
            let c = html[i]
            if c == "<" {
                guard let close = html[i...].firstIndex(of: ">") else { break }
                let tag = html[html.index(after: i)..<close].lowercased()
                if tag.hasPrefix("br") || tag.hasPrefix("/td") || tag.hasPrefix("/tr") { out.append(" ") }
                i = html.index(after: close)
            } else if c == "&", let semicolon = html[i...].prefix(12).firstIndex(of: ";") {
                let entity = String(html[html.index(after: i)..<semicolon])
                if let decoded = decodeEntity(entity) {
                    out += decoded
                    i = html.index(after: semicolon)
                } else {
                    out.append(c)
                    i = html.index(after: i)
                }
            } else {
                out.append(c)
                i = html.index(after: i)
            }
        }
        return out.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func decodeEntity(_ entity: String) -> String? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default:
            var digits = Substring(entity)
            guard digits.first == "#" else { return nil }
            digits.removeFirst()
            let radix = digits.first == "x" || digits.first == "X" ? 16 : 10
            if radix == 16 { digits.removeFirst() }
            guard let value = UInt32(digits, radix: radix), let scalar = Unicode.Scalar(value) else { return nil }
            return String(Character(scalar))
        }
    }

    /// Collects nodes (first listing, effective attributes, subgraph names) and edges
    /// (effective attributes) in document order.
    struct Walker {
        let graphName: String
        var nodeOrder: [String] = []
        var nodes: [String: (attributes: DOTAttributes, subgraphs: [String])] = [:]
        var edges: [DOTEdge] = []

        init(graphName: String) { self.graphName = graphName }

        /// Each level's effective defaults and subgraph path as it opens; its nodes and edges
        /// as it closes, after its subgraphs (so a node takes its attributes where cgraph made it).
        mutating func walk(_ levels: [DOTLevel]) {
            var nodeDefaults: [DOTAttributes] = [], edgeDefaults: [DOTAttributes] = [], paths: [[String]] = []
            DOTLevel.walk(levels) { index in
                let level = levels[index]
                if let parent = level.parent {
                    nodeDefaults.append(Self.merge(nodeDefaults[parent], level.body.nodeDefaults))
                    edgeDefaults.append(Self.merge(edgeDefaults[parent], level.body.edgeDefaults))
                    paths.append(paths[parent] + [level.name])
                } else {
                    nodeDefaults.append(level.body.nodeDefaults)
                    edgeDefaults.append(level.body.edgeDefaults)
                    paths.append([])
                }
            } leave: { index in
                let path = paths[index]
                for node in levels[index].body.nodes {
                    if var listing = nodes[node.id] {
                        for name in path where !listing.subgraphs.contains(name) { listing.subgraphs.append(name) }
                        nodes[node.id] = listing
                    } else {
                        nodeOrder.append(node.id)
                        nodes[node.id] = (Self.merge(nodeDefaults[index], node.attributes), path)
                    }
                }
                for edge in levels[index].body.edges {
                    let attributes = Self.merge(edgeDefaults[index], edge.attributes)
                    edges.append(DOTEdge(edge.source, edge.target, attributes: attributes))
                }
            }
        }

        static func merge(_ base: DOTAttributes, _ top: DOTAttributes) -> DOTAttributes {
            var result = base
            for (name, value) in top { result[name] = value }
            return result
        }
    }
}
