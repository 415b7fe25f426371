import HeapModule

/// A tentative distance in Dijkstra's queue; ties broken by vertex id for determinism.
struct DijkstraEntry: Comparable {
    var distance: Double
    var vertex: Int32
    @inline(__always)
    static func < (a: DijkstraEntry, b: DijkstraEntry) -> Bool {
        a.distance < b.distance || (a.distance == b.distance && a.vertex < b.vertex)
    }
}

extension Digraph {
    /// Dijkstra's algorithm: the least total weight from `source` to every vertex it
    /// reaches (or, `.incoming`, from every vertex that reaches it).
    /// - Parameters:
    ///   - source: The start vertex.
    ///   - direction: Follow arcs forward (`.outgoing`) or backward (`.incoming`).
    /// - Returns: A `ShortestPathTree`; unweighted graphs give hop counts.
    /// - Throws: `AlgorithmError.vertexNotFound`; `.invalidWeight` for a negative, NaN or
    ///   infinite weight (zero is allowed: `-ln(1)` for a certain relation).
    /// - Complexity: O((V + E) log V) time, O(V) extra space.
    ///
    /// ## References
    /// - E. W. Dijkstra, "A note on two problems in connexion with graphs", 1959.
    ///   <https://doi.org/10.1007/BF01386390>
    public func dijkstra(from source: Vertex, direction: TraversalDirection = .outgoing) throws -> ShortestPathTree {
        try check(source)
        try validateWeights(positive: false)
        let r = dijkstraKernel(source: source, target: nil, outward: direction == .outgoing)
        return ShortestPathTree(
            graph: self, source: source, direction: direction, distances: r.distances,
            parentArcs: r.parents.map { Int32($0) }, order: r.order)
    }

    /// One shortest path from `source` to `target`: by hops when unweighted (BFS), by
    /// total weight otherwise (Dijkstra, stopping when `target` is settled).
    /// - Throws: `vertexNotFound`, `invalidWeight`, or `noPath` when `target` is not reachable.
    /// - Complexity: O(V + E) unweighted, O((V + E) log V) weighted.
    public func shortestPath(from source: Vertex, to target: Vertex) throws -> Path {
        try check(source)
        try check(target)
        if !isWeighted { return try breadthFirstSearch(from: source).path(to: target) }
        try validateWeights(positive: false)
        let r = dijkstraKernel(source: source, target: target, outward: true)
        return try ShortestPathTree(
            graph: self, source: source, direction: .outgoing, distances: r.distances,
            parentArcs: r.parents.map { Int32($0) }, order: r.order
        ).path(to: target)
    }

    /// The most reliable path: the one whose relations' confidences have the largest
    /// product. Needs a graph weighted by `-ln(confidence)` (`Weighting.reliability`,
    /// from a projection or `withReliabilityWeights()`); `Path.reliability` gives the product.
    /// - Throws: `invalidArgument` when the graph is not reliability-weighted; `noPath`.
    /// - Complexity: O((V + E) log V).
    public func mostReliablePath(from source: Vertex, to target: Vertex) throws -> Path {
        guard weighting == .reliability else {
            throw AlgorithmError.invalidArgument(
                "the most reliable path needs -ln(confidence) weights; project with weight .reliability "
                    + "or call withReliabilityWeights() first")
        }
        return try shortestPath(from: source, to: target)
    }

    /// Dijkstra over raw storage, weights assumed valid. `blockedVertices` are never
    /// entered; `blockedArcs` are never used. Stops once `target` is settled.
    func dijkstraKernel(
        source: Vertex, target: Vertex?, outward: Bool,
        blockedVertices: [Bool]? = nil, blockedArcs: Set<Int> = []
    ) -> (distances: [Double], parents: [Int], order: [Vertex]) {
        let n = vertexCount
        var dist = [Double](repeating: .infinity, count: n)
        var parent = [Int](repeating: -1, count: n)
        var done = [Bool](repeating: false, count: n)
        var order: [Vertex] = []
        var heap = Heap<DijkstraEntry>()
        let rowOffsets = outward ? offsets : inOffsets
        let heads = outward ? targets : inSources
        let weights = outward ? arcWeights : inArcWeights()
        dist[Int(source)] = 0
        heap.insert(DijkstraEntry(distance: 0, vertex: source))
        while let top = heap.popMin() {
            let v = Int(top.vertex)
            if done[v] { continue }
            done[v] = true
            order.append(top.vertex)
            if top.vertex == target { break }
            for a in rowOffsets[v]..<rowOffsets[v + 1] {
                let w = Int(heads[a])
                if done[w] { continue }
                if let b = blockedVertices, b[w] { continue }
                let fa = outward ? a : forwardArc(ofInArc: a)
                if !blockedArcs.isEmpty && blockedArcs.contains(fa) { continue }
                let nd = top.distance + (weights?[a] ?? 1)
                if nd < dist[w] {
                    dist[w] = nd
                    parent[w] = fa
                    heap.insert(DijkstraEntry(distance: nd, vertex: Int32(w)))
                }
            }
        }
        if !outward && !isDirected {
            // The in-arc at v is the arc v -> w; a path toward the source needs w -> v.
            for w in order where w != source {
                let a = parent[Int(w)]
                let v = self.source(ofArc: a)
                parent[Int(w)] = arc(from: w, to: v) ?? a
            }
        }
        return (dist, parent, order)
    }
}
