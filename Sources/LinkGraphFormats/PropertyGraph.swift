import LinkGraph

/// A graph as the interchange formats see it: nodes and edges with ids and named, typed
/// properties (a "property graph"). Every format is read into this shape and written from
/// it, so the case ↔ properties mapping is written once (`PropertyGraph(case:style:)` and
/// `PropertyGraph.caseFile(file:)`) and each format only turns properties into its syntax.
///
/// Properties are JSON values: strings, numbers, booleans, and, where a format has them,
/// lists and objects. Order is kept as given.
public struct PropertyGraph: Equatable, Sendable {
    /// Whether edges are directed unless an edge says otherwise.
    public var isDirected: Bool
    /// Graph-level properties (`documents`, `unknown_fields`, a format's own).
    public var properties: JSONObject
    public var nodes: [PropertyNode]
    public var edges: [PropertyEdge]

    public init(
        isDirected: Bool = true, properties: JSONObject = [:], nodes: [PropertyNode] = [], edges: [PropertyEdge] = []
    ) {
        self.isDirected = isDirected
        self.properties = properties
        self.nodes = nodes
        self.edges = edges
    }
}

/// A node: its id in the file and its properties.
public struct PropertyNode: Equatable, Sendable {
    public var id: String
    public var properties: JSONObject
    /// Where the node is in its file, for error messages.
    public var location: PropertyLocation

    public init(id: String, properties: JSONObject = [:], location: PropertyLocation = .unknown) {
        self.id = id
        self.properties = properties
        self.location = location
    }
}

/// An edge between two node ids, with properties. Parallel edges are kept.
public struct PropertyEdge: Equatable, Sendable {
    public var source: String
    public var target: String
    /// The edge's own direction when the file gives one per edge (GraphML `directed`,
    /// GEXF `type`, DOT `dir=none`); nil means the graph's.
    public var isDirected: Bool?
    public var properties: JSONObject
    public var location: PropertyLocation

    public init(
        source: String, target: String, isDirected: Bool? = nil, properties: JSONObject = [:],
        location: PropertyLocation = .unknown
    ) {
        self.source = source
        self.target = target
        self.isDirected = isDirected
        self.properties = properties
        self.location = location
    }
}

/// Where a node or edge was read: a line of the file and a name for it in messages
/// (`edge "e3"`, `links[3]`, `row 4`).
public struct PropertyLocation: Equatable, Sendable {
    public var line: Int?
    public var context: String
    /// The file, when it is not the one the whole graph was read from (CSV tables).
    public var file: String?

    public init(line: Int? = nil, context: String, file: String? = nil) {
        self.line = line
        self.context = context
        self.file = file
    }

    public static let unknown = PropertyLocation(context: "")

    /// `context, name` (or `name` alone), as an error's field.
    func field(_ name: String) -> String {
        context.isEmpty ? name : "\(context), \(name)"
    }
}

/// The type of a property column, as typed formats declare it (GraphML `attr.type`, GEXF
/// attribute `type`, Neo4j header types).
public enum PropertyType: String, Equatable, Sendable {
    case string, boolean, long, double
    /// A list of strings (aliases): native in Cypher and Neo4j CSV, JSON text elsewhere.
    case stringList
    /// Any other JSON value, written as compact JSON text.
    case json
}

/// A named, typed property column.
public struct PropertyColumn: Equatable, Sendable {
    public var name: String
    public var type: PropertyType

    public init(name: String, type: PropertyType) {
        self.name = name
        self.type = type
    }

    /// The columns of `records`, in order of first appearance, each typed by its values:
    /// all strings → string, all booleans → boolean, all integers → long, all numbers →
    /// double, all lists of strings → stringList, anything else → json. `fixed` overrides the
    /// type of a column whose values are all numbers.
    public static func infer(_ records: [JSONObject], fixed: [String: PropertyType] = [:]) -> [PropertyColumn] {
        var order: [String] = []
        var types: [String: PropertyType] = [:]
        for record in records {
            for (name, value) in record {
                let type = Self.type(of: value)
                if let known = types[name] {
                    types[name] = Self.join(known, type)
                } else {
                    order.append(name)
                    types[name] = type
                }
            }
        }
        // A fixed type applies to numbers only: a `weight` read from an untyped GraphML key is
        // text, and writing it under a `double` key would give a file that does not read back.
        return order.map { name in
            let inferred = types[name] ?? .json
            let numeric = inferred == .long || inferred == .double
            return PropertyColumn(name: name, type: numeric ? (fixed[name] ?? inferred) : inferred)
        }
    }

    static func type(of value: JSONValue) -> PropertyType {
        switch value {
        case .string: return .string
        case .bool: return .boolean
        case .number(let n): return Int64(n.text) != nil ? .long : .double
        case .array(let elements) where elements.allSatisfy({ $0.stringValue != nil }): return .stringList
        default: return .json
        }
    }

    static func join(_ a: PropertyType, _ b: PropertyType) -> PropertyType {
        if a == b { return a }
        if Set([a, b]) == [.long, .double] { return .double }
        return .json
    }

    /// `value` as text for this column: strings as they are, booleans `true`/`false`,
    /// numbers as JSON writes them, lists and other values as compact JSON.
    public func text(_ value: JSONValue) -> String {
        switch (type, value) {
        case (.string, .string(let s)): return s
        case (.boolean, .bool(let b)): return b ? "true" : "false"
        case (.long, .number(let n)), (.double, .number(let n)): return n.text
        default: return JSONWriter.compact(value)
        }
    }
}

extension JSONNumber {
    /// A number read from a decimal text (GraphML, GEXF, CSV): the text itself when it is
    /// JSON number syntax, so `2.0` stays `2.0` (a float to Python) and `1e-9` stays as
    /// written; otherwise the shortest form of its value. Nil for text that is not a finite
    /// number.
    static func decimal(_ text: String) -> JSONNumber? {
        guard let value = Double(text), value.isFinite else { return nil }
        return isJSONNumberSyntax(text) ? JSONNumber(text: text) : JSONNumber(value)
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    static func isJSONNumberSyntax(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        func digits() -> Int {
            var n = 0
            while let b = bytes.first, (0x30...0x39).contains(b) {
                bytes.removeFirst()
                n += 1
            }
            return n
        }
        if bytes.first == UInt8(ascii: "-") { bytes.removeFirst() }
        if bytes.first == UInt8(ascii: "0") {
            bytes.removeFirst()
        } else if digits() == 0 {
            return false
        }
        if bytes.first == UInt8(ascii: ".") {
            bytes.removeFirst()
            if digits() == 0 { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes.removeFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes.removeFirst() }
            if digits() == 0 { return false }
        }
        return bytes.isEmpty
    }
}
