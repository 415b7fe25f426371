/// One contribution to an entity or a relation: who said it, from which document, how sure.
///
/// Written in a case file as an element of `"provenance"` (docs/FORMAT.md):
/// `{"document": ID, "extractor": NAME, "confidence": C, "mentions": [{"start", "end"}]}`, or
/// `{"source": FILE, "confidence": C}` for a relation merged from a case file that carried no
/// provenance of its own.
public struct Contribution: Equatable, Sendable {
    /// The id of the document the extractor read.
    public var document: String?
    /// The extractor's name (`--with NAME`).
    public var extractor: String?
    /// The merged case file credited when the relation carried no provenance (its file name).
    public var file: String?
    /// How sure the contributor was, in 0...1; nil means 1.
    public var confidence: Double?
    /// Where the document names the entity (entities only).
    public var mentions: [Span]
    /// Fields this version does not know, kept so that they are written back.
    public var unknownFields: JSONObject

    public init(
        document: String? = nil, extractor: String? = nil, file: String? = nil, confidence: Double? = nil,
        mentions: [Span] = [], unknownFields: JSONObject = [:]
    ) {
        self.document = document
        self.extractor = extractor
        self.file = file
        self.confidence = confidence
        self.mentions = mentions
        self.unknownFields = unknownFields
    }

    /// Whether two contributions come from the same contributor: equal in everything but
    /// their confidence and mentions.
    public func isSameContributor(as other: Contribution) -> Bool {
        document == other.document && extractor == other.extractor && file == other.file
            && unknownFields == other.unknownFields
    }
}

/// Combining the provenance of entities and relations when cases are merged.
public enum Provenance {
    /// `a` followed by the contributions of `b` whose contributor `a` lacks.
    /// - Complexity: O(|a| · |b|); provenance lists are short.
    public static func union(_ a: [Contribution], _ b: [Contribution]) -> [Contribution] {
        var out = a
        for entry in b where !out.contains(where: { $0.isSameContributor(as: entry) }) { out.append(entry) }
        return out
    }

    /// `1 − Π(1 − cᵢ)` over the contributions' confidences (1 when absent); 0 for none.
    public static func noisyOr(_ entries: [Contribution]) -> Double {
        var miss = 1.0
        for entry in entries { miss *= 1 - min(max(entry.confidence ?? 1, 0), 1) }
        return 1 - miss
    }

    /// Whether `confidence` is what the contributions give, i.e. not set by hand.
    public static func isMachineSet(confidence: Double?, _ entries: [Contribution]) -> Bool {
        guard !entries.isEmpty else { return false }
        return abs((confidence ?? 1) - noisyOr(entries)) < 1e-9
    }
}
