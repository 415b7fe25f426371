import Yams

/// A TextPatterns rules file: word classes, settings and relation rules, as YAML.
///
/// ```yaml
/// version: 1
/// classes:                 # named word lists; a file may add words to a class of another file
///   role: [prime minister, speaker, minister]
/// settings: {hedgeFactor: 0.6}
/// rules:
///   - id: appositive-role-of
///     kind: memberOf       # a relation kind, or sameAs (two mentions are one entity)
///     pattern: "A , the? @tense? ~2 @role of B"
///     confidence: 0.85
/// ```
/// A rules file may also carry a trigger lexicon (`hedges`, `negations`, `kinds`: see
/// `TriggerLexicon` and `Resources/triggers.yaml`), from which the relation patterns of each kind
/// are generated. See `Resources/relations.yaml` for the pattern language. Loading checks the
/// structure; patterns are compiled (and their errors reported with file and line) when an
/// extractor is built.
public struct RulesFile: Sendable, Equatable {
    /// Where the rules came from, for messages.
    public var path: String
    /// Class name → phrases (one or more words each).
    public var classes: [String: [String]]
    /// Numeric settings (`hedgeFactor`, `negationWindow`, ...).
    public var settings: [String: Double]
    public var rules: [RelationRule]
    /// Hedges, negations and the per-kind triggers.
    public var triggers: TriggerLexicon

    public init(
        path: String = "<rules>", classes: [String: [String]] = [:], settings: [String: Double] = [:],
        rules: [RelationRule] = [],
        triggers: TriggerLexicon = TriggerLexicon()
    ) {
        self.path = path
        self.classes = classes
        self.settings = settings
        self.rules = rules
        self.triggers = triggers
    }

    /// Parses rules from YAML text.
    /// - Throws: `TextPatternsError.syntax` or `.invalid` naming `path` and the line.
    public init(yaml: String, path: String = "<rules>") throws {
        let reader = YAMLReader(file: path)
        let root = try reader.root(yaml)
        let top = try reader.mapping(root, "a rules file")
        try reader.checkKeys(
            top, ["version", "classes", "settings", "rules", "hedges", "negations", "kinds"], "a rules file")
        self.path = path
        classes = [:]
        settings = [:]
        rules = []
        if let v = top["version"], try reader.string(v, "version") != "1" {
            throw reader.fail(v, "unsupported rules file version; this build reads version 1")
        }
        if let c = top["classes"] {
            for (k, v) in try reader.mapping(c, "classes") {
                let name = try reader.string(k, "a class name")
                classes[name, default: []] += try reader.strings(v, "class '\(name)'")
            }
        }
        if let s = top["settings"] {
            for (k, v) in try reader.mapping(s, "settings") {
                settings[try reader.string(k, "a setting name")] = try reader.double(v, "a setting")
            }
        }
        if let r = top["rules"] {
            guard let seq = r.sequence else { throw reader.fail(r, "rules must be a list") }
            for item in seq { rules.append(try RelationRule(node: item, reader: reader)) }
        }
        triggers = try TriggerLexicon(top: top, reader: reader)
    }

    /// Reads and parses a rules file.
    public static func load(path: String) throws -> RulesFile {
        try RulesFile(yaml: readTextFile(path), path: path)
    }

    /// The rules shipped with TextPatterns (`Resources/relations.yaml`).
    public static func builtIn() throws -> RulesFile {
        try RulesFile(
            yaml: String(decoding: PackageResources.relations_yaml, as: UTF8.self), path: "TextPatterns/relations.yaml")
    }

    /// The shared trigger lexicon shipped with TextPatterns (`Resources/triggers.yaml`).
    public static func builtInTriggers() throws -> RulesFile {
        try RulesFile(
            yaml: String(decoding: PackageResources.triggers_yaml, as: UTF8.self), path: "TextPatterns/triggers.yaml")
    }
}

/// One relation rule: token patterns, and the relation (or alias) a match makes.
public struct RelationRule: Sendable, Equatable {
    public var id: String
    /// A relation kind (`memberOf`, ...), or `sameAs` to make two mentions one entity.
    public var kind: String
    /// Alternative patterns; any of them matching makes the relation.
    public var patterns: [String]
    /// Which slot is the source and which the target (`A`, `B`, `C` or `N`).
    public var source: String
    public var target: String
    public var confidence: Double
    /// More relations the same match makes: `(kind, source slot, target slot)`.
    public var also: [Also]
    /// For a pattern with an `N` slot: the kind and the name template of the entity it creates
    /// (`{A}` is replaced by slot A's name, `{N}` by the matched head word).
    public var createKind: String?
    public var createName: String?
    /// Where the rule is written.
    public var file: String
    public var line: Int

    public struct Also: Sendable, Equatable {
        public var kind: String
        public var source: String
        public var target: String
        public init(kind: String, source: String, target: String) {
            self.kind = kind
            self.source = source
            self.target = target
        }
    }

    public init(
        id: String, kind: String, patterns: [String], source: String = "A", target: String = "B",
        confidence: Double = 0.8,
        also: [Also] = [], createKind: String? = nil, createName: String? = nil, file: String = "<rules>", line: Int = 1
    ) {
        self.id = id
        self.kind = kind
        self.patterns = patterns
        self.source = source
        self.target = target
        self.confidence = confidence
        self.also = also
        self.createKind = createKind
        self.createName = createName
        self.file = file
        self.line = line
    }

    init(node: Node, reader: YAMLReader) throws {
        let m = try reader.mapping(node, "a rule")
        try reader.checkKeys(
            m, ["id", "kind", "pattern", "patterns", "source", "target", "confidence", "also", "create"], "a rule")
        file = reader.file
        line = reader.line(node)
        guard let k = m["kind"] else { throw reader.fail(node, "a rule needs a 'kind' (a relation kind or sameAs)") }
        kind = try reader.string(k, "kind")
        id = try m["id"].map { try reader.string($0, "id") } ?? "\(kind)@\(line)"
        var pats: [String] = []
        if let p = m["pattern"] { pats += try reader.strings(p, "pattern") }
        if let p = m["patterns"] { pats += try reader.strings(p, "patterns") }
        if pats.isEmpty { throw reader.fail(node, "rule '\(id)' has no 'pattern'") }
        patterns = pats
        source = try m["source"].map { try reader.string($0, "source") } ?? "A"
        target = try m["target"].map { try reader.string($0, "target") } ?? "B"
        confidence = try m["confidence"].map { try reader.double($0, "confidence") } ?? 0.8
        if !(0...1).contains(confidence) {
            throw reader.fail(m["confidence"] ?? node, "confidence must be between 0 and 1")
        }
        also = []
        if let a = m["also"] {
            guard let seq = a.sequence else { throw reader.fail(a, "'also' must be a list of {kind, source, target}") }
            for item in seq {
                let am = try reader.mapping(item, "an 'also' entry")
                try reader.checkKeys(am, ["kind", "source", "target"], "an 'also' entry")
                guard let ak = am["kind"] else { throw reader.fail(item, "an 'also' entry needs a 'kind'") }
                also.append(
                    Also(
                        kind: try reader.string(ak, "kind"),
                        source: try am["source"].map { try reader.string($0, "source") } ?? "A",
                        target: try am["target"].map { try reader.string($0, "target") } ?? "B"))
            }
        }
        if let c = m["create"] {
            let cm = try reader.mapping(c, "create")
            try reader.checkKeys(cm, ["kind", "name"], "create")
            createKind = try cm["kind"].map { try reader.string($0, "kind") } ?? "person"
            createName = try cm["name"].map { try reader.string($0, "name") } ?? "{A}'s {N}"
        }
        for slot in [source, target] + also.flatMap({ [$0.source, $0.target] })
        where !["A", "B", "C", "N"].contains(slot) {
            throw reader.fail(node, "rule '\(id)': slot '\(slot)' must be A, B, C or N")
        }
    }
}
