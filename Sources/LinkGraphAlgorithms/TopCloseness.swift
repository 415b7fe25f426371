extension Digraph {
    /// The `k` vertices of highest closeness (hop counts) with their exact scores, found
    /// without a complete search from every vertex (Bergamini et al.'s cut breadth-first
    /// search, as NetworKit's `TopCloseness`).
    ///
    /// Vertices are searched in order of decreasing in-degree. After each complete level d
    /// of a search (over in-arcs, as `closeness` measures incoming distances) the search
    /// knows the r vertices reached, their distance sum S and that at most Γ more lie at
    /// level d + 1 (the in-arcs of level d, less the arc back for d ≥ 1 when undirected).
    /// Any x further vertices add at least (d+1)·min(x, Γ) + (d+2)·max(0, x − Γ) to S, and
    /// x is at most the component size (undirected) or n (directed) less r. The score is a
    /// ratio of a square (or a line) over that piecewise-linear cost, convex on each piece,
    /// so its largest value is at x = 0, min(Γ, X) or X. When that bound is below the k-th
    /// best score found so far the search stops: the vertex cannot enter the top k.
    ///
    /// The scores are those of `closeness(wfImproved:)`, computed by the same formula, and the
    /// order is the same as `closeness().top(k)`: highest first, ties by vertex id. A vertex is
    /// cut only when its bound is below the k-th score by more than a relative 10⁻¹²
    /// (rounding), so every vertex tied with the k-th is searched in full.
    /// - Parameters:
    ///   - k: How many (at least 1; more than n gives all).
    ///   - wfImproved: Scale by the reached fraction (NetworkX's default).
    ///   - progress: Called with the number of vertices just settled (searched or cut).
    /// - Returns: Up to `k` (vertex, score) pairs, best first.
    /// - Throws: `invalidArgument` for k < 1.
    /// - Complexity: O(V·E) in the worst case (no cut); on the graphs Bergamini et al.
    ///   measured, a small multiple of O(k·E). O(V) space.
    ///
    /// ## References
    /// - E. Bergamini, M. Borassi, P. Crescenzi, A. Marino and H. Meyerhenke, "Computing
    ///   top-k closeness centrality faster in unweighted graphs", 2019.
    ///   <https://doi.org/10.1145/3344719>
    public func topCloseness(
        _ k: Int, wfImproved: Bool = true, progress: (@Sendable (Int) -> Void)? = nil
    ) throws -> [(vertex: Vertex, score: Double)] {
        guard k >= 1 else { throw AlgorithmError.invalidArgument("k must be at least 1, got \(k)") }
        let n = vertexCount
        guard n > 0 else { return [] }
        let reachBound = closenessReachBounds()
        let inDegree = { (v: Int) in self.inOffsets[v + 1] - self.inOffsets[v] }
        let order = (0..<n).sorted { inDegree($0) > inDegree($1) || (inDegree($0) == inDegree($1) && $0 < $1) }
        var best: [(vertex: Vertex, score: Double)] = []
        best.reserveCapacity(Swift.min(k, n) + 1)
        var depth = [Int32](repeating: -1, count: n)
        var queue = [Int32](repeating: 0, count: n)
        let undirectedBack = isDirected ? 0 : 1
        let denominator = Double(Swift.max(n - 1, 1))
        var settled = 0
        for v in order {
            settled += 1
            if settled & 1023 == 0 { progress?(1024) }
            let threshold = best.count == k ? best[k - 1].score * (1 - 1e-12) : -1
            depth[v] = 0
            queue[0] = Int32(v)
            var head = 0, tail = 1
            var sum = 0, level: Int32 = 0
            var cut = false
            let limit = reachBound[v]
            while head < tail {
                // Level `level` is queue[head ..< tail]: bound, then expand it.
                if threshold >= 0 {
                    var frontierArcs = 0
                    for i in head..<tail { frontierArcs += inDegree(Int(queue[i])) - (level > 0 ? undirectedBack : 0) }
                    let bound = Self.closenessBound(
                        reached: tail, sum: sum, level: Int(level), next: Swift.max(0, frontierArcs),
                        remaining: Swift.max(0, limit - tail), denominator: denominator, wfImproved: wfImproved)
                    if bound < threshold {
                        cut = true
                        break
                    }
                }
                let end = tail
                let next = level + 1
                while head < end {
                    let u = Int(queue[head])
                    head += 1
                    for a in inOffsets[u]..<inOffsets[u + 1] {
                        let w = Int(inSources[a])
                        if depth[w] < 0 {
                            depth[w] = next
                            queue[tail] = Int32(w)
                            tail += 1
                            sum += Int(next)
                        }
                    }
                }
                level = next
            }
            for i in 0..<tail { depth[Int(queue[i])] = -1 }
            if cut { continue }
            var score = 0.0
            let total = Double(sum)
            if total > 0 && n > 1 {
                score = Double(tail - 1) / total
                if wfImproved { score *= Double(tail - 1) / Double(n - 1) }
            }
            if best.count == k {
                let last = best[k - 1]
                guard score > last.score || (score == last.score && Int32(v) < last.vertex) else { continue }
                best.removeLast()
            }
            var at = best.count
            while at > 0 && (best[at - 1].score < score || (best[at - 1].score == score && best[at - 1].vertex > v)) {
                at -= 1
            }
            best.insert((Vertex(v), score), at: at)
        }
        progress?(settled & 1023)
        return best
    }

    /// The largest closeness a vertex can still have after its search settled `reached`
    /// vertices (itself included) at distance sum `sum` up to level `level`, with at most
    /// `next` at level + 1 and at most `remaining` more in all.
    static func closenessBound(
        reached: Int, sum: Int, level: Int, next: Int, remaining: Int, denominator: Double, wfImproved: Bool
    ) -> Double {
        func score(_ x: Int) -> Double {
            let others = Double(reached - 1 + x)
            guard others > 0 else { return 0 }
            let near = Swift.min(x, next)
            let cost = Double(sum) + Double(level + 1) * Double(near) + Double(level + 2) * Double(x - near)
            return wfImproved ? others / cost * (others / denominator) : others / cost
        }
        return Swift.max(score(0), score(Swift.min(next, remaining)), score(remaining))
    }

    /// For each vertex, an upper bound on how many vertices (itself included) reach it: its
    /// component's size when undirected, n when directed.
    /// - Complexity: O(V + E).
    func closenessReachBounds() -> [Int] {
        let n = vertexCount
        guard !isDirected else { return [Int](repeating: n, count: n) }
        var component = [Int32](repeating: -1, count: n)
        var sizes: [Int] = []
        var queue = [Int32](repeating: 0, count: n)
        for root in 0..<n where component[root] < 0 {
            let label = Int32(sizes.count)
            component[root] = label
            queue[0] = Int32(root)
            var head = 0, tail = 1
            while head < tail {
                let v = Int(queue[head])
                head += 1
                for a in offsets[v]..<offsets[v + 1] where component[Int(targets[a])] < 0 {
                    component[Int(targets[a])] = label
                    queue[tail] = targets[a]
                    tail += 1
                }
            }
            sizes.append(tail)
        }
        return component.map { sizes[Int($0)] }
    }
}
