/// Disjoint sets over the indices `0..<count` (union–find with path halving), for grouping
/// things that turn out to be one: entities in a component, mentions of one entity, the
/// addresses of one person.
///
/// The smaller root stays the root of a union, so a group is represented by its earliest
/// member.
/// - Complexity: amortised O(α(n)) per `find` and `union`.
///
/// ## References
/// - R. E. Tarjan and J. van Leeuwen, "Worst-case analysis of set union algorithms", 1984.
///   <https://doi.org/10.1145/62.2160>
public struct UnionFind: Sendable {
    public private(set) var parent: [Int]

    /// `count` sets of one element each.
    public init(count: Int) { parent = Array(0..<count) }

    /// Adds a set of one new element and returns its index.
    public mutating func add() -> Int {
        parent.append(parent.count)
        return parent.count - 1
    }

    /// The root of `x`'s set.
    public mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    /// Joins the sets of `a` and `b`; the smaller root stays the root.
    public mutating func union(_ a: Int, _ b: Int) {
        let ra = find(a)
        let rb = find(b)
        if ra != rb {
            if ra < rb { parent[rb] = ra } else { parent[ra] = rb }
        }
    }
}
