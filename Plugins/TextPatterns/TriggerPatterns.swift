/// Turns a kind's trigger lexicon into relation rules in the pattern language (`Pattern.swift`):
/// one rule per trigger and syntactic form, so the relation records how it was found and its
/// confidence says how reliable that form is (a nearby subject beats one far to the left).
///
/// Forms, for a verb V (subject A, object B; `reverse` swaps source and target):
/// - active `A V B`, with up to three words between (`A has long reported to B`), or a relative
///   clause `A, who V B`; the far subject (`A ... V B`, up to 20 units) gets a lower confidence;
/// - passive `B was V-ed by A` and the reduced relative `B, V-ed by A`;
/// - for a verb with a preposition other than `by`, the agentless passive `A was posted to B`,
///   the appositive `A, a company based in B`, `A, based in B`, and the compound `B-based ... A`.
///
/// For a role noun N with preposition P (holder A, other B):
/// - appositive `A, the N P B`; copular `A is the N P B` (`served as`, `became`); relative
///   `A, who was the N P B`; `A's N P B`; `the N P B, A`;
/// - possessive `B's N A`, `A, B's N`; and for a noun without a preposition the premodifier forms
///   `B N A` (`FBI Director A`), `A, a B N`, `A was a B N`.
/// The argument slots carry the kind's allowed entity kinds.
/// - Complexity: O(triggers) rules; each rule compiles once when the extractor is built.
enum TriggerPatterns {
    /// Words that are particles or prepositions of a verb or noun phrase, never inflected.
    static let prepositions: Set<String> = [
        "to", "for", "of", "on", "in", "at", "with", "from", "by", "into", "about", "against", "over", "behalf", "as",
        "under",
        "up", "out", "off", "away", "back", "down", "through", "toward", "towards", "among", "within", "inside",
        "across",
    ]

    static let tense = [
        "former", "then", "current", "longtime", "onetime", "acting", "deputy", "senior", "top", "chief",
        "principal", "new", "ex", "later", "first", "also", "then-",
    ]

    /// Confidence of each form before hedges.
    enum Confidence {
        static let near = 0.8
        static let relative = 0.75
        static let passive = 0.8
        static let far = 0.5
        static let appositive = 0.8
        static let possessive = 0.75
        static let premodifier = 0.65
    }

    /// The generated word classes and rules of one kind's triggers. `hasHonorific`: whether the
    /// merged classes have `honorific` (titles between a role noun and a name).
    static func compile(_ k: TriggerLexicon.KindTriggers, hasHonorific: Bool) -> (
        classes: [String: [String]], rules: [RelationRule]
    ) {
        var classes: [String: [String]] = ["trigger.tense": tense]
        var rules: [RelationRule] = []
        let honorific = hasHonorific ? "@honorific? " : ""
        func slot(_ name: String, _ kinds: [String], weak: Bool = false) -> String {
            let list = kinds + (weak && kinds.contains("country") ? ["weak"] : [])
            return list.isEmpty ? name : "\(name):\(list.joined(separator: "|"))"
        }
        for (i, t) in k.verbs.enumerated() {
            let base = "trigger.\(k.kind).v\(i)"
            let words = t.phrase.split(separator: " ").map(String.init)
            // A is the grammatical (active) subject.
            let subjectKinds = t.reverse ? k.target : k.source
            let objectKinds = t.reverse ? k.source : k.target
            let a = slot("A", subjectKinds)
            let b = slot("B", objectKinds)
            let (src, tgt) = t.reverse ? ("B", "A") : ("A", "B")
            var forms: [(String, [String], Double)] = []
            if words[0] == "be" {
                classes[base + ".fin"] = Inflection.allForms("be").map {
                    ([$0] + words.dropFirst()).joined(separator: " ")
                }
                forms.append(
                    (
                        "active",
                        ["\(a) ~3 @\(base).fin the? \(b)", "\(a) , who|which|that ~2 @\(base).fin the? \(b)"],
                        Confidence.near
                    ))
                forms.append(("far", ["\(a) ... @\(base).fin the? \(b)"], Confidence.far))
            } else {
                let verbAt = verbPositions(words)
                classes[base + ".fin"] = inflect(words, verbAt, Inflection.allForms)
                let pp = inflect(words, verbAt, Inflection.participle)
                classes[base + ".pp"] = pp
                forms.append(("active", ["\(a) ~3 @\(base).fin the? \(b)"], Confidence.near))
                forms.append(("relative", relative(subjectKinds, "~2 @\(base).fin the? \(b)"), Confidence.relative))
                forms.append(("far", ["\(a) ... @\(base).fin the? \(b)"], Confidence.far))
                let last = words[words.count - 1]
                if words.count == 1 || last == "by" || !prepositions.contains(last) {
                    // "B was V-ed by A": the agent A is the active subject.
                    let be = "is|are|was|were|been|being|be|get|got"
                    forms.append(
                        (
                            "passive",
                            ["\(b) ~2 \(be) ~2 @\(base).pp by the? \(a)", "\(b) , ~1 @\(base).pp by the? \(a)"],
                            Confidence.passive
                        ))
                    // "B is a company controlled until 2023 by A".
                    forms.append(
                        (
                            "passive-noun", ["\(b) ~2 is|was|are|were|became a|an|the ~4 @\(base).pp ~3 by the? \(a)"],
                            Confidence.relative
                        ))
                    forms.append(("passive-far", ["\(b) ... \(be) ~2 @\(base).pp by the? \(a)"], Confidence.far))
                } else {
                    // "A was posted to B": no agent; A stays the source.
                    let be = "is|are|was|were|been|being|be"
                    forms.append(
                        (
                            "passive",
                            [
                                "\(a) ~2 \(be) ~2 @\(base).pp the? \(b)", "\(a) , @\(base).pp the? \(b)",
                                "\(a) , a|an|the ~4 @\(base).pp the? \(b)",
                            ], Confidence.passive
                        ))
                    forms.append(("passive-far", ["\(a) ... \(be) ~2 @\(base).pp the? \(b)"], Confidence.far))
                    if words.count == 2 {
                        classes[base + ".ppv"] = Inflection.participle(words[0])
                        let bw = slot("B", objectKinds + ["weak"])
                        forms.append(
                            (
                                "compound",
                                ["\(bw) - @\(base).ppv ~4 ,? \(a)", "\(a) , a|an|the? \(bw) - @\(base).ppv"],
                                Confidence.premodifier
                            ))
                    }
                }
            }
            for (form, patterns, confidence) in forms {
                rules.append(
                    RelationRule(
                        id: "trigger:\(k.kind):\(t.phrase):\(form)", kind: k.kind, patterns: patterns, source: src,
                        target: tgt, confidence: confidence, file: k.file, line: t.line))
            }
        }
        for (i, t) in k.nouns.enumerated() {
            let base = "trigger.\(k.kind).n\(i)"
            var words = t.phrase.split(separator: " ").map(String.init)
            var prep: String?
            if words.count > 1, let last = words.last, prepositions.contains(last) {
                prep = last
                words.removeLast()
            }
            let noun = words.joined(separator: " ")
            let nounForms = [
                noun, (words.dropLast() + [Inflection.plural(words[words.count - 1])]).joined(separator: " "),
            ]
            classes[base + ".n"] = nounForms
            // A holds the role.
            let holderKinds = t.reverse ? k.target : k.source
            let otherKinds = t.reverse ? k.source : k.target
            let a = slot("A", holderKinds)
            let b = slot("B", otherKinds)
            let bWeak = slot("B", otherKinds, weak: true)
            let (src, tgt) = t.reverse ? ("B", "A") : ("A", "B")
            let copula = "is|was|are|were|became|becomes|become|remains|remained|as"
            let det = "a|an|the|one|its|his|her|their?"
            var forms: [(String, [String], Double)] = []
            if let p = prep {
                classes[base + ".np"] = nounForms.map { "\($0) \(p)" }
                forms.append(
                    ("appositive", ["\(a) , \(det) @trigger.tense? ~2 @\(base).np the? \(b)"], Confidence.appositive))
                forms.append(
                    (
                        "copular", ["\(a) ~3 \(copula) \(det) @trigger.tense? ~3 @\(base).np the? \(b)"],
                        Confidence.appositive
                    ))
                forms.append(
                    (
                        "relative",
                        relative(holderKinds, "~1 \(copula) \(det) @trigger.tense? ~3 @\(base).np the? \(b)"),
                        Confidence.relative
                    ))
                forms.append(
                    ("holder-possessive", ["\(a) 's @trigger.tense? ~2 @\(base).np the? \(b)"], Confidence.possessive))
                forms.append(
                    (
                        "before-name", ["the|a|an @trigger.tense? ~2 @\(base).np the? \(b) , \(honorific)\(a)"],
                        Confidence.relative
                    ))
                forms.append(
                    ("far", ["\(a) ... \(copula) \(det) @trigger.tense? ~3 @\(base).np the? \(b)"], Confidence.far))
            } else {
                forms.append(("premodifier", ["\(bWeak) ~2 @\(base).n ,? \(honorific)\(a)"], Confidence.premodifier))
                // The article is required: `A, FBI Director B` is a list of names, not an appositive.
                forms.append(
                    (
                        "premodifier-appositive",
                        ["\(a) , a|an|the|its|his|her|their @trigger.tense? ~1 \(bWeak) ~2 @\(base).n"],
                        Confidence.appositive
                    ))
                forms.append(
                    (
                        "premodifier-copular", ["\(a) ~3 \(copula) \(det) @trigger.tense? ~1 \(bWeak) ~2 @\(base).n"],
                        Confidence.appositive
                    ))
                forms.append(
                    (
                        "premodifier-far", ["\(a) ... \(copula) \(det) @trigger.tense? ~1 \(bWeak) ~2 @\(base).n"],
                        Confidence.far
                    ))
            }
            forms.append(
                (
                    "possessive",
                    [
                        "\(b) 's @trigger.tense? ~3 @\(base).n ,? \(honorific)\(a)",
                        "\(a) , \(b) 's @trigger.tense? ~2 @\(base).n",
                    ],
                    Confidence.possessive
                ))
            for (form, patterns, confidence) in forms {
                rules.append(
                    RelationRule(
                        id: "trigger:\(k.kind):\(t.phrase):\(form)", kind: k.kind, patterns: patterns, source: src,
                        target: tgt, confidence: confidence, file: k.file, line: t.line))
            }
        }
        return (classes, rules)
    }

    /// Relative-clause patterns for subject slot A with `kinds`, followed by `rest`: `who` takes a
    /// person, `which` anything else, `that` any allowed kind.
    static func relative(_ kinds: [String], _ rest: String) -> [String] {
        func a(_ k: [String]) -> String { k.isEmpty ? "A" : "A:\(k.joined(separator: "|"))" }
        var out = ["\(a(kinds)) , that \(rest)"]
        if kinds.isEmpty || kinds.contains("person") { out.append("A:person , who \(rest)") }
        let others =
            kinds.isEmpty ? ["organization", "country", "place", "event", "other"] : kinds.filter { $0 != "person" }
        if !others.isEmpty { out.append("\(a(others)) , which \(rest)") }
        return out
    }

    /// Indices of the words to inflect: the first, and a verb coordinated with it ("own or control").
    static func verbPositions(_ words: [String]) -> [Int] {
        var at = [0]
        for i in words.indices.dropLast()
        where (words[i] == "or" || words[i] == "and") && !prepositions.contains(words[i + 1]) {
            at.append(i + 1)
        }
        return at
    }

    /// The phrase with its verbs inflected alike, for each form `forms` gives for the first verb.
    static func inflect(_ words: [String], _ verbAt: [Int], _ forms: (String) -> [String]) -> [String] {
        let first = forms(words[verbAt[0]])
        var out: [String] = []
        for (fi, _) in first.enumerated() {
            var w = words
            for at in verbAt {
                let f = forms(words[at])
                w[at] = f[min(fi, f.count - 1)]
            }
            let s = w.joined(separator: " ")
            if !out.contains(s) { out.append(s) }
        }
        return out
    }
}
