import LinkGraph

/// One document handed to an extractor. Wire form:
/// `{"id": "...", "mediaType": "text/plain", "text": "...", "options": {...}}`, plus
/// `"metadata"` and, for binary inputs, `"base64"` instead of `"text"`.
public struct ExtractionRequest: Equatable, Sendable {
    /// The document id; evidence of the extraction points at it.
    public var id: String
    public var mediaType: String
    /// The document's bytes. Text documents are UTF-8.
    public var bytes: [UInt8]
    /// Free metadata: file name, title, source.
    public var metadata: JSONObject
    /// Options for the extractor (rules file, gazetteer, ...).
    public var options: JSONObject

    public init(id: String, mediaType: String, bytes: [UInt8], metadata: JSONObject = [:], options: JSONObject = [:]) {
        self.id = id
        self.mediaType = mediaType
        self.bytes = bytes
        self.metadata = metadata
        self.options = options
    }

    public init(
        id: String, mediaType: String = "text/plain", text: String, metadata: JSONObject = [:],
        options: JSONObject = [:]
    ) {
        self.init(id: id, mediaType: mediaType, bytes: Array(text.utf8), metadata: metadata, options: options)
    }

    /// The document as text (invalid UTF-8 replaced with U+FFFD).
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// What an extractor found in one document: entities with the spans where they are mentioned,
/// and relations between them with their evidence. Ids are local to the extraction.
///
/// Wire form: a case-file fragment `{"entities": [...], "relations": [...]}` as in docs/FORMAT.md,
/// where an entity may also carry `"confidence"` and `"mentions": [{"start":..,"end":..}]`.
public struct Extraction: Equatable, Sendable {
    public var entities: [ExtractedEntity]
    public var relations: [ExtractedRelation]

    public init(entities: [ExtractedEntity] = [], relations: [ExtractedRelation] = []) {
        self.entities = entities
        self.relations = relations
    }
}

/// An entity as an extractor found it.
public struct ExtractedEntity: Equatable, Sendable {
    /// Local to the extraction; relations refer to it.
    public var id: String
    public var name: String
    public var kind: EntityKind
    public var aliases: [String]
    public var attributes: JSONObject
    /// How sure the extractor is, 0...1.
    public var confidence: Double
    /// Byte spans of the document where the entity is mentioned.
    public var mentions: [Span]

    public init(
        id: String, name: String, kind: EntityKind, aliases: [String] = [], attributes: JSONObject = [:],
        confidence: Double = 1, mentions: [Span] = []
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.attributes = attributes
        self.confidence = confidence
        self.mentions = mentions
    }
}

/// A relation as an extractor found it, between two entities of the same extraction.
public struct ExtractedRelation: Equatable, Sendable {
    public var source: String
    public var target: String
    public var kind: RelationKind
    public var confidence: Double
    public var from: PartialDate?
    public var until: PartialDate?
    /// Byte spans of the document that support the relation.
    public var evidence: [Span]
    public var attributes: JSONObject
    /// An explicit weight (a table's `weight` column); nil means the case-file default, 1.
    public var weight: Double?

    public init(
        source: String, target: String, kind: RelationKind, confidence: Double = 1, from: PartialDate? = nil,
        until: PartialDate? = nil, evidence: [Span] = [], attributes: JSONObject = [:], weight: Double? = nil
    ) {
        self.source = source
        self.target = target
        self.kind = kind
        self.confidence = confidence
        self.from = from
        self.until = until
        self.evidence = evidence
        self.attributes = attributes
        self.weight = weight
    }
}
