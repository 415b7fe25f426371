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
    /// - Complexity: O(total length of all names); suggestions cost O(n · m²) for names of
    ///   length m, only when nothing matches.
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
    /// first; then those within a few edits of it (a third of the query's length, at least 1),
    /// fewest first.
    func suggestions(for key: String) -> [String] {
        guard !key.isEmpty else { return [] }
        var scored: [(score: Int, id: String)] = []
        let limit = max(1, key.count / 3)
        let editBase = 1 << 20  // edit-distance matches rank after every containment match
        for item in items {
            var best = Int.max
            for form in [item.id] + item.names {
                let folded = Self.fold(form)
                let containsQuery = folded.contains(key)
                let insideQuery = folded.count >= 4 && 2 * folded.count >= key.count && key.contains(folded)
                if containsQuery || insideQuery {
                    best = min(best, abs(folded.count - key.count))
                } else {
                    let distance = Self.editDistance(folded, key, limit: limit)
                    if distance <= limit { best = min(best, editBase + distance) }
                }
            }
            if best != Int.max { scored.append((best, item.id)) }
        }
        return scored.sorted { ($0.score, $0.id) < ($1.score, $1.id) }.prefix(5).map(\.id)
    }

    /// Lower-cased, with runs of white space folded to one space and trimmed.
    static func fold(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a), b = Array(b)
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            current[0] = i
            var rowBest = current[0]
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowBest = min(rowBest, current[j])
            }
            if rowBest > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return a.isEmpty ? b.count : previous[b.count]
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
            let hint = suggestions.isEmpty ? "" : "; did you mean " + suggestions.map(\.description).joined(separator: ", ") + "?"
            return "no entity is named '\(query)' (by id, name or alias)\(hint)"
        case .ambiguous(let query, let matches):
            return "'\(query)' names \(matches.count) entities: " + matches.map(\.description).joined(separator: ", ")
                + "; use an id"
        }
    }
}
