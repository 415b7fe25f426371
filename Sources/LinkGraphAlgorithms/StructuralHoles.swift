import Foundation

/// Burt's structural-hole measures of every vertex.
public struct StructuralHoles: Sendable {
    /// Burt's constraint: how much a vertex's ties lead to people who are tied to each other
    /// (high: closed in; low: a broker between otherwise separate contacts). NaN when the
    /// vertex has no out-neighbour (no neighbour, undirected), as in NetworkX.
    public let constraint: VertexScores
    /// Burt's effective size: the number of contacts less their redundancy. NaN as
    /// `constraint`.
    public let effectiveSize: VertexScores
}

extension Digraph {
    /// Burt's constraint and effective size, as NetworkX defines `constraint` and
    /// `effective_size` per node (`nodes=` given; NetworkX 3.6's whole-graph SciPy shortcut
    /// gives other effective sizes on directed and weighted graphs, and values where the
    /// per-node definition gives NaN).
    ///
    /// With a_uv the weight of the arc u → v (1 when unweighted; 0 when absent; parallel
    /// arcs summed) the mutual weight is m(u, v) = a_uv + a_vu, over the neighbours N(u) in
    /// either direction. p_uv = m(u, v) / Σ_w m(u, w) and q_uv = m(u, v) / max_w m(u, w).
    /// - constraint(u) = Σ_{v ∈ N(u)} (p_uv + Σ_{w} p_uw p_wv)²
    /// - effective size(u) = Σ_{v ∈ N(u)} (1 − Σ_{w} p_uw q_vw)
    /// Self-loops are ignored.
    /// - Parameter weighted: Use the arc weights (when the graph has them).
    /// - Throws: `invalidWeight` for a negative or non-finite weight when weighted.
    /// - Complexity: O(Σ_u Σ_{w ∈ N(u)} deg(w)) time (O(V·d²) for degree d), O(V + E) space.
    ///
    /// ## References
    /// - R. S. Burt, "Structural Holes: The Social Structure of Competition", 1992.
    /// - S. P. Borgatti, "Structural holes: unpacking Burt's redundancy measures", 1997.
    ///   <https://www.analytictech.com/connections/v20(1)/holes.htm>
    public func structuralHoles(weighted: Bool = false) throws -> StructuralHoles {
        let useWeights = weighted && isWeighted
        if useWeights { try validateWeights(positive: false) }
        let mutual = MutualWeights(self, weighted: useWeights)
        let n = vertexCount
        var constraint = [Double](repeating: .nan, count: n)
        var effective = [Double](repeating: .nan, count: n)
        var share = [Double](repeating: 0, count: n)  // p_uv for v ∈ N(u), else 0
        var indirect = [Double](repeating: 0, count: n)  // Σ_w p_uw p_wv
        var overlap = [Double](repeating: 0, count: n)  // Σ_w p_uw m(w, v)
        for u in 0..<n {
            let row = mutual.offsets[u]..<mutual.offsets[u + 1]
            // NetworkX's per-node definition: NaN without an out-neighbour (any neighbour if undirected).
            guard successors(of: Vertex(u)).contains(where: { Int($0) != u }), mutual.total[u] > 0 else { continue }
            for a in row { share[Int(mutual.targets[a])] = mutual.weights[a] / mutual.total[u] }
            for a in row {
                let w = Int(mutual.targets[a])
                let puw = share[w]
                guard mutual.total[w] > 0 else { continue }
                for b in mutual.offsets[w]..<mutual.offsets[w + 1] {
                    let v = Int(mutual.targets[b])
                    if v == u { continue }
                    indirect[v] += puw * mutual.weights[b] / mutual.total[w]
                    overlap[v] += puw * mutual.weights[b]
                }
            }
            var c = 0.0, e = 0.0
            for a in row {
                let v = Int(mutual.targets[a])
                let local = share[v] + indirect[v]
                c += local * local
                e += 1 - (mutual.largest[v] > 0 ? overlap[v] / mutual.largest[v] : 0)
            }
            constraint[u] = c
            effective[u] = e
            // Reset the scatter arrays for the vertices touched.
            for a in row {
                let w = Int(mutual.targets[a])
                share[w] = 0
                for b in mutual.offsets[w]..<mutual.offsets[w + 1] {
                    indirect[Int(mutual.targets[b])] = 0
                    overlap[Int(mutual.targets[b])] = 0
                }
            }
        }
        return StructuralHoles(constraint: VertexScores(constraint), effectiveSize: VertexScores(effective))
    }
}

/// Each vertex's distinct neighbours (either direction, no self) with the mutual weight
/// a_uv + a_vu, and per vertex the sum and the largest of them.
struct MutualWeights {
    let offsets: [Int]
    let targets: [Digraph.Vertex]
    let weights: [Double]
    let total: [Double]
    let largest: [Double]

    init(_ g: Digraph, weighted: Bool) {
        let n = g.vertexCount
        var offsets = [0]
        var targets: [Digraph.Vertex] = []
        var weights: [Double] = []
        var total = [Double](repeating: 0, count: n)
        var largest = [Double](repeating: 0, count: n)
        offsets.reserveCapacity(n + 1)
        for u in 0..<n {
            let start = targets.count
            // a_uv is 1 however many arcs when unweighted; parallel arcs are summed when weighted.
            var outWeight: [Int: Double] = [:]
            var inWeight: [Int: Double] = [:]
            var order: [Int] = []
            for a in g.offsets[u]..<g.offsets[u + 1] where Int(g.targets[a]) != u {
                let v = Int(g.targets[a])
                if outWeight[v] == nil && inWeight[v] == nil { order.append(v) }
                outWeight[v] = weighted ? (outWeight[v] ?? 0) + g.weight(ofArc: a) : 1
            }
            if g.isDirected {
                for i in g.inOffsets[u]..<g.inOffsets[u + 1] where Int(g.inSources[i]) != u {
                    let v = Int(g.inSources[i])
                    if outWeight[v] == nil && inWeight[v] == nil { order.append(v) }
                    inWeight[v] = weighted ? (inWeight[v] ?? 0) + g.weight(ofArc: g.forwardArc(ofInArc: i)) : 1
                }
            } else {
                inWeight = outWeight
            }
            for v in order {
                targets.append(Digraph.Vertex(v))
                weights.append((outWeight[v] ?? 0) + (inWeight[v] ?? 0))
            }
            for a in start..<targets.count {
                total[u] += weights[a]
                largest[u] = Swift.max(largest[u], weights[a])
            }
            offsets.append(targets.count)
        }
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        self.total = total
        self.largest = largest
    }
}
