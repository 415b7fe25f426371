import Foundation
import LinkGraph
import LinkGraphPlugin

/// One extraction over one document: tokens → sentences → mentions → entities → relations.
///
/// - Complexity: O(n) in the document's bytes for tokenizing, splitting and recognizing, with
///   one hash probe per token for rule triggers; each trigger occurrence costs a bounded
///   backtracking match.
struct DocumentRun {
    let model: Model
    let bytes: UnsafeBufferPointer<UInt8>
    var tokens: [Token] = []
    var sentences: [Sentence] = []
    var mentions: [Mention] = []
    /// Mention indices per sentence, in text order.
    var bySentence: [[Int]] = []
    var kindByCluster: [Int: EntityKind] = [:]
    var nameByCluster: [Int: String] = [:]
    var relations: [FoundRelation] = []
    /// Date expressions per sentence, found on first use.
    var dateCache: [Int: [DateExpression]] = [:]

    struct FoundRelation {
        var source: Int
        var target: Int
        var kind: RelationKind
        var confidence: Double
        var from: PartialDate?
        var until: PartialDate?
        var evidence: Span
        var rule: String
    }

    init(model: Model, bytes: UnsafeBufferPointer<UInt8>) {
        self.model = model
        self.bytes = bytes
    }

    private var lexicon: Lexicon { model.lexicon }
    private let theKey = TokenHash.key("the")
    private let ofKey = TokenHash.key("of")
    private let andKey = TokenHash.key("and")
    private let orKey = TokenHash.key("or")

    mutating func run() {
        Tokenizer.tokenize(bytes, into: &tokens)
        sentences = SentenceSplitter(lexicon: lexicon).split(tokens, bytes: bytes)
        recognize()
        let sameAs = matchSameAs()
        Coreference(gazetteer: model.gazetteer, lexicon: lexicon).cluster(tokens, bytes, &mentions, sameAs: sameAs)
        dropCommonWordEntities()
        assignKinds()
        resolvePronouns()
        createEntities()
        matchRelations()
    }

    // MARK: - Mentions

    private mutating func recognize() {
        let recognizer = NameRecognizer(gazetteer: model.gazetteer, lexicon: lexicon, words: model.words)
        var initial: [Int] = []
        for (si, s) in sentences.enumerated() {
            let before = mentions.count
            recognizer.recognize(tokens, s, index: si, into: &mentions, sentenceInitial: &initial)
            // Pronouns, merged in text order.
            var pronouns: [Mention] = []
            for k in s.tokens where tokens[k].isWord {
                if lexicon.pronoun.contains(tokens[k].key) {
                    pronouns.append(Mention(tokens: k..<(k + 1), source: .pronoun, sentence: si))
                } else if tokens[k].key == theKey, k + 1 < s.tokens.upperBound, tokens[k + 1].isLowerWord,
                    lexicon.orgCue.contains(tokens[k + 1].key),
                    k + 2 >= s.tokens.upperBound || !(tokens[k + 2].isCapitalized || tokens[k + 2].key == ofKey)
                {
                    pronouns.append(Mention(tokens: k..<(k + 2), source: .definite, sentence: si))
                }
            }
            if !pronouns.isEmpty {
                var found = Array(mentions[before...])
                found.removeAll { m in pronouns.contains { m.tokens.overlaps($0.tokens) } }
                let merged = (found + pronouns).sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
                // Sentence-initial candidates refer to indices; remap them.
                let oldInitial = initial.filter { $0 >= before }.map { mentions[$0].tokens.lowerBound }
                initial.removeAll { $0 >= before }
                mentions.removeSubrange(before...)
                mentions += merged
                for start in oldInitial {
                    if let idx = mentions[before...].firstIndex(where: { $0.tokens.lowerBound == start }) {
                        initial.append(idx)
                    }
                }
            }
        }
        // A capitalized word opening a sentence is no name if the document also writes it in lower
        // case, or if the English word list has it only in lower case and the document never
        // capitalizes it inside a sentence.
        if !initial.isEmpty {
            let keys = Set(initial.map { tokens[mentions[$0].tokens.lowerBound].key })
            var lowerSeen = Set<UInt64>()
            for t in tokens where t.isLowerWord && keys.contains(t.key) { lowerSeen.insert(t.key) }
            var capitalizedInside = Set<UInt64>()
            for s in sentences {
                var first = true
                for k in s.tokens where tokens[k].isWord {
                    if !first && tokens[k].isCapitalized && keys.contains(tokens[k].key) {
                        capitalizedInside.insert(tokens[k].key)
                    }
                    first = false
                }
            }
            let drop = Set(
                initial.filter { i in
                    let key = tokens[mentions[i].tokens.lowerBound].key
                    return lowerSeen.contains(key)
                        || (model.words.isOnlyCommon(key) && !capitalizedInside.contains(key))
                })
            if !drop.isEmpty {
                mentions = mentions.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
            }
        }
        markStrongDemonyms()
        markCompoundModifiers()
        bySentence = Array(repeating: [], count: sentences.count)
        for (i, m) in mentions.enumerated() { bySentence[m.sentence].append(i) }
    }

    /// An entity named only by single capitalized words that the English word list has only in
    /// lower case (`Performance`, `Headquarters`, `Rule`) is no entity: its mentions leave their
    /// cluster. A surname that is also a common word (`Harrow`) stays when its full name is there.
    private mutating func dropCommonWordEntities() {
        var onlyCommon: [Int: Bool] = [:]
        for m in mentions where !m.isReference && m.cluster >= 0 {
            let common =
                m.source == .name && m.honorificStart == nil && m.tokens.count == 1
                && !tokens[m.tokens.lowerBound].flags.contains(.allUpper)
                && model.words.isOnlyCommon(tokens[m.tokens.lowerBound].key)
            onlyCommon[m.cluster] = (onlyCommon[m.cluster] ?? true) && common
        }
        for i in mentions.indices where mentions[i].cluster >= 0 && onlyCommon[mentions[i].cluster] == true {
            mentions[i].cluster = -1
        }
        // A dateline (`WASHINGTON —` opening a paragraph) and a model number (`AK-47`) name no entity.
        for i in mentions.indices where !mentions[i].isReference && mentions[i].cluster >= 0 {
            let m = mentions[i]
            let first = tokens[m.tokens.lowerBound]
            let k = m.tokens.upperBound
            guard k + 1 < tokens.count, tokens[k].punct == 45, first.flags.contains(.allUpper) else { continue }
            let dateline =
                m.tokens.lowerBound == 0 || first.flags.contains(.paragraphBefore)
                || first.flags.contains(.newlineBefore)
            let model =
                m.tokens.count == 1 && !tokens[k].flags.contains(.spaceBefore) && tokens[k + 1].flags.contains(.number)
            if dateline || model { mentions[i].cluster = -1 }
        }
        // An acronym defined for lower-case words (`private military company (PMC)`) abbreviates
        // a common noun, not a name: it and its plural are no entity anywhere in the document.
        var commonAcronyms = Set<UInt64>()
        for m in mentions where m.source == .acronym && m.tokens.count == 1 {
            let k = m.tokens.lowerBound
            guard k >= 2, tokens[k - 1].punct == 40 else { continue }
            let letters = Array(text(k..<(k + 1)).lowercased().unicodeScalars.filter { $0.properties.isAlphabetic })
            var initials: [Unicode.Scalar] = []
            var w = k - 2
            while w >= 0 && initials.count < letters.count && (tokens[w].isLowerWord || tokens[w].punct == 45) {
                if tokens[w].isWord {
                    initials.insert(
                        bytes[Int(tokens[w].start)] < 0x80 ? Unicode.Scalar(bytes[Int(tokens[w].start)]) : "?", at: 0)
                }
                w -= 1
            }
            let plain = letters.last == "s" && initials.count == letters.count - 1 ? Array(letters.dropLast()) : letters
            if initials == plain && !plain.isEmpty {
                commonAcronyms.insert(tokens[k].key)
                commonAcronyms.insert(TokenHash.key(text(k..<(k + 1)) + "s"))
            }
        }
        if !commonAcronyms.isEmpty {
            // Also a name ending in one (`Russian PMC`).
            for i in mentions.indices
            where (mentions[i].source == .acronym || mentions[i].source == .name)
                && commonAcronyms.contains(tokens[mentions[i].tokens.upperBound - 1].key)
            {
                mentions[i].cluster = -1
            }
        }
    }

    /// `Kremlin-connected businessman`, `Mexico-based company`: a name joined by a hyphen to a lower-case
    /// word only modifies the noun after it, so relation slots skip it unless a rule asks for `:weak`.
    private mutating func markCompoundModifiers() {
        for i in mentions.indices where !mentions[i].isReference {
            let k = mentions[i].tokens.upperBound
            guard k + 1 < tokens.count, tokens[k].punct == 45, !tokens[k].flags.contains(.spaceBefore),
                !tokens[k + 1].flags.contains(.spaceBefore), tokens[k + 1].isLowerWord
            else { continue }
            mentions[i].weak = true
        }
    }

    /// `American and British officials`: demonyms whose head noun is a group noun refer to
    /// the country itself, not loosely.
    private mutating func markStrongDemonyms() {
        var startAt: [Int: Int] = [:]
        for (i, m) in mentions.enumerated() where m.source == .demonym { startAt[m.tokens.lowerBound] = i }
        guard !startAt.isEmpty else { return }
        let andKey = TokenHash.key("and")
        let orKey = TokenHash.key("or")
        for (i, m) in mentions.enumerated() where m.source == .demonym && m.weak {
            var chain = [i]
            var k = m.tokens.upperBound
            while k + 1 < tokens.count, tokens[k].key == andKey || tokens[k].key == orKey || tokens[k].punct == 44,
                let next = startAt[k + 1]
            {
                chain.append(next)
                k = mentions[next].tokens.upperBound
            }
            var modifiers = 0
            while modifiers < 2 && k + 1 < tokens.count && tokens[k].isLowerWord
                && !lexicon.groupNoun.contains(tokens[k].key)
                && !lexicon.stateNoun.contains(tokens[k].key) && !lexicon.conjunction.contains(tokens[k].key)
                && !lexicon.preposition.contains(tokens[k].key) && tokens[k + 1].isLowerWord
            {
                k += 1
                modifiers += 1
            }
            if k < tokens.count && tokens[k].isLowerWord
                && (lexicon.groupNoun.contains(tokens[k].key) || lexicon.stateNoun.contains(tokens[k].key))
            {
                for c in chain { mentions[c].weak = false }
            }
        }
    }

    /// The units of sentence `s`: tokens, with each usable mention as one unit.
    private func units(_ s: Int, includePronouns: Bool) -> SentenceUnits {
        var u = SentenceUnits()
        let range = sentences[s].tokens
        u.token.reserveCapacity(range.count)
        u.mention.reserveCapacity(range.count)
        var list = bySentence[s]
        if list.count > 1 { list.sort { mentions[$0].tokens.lowerBound < mentions[$1].tokens.lowerBound } }
        var mi = 0
        var k = range.lowerBound
        while k < range.upperBound {
            while mi < list.count && mentions[list[mi]].tokens.lowerBound < k { mi += 1 }
            if mi < list.count && mentions[list[mi]].tokens.lowerBound == k {
                let m = mentions[list[mi]]
                if !m.isReference || (includePronouns && m.cluster >= 0) {
                    u.token.append(Int32(k))
                    u.mention.append(Int32(list[mi]))
                    k = m.tokens.upperBound
                    mi += 1
                    continue
                }
            }
            u.token.append(Int32(k))
            u.mention.append(-1)
            k += 1
        }
        return u
    }

    /// Runs the patterns of `index` over sentence `s`.
    private func matches(
        _ s: Int, _ index: KeyTable<[Int]>, units u: SentenceUnits, kindOf: @escaping (Int) -> EntityKind?
    ) -> [(Int, PatternMatch)] {
        var out: [(Int, PatternMatch)] = []
        var matcher: PatternMatcher?
        for i in 0..<u.count where u.mention[i] < 0 {
            guard let list = index[tokens[Int(u.token[i])].key] else { continue }
            if matcher == nil {
                matcher = PatternMatcher(tokens: tokens, mentions: mentions, units: u, lexicon: lexicon, kindOf: kindOf)
            }
            for p in list {
                if let m = matcher!.match(model.patterns[p], at: i) { out.append((p, m)) }
            }
        }
        return out
    }

    // MARK: - Aliases and coreference

    private func matchSameAs() -> [(Int, Int)] {
        guard model.sameAsIndex.count > 0 else { return [] }
        var pairs: [(Int, Int)] = []
        let ms = mentions
        for s in sentences.indices where !bySentence[s].isEmpty {
            let u = units(s, includePronouns: false)
            for (p, m) in matches(s, model.sameAsIndex, units: u, kindOf: { ms[$0].kindHint }) {
                let rule = model.rules[model.patterns[p].ruleIndex]
                guard let a = slotMention(rule.source, m, u), let b = slotMention(rule.target, m, u) else { continue }
                pairs.append((a, b))
            }
        }
        return pairs
    }

    private func slotMention(_ name: String, _ m: PatternMatch, _ u: SentenceUnits) -> Int? {
        guard let id = CompiledPattern.slotID(Substring(name)), m.slots[id] >= 0 else { return nil }
        let mi = u.mention[m.slots[id]]
        return mi >= 0 ? Int(mi) : nil
    }

    private mutating func assignKinds() {
        var votes: [Int: (gaz: EntityKind?, org: Int, place: Int, person: Int)] = [:]
        for m in mentions where !m.isReference {
            var v = votes[m.cluster] ?? (nil, 0, 0, 0)
            switch m.source {
            case .gazetteer, .demonym: v.gaz = model.gazetteer.entries[Int(m.entry)].kind
            case .acronym: v.org += 1
            case .designation: v.person += 2
            default:
                if m.kindHint == .organization {
                    v.org += 3
                } else if m.kindHint == .place {
                    v.place += 3
                } else if m.kindHint == .person {
                    v.person += 3
                }
            }
            votes[m.cluster] = v
        }
        for (c, v) in votes {
            if let g = v.gaz {
                kindByCluster[c] = g
            } else if v.org > 0 && v.org >= v.person && v.org >= v.place {
                kindByCluster[c] = .organization
            } else if v.place > v.person {
                kindByCluster[c] = .place
            } else {
                kindByCluster[c] = .person
            }
        }
    }

    /// `he`, `him`, `she`: the nearest person mentioned before, within three sentences.
    /// `the bank`: the last organization mentioned whose name ends in `Bank`, else whose name has
    /// that word (`the ministry` for `Ministry of Defense`).
    private mutating func resolvePronouns() {
        var lastByHead: [UInt64: Int] = [:]
        var lastByWord: [UInt64: Int] = [:]
        for i in mentions.indices {
            let m = mentions[i]
            if m.source == .definite {
                let head = tokens[m.tokens.upperBound - 1].key
                mentions[i].cluster = lastByHead[head] ?? lastByWord[head] ?? -1
            } else if !m.isReference && m.cluster >= 0 {
                var k = m.tokens.upperBound - 1
                while k > m.tokens.lowerBound && !tokens[k].isWord { k -= 1 }
                if lexicon.orgCue.contains(tokens[k].key) { lastByHead[tokens[k].key] = m.cluster }
                // `the ministry` for `Ministry of Defense`: a cue word anywhere in the name.
                for w in m.tokens where lexicon.orgCue.contains(tokens[w].key) { lastByWord[tokens[w].key] = m.cluster }
                if m.entry >= 0 {
                    let head = model.gazetteer.entries[Int(m.entry)].headKey
                    if lexicon.orgCue.contains(head) { lastByHead[head] = m.cluster }
                }
            }
        }
        for i in mentions.indices where mentions[i].source == .pronoun {
            let s = mentions[i].sentence
            var j = i - 1
            while j >= 0 && mentions[j].sentence >= s - 3 {
                let m = mentions[j]
                if !m.isReference && kindByCluster[m.cluster] == .person {
                    mentions[i].cluster = m.cluster
                    break
                }
                j -= 1
            }
        }
    }

    /// The entity's name: a gazetteer name, a created name, or its longest mention.
    mutating func name(of cluster: Int) -> String {
        if let n = nameByCluster[cluster] { return n }
        var best: Mention?
        var bestWords = -1
        for m in mentions where m.cluster == cluster && !m.isReference {
            if m.source == .gazetteer || m.source == .demonym {
                best = m
                break
            }
            if m.source == .created {
                best = m
                break
            }
            let words = m.tokens.filter { tokens[$0].isWord }.count + (m.source == .acronym ? -1 : 0)
            if words > bestWords {
                best = m
                bestWords = words
            }
        }
        var name = ""
        if let m = best {
            switch m.source {
            case .gazetteer, .demonym: name = model.gazetteer.entries[Int(m.entry)].name
            case .created: name = m.createdName ?? text(m.tokens)
            default: name = text(m.tokens)
            }
        }
        nameByCluster[cluster] = name
        return name
    }

    func text(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return text(bytes: Int(tokens[range.lowerBound].start)..<Int(tokens[range.upperBound - 1].end))
    }

    func text(bytes r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self)
    }

    // MARK: - Relations

    /// Runs the rules with an N slot: each match creates an unnamed entity (`X's adviser`).
    private mutating func createEntities() {
        guard model.createIndex.count > 0 else { return }
        for s in sentences.indices where !bySentence[s].isEmpty {
            let u = units(s, includePronouns: true)
            let kinds = kindByCluster
            let ms = mentions
            for (p, m) in matches(s, model.createIndex, units: u, kindOf: { kinds[ms[$0].cluster] }) {
                let rule = model.rules[model.patterns[p].ruleIndex]
                let head = Int(u.token[m.slots[3]])
                // A name right after the noun (`his adviser, John Smith`) is the person; no new entity.
                if m.slots[3] + 1 < u.count && u.mention[m.slots[3] + 1] >= 0 { continue }
                if m.slots[3] + 2 < u.count && tokens[Int(u.token[m.slots[3] + 1])].punct == 44
                    && u.mention[m.slots[3] + 2] >= 0
                {
                    continue
                }
                var start = head
                while start > sentences[s].tokens.lowerBound && tokens[start - 1].isLowerWord
                    && !lexicon.determiner.contains(tokens[start - 1].key)
                    && !lexicon.preposition.contains(tokens[start - 1].key)
                    && bySentence[s].allSatisfy({ !mentions[$0].tokens.contains(start - 1) })
                {
                    start -= 1
                }
                var template = rule.createName ?? "{A}'s {N}"
                for (slot, id) in [("{A}", 0), ("{B}", 1), ("{C}", 2)] where template.contains(slot) {
                    guard m.slots[id] >= 0, u.mention[m.slots[id]] >= 0 else { continue }
                    template = template.replacingOccurrences(
                        of: slot, with: name(of: mentions[Int(u.mention[m.slots[id]])].cluster))
                }
                template = template.replacingOccurrences(of: "{N}", with: text(head..<(head + 1)))
                var created = Mention(
                    tokens: start..<(head + 1), source: .created, kindHint: EntityKind(rule.createKind ?? "person"),
                    sentence: s)
                created.createdName = template
                let index = mentions.count
                created.cluster = index
                mentions.append(created)
                bySentence[s].append(index)
                kindByCluster[index] = created.kindHint
                nameByCluster[index] = template
                var um = u
                um.mention[m.slots[3]] = Int32(index)
                record(rule: rule, match: m, units: um, sentence: s)
            }
        }
    }

    private mutating func matchRelations() {
        guard model.relationIndex.count > 0 else { return }
        for s in sentences.indices where !bySentence[s].isEmpty {
            let u = units(s, includePronouns: true)
            let kinds = kindByCluster
            let ms = mentions
            for (p, m) in matches(
                s, model.relationIndex, units: u, kindOf: { ms[$0].cluster >= 0 ? kinds[ms[$0].cluster] : nil })
            {
                record(rule: model.rules[model.patterns[p].ruleIndex], match: m, units: u, sentence: s)
            }
        }
    }

    private static let eventKinds: Set<RelationKind> = [.meetsWith, .pays, .reportsTo, .defectedTo, .defectedFrom]

    /// Turns a match into relations: hedges lower the confidence, a negation before the trigger
    /// drops it, the nearest date sets from/until, and a coordinated target (`B and C`) gets
    /// the relation too.
    private mutating func record(rule: RelationRule, match m: PatternMatch, units u: SentenceUnits, sentence s: Int) {
        let range = sentences[s].tokens
        let firstTok = Int(u.token[m.lower])
        let lastUnit = m.upper - 1
        let lastTok: Int = {
            let mi = u.mention[lastUnit]
            return mi >= 0 ? mentions[Int(mi)].tokens.upperBound : Int(u.token[lastUnit]) + 1
        }()
        let anchorTok = Int(u.token[m.anchor])
        // Negation right before the trigger.
        for k in max(range.lowerBound, anchorTok - 3)..<anchorTok where lexicon.negation.contains(tokens[k].key) {
            return
        }
        // A far subject is not the subject of a participle that follows a plural noun (`A ... turned
        // them into assets working on behalf of B`: the assets work for B, not A).
        if anchorTok > range.lowerBound && rule.id.hasSuffix(":far") {
            let p = tokens[anchorTok - 1]
            let t = tokens[anchorTok]
            let end = Int(t.end)
            if p.isLowerWord && p.flags.contains(.endsInS) && p.length > 4 && model.words.isOnlyCommon(p.key)
                && t.length > 4 && bytes[end - 3] == 105 && bytes[end - 2] == 110 && bytes[end - 1] == 103  // "ing"
            {
                return
            }
        }
        var confidence = rule.confidence
        for k in max(range.lowerBound, firstTok - 6)..<min(range.upperBound, lastTok + 2)
        where lexicon.hedge.contains(tokens[k].key) {
            confidence *= model.hedgeFactor
            break
        }
        // Nearest date.
        var date: DateExpression?
        var best = Int.max
        let dates: [DateExpression]
        if let cached = dateCache[s] {
            dates = cached
        } else {
            dates = model.dates.find(tokens, bytes, in: range)
            dateCache[s] = dates
        }
        for d in dates {
            let dist: Int
            if d.tokens.upperBound <= firstTok {
                dist = firstTok - d.tokens.upperBound <= 3 ? firstTok - d.tokens.upperBound : Int.max
            } else if d.tokens.lowerBound >= lastTok {
                dist = d.tokens.lowerBound - lastTok <= 8 ? d.tokens.lowerBound - lastTok : Int.max
            } else {
                dist = 0
            }
            if dist < best {
                best = dist
                date = d
            }
        }
        let evidence = Span(start: Int(tokens[firstTok].start), end: Int(tokens[lastTok - 1].end))
        func cluster(_ slot: String) -> Int? {
            guard let id = CompiledPattern.slotID(Substring(slot)), m.slots[id] >= 0 else { return nil }
            let mi = u.mention[m.slots[id]]
            guard mi >= 0 else { return nil }
            // A possessor ending the match (`an ally of Russia's president X`) is not the argument:
            // the noun it owns is.
            if m.slots[id] == m.upper - 1, m.slots[id] + 1 < u.count, u.mention[m.slots[id] + 1] < 0,
                tokens[Int(u.token[m.slots[id] + 1])].flags.contains(.possessive)
            {
                return nil
            }
            let c = mentions[Int(mi)].cluster
            return c >= 0 ? c : nil
        }
        var made: [(String, String, String)] = [(rule.kind, rule.source, rule.target)]
        made += rule.also.map { ($0.kind, $0.source, $0.target) }
        // Two demonyms, one of them before a singular noun (`An Iraqi official met with Iranians`):
        // one unnamed person, no relation between the two states. 0: no demonym, 1: a demonym,
        // 2: a demonym before a singular noun.
        func demonym(_ slot: String) -> Int {
            guard let id = CompiledPattern.slotID(Substring(slot)), m.slots[id] >= 0 else { return 0 }
            let mi = u.mention[m.slots[id]]
            guard mi >= 0, mentions[Int(mi)].source == .demonym, mentions[Int(mi)].tokens.count == 1 else { return 0 }
            let next = mentions[Int(mi)].tokens.upperBound
            let singular = next < tokens.count && tokens[next].isLowerWord && !tokens[next].flags.contains(.endsInS)
            return singular ? 2 : 1
        }
        for (kindName, src, tgt) in made {
            let (ds, dt) = (demonym(src), demonym(tgt))
            guard let a = cluster(src), let b = cluster(tgt), !(ds > 0 && dt > 0 && ds + dt >= 3) else { continue }
            // A coordinated slot after the trigger gets the relation too: `met with American and
            // British officials`, `members A, B and C`.
            var sources = [a]
            var targets = [b]
            if let sid = CompiledPattern.slotID(Substring(src)), m.slots[sid] > m.anchor {
                sources += coordinated(after: m.slots[sid], units: u, like: a)
            }
            if let tid = CompiledPattern.slotID(Substring(tgt)), m.slots[tid] > m.anchor {
                targets += coordinated(after: m.slots[tid], units: u, like: b)
            }
            let kind = RelationKind(kindName)
            var from = date?.from
            var until = date?.until
            if let d = date, d.isPoint, !DocumentRun.eventKinds.contains(kind) { until = nil }
            if date == nil { from = nil; until = nil }
            let allowed = model.argumentKinds[kind]
            for a in sources {
                if let ok = allowed?.source, !ok.isEmpty, let k = kindByCluster[a], !ok.contains(k) { continue }
                for t in targets where t != a {
                    if let ok = allowed?.target, !ok.isEmpty, let k = kindByCluster[t], !ok.contains(k) { continue }
                    relations.append(
                        FoundRelation(
                            source: a, target: t, kind: kind, confidence: confidence, from: from, until: until,
                            evidence: evidence,
                            rule: rule.id))
                }
            }
        }
    }

    /// Entities listed after unit `i` with the same kind as `first`: `, B`, `and B`, `, and B`,
    /// `or B`. Stops at anything else.
    private func coordinated(after i: Int, units u: SentenceUnits, like first: Int) -> [Int] {
        var out: [Int] = []
        var x = i + 1
        let kind = kindByCluster[first]
        while x < u.count && u.mention[x] < 0 {
            var y = x
            let t = tokens[Int(u.token[y])]
            guard t.punct == 44 || t.key == andKey || t.key == orKey else { break }
            y += 1
            if t.punct == 44 && y < u.count && u.mention[y] < 0
                && (tokens[Int(u.token[y])].key == andKey || tokens[Int(u.token[y])].key == orKey)
            {
                y += 1
            }
            if y < u.count && u.mention[y] < 0 && tokens[Int(u.token[y])].key == theKey { y += 1 }
            guard y < u.count, u.mention[y] >= 0 else { break }
            let mention = mentions[Int(u.mention[y])]
            guard mention.cluster >= 0, !mention.isReference, kindByCluster[mention.cluster] == kind else { break }
            out.append(mention.cluster)
            x = y + 1
        }
        return out
    }

    // MARK: - Output

    mutating func extraction(documentID: String) -> Extraction {
        // Clusters in order of first mention; a cluster seen only as an adjective is left out
        // unless a relation needs it.
        var order: [Int] = []
        var seen = Set<Int>()
        var strong = Set<Int>()
        for m in mentions where !m.isReference && m.cluster >= 0 {
            if !m.weak { strong.insert(m.cluster) }
            if seen.insert(m.cluster).inserted { order.append(m.cluster) }
        }
        for r in relations {
            strong.insert(r.source)
            strong.insert(r.target)
        }
        order.removeAll { !strong.contains($0) }
        var ids: [Int: String] = [:]
        var uniqueIDs = UniqueIDs()
        var entities: [ExtractedEntity] = []
        var mentionsOf: [Int: [Mention]] = [:]
        for m in mentions where !m.isReference && m.cluster >= 0 { mentionsOf[m.cluster, default: []].append(m) }
        for c in order {
            let name = name(of: c)
            let id = uniqueIDs.claim(NameNormalizer.slug(name))
            ids[c] = id
            var aliases: [String] = []
            var spans: [Span] = []
            var confidence = 0.6
            for m in mentionsOf[c] ?? [] {
                let span = Span(
                    start: Int(tokens[m.tokens.lowerBound].start), end: Int(tokens[m.tokens.upperBound - 1].end))
                spans.append(span)
                var forms = [text(bytes: span.start..<span.end)]
                if let h = m.honorificStart { forms.append(text(h..<m.tokens.upperBound)) }
                for f in forms where f != name && !aliases.contains(f) { aliases.append(f) }
                switch m.source {
                case .gazetteer, .demonym: confidence = max(confidence, 0.95)
                case .designation: confidence = max(confidence, 0.9)
                case .name: confidence = max(confidence, m.tokens.count > 1 || m.honorificStart != nil ? 0.85 : 0.6)
                case .acronym: confidence = max(confidence, 0.7)
                default: break
                }
            }
            spans.sort()
            var attributes: JSONObject = [:]
            if let known = (mentionsOf[c] ?? []).first(where: { $0.source == .gazetteer || $0.source == .demonym }) {
                attributes["gazetteer"] = .string(model.gazetteer.entries[Int(known.entry)].name)
            }
            entities.append(
                ExtractedEntity(
                    id: id, name: name, kind: kindByCluster[c] ?? .other, aliases: aliases, attributes: attributes,
                    confidence: confidence,
                    mentions: spans))
        }
        // Relations, merged by (source, target, kind); symmetric kinds in one direction.
        var merged: [RelationKey: Int] = [:]
        var out: [ExtractedRelation] = []
        for r in relations {
            guard var s = ids[r.source], var t = ids[r.target] else { continue }
            if r.kind.isSymmetric && s > t { swap(&s, &t) }
            let key = RelationKey(source: s, target: t, kind: r.kind, directed: true)
            if let i = merged[key] {
                if !out[i].evidence.contains(r.evidence) { out[i].evidence.append(r.evidence) }
                if r.confidence > out[i].confidence {
                    out[i].confidence = (r.confidence * 1000).rounded() / 1000
                    out[i].attributes["rule"] = .string(r.rule)
                }
                if out[i].from == nil && out[i].until == nil {
                    out[i].from = r.from
                    out[i].until = r.until
                }
                continue
            }
            merged[key] = out.count
            out.append(
                ExtractedRelation(
                    source: s, target: t, kind: r.kind, confidence: (r.confidence * 1000).rounded() / 1000,
                    from: r.from, until: r.until,
                    evidence: [r.evidence], attributes: ["rule": .string(r.rule)]))
        }
        return Extraction(entities: entities, relations: out)
    }
}
