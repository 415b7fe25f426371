/// A set of phrases (one or more tokens each), found by their first token's key.
///
/// Lookup costs one hash probe for the first token and a short comparison per candidate phrase.
struct PhraseSet {
    private(set) var byFirst = KeyTable<[[UInt64]]>()
    private(set) var maxLength = 0
    private(set) var phraseCount = 0

    init() {}

    init(_ phrases: [[UInt64]]) {
        for p in phrases { insert(p) }
    }

    mutating func insert(_ phrase: [UInt64]) {
        guard let first = phrase.first else { return }
        var list = byFirst[first] ?? []
        if list.contains(phrase) { return }
        list.append(phrase)
        // Longest first, so a match is the longest one.
        list.sort { $0.count > $1.count }
        byFirst[first] = list
        maxLength = max(maxLength, phrase.count)
        phraseCount += 1
    }

    var isEmpty: Bool { byFirst.count == 0 }

    /// The first keys of all phrases (for indexing rules by their trigger).
    var firstKeys: [UInt64] { byFirst.allKeys }

    /// All phrases.
    var allPhrases: [[UInt64]] { firstKeys.flatMap { byFirst[$0] ?? [] } }

    @inline(__always) func containsSingle(_ key: UInt64) -> Bool {
        guard let list = byFirst[key] else { return false }
        return list.last?.count == 1
    }

    /// Length (in tokens) of the longest phrase starting at `tokens[i]`, within `i..<end`; 0 if none.
    func longestMatch(_ tokens: [Token], _ i: Int, _ end: Int) -> Int {
        guard let list = byFirst[tokens[i].key] else { return 0 }
        for p in list where i + p.count <= end {
            var ok = true
            for k in 1..<max(1, p.count) where tokens[i + k].key != p[k] {
                ok = false
                break
            }
            if ok { return p.count }
        }
        return 0
    }
}

/// The word classes of the merged rules files, compiled to key sets.
///
/// Some classes steer the recognizer and the matcher by name (see `Resources/relations.yaml`):
/// `preposition`, `determiner`, `conjunction`, `hedge`, `negation`, `honorific`, `orgCue`,
/// `placeCue`, `particle`, `designation`, `notName`, `sentenceStarter`, `noBreakAbbreviation`,
/// `groupNoun`, `stateNoun`, `demonymOrg`, `connector`, `pronoun`, `relativePronoun`, `placePrefix`,
/// `placePreposition`.
struct Lexicon {
    var classes: [String: PhraseSet] = [:]

    var preposition = KeySet()
    var determiner = KeySet()
    var conjunction = KeySet()
    var hedge = KeySet()
    var negation = KeySet()
    var honorific = PhraseSet()
    var orgCue = KeySet()
    var placeCue = KeySet()
    var particle = KeySet()
    var designation = KeySet()
    var notName = KeySet()
    var sentenceStarters = KeySet()
    var noBreakAbbreviations = KeySet()
    var groupNoun = KeySet()
    var stateNoun = KeySet()
    var demonymOrg = PhraseSet()
    var connector = KeySet()
    var pronoun = KeySet()
    var relativePronoun = KeySet()
    var placePrefix = KeySet()
    var placePreposition = KeySet()

    init(classes raw: [String: [String]]) {
        for (name, phrases) in raw {
            var set = PhraseSet()
            for p in phrases { set.insert(Lexicon.keys(p)) }
            classes[name] = set
        }
        func singles(_ name: String) -> KeySet {
            KeySet(
                (raw[name] ?? []).compactMap { p in
                    let k = Lexicon.keys(p)
                    return k.count == 1 ? k[0] : nil
                })
        }
        preposition = singles("preposition")
        determiner = singles("determiner")
        conjunction = singles("conjunction")
        hedge = singles("hedge")
        negation = singles("negation")
        honorific = classes["honorific"] ?? PhraseSet()
        orgCue = singles("orgCue")
        placeCue = singles("placeCue")
        particle = singles("particle")
        designation = singles("designation")
        notName = singles("notName")
        sentenceStarters = singles("sentenceStarter")
        noBreakAbbreviations = singles("noBreakAbbreviation")
        groupNoun = singles("groupNoun")
        stateNoun = singles("stateNoun")
        demonymOrg = classes["demonymOrg"] ?? PhraseSet()
        connector = singles("connector")
        pronoun = singles("pronoun")
        relativePronoun = singles("relativePronoun")
        placePrefix = singles("placePrefix")
        placePreposition = singles("placePreposition")
    }

    /// The token keys of a phrase, tokenized exactly as documents are.
    static func keys(_ phrase: String) -> [UInt64] {
        // A lone `'s` is the possessive token (in a document it always follows a word).
        if phrase == "'s" || phrase == "\u{2019}s" || phrase == "'" { return [TokenHash.possessiveKey] }
        return tokens(phrase).map(\.key)
    }

    static func tokens(_ phrase: String) -> [Token] {
        var out: [Token] = []
        var bytes = Array(phrase.utf8)
        bytes.withUnsafeMutableBufferPointer { buf in
            Tokenizer.tokenize(UnsafeBufferPointer(buf), into: &out)
        }
        return out
    }
}
