import LinkGraph

/// The merged gazetteers compiled into a trie over token keys.
///
/// Every name, alias and demonym of every entry is tokenized like a document and inserted as a
/// path of token keys; a lookup walks the trie from one token with one hash probe per token, so
/// finding the longest known name at a position costs O(length of the match).
struct Gazetteer {
    struct Known {
        var name: String
        var kind: EntityKind
        /// Index of the containing entry (a city's country), if known.
        var container: Int?
        /// Key of the name's last word (`bank` for `Meridian Trust Bank`).
        var headKey: UInt64
    }

    enum Form: UInt8 {
        case name, alias, demonym, pluralDemonym
    }

    /// What a trie node ends: an entry, how it was named, and the case each token must have.
    struct Terminal {
        var entry: Int32
        var form: Form
        /// Per token: 0 any case, 1 capitalized, 2 all capitals.
        var caseMask: [UInt8]
    }

    private(set) var entries: [Known] = []
    /// (node, token key) → child node, keyed by a mix of both.
    private var edges = KeyTable<Int32>()
    /// Per node: the forms that end there.
    private var terminals: [[Terminal]] = [[]]
    private var nodeCount: Int32 = 1
    /// First keys of forms that start with a lower-case word (`al-Qaeda`), so lookups can skip
    /// other lower-case tokens without probing the trie.
    private(set) var lowerStarts = KeySet()

    init(files: [GazetteerFile]) {
        var byName: [String: Int] = [:]
        var pendingContainers: [(Int, String)] = []
        for file in files {
            for e in file.entries {
                let idx: Int
                if let existing = byName[e.name.lowercased()] {
                    idx = existing  // later files add aliases to an entry of the same name
                } else {
                    idx = entries.count
                    entries.append(
                        Known(
                            name: e.name, kind: EntityKind(e.kind), container: nil,
                            headKey: Lexicon.keys(e.name).last ?? 0))
                    byName[e.name.lowercased()] = idx
                }
                if let c = e.container { pendingContainers.append((idx, c)) }
                insert(e.name, entry: idx, form: .name)
                for a in e.aliases { insert(a, entry: idx, form: .alias) }
                for d in e.demonyms {
                    let plural = d.hasSuffix("s") && !d.hasSuffix("ss")
                    insert(d, entry: idx, form: plural ? .pluralDemonym : .demonym)
                    if !plural, let last = d.last, last == "n" || last == "i" {
                        insert(d + "s", entry: idx, form: .pluralDemonym)
                    }
                }
            }
        }
        for (idx, c) in pendingContainers {
            if let cidx = byName[c.lowercased()], cidx != idx { entries[idx].container = cidx }
        }
    }

    private mutating func insert(_ text: String, entry: Int, form: Form) {
        let toks = Lexicon.tokens(text)
        guard !toks.isEmpty else { return }
        var node: Int32 = 0
        for t in toks {
            let e = Gazetteer.edgeKey(node, t.key)
            if let next = edges[e] {
                node = next
            } else {
                edges[e] = nodeCount
                node = nodeCount
                nodeCount += 1
                terminals.append([])
            }
        }
        let mask: [UInt8] = toks.map { t in
            if t.flags.contains(.allUpper) { return 2 }
            if t.isCapitalized { return 1 }
            return 0
        }
        if !toks[0].isCapitalized && toks[0].isWord { lowerStarts.insert(toks[0].key) }
        if !terminals[Int(node)].contains(where: { $0.entry == Int32(entry) && $0.form == form }) {
            terminals[Int(node)].append(Terminal(entry: Int32(entry), form: form, caseMask: mask))
        }
    }

    /// The longest known form starting at `tokens[i]` within `i..<end` whose letter case fits.
    /// - Returns: the number of tokens and the terminal, or nil.
    func longestMatch(_ tokens: [Token], _ i: Int, _ end: Int) -> (length: Int, terminal: Terminal)? {
        let first = tokens[i]
        guard first.isWord, first.isCapitalized || lowerStarts.contains(first.key) else { return nil }
        var node: Int32 = 0
        var best: (Int, Terminal)?
        var k = i
        while k < end {
            guard let next = edges[Gazetteer.edgeKey(node, tokens[k].key)] else { break }
            node = next
            k += 1
            for term in terminals[Int(node)] where Gazetteer.caseFits(term.caseMask, tokens, i) {
                best = (k - i, term)
                break
            }
        }
        return best
    }

    /// A trie edge's key: the token key mixed with the node number (never 0 in practice).
    @inline(__always) private static func edgeKey(_ node: Int32, _ key: UInt64) -> UInt64 {
        let k = key ^ (UInt64(UInt32(bitPattern: node)) &* 0x9E37_79B9_7F4A_7C15)
        return k == 0 ? 1 : k
    }

    private static func caseFits(_ mask: [UInt8], _ tokens: [Token], _ i: Int) -> Bool {
        for (k, m) in mask.enumerated() {
            let t = tokens[i + k]
            switch m {
            case 2: if !t.flags.contains(.allUpper) { return false }
            case 1: if !t.isCapitalized { return false }
            default: break
            }
        }
        return true
    }
}
