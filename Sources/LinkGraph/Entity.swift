/// A person, organization, country, place or other thing in a case.
public struct Entity: Equatable, Sendable, Identifiable {
    /// A stable slug, unique among the case's entities.
    public var id: String
    /// How people write it.
    public var name: String
    public var kind: EntityKind
    /// Every other way a text names it.
    public var aliases: [String]
    /// Free-form attributes (`role`, `country`, ...), kept as JSON.
    public var attributes: JSONObject
    /// Who contributed the entity (extractors, documents, mentions); empty when made by hand.
    public var provenance: [Contribution]
    /// Fields this version does not know, kept so that they are written back.
    public var unknownFields: JSONObject

    public init(
        id: String, name: String, kind: EntityKind, aliases: [String] = [],
        attributes: JSONObject = [:], provenance: [Contribution] = [], unknownFields: JSONObject = [:]
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.attributes = attributes
        self.provenance = provenance
        self.unknownFields = unknownFields
    }

    /// The name followed by the aliases.
    public var allNames: [String] { [name] + aliases }

    /// A string attribute, or nil when absent or not a string.
    public func attribute(_ key: String) -> String? { attributes[key]?.stringValue }
}
