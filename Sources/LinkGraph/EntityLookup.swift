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
        if matches.count > 1 { throw LookupError.ambiguous(query: query, matches: matches) }
        throw LookupError.notFound(query: query, suggestions: suggestions(for: key))
    }

    /// Up to five ids whose forms contain the query, or are within a few edits of it.
    func suggestions(for key: String) -> [String] {
        guard !key.isEmpty else { return [] }
        var scored: [(distance: Int, id: String)] = []
        let limit = max(2, key.count / 3)
        for item in items {
            var best = Int.max
            for form in [item.id] + item.names {
                let folded = Self.fold(form)
                if folded.contains(key) || key.contains(folded) && !folded.isEmpty {
                    best = min(best, abs(folded.count - key.count) / 4)
                } else {
                    best = min(best, Self.editDistance(folded, key, limit: limit))
                }
            }
            if best <= limit { scored.append((best, item.id)) }
        }
        return scored.sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }.prefix(5).map(\.id)
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
    case notFound(query: String, suggestions: [String])
    case ambiguous(query: String, matches: [String])

    public var description: String {
        switch self {
        case .notFound(let query, let suggestions):
            let hint = suggestions.isEmpty ? "" : "; did you mean " + suggestions.map { "'\($0)'" }.joined(separator: ", ") + "?"
            return "no entity is named '\(query)' (by id, name or alias)\(hint)"
        case .ambiguous(let query, let matches):
            return "'\(query)' names \(matches.count) entities: " + matches.map { "'\($0)'" }.joined(separator: ", ")
                + "; use an id"
        }
    }
}
