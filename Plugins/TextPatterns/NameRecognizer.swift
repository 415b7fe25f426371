import LinkGraph

/// Finds entity mentions in one sentence: gazetteer names, aliases and demonyms; title-case
/// name sequences (with particles such as `al-`, `bin`, `von`); titles and ranks that mark a
/// person; designations (`Source 134992`); acronyms; organization and place cues.
///
/// Mentions never overlap. A name run that ends in an organization cue (`Forces`, `Army`,
/// `Times`) is one organization even when it starts with a known name (`U.S. Army`,
/// `Syrian Democratic Forces`); otherwise a run is split at the known names inside it.
/// - Complexity: O(t) per sentence of t tokens, with one gazetteer probe per capitalized token.
struct NameRecognizer {
    static let ordinals = KeySet(["first", "second", "third", "fourth", "fifth", "sixth"].map { TokenHash.key($0) })
    static let theKey = TokenHash.key("the")
    static let ofKey = TokenHash.key("of")

    let gazetteer: Gazetteer
    let lexicon: Lexicon
    let words: EnglishWords

    /// Mentions of one sentence, appended to `out`. Single capitalized words that open a
    /// sentence are returned in `sentenceInitial` for the caller to check against the document's
    /// lower-case words (a word the document also writes in lower case is no name).
    func recognize(
        _ tokens: [Token], _ sentence: Sentence, index: Int, into out: inout [Mention], sentenceInitial: inout [Int]
    ) {
        let end = sentence.tokens.upperBound
        var i = sentence.tokens.lowerBound
        // The first word token (after opening quotes or brackets).
        var firstWord = i
        while firstWord < end && tokens[firstWord].flags.contains(.punctuation) { firstWord += 1 }
        while i < end {
            let t = tokens[i]
            guard t.isWord else {
                i += 1
                continue
            }
            // A designation: `Source 134992`, `Agent 7`.
            if t.isCapitalized && i + 1 < end && tokens[i + 1].flags.contains(.number)
                && lexicon.designation.contains(t.key)
            {
                out.append(Mention(tokens: i..<(i + 2), source: .designation, kindHint: .person, sentence: index))
                i += 2
                continue
            }
            // A title or rank before a name.
            var honorific: Int?
            var runStart = i
            if t.isCapitalized && !sentence.isHeadline {
                let h = lexicon.honorific.longestMatch(tokens, i, end)
                if h > 0 && i + h < end && tokens[i + h].isWord
                    && (tokens[i + h].isCapitalized || isParticleStart(tokens, i + h, end))
                {
                    honorific = i
                    runStart = i + h
                }
            }
            guard startsRun(tokens, runStart, end) else {
                i += 1
                continue
            }
            let runEnd = collectRun(tokens, runStart, end)
            emit(
                tokens, runStart..<runEnd, honorific: honorific, sentence: sentence, index: index, firstWord: firstWord,
                into: &out, sentenceInitial: &sentenceInitial)
            i = max(runEnd, i + 1)
        }
    }

    private func isParticleStart(_ tokens: [Token], _ i: Int, _ end: Int) -> Bool {
        let t = tokens[i]
        guard t.isLowerWord, lexicon.particle.contains(t.key), i + 1 < end else { return false }
        let n = tokens[i + 1]
        if n.punct == 45 && !n.flags.contains(.spaceBefore) && i + 2 < end {
            let m = tokens[i + 2]
            return m.isCapitalized && !m.flags.contains(.spaceBefore)
        }
        return n.isCapitalized && !n.flags.contains(.number)
    }

    private func startsRun(_ tokens: [Token], _ i: Int, _ end: Int) -> Bool {
        guard i < end else { return false }
        let t = tokens[i]
        if t.isCapitalized && !t.flags.contains(.number) { return true }
        if isParticleStart(tokens, i, end) { return true }
        return gazetteer.lowerStarts.contains(t.key) && gazetteer.longestMatch(tokens, i, end) != nil
    }

    /// The end of the maximal name run from `i`: capitalized words, known names, particles,
    /// joining hyphens and connectors (`of`, `for`, `&`) followed by a capitalized word.
    private func collectRun(_ tokens: [Token], _ start: Int, _ end: Int) -> Int {
        var j = start
        while j < end {
            if let m = gazetteer.longestMatch(tokens, j, end) {
                j += m.length
                continue
            }
            let t = tokens[j]
            if t.isWord && t.isCapitalized && !t.flags.contains(.number)
                && (j == start || !t.flags.contains(.newlineBefore))
            {
                j += 1
                continue
            }
            if j > start || t.isLowerWord {
                if isParticleStart(tokens, j, end) {
                    j += 1
                    continue
                }
            }
            // A middle initial's period: `Louis J. Freeh`.
            if t.punct == 46 && j > start && !t.flags.contains(.spaceBefore) && tokens[j - 1].length == 1
                && tokens[j - 1].isCapitalized
                && j + 1 < end && tokens[j + 1].isCapitalized && !tokens[j + 1].flags.contains(.number)
            {
                j += 1
                continue
            }
            if t.punct == 45 && j > start && !t.flags.contains(.spaceBefore) && j + 1 < end
                && !tokens[j + 1].flags.contains(.spaceBefore)
                && tokens[j + 1].isCapitalized && tokens[j - 1].isWord
            {
                j += 1
                continue
            }
            if j > start && t.isLowerWord && lexicon.connector.contains(t.key) && j + 1 < end
                && tokens[j + 1].isCapitalized
                && !tokens[j + 1].flags.contains(.number)
            {
                j += 1
                continue
            }
            // `Office of the Inspector General`, `Department of the Treasury`: `of the` after a cue, unless
            // a known name follows (`the First Chief Directorate of the KGB` is two organizations).
            if j > start && t.key == NameRecognizer.ofKey && lexicon.orgCue.contains(tokens[j - 1].key) && j + 2 < end
                && tokens[j + 1].key == NameRecognizer.theKey && tokens[j + 2].isCapitalized
                && !tokens[j + 2].flags.contains(.number) && gazetteer.longestMatch(tokens, j + 2, end) == nil
            {
                j += 2
                continue
            }
            if j > start && t.punct == 38 && j + 1 < end && tokens[j + 1].isCapitalized {  // &
                j += 1
                continue
            }
            break
        }
        return j
    }

    /// Whether a word ends in a lower-case `s`.
    private func lastLetterIsS(_ t: Token) -> Bool { t.flags.contains(.endsInS) }

    private func isCue(_ t: Token) -> Bool { lexicon.orgCue.contains(t.key) || lexicon.placeCue.contains(t.key) }

    /// Splits a run into pieces at connectors that join no organization or place name, then
    /// turns each piece into mentions.
    private func emit(
        _ tokens: [Token], _ run: Range<Int>, honorific: Int?, sentence: Sentence, index: Int, firstWord: Int,
        into out: inout [Mention], sentenceInitial: inout [Int]
    ) {
        var pieceStart = run.lowerBound
        var k = run.lowerBound
        var first = true
        while k <= run.upperBound {
            var cut = k == run.upperBound
            if !cut {
                let t = tokens[k]
                if t.isLowerWord && lexicon.connector.contains(t.key) || t.punct == 38 {
                    // Keep `of`, `for`, `on` when the words before hold a cue (`Ministry of Defense`);
                    // keep `and`/`&` inside a name (`Trade and Industry`), not between two names
                    // (`The New York Times and The Intercept`).
                    let isAnd = t.punct == 38 || t.key == TokenHash.key("and")
                    let keep: Bool
                    // The words after the connector, up to the next connector.
                    var rightEnd = k + 1
                    while rightEnd < run.upperBound
                        && !(tokens[rightEnd].isLowerWord && lexicon.connector.contains(tokens[rightEnd].key))
                    { rightEnd += 1 }
                    let rightHasCue =
                        rightEnd == run.upperBound
                        && (k + 1..<rightEnd).contains { lexicon.orgCue.contains(tokens[$0].key) }
                    if isAnd {
                        // `the Government of Mexico and U.S. officials`: a known name on either side
                        // of `and` is a name of its own.
                        let leftIsName =
                            gazetteer.longestMatch(tokens, pieceStart, k).map { $0.length == k - pieceStart } ?? false
                            || gazetteer.longestMatch(tokens, k + 1, run.upperBound) != nil
                        keep =
                            k > pieceStart && !isCue(tokens[k - 1]) && !leftIsName && k + 1 < run.upperBound
                            && !lexicon.sentenceStarters.contains(tokens[k + 1].key)
                            && ((pieceStart..<k).contains { isCue(tokens[$0]) } || rightHasCue)
                    } else if lexicon.particle.contains(t.key) && k > pieceStart && tokens[k - 1].isCapitalized
                        && k + 1 < run.upperBound && tokens[k + 1].isCapitalized
                    {
                        // A name particle between capitalized words (`Au Pied de Cochon`) joins them.
                        keep = true
                    } else {
                        // A cue on the right only joins a left part that is itself a name
                        // (`Bank of X` yes; `Considerations for Congress`, common words, no).
                        let leftIsName = (pieceStart..<k).contains {
                            tokens[$0].isWord
                                && (tokens[$0].flags.contains(.allUpper) || !words.isOnlyCommon(tokens[$0].key))
                        }
                        keep = (pieceStart..<k).contains { isCue(tokens[$0]) } || (rightHasCue && leftIsName)
                    }
                    if !keep { cut = true }
                }
            }
            if cut {
                if pieceStart < k {
                    emitPiece(
                        tokens, pieceStart..<k, honorific: first ? honorific : nil, sentence: sentence, index: index,
                        firstWord: firstWord, into: &out, sentenceInitial: &sentenceInitial)
                }
                first = false
                pieceStart = k + 1
            }
            k += 1
        }
    }

    private func emitPiece(
        _ tokens: [Token], _ range: Range<Int>, honorific: Int?, sentence: Sentence, index: Int, firstWord: Int,
        into out: inout [Mention], sentenceInitial: inout [Int]
    ) {
        var a = range.lowerBound
        var b = range.upperBound
        // Trailing hyphens and particles are not part of a name.
        while b > a && (tokens[b - 1].punct == 45 || tokens[b - 1].isLowerWord) { b -= 1 }
        // Leading capitalized function words (`The`, `In`, `Even`) are not part of a name,
        // unless a known name starts with them (`The Intercept`).
        let endsInCue = b - a >= 2 && isCue(tokens[b - 1])
        while a < b && gazetteer.longestMatch(tokens, a, b) == nil
            && (lexicon.sentenceStarters.contains(tokens[a].key)
                || (!endsInCue && lexicon.notName.contains(tokens[a].key)))
            // An ordinal inside a sentence starts an organization's name: `the First Chief Directorate`.
            && !(endsInCue && a != firstWord && NameRecognizer.ordinals.contains(tokens[a].key))
        {
            a += 1
        }
        guard a < b else { return }
        // A direction before a known place (`South Darfur`, `West Africa`) is a place of its own.
        if b - a >= 2 && lexicon.placePrefix.contains(tokens[a].key), let g = gazetteer.longestMatch(tokens, a + 1, b),
            g.length == b - a - 1, g.terminal.form == .name || g.terminal.form == .alias,
            gazetteer.entries[Int(g.terminal.entry)].kind == .place
                || gazetteer.entries[Int(g.terminal.entry)].kind == .country
        {
            out.append(Mention(tokens: a..<b, source: .name, kindHint: .place, sentence: index))
            return
        }
        // A country before a known organization's name (`U.S. Department of State`) is part of it.
        if let c = gazetteer.longestMatch(tokens, a, b), c.length < b - a,
            gazetteer.entries[Int(c.terminal.entry)].kind == .country, c.terminal.form != .demonym,
            let g = gazetteer.longestMatch(tokens, a + c.length, b), g.length == b - a - c.length,
            g.terminal.form == .name || g.terminal.form == .alias,
            gazetteer.entries[Int(g.terminal.entry)].kind == .organization
        {
            emitKnown(tokens, a + c.length, g, sentence: sentence, index: index, into: &out)
            out[out.count - 1].tokens = a..<max(b, out[out.count - 1].tokens.upperBound)
            return
        }
        // `Government of Mexico`, `the Administration of X`: the state itself.
        let countryAt = a + 2 < b && tokens[a + 2].key == NameRecognizer.theKey ? a + 3 : a + 2
        if b - a >= 3 && lexicon.stateNoun.contains(tokens[a].key) && tokens[a + 1].key == NameRecognizer.ofKey,
            let g = gazetteer.longestMatch(tokens, countryAt, b), g.length == b - countryAt,
            g.terminal.form == .name || g.terminal.form == .alias,
            gazetteer.entries[Int(g.terminal.entry)].kind == .country
        {
            emitKnown(tokens, countryAt, g, sentence: sentence, index: index, into: &out)
            out[out.count - 1].tokens = a..<b
            out[out.count - 1].weak = false
            return
        }
        // The whole piece is one known name.
        if let g = gazetteer.longestMatch(tokens, a, b), g.length == b - a {
            emitKnown(tokens, a, g, sentence: sentence, index: index, into: &out)
            return
        }
        // An organization or place cue at the end makes the whole piece one name.
        if !sentence.isHeadline && b - a >= 2 {
            let last = tokens[b - 1]
            let hasOrgCue =
                lexicon.orgCue.contains(last.key)
                || (a..<b).contains {
                    lexicon.orgCue.contains(tokens[$0].key) && $0 + 1 < b
                        && lexicon.connector.contains(tokens[$0 + 1].key)
                }
            if hasOrgCue || lexicon.placeCue.contains(last.key) {
                // A country followed by a state noun (`U.S. Administration`) is the country.
                if b - a >= 2, lexicon.stateNoun.contains(last.key), let g = gazetteer.longestMatch(tokens, a, b - 1),
                    g.length == b - 1 - a
                {
                    emitKnown(tokens, a, g, sentence: sentence, index: index, into: &out)
                    out[out.count - 1].tokens = a..<b
                    out[out.count - 1].weak = false
                    return
                }
                var start = a
                while start < b - 1 && lexicon.sentenceStarters.contains(tokens[start].key)
                    && !(start != firstWord && NameRecognizer.ordinals.contains(tokens[start].key))
                {
                    start += 1
                }
                out.append(
                    Mention(
                        tokens: start..<b, source: .name, kindHint: hasOrgCue ? .organization : .place, sentence: index)
                )
                return
            }
        }
        // Split at known names; the rest are names found in the text.
        var k = a
        var pending = a
        var honorific = honorific
        while k < b {
            if let g = gazetteer.longestMatch(tokens, k, b) {
                if pending < k {
                    emitName(
                        tokens, pending..<k, honorific: honorific, sentence: sentence, index: index,
                        firstWord: firstWord,
                        into: &out, sentenceInitial: &sentenceInitial)
                    honorific = nil
                }
                emitKnown(tokens, k, g, sentence: sentence, index: index, into: &out)
                // A known name may take the word after it (`Russian SFSR`).
                k = max(k + g.length, out[out.count - 1].tokens.upperBound)
                pending = k
                honorific = nil
            } else {
                k += 1
            }
        }
        if pending < b {
            emitName(
                tokens, pending..<b, honorific: honorific, sentence: sentence, index: index, firstWord: firstWord,
                into: &out, sentenceInitial: &sentenceInitial)
        }
    }

    /// A gazetteer match; a demonym takes a following organization word (`Iranian intelligence`
    /// is an organization) or state noun (`Syrian regime` is the country).
    private func emitKnown(
        _ tokens: [Token], _ i: Int, _ g: (length: Int, terminal: Gazetteer.Terminal), sentence: Sentence, index: Int,
        into out: inout [Mention]
    ) {
        let end = sentence.tokens.upperBound
        let j = i + g.length
        let form = g.terminal.form
        if form == .demonym || form == .pluralDemonym {
            // A demonym before an unknown acronym names a state or region: `Russian SFSR`, `Kazakh SSR`.
            if form == .demonym && j < end && tokens[j].flags.contains(.allUpper)
                && !tokens[j].flags.contains(.initialism)
                && gazetteer.longestMatch(tokens, j, end) == nil
            {
                out.append(Mention(tokens: i..<(j + 1), source: .name, kindHint: .place, sentence: index))
                return
            }
            if j < end && tokens[j].isLowerWord {
                let org = lexicon.demonymOrg.longestMatch(tokens, j, end)
                // `American intelligence operatives` are people, not an agency.
                let groupAfter =
                    org > 0 && j + org < end && tokens[j + org].isLowerWord
                    && lexicon.groupNoun.contains(tokens[j + org].key)
                if org > 0 && form == .demonym && !groupAfter {
                    out.append(Mention(tokens: i..<(j + org), source: .name, kindHint: .organization, sentence: index))
                    return
                }
                if lexicon.stateNoun.contains(tokens[j].key) {
                    out.append(Mention(tokens: i..<(j + 1), source: .demonym, entry: g.terminal.entry, sentence: index))
                    return
                }
            }
            out.append(
                Mention(
                    tokens: i..<j, source: .demonym, entry: g.terminal.entry, weak: form == .demonym, sentence: index))
            return
        }
        // A known country followed by a state noun (`the Iraqi government` is handled above;
        // `the U.S. government` here).
        if j < end && tokens[j].isLowerWord && lexicon.stateNoun.contains(tokens[j].key)
            && gazetteer.entries[Int(g.terminal.entry)].kind == .country
        {
            out.append(Mention(tokens: i..<(j + 1), source: .gazetteer, entry: g.terminal.entry, sentence: index))
            return
        }
        out.append(Mention(tokens: i..<j, source: .gazetteer, entry: g.terminal.entry, sentence: index))
    }

    /// A title-case name not in the gazetteer.
    private func emitName(
        _ tokens: [Token], _ range: Range<Int>, honorific: Int?, sentence: Sentence, index: Int, firstWord: Int,
        into out: inout [Mention], sentenceInitial: inout [Int]
    ) {
        // In a headline only a signature names someone: `Dana Keller, Secretary of State`.
        if sentence.isHeadline {
            let end = sentence.tokens.upperBound
            let signed =
                range.upperBound + 1 < end && tokens[range.upperBound].punct == 44
                && lexicon.honorific.longestMatch(tokens, range.upperBound + 1, end) > 0
                && !(range.lowerBound..<range.upperBound).contains { tokens[$0].isLowerWord }
            guard signed else { return }
        }
        var a = range.lowerBound
        let b = range.upperBound
        var honorific = honorific
        // A title after a known name (`FBI Director Louis Freeh`), or several titles before the
        // name (`Air Force Chief of Staff Colonel Alou Diarra`): the name starts after the last title.
        var p = a
        var firstTitle: Int?
        while p < b - 1 {
            let h = lexicon.honorific.longestMatch(tokens, p, b)
            if h > 0 && p + h < b && tokens[p + h].isCapitalized && !tokens[p + h].flags.contains(.number) {
                if firstTitle == nil { firstTitle = p }
                a = p + h
                p += h
            } else {
                p += 1
            }
        }
        if let t = firstTitle, honorific == nil {
            honorific = t
            // The words before the title name its organization: `Vesper Institute Director X`.
            var e = t
            while e > range.lowerBound && !tokens[e - 1].isWord { e -= 1 }
            if e > range.lowerBound {
                let org = lexicon.orgCue.contains(tokens[e - 1].key) && e - range.lowerBound >= 2
                if org || e - range.lowerBound >= 2 || tokens[range.lowerBound].flags.contains(.allUpper) {
                    out.append(
                        Mention(
                            tokens: range.lowerBound..<e,
                            source: tokens[range.lowerBound].flags.contains(.allUpper) && e - range.lowerBound == 1
                                ? .acronym : .name, kindHint: .organization, sentence: index))
                }
            }
        }
        while a < b && honorific == nil
            && (lexicon.notName.contains(tokens[a].key) || lexicon.sentenceStarters.contains(tokens[a].key))
        {
            a += 1
        }
        guard a < b else { return }
        // Common words before a name (`... for Water and Power Marta Oksanen`): the name starts at
        // the first word the word list does not have only in lower case, if two or more are left.
        if honorific == nil && b - a >= 3 {
            var s = a
            while s < b && tokens[s].isWord && !lexicon.particle.contains(tokens[s].key)
                && (tokens[s].isLowerWord || words.isOnlyCommon(tokens[s].key))
                && !tokens[s].flags.contains(.allUpper)
            { s += 1 }
            if s > a && b - s >= 2 && tokens[s].isCapitalized
                && (s..<b).allSatisfy({ tokens[$0].isCapitalized || !tokens[$0].isWord })
            {
                a = s
            }
        }
        // A title alone (`Secretary`, `the Deputy Director`) names nobody.
        if honorific == nil && lexicon.honorific.longestMatch(tokens, a, b) == b - a { return }
        let end = sentence.tokens.upperBound
        let wordTokens = (a..<b).filter { tokens[$0].isWord }
        if wordTokens.allSatisfy({ lexicon.notName.contains(tokens[$0].key) }) { return }
        // Capitalized common words only (`Supervisory Special Agent`, words of a law's title):
        // no name, unless a title or rank marks a person.
        if honorific == nil && wordTokens.count > 1
            && wordTokens.allSatisfy({ !tokens[$0].flags.contains(.allUpper) && words.isOnlyCommon(tokens[$0].key) })
        {
            return
        }
        if b - a == 1 {
            let t = tokens[a]
            if t.flags.contains(.number) || t.length < 2 { return }
            if t.flags.contains(.allUpper) && !t.flags.contains(.initialism) {
                if t.length > 8 { return }
                out.append(Mention(tokens: a..<b, source: .acronym, kindHint: .organization, sentence: index))
                return
            }
            if t.flags.contains(.initialism) { return }
            // An adjective before a group noun (`Basrawi residents`) or a hyphen (`Shia-led`).
            if b < end {
                let n = tokens[b]
                if n.isLowerWord && lexicon.groupNoun.contains(n.key) { return }
                if n.punct == 45 && !n.flags.contains(.spaceBefore) { return }
            }
            if honorific == nil && a == firstWord {
                // A plural common noun opening a sentence (`Investigators believe`).
                if b < end && tokens[b].isLowerWord && t.length > 3 && tokens[b - 1].flags.contains(.hasLower) {
                    if lastLetterIsS(tokens[b - 1]) { return }
                }
                sentenceInitial.append(out.count)
            }
        }
        var m = Mention(tokens: a..<b, source: .name, sentence: index)
        // After `in`, `near`, `outside`: a place, unless a title says otherwise.
        if honorific == nil && a > sentence.tokens.lowerBound && lexicon.placePreposition.contains(tokens[a - 1].key) {
            m.kindHint = .place
        }
        if let h = honorific {
            m.honorificStart = h
            m.kindHint = .person
        }
        out.append(m)
    }
}
