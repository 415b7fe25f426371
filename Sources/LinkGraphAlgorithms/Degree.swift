/// Which arcs a degree counts.
public enum DegreeMode: String, Sendable {
    case `in`, out, total
}

extension Digraph {
    /// The degree of every vertex: in-arcs, out-arcs, or both (for an undirected graph
    /// all three are the number of incident edge ends, a self-loop counting twice).
    /// - Complexity: O(V) (O(V + E) with self-loops to find).
    public func degrees(_ mode: DegreeMode = .total) -> [Int] {
        let n = vertexCount
        var out = [Int](repeating: 0, count: n)
        for v in 0..<n {
            let o = offsets[v + 1] - offsets[v]
            let i = inOffsets[v + 1] - inOffsets[v]
            if isDirected {
                out[v] = mode == .in ? i : mode == .out ? o : i + o
            } else {
                out[v] = o
            }
        }
        if !isDirected {
            // A self-loop is stored as one arc but has two ends.
            for v in 0..<n { for a in offsets[v]..<offsets[v + 1] where Int(targets[a]) == v { out[v] += 1 } }
        }
        return out
    }

    /// Degree centrality: the degree divided by n − 1, as NetworkX's `degree_centrality`,
    /// `in_degree_centrality` and `out_degree_centrality` (every vertex scores 1 when n ≤ 1).
    /// - Parameters:
    ///   - mode: `.in`, `.out` or `.total` (for undirected graphs all the same).
    ///   - normalized: Divide by n − 1; else the raw degree.
    /// - Complexity: O(V).
    ///
    /// ## References
    /// - L. C. Freeman, "Centrality in networks: I. Conceptual clarification", 1979.
    public func degreeCentrality(_ mode: DegreeMode = .total, normalized: Bool = true) -> VertexScores {
        let n = vertexCount
        if normalized && n <= 1 { return VertexScores([Double](repeating: 1, count: n)) }
        let s = normalized ? 1 / Double(n - 1) : 1
        return VertexScores(degrees(mode).map { Double($0) * s })
    }

    /// The weighted degree (strength): the sum of arc weights in, out, or both.
    /// - Complexity: O(V + E).
    public func strengths(_ mode: DegreeMode = .total) -> [Double] {
        let n = vertexCount
        var out = [Double](repeating: 0, count: n)
        for v in 0..<n {
            var s = 0.0
            if mode != .in || !isDirected {
                for a in offsets[v]..<offsets[v + 1] { s += arcWeights?[a] ?? 1 }
            }
            if isDirected && mode != .out {
                for a in inOffsets[v]..<inOffsets[v + 1] { s += arcWeights?[Int(inArcs[a])] ?? 1 }
            }
            out[v] = s
        }
        if !isDirected {
            for v in 0..<n {
                for a in offsets[v]..<offsets[v + 1] where Int(targets[a]) == v { out[v] += weight(ofArc: a) }
            }
        }
        return out
    }
}
