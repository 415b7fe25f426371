extension Digraph {
    /// Every shortest path from `source` to `target` (all ties), by hops when unweighted
    /// and by total weight otherwise, in lexicographic order of vertex ids.
    /// - Parameters:
    ///   - limit: Stop after this many paths (their number can grow exponentially).
    /// - Throws: `vertexNotFound`, `invalidWeight`, `noPath`, `invalidArgument` for limit < 1.
    /// - Complexity: O((V + E) log V) for the distances, plus O(length) per path listed.
    ///
    /// ## References
    /// - NetworkX `all_shortest_paths`.
    public func allShortestPaths(from source: Vertex, to target: Vertex, limit: Int = 10_000) throws -> [Path] {
        try check(source)
        try check(target)
        guard limit >= 1 else { throw AlgorithmError.invalidArgument("limit must be at least 1, got \(limit)") }
        try validateWeights(positive: false)
        // Distances to the target (backward search) let a forward walk stay on shortest paths.
        let toTarget = dijkstraKernel(source: target, target: nil, outward: false).distances
        guard toTarget[Int(source)].isFinite else {
            throw AlgorithmError.noPath(from: label(of: source), to: label(of: target))
        }
        // Arc a = v -> w lies on a shortest path iff d(v) == w(a) + d(w). Compare the same
        // sums the search formed (d(w) + w(a)) so ties are exact for integer-like weights.
        var results: [Path] = []
        var stack: [(vertex: Vertex, next: Int)] = [(source, offsets[Int(source)])]
        var arcsSoFar: [Int] = []
        var onPath = [Bool](repeating: false, count: vertexCount)
        onPath[Int(source)] = true
        let tol = 1e-12
        while let top = stack.last {
            let v = Int(top.vertex)
            if top.vertex == target {
                results.append(Path(graph: self, start: source, arcs: arcsSoFar))
                if results.count >= limit { break }
                stack.removeLast()
                onPath[v] = false
                if !arcsSoFar.isEmpty { arcsSoFar.removeLast() }
                continue
            }
            var a = top.next
            var advanced = false
            while a < offsets[v + 1] {
                let w = Int(targets[a])
                let candidate = toTarget[w] + weight(ofArc: a)
                if !onPath[w] && toTarget[w].isFinite
                    && abs(candidate - toTarget[v]) <= tol * Swift.max(1, abs(toTarget[v]))
                {
                    stack[stack.count - 1].next = a + 1
                    stack.append((Vertex(w), offsets[w]))
                    arcsSoFar.append(a)
                    onPath[w] = true
                    advanced = true
                    break
                }
                a += 1
            }
            if !advanced {
                stack.removeLast()
                onPath[v] = false
                if !arcsSoFar.isEmpty { arcsSoFar.removeLast() }
            }
        }
        return results.sorted { $0.vertices.lexicographicallyPrecedes($1.vertices) }
    }
}
