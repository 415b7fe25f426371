/// What the user deleted from a case and merging must not bring back: entities by id or
/// name, and relations by source, target and kind (docs/FORMAT.md, `"suppressed"`).
public struct Suppression: Equatable, Sendable {
    /// A deleted relation: its ends (entity ids) and kind.
    public struct SuppressedRelation: Equatable, Sendable {
        public var source: String
        public var target: String
        public var kind: RelationKind
        /// Fields this version does not know, kept so that they are written back.
        public var unknownFields: JSONObject

        public init(source: String, target: String, kind: RelationKind, unknownFields: JSONObject = [:]) {
            self.source = source
            self.target = target
            self.kind = kind
            self.unknownFields = unknownFields
        }

        /// The relations it matches: either direction for a symmetric kind.
        public var key: RelationKey {
            RelationKey(source: source, target: target, kind: kind, directed: !kind.isSymmetric)
        }
    }

    /// Entity ids or names; an incoming entity with that id or name is dropped.
    public var entities: [String]
    public var relations: [SuppressedRelation]
    /// Fields of the `"suppressed"` object this version does not know.
    public var unknownFields: JSONObject

    public init(entities: [String] = [], relations: [SuppressedRelation] = [], unknownFields: JSONObject = [:]) {
        self.entities = entities
        self.relations = relations
        self.unknownFields = unknownFields
    }

    /// Nothing suppressed (the field is then not written).
    public var isEmpty: Bool { entities.isEmpty && relations.isEmpty && unknownFields.isEmpty }

    /// Adds what `other` lists and this lacks, in order.
    /// - Returns: Whether anything was added.
    @discardableResult
    public mutating func formUnion(_ other: Suppression) -> Bool {
        let before = (entities.count, relations.count)
        for name in other.entities where !entities.contains(name) { entities.append(name) }
        for relation in other.relations where !relations.contains(where: { $0.key == relation.key }) {
            relations.append(relation)
        }
        return before != (entities.count, relations.count)
    }
}
