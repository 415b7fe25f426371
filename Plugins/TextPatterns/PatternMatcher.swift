import LinkGraph

/// A sentence seen as units: each unit is one token, or one whole entity mention.
struct SentenceUnits {
    /// Per unit: the first token index.
    var token: [Int32] = []
    /// Per unit: the mention index, or -1 for a plain token.
    var mention: [Int32] = []
    var count: Int { token.count }
}

/// Where a pattern matched: the unit bound to each slot (A, B, C, N; -1 if unbound) and the
/// units the match covers.
struct PatternMatch {
    var slots: [Int] = [-1, -1, -1, -1]
    var lower = 0
    var upper = 0
    var anchor = 0
}

/// Matches compiled patterns against one sentence by backtracking from the trigger: the
/// elements after the trigger forward, those before it backward. Gaps are lazy, so each slot
/// binds the nearest fitting mention.
/// - Complexity: O(g^k) in the worst case for k gaps of size g; in practice a few dozen unit
///   visits per trigger occurrence, and triggers are found by one hash probe per token.
struct PatternMatcher {
    let tokens: [Token]
    let mentions: [Mention]
    let units: SentenceUnits
    let lexicon: Lexicon
    /// Kind of each mention's entity (by cluster), or nil before coreference.
    let kindOf: (Int) -> EntityKind?

    // MARK: - Unit predicates

    @inline(__always) private func isToken(_ u: Int) -> Bool { units.mention[u] < 0 }
    @inline(__always) private func tok(_ u: Int) -> Token { tokens[Int(units.token[u])] }

    private func isBarrier(_ u: Int, loose: Bool) -> Bool {
        guard isToken(u) else { return false }
        let t = tok(u)
        guard t.flags.contains(.punctuation) else { return false }
        if t.flags.contains(.possessive) || t.punct == 45 || t.punct == 34 || t.punct == 39 { return false }
        if loose { return t.punct == 59 || t.punct == 58 }
        return true
    }

    /// A lower-case word that can sit between a trigger and its slot (`the`, `top`, `secretive`).
    private func isModifier(_ u: Int) -> Bool {
        guard isToken(u) else { return false }
        let t = tok(u)
        if t.punct == 45 && !t.flags.contains(.spaceBefore) { return true }
        guard t.isLowerWord else { return false }
        return !lexicon.preposition.contains(t.key) && !lexicon.conjunction.contains(t.key)
            && !lexicon.relativePronoun.contains(t.key)
    }

    private func slotFits(_ s: CompiledPattern.Slot, _ u: Int) -> Bool {
        let m = units.mention[u]
        guard m >= 0 else { return false }
        let mention = mentions[Int(m)]
        if mention.weak && !s.allowWeak { return false }
        if s.nameOnly && mention.source == .demonym { return false }
        if !s.kinds.isEmpty {
            guard let k = kindOf(Int(m)), s.kinds.contains(k) else { return false }
        }
        return true
    }

    /// Length in units of a phrase of `set` starting at unit `u` going forward, or 0.
    private func phraseForward(_ set: PhraseSet, _ u: Int) -> Int {
        guard u < units.count, isToken(u), let list = set.byFirst[tok(u).key] else { return 0 }
        outer: for p in list {
            if u + p.count > units.count { continue }
            for k in 1..<max(1, p.count) where !isToken(u + k) || tok(u + k).key != p[k] { continue outer }
            return p.count
        }
        return 0
    }

    /// Length of a phrase of `set` ending at unit `u` (inclusive) going backward, or 0.
    private func phraseBackward(_ set: PhraseSet, _ u: Int) -> Int {
        guard u >= 0, isToken(u) else { return 0 }
        let key = tok(u).key
        // Single-token phrases are the common case.
        if set.containsSingle(key) { return 1 }
        if set.maxLength < 2 { return 0 }
        for len in stride(from: min(set.maxLength, u + 1), through: 2, by: -1) {
            let s = u - len + 1
            if phraseForward(set, s) == len { return len }
        }
        return 0
    }

    // MARK: - Matching

    /// Tries `pattern` with its trigger at unit `u`.
    func match(_ pattern: CompiledPattern, at u: Int) -> PatternMatch? {
        guard case .words(let set, _, _) = pattern.elements[pattern.anchor] else { return nil }
        let len = phraseForward(set, u)
        guard len > 0 else { return nil }
        // A trigger glued to a hyphen (`Iranian-led`) is half of a compound adjective, not a
        // verb: only a pattern that spells the hyphen out may use it.
        if u > 0 && isToken(u - 1) && tok(u - 1).punct == 45 && !tok(u).flags.contains(.spaceBefore) {
            guard pattern.anchor > 0, case .words(let before, _, _) = pattern.elements[pattern.anchor - 1],
                before.containsSingle(tok(u - 1).key)
            else { return nil }
        }
        var m = PatternMatch()
        m.anchor = u
        guard let hi = forward(pattern, pattern.anchor + 1, u + len, &m) else { return nil }
        var back = m
        guard let lo = backward(pattern, pattern.anchor - 1, u - 1, &back) else { return nil }
        for k in 0..<4 where back.slots[k] >= 0 { m.slots[k] = back.slots[k] }
        // A slot bound on both sides would be a self-match.
        m.lower = lo
        m.upper = hi
        return m
    }

    private func forward(_ p: CompiledPattern, _ e: Int, _ u: Int, _ m: inout PatternMatch) -> Int? {
        if e == p.elements.count { return u }
        switch p.elements[e] {
        case .words(let set, let optional, let repeated):
            let len = phraseForward(set, u)
            if len > 0 {
                var end = u + len
                if repeated {
                    while true {
                        let more = phraseForward(set, end)
                        if more == 0 { break }
                        end += more
                    }
                }
                if let r = forward(p, e + 1, end, &m) { return r }
            }
            return optional ? forward(p, e + 1, u, &m) : nil
        case .any(let optional):
            if u < units.count && isToken(u), let r = forward(p, e + 1, u + 1, &m) { return r }
            return optional ? forward(p, e + 1, u, &m) : nil
        case .gap(let max, let loose):
            var k = 0
            while k <= max && u + k <= units.count {
                if k > 0 && isBarrier(u + k - 1, loose: loose) { break }
                if let r = forward(p, e + 1, u + k, &m) { return r }
                k += 1
            }
            return nil
        case .slot(let s):
            let afterWords: Bool
            if e > 0, case .words = p.elements[e - 1] {
                afterWords = true
            } else if e > 0, case .any = p.elements[e - 1] {
                afterWords = true
            } else {
                afterWords = false
            }
            var pos = u
            var skipped = 0
            // Whether the pattern goes on with `'s` (`B 's N A`): then a possessor fills the slot.
            var nextIsPossessive = false
            if e + 1 < p.elements.count, case .words(let set, _, _) = p.elements[e + 1] {
                nextIsPossessive = set.containsSingle(TokenHash.possessiveKey)
            }
            while pos < units.count {
                // `an ally of Russia's president X`: the possessor only modifies the noun it owns.
                let possessor =
                    afterWords && !nextIsPossessive && units.mention[pos] >= 0 && pos + 1 < units.count
                    && isToken(pos + 1)
                    && tok(pos + 1).flags.contains(.possessive)
                if !possessor && slotFits(s, pos) {
                    let saved = m.slots[s.id]
                    m.slots[s.id] = pos
                    if let r = forward(p, e + 1, pos + 1, &m) { return r }
                    m.slots[s.id] = saved
                }
                if possessor && !s.adjacent && skipped < 3 {
                    pos += 2
                    skipped += 1
                    continue
                }
                // Skip a modifier, or a weak demonym standing where a slot might be.
                guard
                    afterWords && !s.adjacent && skipped < 4
                        && (isModifier(pos) || (units.mention[pos] >= 0 && mentions[Int(units.mention[pos])].weak))
                else { break }
                pos += 1
                skipped += 1
            }
            return s.optional ? forward(p, e + 1, u, &m) : nil
        case .create(let heads):
            guard u < units.count, isToken(u), tok(u).isLowerWord, heads.contains(tok(u).key) else { return nil }
            let saved = m.slots[3]
            m.slots[3] = u
            if let r = forward(p, e + 1, u + 1, &m) { return r }
            m.slots[3] = saved
            return nil
        }
    }

    /// Matches elements `e`, `e-1`, ... ending at unit `u`; returns the first unit of the match.
    private func backward(_ p: CompiledPattern, _ e: Int, _ u: Int, _ m: inout PatternMatch) -> Int? {
        if e < 0 { return u + 1 }
        switch p.elements[e] {
        case .words(let set, let optional, let repeated):
            let len = phraseBackward(set, u)
            if len > 0 {
                var start = u - len + 1
                if repeated {
                    while true {
                        let more = phraseBackward(set, start - 1)
                        if more == 0 { break }
                        start -= more
                    }
                }
                if let r = backward(p, e - 1, start - 1, &m) { return r }
            }
            return optional ? backward(p, e - 1, u, &m) : nil
        case .any(let optional):
            if u >= 0 && isToken(u), let r = backward(p, e - 1, u - 1, &m) { return r }
            return optional ? backward(p, e - 1, u, &m) : nil
        case .gap(let max, let loose):
            if loose, e > 0, case .slot(let s) = p.elements[e - 1] {
                return subjectWalk(p, e - 1, s, from: u, max: max, &m)
            }
            var k = 0
            while k <= max && u - k >= -1 {
                if k > 0 && isBarrier(u - k + 1, loose: loose) { break }
                if let r = backward(p, e - 1, u - k, &m) { return r }
                k += 1
            }
            return nil
        case .slot(let s):
            let beforeWords: Bool
            if e + 1 < p.elements.count, case .words = p.elements[e + 1] {
                beforeWords = true
            } else {
                beforeWords = false
            }
            let afterWords: Bool
            if e > 0, case .words = p.elements[e - 1] {
                afterWords = true
            } else if e > 0, case .any = p.elements[e - 1] {
                afterWords = true
            } else {
                afterWords = false
            }
            var pos = u
            var skipped = 0
            while pos >= 0 {
                if slotFits(s, pos) {
                    let saved = m.slots[s.id]
                    m.slots[s.id] = pos
                    if let r = backward(p, e - 1, pos - 1, &m) { return r }
                    // A slot after words may follow up to three modifiers (`a retired GRU officer`).
                    if afterWords {
                        var q = pos - 1
                        while q >= 0 && pos - q <= 3 && isModifier(q) {
                            if let r = backward(p, e - 1, q - 1, &m) { return r }
                            q -= 1
                        }
                    }
                    m.slots[s.id] = saved
                }
                guard
                    beforeWords && skipped < 3 && isToken(pos) && tok(pos).isLowerWord
                        && !lexicon.preposition.contains(tok(pos).key)
                        && !lexicon.conjunction.contains(tok(pos).key)
                        && !lexicon.relativePronoun.contains(tok(pos).key)
                        && !lexicon.determiner.contains(tok(pos).key)
                else { break }
                pos -= 1
                skipped += 1
            }
            return s.optional ? backward(p, e - 1, u, &m) : nil
        case .create(let heads):
            guard u >= 0, isToken(u), heads.contains(tok(u).key) else { return nil }
            let saved = m.slots[3]
            m.slots[3] = u
            if let r = backward(p, e - 1, u - 1, &m) { return r }
            m.slots[3] = saved
            return nil
        }
    }

    /// The nearest mention left of `u` (within `max` units) that can be the subject of the
    /// trigger, trying each in turn against the rest of the pattern.
    private func subjectWalk(
        _ p: CompiledPattern, _ e: Int, _ s: CompiledPattern.Slot, from u: Int, max: Int, _ m: inout PatternMatch
    ) -> Int? {
        var x = u
        var steps = 0
        while x >= 0 && steps <= max {
            if isToken(x) {
                let t = tok(x)
                if t.punct == 59 || t.punct == 58 { return nil }
                if t.punct == 44, let head = parentheticalHead(endingAt: x) {
                    x = head
                    steps += 1
                    continue
                }
            } else if slotFits(s, x) && isEligibleSubject(x, depth: 0) {
                let saved = m.slots[s.id]
                m.slots[s.id] = x
                if let r = backward(p, e - 1, x - 1, &m) { return r }
                m.slots[s.id] = saved
            }
            x -= 1
            steps += 1
        }
        return s.optional ? backward(p, e - 1, u, &m) : nil
    }

    /// For a comma at unit `c` that closes a relative clause or appositive
    /// (`X, which ..., `, `X, the former ..., `, `X, Y's speaker ..., `), the unit of X.
    private func parentheticalHead(endingAt c: Int) -> Int? {
        var p = c - 1
        while p >= 0 {
            if isToken(p) {
                let t = tok(p)
                if t.punct == 44 { break }
                if t.punct == 59 || t.punct == 58 { return nil }
            }
            p -= 1
        }
        guard p >= 1, p + 1 < c, !isToken(p - 1) else { return nil }
        let s = p + 1
        if isToken(s) {
            let t = tok(s)
            if lexicon.relativePronoun.contains(t.key) || lexicon.determiner.contains(t.key) { return p - 1 }
            return nil
        }
        if s + 1 < units.count && isToken(s + 1) && tok(s + 1).flags.contains(.possessive) { return p - 1 }
        return nil
    }

    /// Not a possessive, not the object of a preposition (directly or through a coordination).
    private func isEligibleSubject(_ u: Int, depth: Int) -> Bool {
        if u + 1 < units.count && isToken(u + 1) && tok(u + 1).flags.contains(.possessive) { return false }
        var x = u - 1
        var skipped = 0
        while x >= 0 {
            guard isToken(x) else { return true }
            let t = tok(x)
            if lexicon.preposition.contains(t.key) { return false }
            if lexicon.conjunction.contains(t.key) && x > 0 && !isToken(x - 1) {
                return depth < 4 ? isEligibleSubject(x - 1, depth: depth + 1) : true
            }
            if lexicon.determiner.contains(t.key) {
                x -= 1
                continue
            }
            // The object of a verb in the past tense (`joined the KGB`) is no subject.
            if t.isLowerWord && looksLikePastVerb(t) { return false }
            if (t.isLowerWord && !lexicon.conjunction.contains(t.key) && !lexicon.relativePronoun.contains(t.key))
                && skipped < 1
            {
                x -= 1
                skipped += 1
                continue
            }
            if (t.punct == 34 || t.punct == 39 || t.punct == 40) && skipped < 3 {
                x -= 1
                skipped += 1
                continue
            }
            return true
        }
        return true
    }

    private static let irregularPast = KeySet(
        ["met", "paid", "left", "ran", "led", "sold", "told", "gave", "took", "made", "held", "sent", "became", "fled"]
            .map { TokenHash.key($0) })

    /// A lower-case word of five letters or more ending in `-ed`, or a common irregular past.
    private func looksLikePastVerb(_ t: Token) -> Bool {
        if PatternMatcher.irregularPast.contains(t.key) { return true }
        return t.flags.contains(.endsInEd)
    }
}
