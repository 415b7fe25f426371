/// An analyst's decision on one relation, kept in the case file (top-level `"reviews"`) so
/// that it survives the next extraction and merge.
///
/// Wire form: `{"source": "mara-quill", "target": "harbor-trust", "kind": "reportsTo",
/// "decision": "rejected", "by": "ana", "at": "2026-12-03T16:40:00Z"}` (`by` and `at` optional).
///
/// - A **rejected** relation is taken out of the case and is not brought back by `CaseMerger`
///   (extract `--into`, `merge`), whoever proposes it again.
/// - An **accepted** relation stays, keeps its confidence (new contributions add evidence and
///   provenance but do not recompute it) and is never left out by a confidence threshold.
///
/// A relation is identified as `CaseMerger` identifies it: source, target and kind, either way
/// round for symmetric kinds.
public struct RelationReview: Equatable, Sendable {
    public enum Decision: String, Sendable, CaseIterable {
        case accepted
        case rejected
    }

    /// The id of the source entity.
    public var source: String
    /// The id of the target entity.
    public var target: String
    public var kind: RelationKind
    public var decision: Decision
    /// Who decided, free text; optional.
    public var reviewer: String?
    /// When, as the reviewer's clock gave it (ISO 8601 recommended); optional.
    public var date: String?
    /// Members this version does not know, kept and written back.
    public var unknownFields: JSONObject

    public init(
        source: String, target: String, kind: RelationKind, decision: Decision, reviewer: String? = nil,
        date: String? = nil, unknownFields: JSONObject = [:]
    ) {
        self.source = source
        self.target = target
        self.kind = kind
        self.decision = decision
        self.reviewer = reviewer
        self.date = date
        self.unknownFields = unknownFields
    }

    /// A decision on `relation`.
    public init(_ relation: Relation, decision: Decision, reviewer: String? = nil, date: String? = nil) {
        self.init(
            source: relation.source, target: relation.target, kind: relation.kind, decision: decision,
            reviewer: reviewer, date: date)
    }

    /// The identity of the relation decided on, as `CaseMerger` matches relations.
    public var key: RelationKey {
        RelationKey(source: source, target: target, kind: kind, directed: !kind.isSymmetric)
    }

    public func jsonValue() -> JSONValue {
        var object: JSONObject = [
            "source": .string(source), "target": .string(target), "kind": .string(kind.rawValue),
            "decision": .string(decision.rawValue),
        ]
        if let reviewer { object["by"] = .string(reviewer) }
        if let date { object["at"] = .string(date) }
        return .object(object.merging(unknownFields))
    }
}

extension Array where Element == RelationReview {
    /// The relations with this decision (the last decision on a relation wins).
    /// - Complexity: O(n).
    public func keys(_ decision: RelationReview.Decision) -> Set<RelationKey> {
        var latest: [RelationKey: RelationReview.Decision] = [:]
        for review in self { latest[review.key] = review.decision }
        return Set(latest.filter { $0.value == decision }.keys)
    }

    /// The decision on the relation with `key`, the last one recorded.
    public func decision(for key: RelationKey) -> RelationReview.Decision? {
        last { $0.key == key }?.decision
    }
}

extension CaseFile {
    /// Records a decision on `relation`: a rejected relation is taken out of the case, an
    /// accepted one stays. An earlier decision on the same relation is replaced.
    /// - Complexity: O(relations + reviews).
    public mutating func record(
        _ decision: RelationReview.Decision, on relation: Relation, reviewer: String? = nil, date: String? = nil
    ) {
        let review = RelationReview(relation, decision: decision, reviewer: reviewer, date: date)
        reviews.removeAll { $0.key == review.key }
        reviews.append(review)
        if decision == .rejected { relations.removeAll { RelationKey($0) == review.key } }
    }
}

extension CaseFileDecoder {
    /// The top-level `"reviews"` list; absent is empty.
    mutating func decodeReviews(_ value: JSONValue?) -> [RelationReview] {
        decodeArray(value, path: "reviews", required: false) { decoder, object, path in
            decoder.decodeReview(object, path)
        }.values
    }

    mutating func decodeReview(_ object: JSONObject, _ path: JSONPath) -> RelationReview? {
        let source = requiredString(object, "source", path)
        let target = requiredString(object, "target", path)
        let kind = requiredString(object, "kind", path)
        let decisionText = requiredString(object, "decision", path)
        let reviewer = optionalString(object, "by", path)
        let date = optionalString(object, "at", path)
        var decision: RelationReview.Decision?
        if let decisionText {
            decision = RelationReview.Decision(rawValue: decisionText)
            if decision == nil {
                problem(
                    "\(path).decision", "\"\(decisionText)\" is not a decision: expected \"accepted\" or \"rejected\"")
            }
        }
        guard let source, let target, let kind, let decision else { return nil }
        return RelationReview(
            source: source, target: target, kind: RelationKind(kind), decision: decision, reviewer: reviewer,
            date: date,
            unknownFields: Self.unknown(object, known: ["source", "target", "kind", "decision", "by", "at"]))
    }
}
