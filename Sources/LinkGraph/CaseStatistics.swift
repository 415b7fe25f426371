/// Counts that describe a case at a glance: entities and relations by kind, weakly connected
/// components, isolated entities and density.
public struct CaseStatistics: Equatable, Sendable {
    public let entityCount: Int
    public let relationCount: Int
    /// Entity kinds with their counts, most frequent first, ties by name.
    public let entitiesByKind: [(kind: EntityKind, count: Int)]
    /// Relation kinds with their counts, most frequent first, ties by name.
    public let relationsByKind: [(kind: RelationKind, count: Int)]
    /// The number of weakly connected components (every relation taken both ways).
    public let componentCount: Int
    /// The size of the largest weakly connected component.
    public let largestComponentSize: Int
    /// Entities with no relation at all.
    public let isolatedCount: Int
    /// Relations over ordered entity pairs, R / (N (N − 1)); 0 below two entities.
    public let density: Double

    /// Computes the statistics of a case. Relations to missing entities are ignored.
    /// - Complexity: O(N + R α(N)) with a union–find over entities.
    public init(_ caseFile: CaseFile) {
        let index = caseFile.entityIndexByID()
        let n = caseFile.entities.count
        entityCount = n
        entitiesByKind = Self.ranked(caseFile.entities.map(\.kind))
        relationsByKind = Self.ranked(caseFile.relations.map(\.kind))

        var sets = UnionFind(count: n)
        var degree = [Int](repeating: 0, count: n)
        var counted = 0
        for relation in caseFile.relations {
            guard let s = index[relation.source], let t = index[relation.target] else { continue }
            counted += 1
            degree[s] += 1
            degree[t] += 1
            sets.union(s, t)
        }
        relationCount = counted
        var sizes: [Int: Int] = [:]
        for v in 0..<n { sizes[sets.find(v), default: 0] += 1 }
        componentCount = sizes.count
        largestComponentSize = sizes.values.max() ?? 0
        isolatedCount = degree.filter { $0 == 0 }.count
        density = n < 2 ? 0 : Double(counted) / Double(n * (n - 1))
    }

    private static func ranked<K: Hashable & Comparable>(_ items: [K]) -> [(kind: K, count: Int)] {
        var counts: [K: Int] = [:]
        for item in items { counts[item, default: 0] += 1 }
        return counts.map { (kind: $0.key, count: $0.value) }.sorted { ($0.count, $1.kind) > ($1.count, $0.kind) }
    }

    public static func == (a: CaseStatistics, b: CaseStatistics) -> Bool {
        a.entityCount == b.entityCount && a.relationCount == b.relationCount && a.componentCount == b.componentCount
            && a.largestComponentSize == b.largestComponentSize && a.isolatedCount == b.isolatedCount
            && a.density == b.density && a.entitiesByKind.elementsEqual(b.entitiesByKind, by: { $0 == $1 })
            && a.relationsByKind.elementsEqual(b.relationsByKind, by: { $0 == $1 })
    }
}
