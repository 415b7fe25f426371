/// A case: the entities, the relations between them and the documents that support them.
///
/// The project's own format and its source of truth (docs/FORMAT.md, version 1). Read it with
/// `CaseFile.read(from:)` or `CaseFile(json:)`, write it with `write(to:)` or `jsonText()`.
/// Fields this version does not know are kept and written back.
public struct CaseFile: Equatable, Sendable {
    /// The only format version this library reads and writes.
    public static let currentVersion = 1

    public var version: Int
    public var documents: [Document]
    public var entities: [Entity]
    public var relations: [Relation]
    /// What the user deleted and merging must not bring back.
    public var suppressed: Suppression
    /// Analysts' decisions on relations (`"reviews"`; see `RelationReview`).
    public var reviews: [RelationReview] = []
    /// Top-level fields this version does not know.
    public var unknownFields: JSONObject

    public init(
        version: Int = CaseFile.currentVersion, documents: [Document] = [], entities: [Entity] = [],
        relations: [Relation] = [], suppressed: Suppression = Suppression(), unknownFields: JSONObject = [:]
    ) {
        self.version = version
        self.documents = documents
        self.entities = entities
        self.relations = relations
        self.suppressed = suppressed
        self.unknownFields = unknownFields
    }

    /// A map from entity id to its index in `entities`. The first of duplicate ids wins.
    /// - Complexity: O(n).
    public func entityIndexByID() -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(entities.count)
        for (i, entity) in entities.enumerated() where index[entity.id] == nil { index[entity.id] = i }
        return index
    }

    /// The entity with `id`, or nil.
    /// - Complexity: O(n); build `entityIndexByID()` once for many look-ups.
    public func entity(id: String) -> Entity? { entities.first { $0.id == id } }
}
