/// What a key-player set is chosen for (Borgatti's two key-player problems).
public enum KeyPlayerObjective: Equatable, Sendable {
    /// KPP-Neg: the set whose removal leaves the rest most fragmented (Borgatti's F of the
    /// remaining vertices, on the undirected view). Higher is better.
    case fragmentation
    /// KPP-Pos: the set that reaches the most others within `distance` hops (undirected
    /// view): the share of non-members at distance ≤ `distance` from some member.
    case reach(distance: Int)
}

/// A chosen key-player set and its objective value.
public struct KeyPlayerSet: Equatable, Sendable {
    /// The members, sorted by id.
    public let members: [Digraph.Vertex]
    /// The objective value of `members` (between 0 and 1; higher is better).
    public let value: Double
    /// How many swaps improved the starts, all starts together.
    public let swaps: Int
}

extension Digraph {
    /// The `k` vertices that best meet `objective`: a greedy start (add the best vertex
    /// k times) and `restarts` seeded random starts, each improved by Borgatti's swaps
    /// (exchange a member for a non-member while that improves the value, taking the best
    /// exchange each round) until no exchange helps; the best result wins. Ties are broken
    /// by a seeded random order, so a seed gives one answer.
    ///
    /// Guarantee: the result is a local optimum (no single exchange improves it), and it is
    /// at least as good as the greedy set. It is not always the global optimum (the problem
    /// is NP-hard); the tests compare it with exhaustive search on small graphs.
    /// - Parameters:
    ///   - k: The set size, 1 ≤ k ≤ V − 2.
    ///   - objective: `.fragmentation` or `.reach(distance:)` with distance ≥ 1.
    ///   - seed: The seed of the tie-breaking order and the random starts.
    ///   - restarts: Random starts besides the greedy one (≥ 0).
    /// - Throws: `invalidArgument` for k, distance or restarts out of range.
    /// - Complexity: fragmentation: O(k·(V + E)) per greedy step and per swap round (one
    ///   depth-first search scores every candidate, from the pieces each cut point leaves).
    ///   Reach: O(k·V·B) per round, B the size of a member's ball within `distance`. Times
    ///   (1 + restarts).
    ///
    /// ## References
    /// - S. P. Borgatti, "Identifying sets of key players in a social network", 2006.
    ///   <https://doi.org/10.1007/s10588-006-7084-x>
    public func keyPlayers(
        k: Int, objective: KeyPlayerObjective, seed: UInt64 = 0, restarts: Int = 10
    ) throws -> KeyPlayerSet {
        let n = vertexCount
        guard k >= 1, k <= n - 2 else {
            throw AlgorithmError.invalidArgument(
                "k must be between 1 and \(n - 2) (the vertex count less two); got \(k)")
        }
        if case .reach(let d) = objective, d < 1 {
            throw AlgorithmError.invalidArgument("the reach distance must be at least 1; got \(d)")
        }
        guard restarts >= 0 else {
            throw AlgorithmError.invalidArgument("restarts must be at least 0; got \(restarts)")
        }
        var generator = SeededGenerator(seed: seed)
        var rank = Array(0..<n)
        rank.shuffle(using: &generator)
        var search = KeyPlayerSearch(rows: NeighbourRows(self), objective: objective, rank: rank)
        var best = search.improve(search.greedy(k: k))
        var swaps = best.swaps
        for _ in 0..<restarts {
            var order = Array(0..<n)
            order.shuffle(using: &generator)
            let found = search.improve(Array(order.prefix(k)))
            swaps += found.swaps
            if search.improves(found.score, over: best.score) { best = found }
        }
        return KeyPlayerSet(
            members: best.members.sorted().map { Vertex($0) }, value: search.value(score: best.score, k: k),
            swaps: swaps)
    }

    /// The objective value of a given set (for comparison with another choice, such as the
    /// top k by betweenness).
    /// - Throws: `vertexNotFound`; `invalidArgument` for a set that leaves fewer than two
    ///   vertices, or a reach distance < 1.
    /// - Complexity: O(V + E).
    public func keyPlayerValue(of members: [Vertex], objective: KeyPlayerObjective) throws -> Double {
        let mask = try removalMask(members)
        let k = mask.filter { $0 }.count
        guard k >= 1, k <= vertexCount - 2 else {
            throw AlgorithmError.invalidArgument("a key-player set must leave at least two vertices and have one")
        }
        if case .reach(let d) = objective, d < 1 {
            throw AlgorithmError.invalidArgument("the reach distance must be at least 1; got \(d)")
        }
        var search = KeyPlayerSearch(rows: NeighbourRows(self), objective: objective, rank: Array(0..<vertexCount))
        return search.value(of: mask, size: k)
    }
}

/// The greedy-and-swap search behind `keyPlayers`. Fragmentation is scored as the count of
/// ordered connected pairs left (lower is better) in exact integers.
struct KeyPlayerSearch {
    let rows: NeighbourRows
    let objective: KeyPlayerObjective
    /// Tie-breaking priority of each vertex (lower first).
    let rank: [Int]
    var stamp: [Int32]
    var stampValue: Int32 = 0
    var queue: [Int32]

    init(rows: NeighbourRows, objective: KeyPlayerObjective, rank: [Int]) {
        self.rows = rows
        self.objective = objective
        self.rank = rank
        stamp = [Int32](repeating: 0, count: rank.count)
        queue = [Int32](repeating: 0, count: rank.count)
    }

    var n: Int { rank.count }

    /// The greedy start: add the best vertex k times.
    mutating func greedy(k: Int) -> [Int] {
        var mask = [Bool](repeating: false, count: n)
        var members: [Int] = []
        for _ in 0..<k {
            let scores = candidateScores(base: mask)
            var best = -1
            for v in 0..<n where !mask[v] && (best < 0 || better(scores[v], v, than: scores[best], best)) { best = v }
            mask[best] = true
            members.append(best)
        }
        return members
    }

    /// Swap rounds from `start`: the best single exchange, while one improves.
    mutating func improve(_ start: [Int]) -> (members: [Int], score: Int, swaps: Int) {
        var members = start
        var mask = [Bool](repeating: false, count: n)
        for v in members { mask[v] = true }
        var current = score(of: mask)
        var swaps = 0
        while true {
            var bestSwap: (out: Int, into: Int, score: Int)?
            for (i, u) in members.enumerated() {
                mask[u] = false
                let scores = candidateScores(base: mask)
                mask[u] = true
                for v in 0..<n where !mask[v] && improves(scores[v], over: current) {
                    if let b = bestSwap, !better(scores[v], v, than: b.score, b.into) { continue }
                    bestSwap = (i, v, scores[v])
                }
            }
            guard let swap = bestSwap else { break }
            mask[members[swap.out]] = false
            mask[swap.into] = true
            members[swap.out] = swap.into
            current = swap.score
            swaps += 1
        }
        return (members, current, swaps)
    }

    /// Whether score `a` is strictly better than `b`.
    func improves(_ a: Int, over b: Int) -> Bool {
        objective == .fragmentation ? a < b : a > b
    }

    /// Better score, or equal score and earlier rank.
    func better(_ a: Int, _ va: Int, than b: Int, _ vb: Int) -> Bool {
        improves(a, over: b) || (a == b && rank[va] < rank[vb])
    }

    /// For each vertex not in `base`, the score of `base` plus that vertex.
    mutating func candidateScores(base: [Bool]) -> [Int] {
        switch objective {
        case .fragmentation: return pairsAfterEachRemoval(base: base)
        case .reach:
            var scores = [Int](repeating: 0, count: n)
            var mask = base
            for v in 0..<n where !base[v] {
                mask[v] = true
                scores[v] = score(of: mask)
                mask[v] = false
            }
            return scores
        }
    }

    /// Fragmentation: ordered connected pairs among kept vertices. Reach: non-members reached.
    mutating func score(of mask: [Bool]) -> Int {
        switch objective {
        case .fragmentation:
            let dfs = LowPoints(rows, removed: mask)
            var total = 0
            for r in dfs.roots { let s = Int(dfs.subtreeSize[Int(r)]); total += s * (s - 1) }
            return total
        case .reach(let distance):
            stampValue += 1
            var head = 0, tail = 0
            for v in 0..<n where mask[v] {
                stamp[v] = stampValue
                queue[tail] = Int32(v)
                tail += 1
            }
            let sources = tail
            var level = 0
            var levelEnd = tail
            while head < tail && level < distance {
                while head < levelEnd {
                    let v = Int(queue[head])
                    head += 1
                    for a in rows.offsets[v]..<rows.offsets[v + 1] {
                        let w = Int(rows.targets[a])
                        if stamp[w] == stampValue { continue }
                        stamp[w] = stampValue
                        queue[tail] = Int32(w)
                        tail += 1
                    }
                }
                level += 1
                levelEnd = tail
            }
            return tail - sources
        }
    }

    /// For every kept vertex v, the ordered connected pairs left after also removing v,
    /// from one depth-first search: v's component splits into the subtrees of the children
    /// that head blocks below v, and the rest.
    func pairsAfterEachRemoval(base: [Bool]) -> [Int] {
        let dfs = LowPoints(rows, removed: base)
        var total = 0
        var componentSize = [Int](repeating: 0, count: n)
        for r in dfs.roots { let s = Int(dfs.subtreeSize[Int(r)]); total += s * (s - 1) }
        for w in dfs.preorder {
            let p = dfs.parent[Int(w)]
            componentSize[Int(w)] = p < 0 ? Int(dfs.subtreeSize[Int(w)]) : componentSize[Int(p)]
        }
        var piecePairs = [Int](repeating: 0, count: n)
        var pieceSizes = [Int](repeating: 0, count: n)
        for w in dfs.preorder where dfs.headsBlock(Int(w)) {
            let p = Int(dfs.parent[Int(w)])
            let s = Int(dfs.subtreeSize[Int(w)])
            piecePairs[p] += s * (s - 1)
            pieceSizes[p] += s
        }
        var result = [Int](repeating: 0, count: n)
        for v in dfs.preorder {
            let v = Int(v)
            let c = componentSize[v]
            let rest = c - 1 - pieceSizes[v]
            result[v] = total - c * (c - 1) + piecePairs[v] + rest * (rest - 1)
        }
        return result
    }

    /// The objective value of a score for a set of size k.
    func value(score: Int, k: Int) -> Double {
        let m = Double(n - k)
        switch objective {
        case .fragmentation: return 1 - Double(score) / (m * (m - 1))
        case .reach: return Double(score) / m
        }
    }

    mutating func value(of mask: [Bool], size k: Int) -> Double { value(score: score(of: mask), k: k) }
}
