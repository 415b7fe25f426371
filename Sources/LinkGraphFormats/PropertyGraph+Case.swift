import LinkGraph

/// How a case's values are laid out as properties for a family of formats.
public enum PropertyStyle: Sendable {
    /// Native JSON values (node-link JSON): lists, objects and mixed attribute columns as
    /// they are.
    case json
    /// Typed scalar columns (GraphML, GEXF, Cypher, Neo4j CSV): an attribute column whose
    /// values are all strings, all booleans or all numbers keeps them; any other column is
    /// `attrjson_KEY` with every value as compact JSON text. Evidence, documents and
    /// unknown fields are JSON text; aliases stay a list of strings.
    case typed
    /// Text columns (CSV): as `typed`, but only all-string attribute columns keep their
    /// values; numbers and booleans go to `attrjson_KEY` too, so they read back typed.
    case text
}

/// The names LinkGraph gives properties in every interchange format (docs/INTERCHANGE.md).
public enum CaseProperty {
    public static let name = "name"
    public static let label = "label"
    public static let kind = "kind"
    public static let aliases = "aliases"
    public static let directed = "directed"
    public static let weight = "weight"
    public static let confidence = "confidence"
    public static let from = "from"
    public static let until = "until"
    public static let evidence = "evidence"
    public static let documents = "documents"
    public static let unknownFields = "unknown_fields"
    /// Entity or relation attribute `KEY` with a plain value: `attr_KEY`.
    public static let attributePrefix = "attr_"
    /// Entity or relation attribute `KEY` as JSON text: `attrjson_KEY`.
    public static let jsonAttributePrefix = "attrjson_"
    /// The attribute an imported entity keeps its original id in, when that id was not a
    /// valid LinkGraph id.
    public static let originalID = "original_id"
}

extension PropertyGraph {
    /// The case as a property graph: one node per entity (id = entity id), one edge per
    /// relation, in case order.
    ///
    /// Node properties: `name` (or `nameKey`), `kind`, `aliases` (when any), the entity's
    /// attributes as `attr_KEY` / `attrjson_KEY`, `unknown_fields` (when any). Edge
    /// properties: `kind`, `directed` (always, the effective value), `weight`,
    /// `confidence`, `from`, `until`, `evidence` (when present), attributes,
    /// `unknown_fields`. Graph properties: `documents` and `unknown_fields` when present.
    /// - Complexity: O(size of the case).
    public init(case caseFile: CaseFile, style: PropertyStyle, nameKey: String = CaseProperty.name) {
        self.init(isDirected: true)
        let entityAttributes = Self.attributeColumns(caseFile.entities.map(\.attributes), style: style)
        let relationAttributes = Self.attributeColumns(caseFile.relations.map(\.attributes), style: style)

        if !caseFile.documents.isEmpty {
            properties[CaseProperty.documents] = Self.json(.array(caseFile.documents.map { $0.jsonValue() }), style)
        }
        let suppressed: JSONObject = ["suppressed": caseFile.suppressed.jsonValue()]
        let caseRest = Self.carried(caseFile.unknownFields, suppressed, !caseFile.suppressed.isEmpty)
        if !caseRest.isEmpty {
            properties[CaseProperty.unknownFields] = Self.json(.object(caseRest), style)
        }
        for entity in caseFile.entities {
            var p: JSONObject = [nameKey: .string(entity.name), CaseProperty.kind: .string(entity.kind.rawValue)]
            if !entity.aliases.isEmpty {
                let list = JSONValue.array(entity.aliases.map { .string($0) })
                p[CaseProperty.aliases] = style == .text ? .string(JSONWriter.compact(list)) : list
            }
            Self.addAttributes(entity.attributes, columns: entityAttributes, to: &p)
            let rest = Self.carried(
                entity.unknownFields, Self.provenance(entity.provenance), !entity.provenance.isEmpty)
            if !rest.isEmpty { p[CaseProperty.unknownFields] = Self.json(.object(rest), style) }
            nodes.append(
                PropertyNode(
                    id: entity.id, properties: p, location: PropertyLocation(context: "entity \"\(entity.id)\"")))
        }
        for (index, relation) in caseFile.relations.enumerated() {
            var p: JSONObject = [
                CaseProperty.kind: .string(relation.kind.rawValue), CaseProperty.directed: .bool(relation.isDirected),
            ]
            if let weight = relation.weight { p[CaseProperty.weight] = .number(JSONNumber(weight)) }
            if let confidence = relation.confidence { p[CaseProperty.confidence] = .number(JSONNumber(confidence)) }
            if let from = relation.from { p[CaseProperty.from] = .string(from.description) }
            if let until = relation.until { p[CaseProperty.until] = .string(until.description) }
            if !relation.evidence.isEmpty {
                p[CaseProperty.evidence] = Self.json(.array(relation.evidence.map { $0.jsonValue() }), style)
            }
            Self.addAttributes(relation.attributes, columns: relationAttributes, to: &p)
            let rest = Self.carried(
                relation.unknownFields, Self.provenance(relation.provenance), !relation.provenance.isEmpty)
            if !rest.isEmpty { p[CaseProperty.unknownFields] = Self.json(.object(rest), style) }
            edges.append(
                PropertyEdge(
                    source: relation.source, target: relation.target, isDirected: nil, properties: p,
                    location: PropertyLocation(context: "relations[\(index)]")))
        }
    }

    /// What the `unknown_fields` column carries: the typed fields no column of its own holds
    /// (provenance, suppressed; read back by the case-file decoder), then the unknown fields.
    static func carried(_ unknown: JSONObject, _ typed: JSONObject, _ present: Bool) -> JSONObject {
        present ? typed.merging(unknown) : unknown
    }

    static func provenance(_ contributions: [Contribution]) -> JSONObject {
        ["provenance": .array(contributions.map { $0.jsonValue() })]
    }

    /// A JSON value as the style carries it: itself, or its compact text.
    static func json(_ value: JSONValue, _ style: PropertyStyle) -> JSONValue {
        style == .json ? value : .string(JSONWriter.compact(value))
    }

    /// For each attribute key (in order of first appearance), whether its column keeps
    /// plain values (`attr_`) or JSON text (`attrjson_`).
    static func attributeColumns(_ attributes: [JSONObject], style: PropertyStyle) -> [String: Bool] {
        var plain: [String: Bool] = [:]
        var kind: [String: PropertyType] = [:]
        for object in attributes {
            for (key, value) in object {
                let type = PropertyColumn.type(of: value)
                kind[key] = kind[key].map { PropertyColumn.join($0, type) } ?? type
            }
        }
        for (key, type) in kind {
            switch style {
            case .json: plain[key] = true
            case .typed: plain[key] = [.string, .boolean, .long, .double].contains(type)
            case .text: plain[key] = type == .string
            }
        }
        return plain
    }

    static func addAttributes(_ attributes: JSONObject, columns: [String: Bool], to properties: inout JSONObject) {
        for (key, value) in attributes {
            if columns[key] ?? true {
                properties[CaseProperty.attributePrefix + key] = value
            } else {
                properties[CaseProperty.jsonAttributePrefix + key] = .string(JSONWriter.compact(value))
            }
        }
    }
}
