/// How broken up a network is, read on its undirected view (direction ignored): the
/// components and Borgatti's two fragmentation measures.
public struct Fragmentation: Equatable, Sendable {
    /// The vertices counted (those not removed).
    public let vertexCount: Int
    /// The size of each component, largest first.
    public let componentSizes: [Int]
    /// Borgatti's F: the share of ordered pairs of distinct vertices that cannot reach each
    /// other, 1 − Σ s(s−1) / (n(n−1)) over component sizes s. 0 when connected; 1 when no
    /// vertex has a neighbour (and, by convention, when fewer than two vertices remain).
    public let fragmentation: Double
    /// Borgatti's distance-weighted fragmentation: 1 − the mean of 1/d(i, j) over ordered
    /// pairs of distinct vertices (1/d = 0 for a pair that cannot reach each other).
    /// 0 only for a complete graph; 1 under the same convention as `fragmentation`.
    public let distanceWeighted: Double

    public var componentCount: Int { componentSizes.count }
}

extension Digraph {
    /// Components and fragmentation of the graph with `removed` vertices taken out.
    /// - Parameter removed: Vertices to treat as absent (duplicates are ignored).
    /// - Throws: `vertexNotFound` for an id out of range.
    /// - Complexity: O(V·(V + E)) time (a breadth-first search from every vertex, for the
    ///   distances), O(V + E) extra space.
    ///
    /// ## References
    /// - S. P. Borgatti, "Identifying sets of key players in a social network", 2006.
    ///   <https://doi.org/10.1007/s10588-006-7084-x>
    public func fragmentation(removing removed: [Vertex] = []) throws -> Fragmentation {
        let mask = try removalMask(removed)
        let rows = NeighbourRows(self)
        let n = vertexCount
        let kept = n - mask.filter { $0 }.count
        var distance = [Int32](repeating: -1, count: n)
        var queue = [Int32](repeating: 0, count: n)
        var componentOf = [Int32](repeating: -1, count: n)
        var sizes: [Int] = []
        var inverseSum = 0.0
        for s in 0..<n where !mask[s] {
            // BFS from s over kept vertices; `distance` is reset for the vertices it reached.
            var head = 0, tail = 1
            queue[0] = Int32(s)
            distance[s] = 0
            while head < tail {
                let v = Int(queue[head])
                head += 1
                let dv = distance[v] + 1
                for a in rows.offsets[v]..<rows.offsets[v + 1] {
                    let w = Int(rows.targets[a])
                    if mask[w] || distance[w] >= 0 { continue }
                    distance[w] = dv
                    queue[tail] = Int32(w)
                    tail += 1
                }
            }
            for i in 1..<tail { inverseSum += 1 / Double(distance[Int(queue[i])]) }
            if componentOf[s] < 0 {
                for i in 0..<tail { componentOf[Int(queue[i])] = Int32(sizes.count) }
                sizes.append(tail)
            }
            for i in 0..<tail { distance[Int(queue[i])] = -1 }
        }
        sizes.sort(by: >)
        guard kept >= 2 else {
            return Fragmentation(vertexCount: kept, componentSizes: sizes, fragmentation: 1, distanceWeighted: 1)
        }
        let pairs = Double(kept) * Double(kept - 1)
        let connected = sizes.reduce(0.0) { $0 + Double($1) * Double($1 - 1) }
        return Fragmentation(
            vertexCount: kept, componentSizes: sizes, fragmentation: 1 - connected / pairs,
            distanceWeighted: 1 - inverseSum / pairs)
    }

    /// For each kept vertex, the kept vertices it reached along the arcs before the removal
    /// and no longer reaches after it. On a reporting-lines projection (arcs from
    /// subordinate to superior) these are the reporting chains the removal cuts.
    /// - Returns: One entry per vertex that lost something, by vertex id; each `lost` sorted.
    /// - Throws: `vertexNotFound` for an id out of range.
    /// - Complexity: O(V·(V + E)) time, O(V) extra space besides the result.
    public func reachLost(removing removed: [Vertex]) throws -> [(vertex: Vertex, lost: [Vertex])] {
        let mask = try removalMask(removed)
        let none = [Bool](repeating: false, count: vertexCount)
        var before = [Int32](repeating: -1, count: vertexCount)
        var after = [Int32](repeating: -1, count: vertexCount)
        var result: [(vertex: Vertex, lost: [Vertex])] = []
        for s in 0..<vertexCount where !mask[s] {
            let was = reached(from: s, skipping: none, stamp: Int32(s), into: &before)
            _ = reached(from: s, skipping: mask, stamp: Int32(s), into: &after)
            let lost = was.filter { !mask[Int($0)] && after[Int($0)] != Int32(s) }.sorted()
            if !lost.isEmpty { result.append((Vertex(s), lost)) }
        }
        return result
    }

    /// The vertices reachable from `s` (not `s` itself) along out-arcs, avoiding `skipping`;
    /// marks each with `stamp` in `mark`.
    private func reached(from s: Int, skipping mask: [Bool], stamp: Int32, into mark: inout [Int32]) -> [Vertex] {
        var out: [Vertex] = []
        var stack = [s]
        mark[s] = stamp
        while let v = stack.popLast() {
            for a in offsets[v]..<offsets[v + 1] {
                let w = Int(targets[a])
                if mask[w] || mark[w] == stamp { continue }
                mark[w] = stamp
                out.append(Vertex(w))
                stack.append(w)
            }
        }
        return out
    }

    /// A per-vertex flag for the vertices in `removed`.
    /// - Throws: `vertexNotFound` for an id out of range.
    func removalMask(_ removed: [Vertex]) throws -> [Bool] {
        var mask = [Bool](repeating: false, count: vertexCount)
        for v in removed {
            try check(v)
            mask[Int(v)] = true
        }
        return mask
    }
}

extension Digraph {
    /// The components of the undirected view with `removed` vertices taken out: each sorted
    /// by id, largest first (then by smallest vertex).
    /// - Throws: `vertexNotFound` for an id out of range.
    /// - Complexity: O(V + E).
    public func components(removing removed: [Vertex]) throws -> [[Vertex]] {
        let dfs = LowPoints(NeighbourRows(self), removed: try removalMask(removed))
        var componentOf = [Int32](repeating: -1, count: vertexCount)
        var members = [[Vertex]](repeating: [], count: dfs.roots.count)
        var next: Int32 = 0
        for v in dfs.preorder {
            let p = dfs.parent[Int(v)]
            if p < 0 {
                componentOf[Int(v)] = next
                next += 1
            } else {
                componentOf[Int(v)] = componentOf[Int(p)]
            }
            members[Int(componentOf[Int(v)])].append(v)
        }
        for i in members.indices { members[i].sort() }
        return members.sorted { ($0.count, $1[0]) > ($1.count, $0[0]) }
    }
}
