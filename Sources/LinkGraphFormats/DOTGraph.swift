/// A graph as Graphviz sees it: named nodes, edges, nested subgraphs and string attributes.
///
/// This is the one drawing model of LinkGraph. Views build it from a case file; the DOT
/// writer turns it into text; the Graphviz module builds the same graph through the cgraph
/// C API (so HTML-like labels become `agstrdup_html` strings) and lays it out; the DOT
/// importer reads a `.gv` file into it. Order is kept as given, so the same input always
/// gives the same bytes.
///
/// What the graph holds at its top level is its `body`, the same type as a subgraph's; the
/// body's fields read and write through the graph itself (`graph.nodes`, `graph.attributes`).
/// Code that goes through every level uses `levels` and `DOTLevel.walk`, which never recurse,
/// so a graph nested thousands of subgraphs deep is as safe as a flat one.
@dynamicMemberLookup
public struct DOTGraph: Equatable, Sendable {
    /// The graph's name (`digraph NAME { ... }`); empty for an anonymous graph.
    public var name: String
    /// `digraph` when true, `graph` when false.
    public var isDirected: Bool
    /// `strict` graphs merge parallel edges.
    public var isStrict: Bool
    /// The attributes, defaults, nodes, edges and subgraphs of the top level.
    public var body: DOTBody

    public init(
        name: String = "",
        isDirected: Bool = true,
        isStrict: Bool = false,
        attributes: DOTAttributes = [:],
        nodeDefaults: DOTAttributes = [:],
        edgeDefaults: DOTAttributes = [:],
        nodes: [DOTNode] = [],
        edges: [DOTEdge] = [],
        subgraphs: [DOTSubgraph] = []
    ) {
        self.name = name
        self.isDirected = isDirected
        self.isStrict = isStrict
        body = DOTBody(
            attributes: attributes, nodeDefaults: nodeDefaults, edgeDefaults: edgeDefaults, nodes: nodes, edges: edges,
            subgraphs: subgraphs)
    }

    /// A field of the top level's `body` (`graph.nodes`, `graph.attributes["rankdir"]`).
    public subscript<Value>(dynamicMember field: WritableKeyPath<DOTBody, Value>) -> Value {
        get { body[keyPath: field] }
        _modify { yield &body[keyPath: field] }
    }
}

/// A subgraph (a cluster when its name starts with `cluster`): its name and its body.
@dynamicMemberLookup
public struct DOTSubgraph: Equatable, Sendable {
    public var name: String
    public var body: DOTBody

    public init(
        name: String,
        attributes: DOTAttributes = [:],
        nodeDefaults: DOTAttributes = [:],
        edgeDefaults: DOTAttributes = [:],
        nodes: [DOTNode] = [],
        edges: [DOTEdge] = [],
        subgraphs: [DOTSubgraph] = []
    ) {
        self.name = name
        body = DOTBody(
            attributes: attributes, nodeDefaults: nodeDefaults, edgeDefaults: edgeDefaults, nodes: nodes, edges: edges,
            subgraphs: subgraphs)
    }

    public init(name: String, body: DOTBody) {
        self.name = name
        self.body = body
    }

    /// A field of the subgraph's `body` (`subgraph.nodes`, `subgraph.attributes["label"]`).
    public subscript<Value>(dynamicMember field: WritableKeyPath<DOTBody, Value>) -> Value {
        get { body[keyPath: field] }
        _modify { yield &body[keyPath: field] }
    }
}

/// What one level of a graph holds, the top level or a subgraph: its attributes, its
/// defaults, the nodes and edges declared in it, and the subgraphs nested in it, each in the
/// order given.
public struct DOTBody: Equatable, Sendable {
    /// Graph attributes (`rankdir`, `label`, ...), in the order they are written.
    public var attributes: DOTAttributes
    /// Defaults for the nodes made at this level and below (`node [...]`).
    public var nodeDefaults: DOTAttributes
    /// Defaults for the edges made at this level and below (`edge [...]`).
    public var edgeDefaults: DOTAttributes
    /// Nodes declared at this level, in order.
    public var nodes: [DOTNode]
    /// Edges declared at this level, in order.
    public var edges: [DOTEdge]
    /// Subgraphs (clusters when the name starts with `cluster`), in order.
    public var subgraphs: [DOTSubgraph]

    public init(
        attributes: DOTAttributes = [:],
        nodeDefaults: DOTAttributes = [:],
        edgeDefaults: DOTAttributes = [:],
        nodes: [DOTNode] = [],
        edges: [DOTEdge] = [],
        subgraphs: [DOTSubgraph] = []
    ) {
        self.attributes = attributes
        self.nodeDefaults = nodeDefaults
        self.edgeDefaults = edgeDefaults
        self.nodes = nodes
        self.edges = edges
        self.subgraphs = subgraphs
    }
}

/// A node: its name (the DOT identifier, any string) and attributes.
public struct DOTNode: Equatable, Sendable {
    public var id: String
    public var attributes: DOTAttributes

    public init(_ id: String, attributes: DOTAttributes = [:]) {
        self.id = id
        self.attributes = attributes
    }
}

/// An edge between two named nodes, with attributes. Parallel edges are kept as given.
public struct DOTEdge: Equatable, Sendable {
    public var source: String
    public var target: String
    public var attributes: DOTAttributes

    public init(_ source: String, _ target: String, attributes: DOTAttributes = [:]) {
        self.source = source
        self.target = target
        self.attributes = attributes
    }
}

/// An attribute value: a plain string (quoted and escaped in DOT) or an HTML-like label
/// (written between `<` and `>`, made with `agstrdup_html` in cgraph). HTML text must be
/// well-formed Graphviz HTML; build it with `DOTHTML.escape` for every user string.
public enum DOTValue: Equatable, Sendable, ExpressibleByStringLiteral {
    case plain(String)
    case html(String)

    public init(stringLiteral value: String) { self = .plain(value) }

    /// The text of the value, without knowing which kind it is.
    public var text: String {
        switch self {
        case .plain(let s), .html(let s): return s
        }
    }
}

/// An ordered list of attributes. Setting a name that is already present replaces its value
/// in place, so order stays stable.
public struct DOTAttributes: Equatable, Sendable, ExpressibleByDictionaryLiteral, Sequence {
    public private(set) var entries: [(name: String, value: DOTValue)]

    public init(dictionaryLiteral elements: (String, DOTValue)...) {
        entries = []
        for (name, value) in elements { self[name] = value }
    }

    public init(_ elements: [(String, DOTValue)]) {
        entries = []
        for (name, value) in elements { self[name] = value }
    }

    public subscript(name: String) -> DOTValue? {
        get { entries.first(where: { $0.name == name })?.value }
        set {
            if let index = entries.firstIndex(where: { $0.name == name }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((name, newValue))
            }
        }
    }

    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }

    public func makeIterator() -> IndexingIterator<[(name: String, value: DOTValue)]> {
        entries.makeIterator()
    }

    public static func == (lhs: DOTAttributes, rhs: DOTAttributes) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}

/// Escaping for text placed inside Graphviz HTML-like labels.
public enum DOTHTML {
    /// Escapes `&`, `<`, `>`, `"` and `'` so that any user string is text, never markup,
    /// inside an HTML-like label. Control characters become spaces (Graphviz's XML parser
    /// rejects them); newlines become spaces too: use `<BR/>` between lines. A backslash
    /// becomes `&#92;&#92;`: Graphviz decodes entities first and then expands `\N`, `\G` and
    /// `\\` in HTML text, so this is what shows one backslash.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\\": out += "&#92;&#92;"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
