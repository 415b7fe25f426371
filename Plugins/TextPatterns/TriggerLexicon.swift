import Yams

/// The per-kind trigger lexicon of a rules file (`hedges`, `negations`, `kinds`), schema
/// version 1, shared with the spaCy plug-in through `Resources/triggers.yaml`:
///
/// ```yaml
/// hedges: [allegedly, reportedly]
/// negations: [not, never, denied]
/// kinds:
///   reportsTo:
///     verbs: ["report to", "spy for", {verb: "recruit", reverse: true}]
///     nouns: ["agent of", {noun: "handler of", reverse: true}]
///     source: [person, organization]
///     target: [organization, country, person]
/// ```
/// Verbs are lemmas with their particles or prepositions; nouns are role nouns with the
/// preposition that introduces the other entity (a noun without one only has the possessive
/// and premodifier forms, "B's N A" and "B N A"). `TriggerPatterns` turns each entry into
/// token patterns for the copular, appositive, possessive, passive and relative-clause forms.
public struct TriggerLexicon: Sendable, Equatable {
    public var hedges: [String] = []
    public var negations: [String] = []
    public var kinds: [KindTriggers] = []

    public init(hedges: [String] = [], negations: [String] = [], kinds: [KindTriggers] = []) {
        self.hedges = hedges
        self.negations = negations
        self.kinds = kinds
    }

    /// The triggers of one relation kind.
    public struct KindTriggers: Sendable, Equatable {
        public var kind: String
        public var verbs: [Trigger]
        public var nouns: [Trigger]
        /// Allowed entity kinds of the source and the target; empty means any.
        public var source: [String]
        public var target: [String]
        public var file: String
        public var line: Int

        public init(
            kind: String, verbs: [Trigger] = [], nouns: [Trigger] = [], source: [String] = [], target: [String] = [],
            file: String = "<rules>", line: Int = 1
        ) {
            self.kind = kind
            self.verbs = verbs
            self.nouns = nouns
            self.source = source
            self.target = target
            self.file = file
            self.line = line
        }
    }

    /// One verb phrase or role noun phrase.
    public struct Trigger: Sendable, Equatable {
        /// Lower-case words: `report to`, `own or control`, `agent of`.
        public var phrase: String
        /// The grammatical subject (verbs) or the role's holder (nouns) is the target.
        public var reverse: Bool
        public var line: Int

        public init(_ phrase: String, reverse: Bool = false, line: Int = 1) {
            self.phrase = phrase
            self.reverse = reverse
            self.line = line
        }
    }

    /// Reads `hedges`, `negations` and `kinds` from a rules file's top mapping.
    /// - Throws: `TextPatternsError.invalid` naming the file and line of a malformed entry.
    init(top: Node.Mapping, reader: YAMLReader) throws {
        if let h = top["hedges"] { hedges = try reader.strings(h, "hedges").map { $0.lowercased() } }
        if let n = top["negations"] { negations = try reader.strings(n, "negations").map { $0.lowercased() } }
        guard let k = top["kinds"] else { return }
        for (name, body) in try reader.mapping(k, "kinds") {
            let kind = try reader.string(name, "a relation kind")
            if kind.isEmpty || kind == "sameAs" || !kind.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) {
                throw reader.fail(name, "'\(kind)' is not a relation kind name")
            }
            let m = try reader.mapping(body, "kind '\(kind)'")
            try reader.checkKeys(m, ["verbs", "nouns", "source", "target"], "kind '\(kind)'")
            var entry = KindTriggers(kind: kind, file: reader.file, line: reader.line(name))
            entry.verbs = try m["verbs"].map { try Self.triggers($0, key: "verb", kind: kind, reader: reader) } ?? []
            entry.nouns = try m["nouns"].map { try Self.triggers($0, key: "noun", kind: kind, reader: reader) } ?? []
            entry.source = try m["source"].map { try reader.strings($0, "source kinds of '\(kind)'") } ?? []
            entry.target = try m["target"].map { try reader.strings($0, "target kinds of '\(kind)'") } ?? []
            for k in entry.source + entry.target
            where k.isEmpty || k.contains(where: { $0 == " " || $0 == "|" || $0 == ":" }) {
                throw reader.fail(body, "'\(k)' in the source or target kinds of '\(kind)' is not an entity kind")
            }
            if entry.verbs.isEmpty && entry.nouns.isEmpty {
                throw reader.fail(body, "kind '\(kind)' needs 'verbs' or 'nouns'")
            }
            kinds.append(entry)
        }
    }

    private static func triggers(_ node: Node, key: String, kind: String, reader: YAMLReader) throws -> [Trigger] {
        guard let seq = node.sequence else { throw reader.fail(node, "'\(key)s' of '\(kind)' must be a list") }
        return try seq.map { item in
            var trigger: Trigger
            if let s = item.scalar?.string {
                trigger = Trigger(s, line: reader.line(item))
            } else {
                let m = try reader.mapping(item, "a \(key) of '\(kind)'")
                try reader.checkKeys(m, [key, "reverse"], "a \(key) of '\(kind)'")
                guard let p = m[key] else { throw reader.fail(item, "a \(key) entry of '\(kind)' needs '\(key):'") }
                trigger = Trigger(try reader.string(p, key), line: reader.line(item))
                if let r = m["reverse"] {
                    switch try reader.string(r, "reverse") {
                    case "true": trigger.reverse = true
                    case "false": trigger.reverse = false
                    default: throw reader.fail(r, "reverse must be true or false")
                    }
                }
            }
            let words = trigger.phrase.lowercased().split(separator: " ")
            guard !words.isEmpty, words.count <= 8 else {
                throw reader.fail(item, "a \(key) of '\(kind)' must have 1 to 8 words, not \"\(trigger.phrase)\"")
            }
            for w in words where w.contains(where: { "|@~?+:_".contains($0) }) || w.hasPrefix("...") {
                throw reader.fail(
                    item, "\"\(trigger.phrase)\" in '\(kind)': a trigger is plain words, without | @ ~ ? + : _ or ...")
            }
            trigger.phrase = words.joined(separator: " ")
            return trigger
        }
    }
}
