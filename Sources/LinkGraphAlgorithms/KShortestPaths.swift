extension Digraph {
    /// The `k` shortest simple paths from `source` to `target` in order of cost (Yen),
    /// by total weight when weighted, by hops otherwise. Paths with equal cost come in
    /// lexicographic order of their vertex ids. Parallel arcs are one step (the lightest).
    /// - Parameters:
    ///   - k: How many paths at most (fewer when fewer simple paths exist).
    ///   - weighted: Use the arc weights (when the graph has them).
    /// - Returns: Between 1 and k paths, each simple, costs non-decreasing.
    /// - Throws: `noPath` when none exists; `vertexNotFound`; `invalidWeight` for a
    ///   negative or non-finite weight; `invalidArgument` for k < 1.
    /// - Complexity: O(k · V · (V + E) log V) time, O(k · V) space for the paths.
    ///
    /// ## References
    /// - J. Y. Yen, "Finding the K Shortest Loopless Paths in a Network", 1971.
    ///   <https://doi.org/10.1287/mnsc.17.11.712>
    public func kShortestPaths(from source: Vertex, to target: Vertex, k: Int, weighted: Bool = true) throws -> [Path] {
        try check(source)
        try check(target)
        guard k >= 1 else { throw AlgorithmError.invalidArgument("k must be at least 1, got \(k)") }
        let g = (weighted && isWeighted) ? self : unweighted()
        try g.validateWeights(positive: false)
        func arcsTo(_ parents: [Int], _ from: Vertex, _ to: Vertex) -> [Int] {
            var arcs: [Int] = []
            var x = to
            while x != from {
                let a = parents[Int(x)]
                arcs.append(a)
                x = g.source(ofArc: a)
            }
            return arcs.reversed()
        }
        let first = g.dijkstraKernel(source: source, target: target, outward: true)
        guard first.distances[Int(target)].isFinite else {
            throw AlgorithmError.noPath(from: label(of: source), to: label(of: target))
        }
        var accepted: [(vertices: [Vertex], arcs: [Int], cost: Double)] = []
        func make(_ arcs: [Int]) -> (vertices: [Vertex], arcs: [Int], cost: Double) {
            let p = Path(graph: g, start: source, arcs: arcs)
            return (p.vertices, arcs, p.cost)
        }
        accepted.append(make(arcsTo(first.parents, source, target)))
        var candidates: [(vertices: [Vertex], arcs: [Int], cost: Double)] = []
        var seen: Set<[Vertex]> = [accepted[0].vertices]
        var blocked = [Bool](repeating: false, count: vertexCount)
        while accepted.count < k {
            let previous = accepted[accepted.count - 1]
            for i in 0..<previous.arcs.count {
                let spur = previous.vertices[i]
                let rootVertices = previous.vertices[0...i]
                // Forbid the next step of every accepted path sharing this root.
                var blockedArcs = Set<Int>()
                for p in accepted where p.vertices.count > i + 1 && p.vertices[0...i] == rootVertices {
                    let next = p.vertices[i + 1]
                    for a in g.arcs(from: spur) where g.targets[a] == next { blockedArcs.insert(a) }
                }
                for v in previous.vertices[0..<i] { blocked[Int(v)] = true }
                let r = g.dijkstraKernel(
                    source: spur, target: target, outward: true, blockedVertices: blocked, blockedArcs: blockedArcs)
                for v in previous.vertices[0..<i] { blocked[Int(v)] = false }
                guard r.distances[Int(target)].isFinite else { continue }
                let total = Array(previous.arcs[0..<i]) + arcsTo(r.parents, spur, target)
                let candidate = make(total)
                if seen.insert(candidate.vertices).inserted { candidates.append(candidate) }
            }
            guard !candidates.isEmpty else { break }
            var best = 0
            for j in 1..<candidates.count {
                let a = candidates[j], b = candidates[best]
                if a.cost < b.cost || (a.cost == b.cost && a.vertices.lexicographicallyPrecedes(b.vertices)) {
                    best = j
                }
            }
            accepted.append(candidates.remove(at: best))
        }
        return accepted.map { Path(graph: g, start: source, arcs: $0.arcs) }
    }
}
