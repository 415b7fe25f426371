import LinkGraph

/// Groups a document's mentions into entities (within-document coreference) and names them.
///
/// - Same gazetteer entry (a name, an alias or a demonym: `Iranian officials` is Iran) → one entity.
/// - Same text (hyphens and case ignored) → one entity.
/// - `Popular Mobilization Forces (PMU)`: the acronym in brackets is the same entity.
/// - A surname alone (`al-Jabouri`, `Jabouri`) → the one person whose full name ends so.
/// - An acronym equal to the initials of an organization's name (`SDF`) → that organization.
/// - `sameAs` rule matches (`Source 134992 ... known as Donnie Brasco`) → one entity.
/// - Complexity: O(m α(m)) for m mentions, plus one hash probe per mention.
struct Coreference {
    let gazetteer: Gazetteer
    let lexicon: Lexicon

    /// Key of a mention's text: token keys without hyphens, quotes or a leading `the`.
    static func textKey(_ tokens: [Token], _ range: Range<Int>) -> UInt64 {
        var h = TokenHash.basis
        for k in range where tokens[k].punct != 45 && tokens[k].punct != 34 && tokens[k].punct != 39 {
            let key = tokens[k].key
            h = (h ^ key) &* 0x100_0000_01b3
            h = (h ^ (h >> 29))
        }
        return h
    }

    func cluster(
        _ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>, _ mentions: inout [Mention], sameAs: [(Int, Int)]
    ) {
        var uf = UnionFind(count: mentions.count)
        var firstByKey: [UInt64: Int] = [:]
        for (i, m) in mentions.enumerated() where !m.isReference {
            let key: UInt64
            switch m.source {
            case .gazetteer, .demonym: key = UInt64(m.entry) &* 0x9E37_79B9_7F4A_7C15 ^ 0x5bd1e995
            case .created: continue
            default: key = Coreference.textKey(tokens, m.tokens)
            }
            if let f = firstByKey[key] { uf.union(f, i) } else { firstByKey[key] = i }
        }
        for (a, b) in sameAs { uf.union(a, b) }
        // Acronyms defined in brackets right after a name.
        for i in mentions.indices where i + 1 < mentions.count {
            let m = mentions[i]
            let n = mentions[i + 1]
            guard !m.isReference, !n.isReference, n.tokens.count == 1, m.sentence == n.sentence else { continue }
            let open = m.tokens.upperBound
            guard open + 2 < tokens.count, n.tokens.lowerBound == open + 1, tokens[open].punct == 40,
                tokens[n.tokens.upperBound].punct == 41, tokens[n.tokens.lowerBound].flags.contains(.allUpper)
            else { continue }
            if m.source == .demonym || n.source == .demonym { continue }
            if (m.source == .gazetteer) && (n.source == .gazetteer) && m.entry != n.entry { continue }
            if n.source == .gazetteer && m.source == .gazetteer { continue }
            uf.union(i, i + 1)
        }
        // An acronym followed by its expansion in brackets (`KGB (Komitet Gosudarstvennoy
        // Bezopasnosti, ...)`): the expansion's capitalized initials spell the acronym.
        for i in mentions.indices where i + 1 < mentions.count {
            let m = mentions[i]
            let n = mentions[i + 1]
            guard !m.isReference, !n.isReference, m.tokens.count == 1, n.tokens.count >= 2, m.sentence == n.sentence,
                m.source != .demonym, n.source == .name, tokens[m.tokens.lowerBound].flags.contains(.allUpper),
                n.tokens.lowerBound == m.tokens.upperBound + 1, tokens[m.tokens.upperBound].punct == 40
            else { continue }
            let acronym = tokens[m.tokens.lowerBound]
            var letters: [UInt8] = []
            for k in 0..<Int(acronym.length) {
                let c = bytes[Int(acronym.start) + k]
                if c >= 65 && c <= 90 { letters.append(c + 32) }
            }
            var initials: [UInt8] = []
            for k in n.tokens where tokens[k].isWord && tokens[k].isCapitalized {
                initials.append(TokenHash.lower(bytes[Int(tokens[k].start)]))
            }
            if letters.count >= 2 && initials == letters { uf.union(i, i + 1) }
        }
        // `Treasury` and `Department of the Treasury`; `Department of State` and `U.S. Department of
        // State`: a name that ends one longer organization name (and no other) is that organization.
        var suffixOwner: [UInt64: Int] = [:]
        for (i, m) in mentions.enumerated()
        where m.tokens.count > 1
            && (m.source == .name && m.kindHint == .organization
                || m.source == .gazetteer && gazetteer.entries[Int(m.entry)].kind == .organization)
        {
            for start in m.tokens.dropFirst() where tokens[start].isCapitalized {
                let key = Coreference.textKey(tokens, start..<m.tokens.upperBound)
                if let r = suffixOwner[key] {
                    if r >= 0 && uf.find(r) != uf.find(i) { suffixOwner[key] = -1 }
                } else {
                    suffixOwner[key] = i
                }
            }
        }
        for (i, m) in mentions.enumerated() where m.source == .name && m.honorificStart == nil {
            if m.tokens.count == 1
                && (lexicon.orgCue.contains(tokens[m.tokens.lowerBound].key)
                    || lexicon.placeCue.contains(tokens[m.tokens.lowerBound].key))
            {
                continue
            }
            if let r = suffixOwner[Coreference.textKey(tokens, m.tokens)], r >= 0,
                mentions[r].tokens.count > m.tokens.count
            {
                uf.union(r, i)
            }
        }
        // `the Sinaloa cartel` is `Sinaloa Cartel`: a one-word name before a lower-case organization
        // word is the organization whose name is those two words.
        var twoWordOrgs: [UInt64: Int] = [:]
        for (i, m) in mentions.enumerated()
        where m.source == .name && m.kindHint == .organization && m.tokens.count == 2 {
            twoWordOrgs[Coreference.textKey(tokens, m.tokens)] = i
        }
        for (i, m) in mentions.enumerated() where m.source == .name && m.tokens.count == 1 {
            let k = m.tokens.upperBound
            guard k < tokens.count, tokens[k].isLowerWord, lexicon.orgCue.contains(tokens[k].key),
                let r = twoWordOrgs[Coreference.textKey(tokens, m.tokens.lowerBound..<(k + 1))]
            else { continue }
            uf.union(r, i)
        }
        // `Oleg Gordievsky` and `Oleg Antonovich Gordievsky`: one person (same first and last name).
        var firstAndLast: [UInt64: Int] = [:]
        for (i, m) in mentions.enumerated()
        where m.source == .name && m.kindHint != .organization && m.kindHint != .place {
            let words = m.tokens.filter { tokens[$0].isWord && !lexicon.particle.contains(tokens[$0].key) }
            guard words.count >= 2 else { continue }
            let key =
                Coreference.textKey(tokens, words[0]..<(words[0] + 1)) &* 31
                &+ Coreference.textKey(tokens, words[words.count - 1]..<(words[words.count - 1] + 1))
            if let r = firstAndLast[key] { uf.union(r, i) } else { firstAndLast[key] = i }
        }
        // Surnames and initials.
        var roots = mentions.indices.map { uf.find($0) }
        var surname: [UInt64: Int] = [:]
        var initials: [UInt64: Int] = [:]
        var fullNameRoots = Set<Int>()
        for (i, m) in mentions.enumerated() where m.source == .name {
            let words = m.tokens.filter { tokens[$0].isWord }
            guard words.count - words.filter({ lexicon.particle.contains(tokens[$0].key) }).count >= 2 else { continue }
            let root = roots[i]
            if m.kindHint == .organization || m.kindHint == .place {
                var k = TokenHash.basis
                var letters = 0
                for w in words where tokens[w].isCapitalized {
                    k = TokenHash.step(k, TokenHash.lower(bytes[Int(tokens[w].start)]))
                    letters += 1
                }
                if letters >= 2 {
                    if let r = initials[k], r != root { initials[k] = -1 } else { initials[k] = root }
                }
                continue
            }
            fullNameRoots.insert(root)
            let last = words[words.count - 1]

            var keys = [Coreference.textKey(tokens, last..<(last + 1))]
            if words.count >= 3, lexicon.particle.contains(tokens[words[words.count - 2]].key) {
                keys.append(Coreference.textKey(tokens, words[words.count - 2]..<(last + 1)))
            }
            for k in keys {
                if let r = surname[k], r != root { surname[k] = -1 } else { surname[k] = root }
            }
        }
        // Surnames that two full names share (`Prigozhin` of `Yevgeny Prigozhin` and `Pavel
        // Prigozhin`): a mention of the surname alone names neither for sure.
        var ambiguous: [Int] = []
        for (i, m) in mentions.enumerated() where !fullNameRoots.contains(roots[i]) {
            switch m.source {
            case .name, .designation:
                let words = m.tokens.filter { tokens[$0].isWord }
                guard words.count == 1 || (words.count == 2 && lexicon.particle.contains(tokens[words[0]].key)) else {
                    continue
                }
                if let r = surname[Coreference.textKey(tokens, m.tokens)] {
                    if r >= 0 { uf.union(r, i) } else { ambiguous.append(i) }
                }
            case .acronym:
                if let r = initials[tokens[m.tokens.lowerBound].key], r >= 0 { uf.union(r, i) }
            default:
                continue
            }
        }
        roots = mentions.indices.map { uf.find($0) }
        for i in mentions.indices { mentions[i].cluster = roots[i] }
        // An entity named only by an ambiguous surname is dropped.
        if !ambiguous.isEmpty {
            var size: [Int: Int] = [:]
            for r in roots { size[r, default: 0] += 1 }
            var unsure: [Int: Int] = [:]
            for i in ambiguous { unsure[roots[i], default: 0] += 1 }
            for i in ambiguous where unsure[roots[i]] == size[roots[i]] { mentions[i].cluster = -1 }
        }
    }
}
