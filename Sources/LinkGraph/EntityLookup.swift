/// Finds the entity a user means by an id, a name or an alias, case-insensitively, and says
/// which entities come close when nothing or more than one matches.
public struct EntityLookup: Sendable {
    /// One thing that can be looked up: its id and every name it goes by.
    public struct Item: Sendable {
        public let id: String
        public let names: [String]

        public init(id: String, names: [String]) {
            self.id = id
            self.names = names
        }
    }

    public let items: [Item]

    public init(items: [Item]) { self.items = items }

    /// Every entity of a case, by id, name and aliases.
    public init(_ caseFile: CaseFile) {
        items = caseFile.entities.map { Item(id: $0.id, names: $0.allNames) }
    }

    /// Plain labels (an edge list's vertices), each its own id.
    public init(labels: [String]) {
        items = labels.map { Item(id: $0, names: []) }
    }

    /// The id of the one item `query` names.
    ///
    /// An exact id wins; otherwise the query is compared, case-folded and with white space
    /// collapsed, with every id, name and alias.
    /// - Throws: `LookupError.notFound` with up to five close candidates, or
    ///   `LookupError.ambiguous` with every match.
    /// - Complexity: O(total length of all names); suggestions (only when nothing matches) as
    ///   `suggestions(for:)`.
    public func resolve(_ query: String) throws -> String {
        if items.contains(where: { $0.id == query }) { return query }
        let key = Self.fold(query)
        var matches: [String] = []
        for item in items where Self.fold(item.id) == key || item.names.contains(where: { Self.fold($0) == key }) {
            matches.append(item.id)
        }
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 { throw LookupError.ambiguous(query: query, matches: matches.map(candidate)) }
        throw LookupError.notFound(query: query, suggestions: suggestions(for: key).map(candidate))
    }

    /// An id with the name it is shown by (its first name, if any).
    func candidate(_ id: String) -> LookupError.Candidate {
        LookupError.Candidate(id: id, name: items.first { $0.id == id }?.names.first)
    }

    /// Up to five ids with a form (id, name or alias) that contains the query or is contained
    /// in it (forms of 4 characters or more, at least half the query), nearest in length
    /// first; then those within a few edits of it (a third of the query's length, at least 1,
    /// at most `maxEdits`), fewest first.
    ///
    /// Bounded for hostile sizes (a 1 MB name, a 3,000-character query): containment is a
    /// linear byte search, and only forms whose length is within the edit limit of the
    /// query's are compared, by a distance computed in a band of that width.
    /// - Complexity: O(L + n · m · k) for L the total length of all forms, n forms, a query
    ///   of m characters and an edit limit k ≤ `maxEdits`.
    func suggestions(for key: String) -> [String] {
        guard !key.isEmpty else { return [] }
        var scored: [(score: Int, id: String)] = []
        let query = Array(key), queryBytes = Array(key.utf8)
        let limit = min(Self.maxEdits, max(1, query.count / 3))
        let editBase = 1 << 20  // edit-distance matches rank after every containment match
        for item in items {
            var best = Int.max
            for form in [item.id] + item.names {
                let folded = Self.fold(form)
                let formBytes = Array(folded.utf8)
                // Containment needs no lengths; a form inside the query has fewer bytes.
                let containsQuery = Self.contains(formBytes, queryBytes)
                if containsQuery || (formBytes.count < queryBytes.count && Self.contains(queryBytes, formBytes)) {
                    let length = folded.count
                    if containsQuery || (length >= 4 && 2 * length >= query.count) {
                        best = min(best, abs(length - query.count))
                        continue
                    }
                }
                // A character is 1 to 4 bytes: outside these byte counts the form's length is
                // more than `limit` away from the query's, and no edit distance is computed.
                let bytes = formBytes.count
                guard bytes + limit >= query.count, bytes <= 4 * (query.count + limit) else { continue }
                let characters = Array(folded)
                if abs(characters.count - query.count) <= limit {
                    let distance = Self.editDistance(characters, query, limit: limit)
                    if distance <= limit { best = min(best, editBase + distance) }
                }
            }
            if best != Int.max { scored.append((best, item.id)) }
        }
        return scored.sorted { ($0.score, $0.id) < ($1.score, $1.id) }.prefix(5).map(\.id)
    }

    /// The most edits a suggestion may be away from the query, however long the query.
    static let maxEdits = 8

    /// Lower-cased, with runs of white space folded to one space and trimmed.
    /// - Complexity: O(length); ASCII text (most names and every query typed on a US keyboard)
    ///   is folded byte by byte, without grapheme breaking.
    static func fold(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var space = false
        for byte in text.utf8 {
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                space = !out.isEmpty
                continue
            }
            if space { out.append(0x20) }
            space = false
            out.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `needle` occurs in `haystack` (Knuth–Morris–Pratt). On valid UTF-8 a byte match
    /// starts and ends on character boundaries of the scalars.
    /// - Complexity: O(haystack + needle).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        if needle.count > haystack.count { return false }
        var failure = [Int](repeating: 0, count: needle.count)
        var k = 0
        for i in 1..<needle.count {
            while k > 0 && needle[i] != needle[k] { k = failure[k - 1] }
            if needle[i] == needle[k] { k += 1 }
            failure[i] = k
        }
        k = 0
        for byte in haystack {
            while k > 0 && byte != needle[k] { k = failure[k - 1] }
            if byte == needle[k] { k += 1 }
            if k == needle.count { return true }
        }
        return false
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`.
    /// Only cells within `limit` of the diagonal are computed (Ukkonen's band).
    /// - Complexity: O(min(|a|, |b|) · limit).
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let outside = limit + 1
        var previous = (0...b.count).map { min($0, outside) }
        var current = [Int](repeating: outside, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - limit), high = min(b.count, i + limit)
            current[0] = i <= limit ? i : outside
            if low > 1 { current[low - 1] = outside }
            var rowBest = current[0]
            for j in low...high {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution, outside)
                rowBest = min(rowBest, current[j])
            }
            if high < b.count { current[high + 1] = outside }
            if rowBest > limit { return outside }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// A name that does not pick out exactly one entity.
public enum LookupError: Error, Equatable, CustomStringConvertible {
    case notFound(query: String, suggestions: [Candidate])
    case ambiguous(query: String, matches: [Candidate])

    /// An entity offered to the user: its id, and its name when it has one.
    public struct Candidate: Equatable, Sendable, CustomStringConvertible {
        public let id: String
        public let name: String?

        public init(id: String, name: String?) {
            self.id = id
            self.name = name
        }

        /// `'Hatem al-Maksusi' (hatem-al-maksusi)`, or `'id'` when the name is the id.
        public var description: String {
            guard let name, name != id else { return "'\(id)'" }
            return "'\(name)' (\(id))"
        }
    }

    public var description: String {
        switch self {
        case .notFound(let query, let suggestions):
            let hint =
                suggestions.isEmpty
                ? "" : "; did you mean " + suggestions.map(\.description).joined(separator: ", ") + "?"
            return "no entity is named '\(query)' (by id, name or alias)\(hint)"
        case .ambiguous(let query, let matches):
            return "'\(query)' names \(matches.count) entities: " + matches.map(\.description).joined(separator: ", ")
                + "; use an id"
        }
    }
}
