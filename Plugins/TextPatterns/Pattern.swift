import LinkGraph

/// A relation rule's pattern, compiled to elements over a sentence's units (a unit is a
/// token, or a whole entity mention).
///
/// Pattern language (elements separated by spaces):
/// - `A`, `B`, `C`: an entity slot, optionally constrained: `A:person`, `B:country|place`,
///   `B:weak` (also accept an adjectival demonym), `A:name` (not a demonym), `B:next` (right after
///   the word before it, no modifiers between).
/// - `N:adviser|aide`: creates an unnamed entity whose head noun is one of the words.
/// - `met|meets|'s|,`: one of these words or marks (a word may be several tokens, `prime-minister`).
/// - `@role`: any phrase of a class; `@role+` one or more; `@role|chief` a class or a word.
/// - a `?` suffix makes any word, class or slot optional.
/// - `~3`: up to 3 units, not across punctuation; `...8`: up to 8 units across commas;
///   `...` is `...20`. Neither crosses `;`, `:` or the sentence end.
/// - `_`: any one token.
/// A pattern is tried where its trigger occurs: its first required words that are not
/// punctuation or function words (`common`).
/// A slot right before a `...` gap is the nearest mention that can be a subject: not after a
/// preposition, not a possessive, not inside a relative clause or appositive that ends before
/// the trigger. A slot after a word may be preceded by up to three modifiers (`the`, `top`).
struct CompiledPattern {
    enum Element {
        case slot(Slot)
        case words(PhraseSet, optional: Bool, repeated: Bool)
        case gap(max: Int, loose: Bool)
        case any(optional: Bool)
        case create(KeySet)
    }

    struct Slot {
        /// 0 = A, 1 = B, 2 = C, 3 = N.
        var id: Int
        var kinds: Set<EntityKind>
        var allowWeak: Bool
        var nameOnly: Bool
        var optional: Bool
        /// `:next`: the mention right after the preceding word, no modifiers between.
        var adjacent = false
    }

    var elements: [Element]
    /// Index of the trigger element: the first required words element.
    var anchor: Int
    var ruleIndex: Int

    /// Slot letter → id.
    static func slotID(_ s: Substring) -> Int? {
        switch s {
        case "A": return 0
        case "B": return 1
        case "C": return 2
        case "N": return 3
        default: return nil
        }
    }

    /// Compiles `text`. `classes` are the merged word classes.
    /// - Throws: a message (the caller adds file and line).
    init(_ text: String, classes: [String: PhraseSet], common: KeySet = KeySet(), ruleIndex: Int) throws(PatternError) {
        self.ruleIndex = ruleIndex
        elements = []
        for raw in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = raw
            var optional = false
            var repeated = false
            if word.count > 1 && word.hasSuffix("?") {
                optional = true
                word = word.dropLast()
            }
            if word.count > 1 && word.hasSuffix("+") {
                repeated = true
                word = word.dropLast()
            }
            if word.hasPrefix("...") {
                let n = word.dropFirst(3)
                guard n.isEmpty || Int(n) != nil else { throw PatternError("bad gap '\(raw)': write ... or ...N") }
                elements.append(.gap(max: Int(n) ?? 20, loose: true))
                continue
            }
            if word.hasPrefix("~"), let n = Int(word.dropFirst()) {
                elements.append(.gap(max: n, loose: false))
                continue
            }
            if word == "_" {
                elements.append(.any(optional: optional))
                continue
            }
            // A word made of colons (the mark `:`) splits into no parts: it is a word, not a slot.
            let parts = word.split(separator: ":", maxSplits: 1)
            if let first = parts.first, let id = CompiledPattern.slotID(first) {
                if id == 3 {
                    guard parts.count == 2 else { throw PatternError("slot N needs its head words: N:adviser|aide") }
                    elements.append(
                        .create(KeySet(parts[1].split(separator: "|").flatMap { Lexicon.keys(String($0)) })))
                    continue
                }
                var slot = Slot(id: id, kinds: [], allowWeak: false, nameOnly: false, optional: optional)
                if parts.count == 2 {
                    for c in parts[1].split(separator: "|") {
                        switch c {
                        case "weak": slot.allowWeak = true
                        case "next": slot.adjacent = true
                        case "name": slot.nameOnly = true
                        case "any": break
                        default: slot.kinds.insert(EntityKind(String(c)))
                        }
                    }
                }
                elements.append(.slot(slot))
                continue
            }
            var set = PhraseSet()
            for alt in word.split(separator: "|") {
                if alt.hasPrefix("@") && alt.count > 1 {
                    let name = String(alt.dropFirst())
                    guard let cls = classes[name] else { throw PatternError("unknown class '@\(name)'") }
                    for phrase in cls.allPhrases { set.insert(phrase) }
                    continue
                }
                let keys = Lexicon.keys(String(alt))
                guard !keys.isEmpty else { throw PatternError("empty word in '\(raw)'") }
                set.insert(keys)
            }
            elements.append(.words(set, optional: optional, repeated: repeated))
        }
        let elems = elements
        let required = elems.indices.filter {
            if case .words(_, let o, _) = elems[$0] { return !o }; return false
        }
        guard let first = required.first else {
            throw PatternError("a pattern needs at least one required word to trigger it")
        }
        // Trigger on the rarest required words: the first that does not start with punctuation
        // or a function word, so common tokens (`,`, `in`, `the`) do not start a match attempt.
        anchor =
            required.first { i in
                guard case .words(let set, _, _) = elems[i] else { return false }
                return !set.firstKeys.contains { common.contains($0) }
            } ?? first
        var slots = 0
        for e in elems { if case .slot = e { slots += 1 } else if case .create = e { slots += 1 } }
        if slots == 0 { throw PatternError("a pattern needs at least one slot (A, B, C or N)") }
    }
}

struct PatternError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
