extension Digraph {
    /// Breadth-first search: the hop distance from `source` to every vertex it reaches
    /// (or, `.incoming`, from every vertex that reaches it). Weights are ignored.
    /// - Parameters:
    ///   - source: The start vertex.
    ///   - direction: Follow arcs forward (`.outgoing`) or backward (`.incoming`).
    ///   - maxDepth: Stop expanding at this many hops (nil: no limit).
    /// - Returns: A `ShortestPathTree` with hop counts as distances.
    /// - Throws: `AlgorithmError.vertexNotFound` for a bad id.
    /// - Complexity: O(V + E) time, O(V) extra space.
    ///
    /// ## References
    /// - E. F. Moore, "The shortest path through a maze", 1959.
    public func breadthFirstSearch(
        from source: Vertex, direction: TraversalDirection = .outgoing, maxDepth: Int? = nil
    ) throws -> ShortestPathTree {
        try check(source)
        let n = vertexCount
        // Hop counts are kept as the doubles the tree returns, and parent arcs as Int32:
        // 20 bytes a vertex with the queue instead of 28.
        var dist = [Double](repeating: .infinity, count: n)
        var parent = [Int32](repeating: -1, count: n)
        var queue = [Vertex]()
        queue.reserveCapacity(n)
        let limit = Double(maxDepth ?? Int(Int32.max))
        let outward = direction == .outgoing
        let rowOffsets = outward ? offsets : inOffsets
        let heads = outward ? targets : inSources
        let directed = isDirected
        let inArcList = inArcs
        dist[Int(source)] = 0
        queue.append(source)
        var head = 0
        rowOffsets.withUnsafeBufferPointer { off in
            heads.withUnsafeBufferPointer { tg in
                dist.withUnsafeMutableBufferPointer { d in
                    while head < queue.count {
                        let v = Int(queue[head])
                        head += 1
                        let dv = d[v]
                        if dv >= limit { continue }
                        for a in off[v]..<off[v + 1] {
                            let w = Int(tg[a])
                            if d[w] == .infinity {
                                d[w] = dv + 1
                                // For incoming searches the tree arc leaves w toward v.
                                parent[w] = Int32(outward ? a : (directed ? Int(inArcList[a]) : a))
                                queue.append(Vertex(w))
                            }
                        }
                    }
                }
            }
        }
        if !outward && !directed {
            // Undirected: the in-arc a at v is the arc v -> w; the path needs w -> v.
            for w in queue where w != source {
                let a = Int(parent[Int(w)])
                let v = self.source(ofArc: a)
                parent[Int(w)] = Int32(arc(from: w, to: v) ?? a)
            }
        }
        return ShortestPathTree(
            graph: self, source: source, direction: direction,
            distances: dist, parentArcs: parent, order: queue)
    }
}
