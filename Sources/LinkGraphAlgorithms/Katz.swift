extension Digraph {
    /// Katz centrality, as NetworkX's `katz_centrality` with `normalized=True`.
    ///
    /// Iterates x ← α·Aᵀx + β from x = 0 (a vertex gains from its in-neighbours, its
    /// neighbours when undirected) until the L1 change is below n·tolerance, then scales x
    /// to unit Euclidean length. Converges when α < 1/λ_max.
    /// - Parameters:
    ///   - alpha: The attenuation α (NetworkX 0.1).
    ///   - beta: The constant gain β (NetworkX 1).
    ///   - weighted: Use arc weights (NetworkX's default is unweighted).
    ///   - normalized: Scale to unit Euclidean length.
    ///   - tolerance: Per-vertex tolerance (NetworkX 1e-6).
    ///   - maxIterations: The budget (NetworkX 1000).
    /// - Throws: `failedToConverge` (lower alpha); `invalidArgument` for alpha ≤ 0.
    /// - Complexity: O((V + E) · iterations) time, O(V) extra space.
    ///
    /// ## References
    /// - L. Katz, "A new status index derived from sociometric analysis", 1953.
    ///   <https://doi.org/10.1007/BF02289026>
    public func katzCentrality(
        alpha: Double = 0.1, beta: Double = 1, weighted: Bool = false, normalized: Bool = true,
        tolerance: Double = 1e-6, maxIterations: Int = 1000
    ) throws -> VertexScores {
        let n = vertexCount
        guard alpha > 0, alpha.isFinite, beta.isFinite else {
            throw AlgorithmError.invalidArgument("alpha must be > 0 and beta finite, got alpha \(alpha), beta \(beta)")
        }
        guard maxIterations >= 1, tolerance > 0 else {
            throw AlgorithmError.invalidArgument("need maxIterations >= 1 and tolerance > 0")
        }
        if n == 0 { return VertexScores([], iterations: 0) }
        let useWeights = weighted && isWeighted
        var x = [Double](repeating: 0, count: n)
        var next = [Double](repeating: 0, count: n)
        let inWeights = useWeights ? inArcWeights() ?? [] : []
        for iteration in 1...maxIterations {
            pull(from: x, into: &next, weighted: useWeights, weights: inWeights)
            var err = 0.0
            for j in 0..<n {
                next[j] = alpha * next[j] + beta
                err += abs(next[j] - x[j])
            }
            swap(&x, &next)
            if err < Double(n) * tolerance {
                if normalized {
                    var squares = 0.0
                    for v in x { squares += v * v }
                    let s = squares > 0 ? 1 / squares.squareRoot() : 1
                    for j in 0..<n { x[j] *= s }
                }
                return VertexScores(x, iterations: iteration)
            }
        }
        throw AlgorithmError.failedToConverge(iterations: maxIterations, tolerance: tolerance)
    }
}
