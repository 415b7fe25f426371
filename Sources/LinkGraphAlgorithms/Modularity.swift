extension Digraph {
    /// The modularity of a partition, as NetworkX's `community.modularity`.
    ///
    /// Q = Σ_c [ L_c / m − γ · out_c · in_c / m² ] with m the total arc weight, L_c the
    /// weight of arcs inside c, out_c / in_c the total out / in strength of c. For an
    /// undirected graph each edge is two arcs, which gives the usual
    /// Σ_c [ L_c/m − γ (d_c / 2m)² ].
    /// - Parameters:
    ///   - membership: The community of each vertex (any integers ≥ 0).
    ///   - resolution: γ (1 is classic modularity).
    ///   - weighted: Use the arc weights (NetworkX's default `weight="weight"`).
    /// - Throws: `invalidArgument` when `membership` has the wrong length or a negative id.
    /// - Complexity: O(V + E).
    ///
    /// ## References
    /// - M. E. J. Newman, "Networks: An Introduction", 2010, eq. 7.76.
    /// - E. A. Leicht and M. E. J. Newman, "Community structure in directed networks", 2008.
    public func modularity(of membership: [Int], resolution: Double = 1, weighted: Bool = true) throws -> Double {
        guard membership.count == vertexCount else {
            throw AlgorithmError.invalidArgument(
                "membership has \(membership.count) entries for \(vertexCount) vertices")
        }
        guard membership.allSatisfy({ $0 >= 0 }) else {
            throw AlgorithmError.invalidArgument("community ids must be >= 0")
        }
        let k = (membership.max() ?? -1) + 1
        var inside = [Double](repeating: 0, count: k)
        var outTot = [Double](repeating: 0, count: k)
        var inTot = [Double](repeating: 0, count: k)
        var total = 0.0
        for (u, v, w) in modularityArcs(weighted: weighted) {
            total += w
            outTot[membership[u]] += w
            inTot[membership[v]] += w
            if membership[u] == membership[v] { inside[membership[u]] += w }
        }
        guard total > 0 else { return 0 }
        var q = 0.0
        for c in 0..<k { q += inside[c] / total - resolution * outTot[c] * inTot[c] / (total * total) }
        return q
    }

    /// The modularity of a list of communities (each vertex in exactly one).
    /// - Throws: `invalidArgument` when the communities do not partition the vertices.
    public func modularity(of communities: [[Vertex]], resolution: Double = 1, weighted: Bool = true) throws -> Double {
        var membership = [Int](repeating: -1, count: vertexCount)
        for (c, group) in communities.enumerated() {
            for v in group {
                try check(v)
                guard membership[Int(v)] < 0 else {
                    throw AlgorithmError.invalidArgument("vertex \(label(of: v)) is in two communities")
                }
                membership[Int(v)] = c
            }
        }
        if let missing = membership.firstIndex(of: -1) {
            throw AlgorithmError.invalidArgument("vertex \(labels[missing]) is in no community")
        }
        return try modularity(of: membership, resolution: resolution, weighted: weighted)
    }

    /// Every arc as (tail, head, weight), an undirected self-loop's weight doubled (both
    /// of its ends), so that the directed formula covers undirected graphs.
    func modularityArcs(weighted: Bool) -> [(Int, Int, Double)] {
        var out: [(Int, Int, Double)] = []
        out.reserveCapacity(arcCount)
        for u in 0..<vertexCount {
            for a in offsets[u]..<offsets[u + 1] {
                let v = Int(targets[a])
                var w = weighted ? (arcWeights?[a] ?? 1) : 1
                if !isDirected && u == v { w *= 2 }
                out.append((u, v, w))
            }
        }
        return out
    }
}
