/// A typed, dated link between two entities, with the evidence behind it.
///
/// Optional fields stay optional so that a case file is written back as it was read;
/// `isDirected`, `effectiveWeight` and `effectiveConfidence` apply docs/FORMAT.md's defaults.
public struct Relation: Equatable, Sendable {
    /// The id of the source entity.
    public var source: String
    /// The id of the target entity.
    public var target: String
    public var kind: RelationKind
    /// Explicit direction; nil means "from the kind" (symmetric kinds are undirected).
    public var directed: Bool?
    /// Explicit weight; nil means 1.
    public var weight: Double?
    /// Explicit confidence in 0...1; nil means 1.
    public var confidence: Double?
    /// First date the relation holds; nil means open.
    public var from: PartialDate?
    /// Last date the relation holds; nil means open.
    public var until: PartialDate?
    public var evidence: [Evidence]
    public var attributes: JSONObject
    /// Who contributed the relation; its confidence is their noisy-or unless set by hand.
    public var provenance: [Contribution]
    /// Fields this version does not know, kept so that they are written back.
    public var unknownFields: JSONObject

    public init(
        source: String, target: String, kind: RelationKind, directed: Bool? = nil, weight: Double? = nil,
        confidence: Double? = nil, from: PartialDate? = nil, until: PartialDate? = nil,
        evidence: [Evidence] = [], attributes: JSONObject = [:], provenance: [Contribution] = [],
        unknownFields: JSONObject = [:]
    ) {
        self.source = source
        self.target = target
        self.kind = kind
        self.directed = directed
        self.weight = weight
        self.confidence = confidence
        self.from = from
        self.until = until
        self.evidence = evidence
        self.attributes = attributes
        self.provenance = provenance
        self.unknownFields = unknownFields
    }

    /// Whether the relation goes one way: explicit `directed`, else not for symmetric kinds.
    public var isDirected: Bool { directed ?? !kind.isSymmetric }

    /// The weight, 1 when absent.
    public var effectiveWeight: Double { weight ?? 1 }

    /// The confidence, 1 when absent.
    public var effectiveConfidence: Double { confidence ?? 1 }

    /// Whether the relation may hold on `date`: its [from, until] interval overlaps the date's.
    /// Open ends are unbounded.
    public func isValid(on date: PartialDate) -> Bool {
        if let from, from.earliestDay > date.latestDay { return false }
        if let until, until.latestDay < date.earliestDay { return false }
        return true
    }
}
