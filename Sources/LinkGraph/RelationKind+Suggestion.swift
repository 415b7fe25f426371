extension RelationKind {
    /// The kind a mistyped kind most likely means: among `candidates`, the one nearest to it
    /// in edit distance, ignoring case (`reportTo` → `reportsTo`, `PAYS` → `pays`), within a
    /// third of its length (at least 2 edits); nil when none is that close. Ties go to the
    /// first candidate.
    /// - Complexity: O(candidates · length · limit).
    public static func closest(to typed: RelationKind, among candidates: [RelationKind]) -> RelationKind? {
        let key = Array(typed.rawValue.lowercased())
        let limit = max(2, key.count / 3)
        var best: (distance: Int, kind: RelationKind)? = nil
        for candidate in candidates where candidate != typed {
            let distance = EntityLookup.editDistance(Array(candidate.rawValue.lowercased()), key, limit: limit)
            if distance <= limit && distance < (best?.distance ?? Int.max) { best = (distance, candidate) }
        }
        return best?.kind
    }
}

extension CaseFile {
    /// The kinds of `kinds` that no relation of the case has, in the order given, each with
    /// the closest kind the case does have (else the closest well-known kind), for a warning:
    /// a typo in `--via` otherwise projects an empty graph and reads as "nobody reports to
    /// anyone".
    /// - Complexity: O(relations + kinds · distinct kinds · length²).
    public func kindsWithoutRelations(_ kinds: [RelationKind]) -> [(kind: RelationKind, suggestion: RelationKind?)] {
        var present: [RelationKind] = []
        var seen: Set<RelationKind> = []
        for relation in relations where seen.insert(relation.kind).inserted { present.append(relation.kind) }
        return kinds.filter { !seen.contains($0) }.map { kind in
            (
                kind,
                RelationKind.closest(to: kind, among: present)
                    ?? RelationKind.closest(to: kind, among: RelationKind.wellKnown)
            )
        }
    }
}
