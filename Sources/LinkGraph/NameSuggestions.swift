extension EntityLookup {
    /// The names of `candidates` that a mistyped `query` most likely means: those containing
    /// it or contained in it (ignoring case and runs of white space), then those within a
    /// third of its length in edits (at least 2), nearest first; at most five. Used where a
    /// name picks something other than an entity (a group of `render --expand`, say).
    /// - Complexity: O(candidates · length · limit).
    public static func closeNames(to query: String, among candidates: [String]) -> [String] {
        let key = fold(query)
        guard !key.isEmpty else { return [] }
        let characters = Array(key)
        let limit = min(maxEdits, max(2, characters.count / 3))
        var scored: [(score: Int, name: String)] = []
        for candidate in candidates {
            let folded = fold(candidate)
            if folded.contains(key) || (!folded.isEmpty && key.contains(folded)) {
                scored.append((abs(folded.count - characters.count), candidate))
                continue
            }
            let distance = editDistance(Array(folded), characters, limit: limit)
            if distance <= limit { scored.append(((1 << 20) + distance, candidate)) }
        }
        return scored.sorted { ($0.score, $0.name) < ($1.score, $1.name) }.prefix(5).map(\.name)
    }
}
