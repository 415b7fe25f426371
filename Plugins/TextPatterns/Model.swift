import LinkGraph

/// Everything an extraction needs that does not depend on the document: the compiled
/// gazetteer trie, the word classes, the compiled patterns and their trigger index.
/// Built once per extractor; immutable and shared across threads.
final class Model: Sendable {
    let gazetteer: Gazetteer
    let lexicon: Lexicon
    let rules: [RelationRule]
    let patterns: [CompiledPattern]
    /// Trigger key → indices into `patterns`, one table per pass.
    let sameAsIndex: KeyTable<[Int]>
    let createIndex: KeyTable<[Int]>
    let relationIndex: KeyTable<[Int]>
    let hedgeFactor: Double
    let dates = DateFinder()
    /// The English word list that tells capitalized common words from names.
    let words: EnglishWords
    /// Relation kind → the entity kinds its source and target may have (from the trigger
    /// lexicons; an empty set allows any). Every rule's relations are checked against it.
    let argumentKinds: [RelationKind: (source: Set<EntityKind>, target: Set<EntityKind>)]

    /// - Throws: `TextPatternsError.invalid` naming the rule's file and line for a pattern that
    ///   does not compile, an unknown class or an unknown slot.
    init(rules files: [RulesFile], gazetteers: [GazetteerFile], words: EnglishWords) throws {
        self.words = words
        var classes: [String: [String]] = [:]
        var settings: [String: Double] = [:]
        var rules: [RelationRule] = []
        for f in files {
            for (k, v) in f.classes { classes[k, default: []] += v }
            for (k, v) in f.settings { settings[k] = v }
            rules += f.rules
            classes["hedge", default: []] += f.triggers.hedges
            classes["negation", default: []] += f.triggers.negations
        }
        // Relation rules generated from the trigger lexicons, after every file's classes are in.
        let hasHonorific = classes["honorific"] != nil
        var argumentKinds: [RelationKind: (source: Set<EntityKind>, target: Set<EntityKind>)] = [:]
        for f in files {
            for k in f.triggers.kinds {
                // A later file's kinds widen an earlier one's.
                var a = argumentKinds[RelationKind(k.kind)] ?? ([], [])
                if !k.source.isEmpty { a.source.formUnion(k.source.map { EntityKind($0) }) }
                if !k.target.isEmpty { a.target.formUnion(k.target.map { EntityKind($0) }) }
                argumentKinds[RelationKind(k.kind)] = a
                let compiled = TriggerPatterns.compile(k, hasHonorific: hasHonorific)
                for (name, words) in compiled.classes { classes[name] = words }
                rules += compiled.rules
            }
        }
        let lexicon = Lexicon(classes: classes)
        self.lexicon = lexicon
        gazetteer = Gazetteer(files: gazetteers)
        self.rules = rules
        var common = KeySet()
        for name in ["preposition", "determiner", "conjunction", "relativePronoun", "pronoun"] {
            for k in lexicon.classes[name]?.firstKeys ?? [] { common.insert(k) }
        }
        for k in Lexicon.keys(", ( ) - ; : \" 's . was is were are has had have be been") { common.insert(k) }
        var patterns: [CompiledPattern] = []
        var sameAs = KeyTable<[Int]>()
        var create = KeyTable<[Int]>()
        var relation = KeyTable<[Int]>()
        for (ri, rule) in rules.enumerated() {
            for text in rule.patterns {
                let p: CompiledPattern
                do {
                    p = try CompiledPattern(text, classes: lexicon.classes, common: common, ruleIndex: ri)
                } catch {
                    throw TextPatternsError.invalid(
                        file: rule.file, line: rule.line,
                        message: "rule '\(rule.id)': \(error.message) in pattern \"\(text)\"")
                }
                let hasCreate = p.elements.contains {
                    if case .create = $0 { return true }; return false
                }
                if hasCreate != (rule.createKind != nil) {
                    throw TextPatternsError.invalid(
                        file: rule.file, line: rule.line,
                        message:
                            "rule '\(rule.id)': a pattern with an N slot needs 'create:', and 'create:' needs an N slot"
                    )
                }
                let slots = Set(
                    p.elements.compactMap { e -> Int? in
                        if case .slot(let s) = e { return s.id }
                        if case .create = e { return 3 }
                        return nil
                    })
                for name in [rule.source, rule.target] + rule.also.flatMap({ [$0.source, $0.target] }) {
                    if let id = CompiledPattern.slotID(Substring(name)), !slots.contains(id) {
                        throw TextPatternsError.invalid(
                            file: rule.file, line: rule.line,
                            message: "rule '\(rule.id)': slot \(name) is not in pattern \"\(text)\"")
                    }
                }
                let index = patterns.count
                patterns.append(p)
                guard case .words(let set, _, _) = p.elements[p.anchor] else { continue }
                for key in set.firstKeys {
                    if rule.kind == "sameAs" {
                        sameAs[key] = (sameAs[key] ?? []) + [index]
                    } else if hasCreate {
                        create[key] = (create[key] ?? []) + [index]
                    } else {
                        relation[key] = (relation[key] ?? []) + [index]
                    }
                }
            }
        }
        self.patterns = patterns
        self.argumentKinds = argumentKinds
        sameAsIndex = sameAs
        createIndex = create
        relationIndex = relation
        hedgeFactor = settings["hedgeFactor"] ?? 0.6
    }
}
