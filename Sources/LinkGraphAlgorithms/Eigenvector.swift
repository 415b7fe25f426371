extension Digraph {
    /// Eigenvector centrality, as NetworkX's `eigenvector_centrality`.
    ///
    /// Power iteration on A + I (the identity shift makes bipartite graphs converge) from
    /// the uniform vector: x ← x + Aᵀx, each step scaled to unit Euclidean length; a
    /// vertex gains from its in-neighbours (its neighbours when undirected). Stops when
    /// the L1 change is below n·tolerance.
    /// - Parameters:
    ///   - weighted: Use arc weights (NetworkX's default is unweighted).
    ///   - tolerance: Per-vertex tolerance (NetworkX 1e-6).
    ///   - maxIterations: The budget (NetworkX 100).
    /// - Returns: Scores of unit Euclidean norm, with the iterations used.
    /// - Throws: `failedToConverge`; `invalidArgument` for an empty graph.
    /// - Complexity: O((V + E) · iterations) time, O(V) extra space.
    ///
    /// ## References
    /// - P. Bonacich, "Power and centrality: A family of measures", 1987.
    ///   <https://doi.org/10.1086/228631>
    public func eigenvectorCentrality(
        weighted: Bool = false, tolerance: Double = 1e-6, maxIterations: Int = 100
    ) throws -> VertexScores {
        let n = vertexCount
        guard n > 0 else { throw AlgorithmError.invalidArgument("eigenvector centrality of an empty graph") }
        guard maxIterations >= 1, tolerance > 0 else {
            throw AlgorithmError.invalidArgument("need maxIterations >= 1 and tolerance > 0")
        }
        let useWeights = weighted && isWeighted
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        let inWeights = useWeights ? inArcWeights() ?? [] : []
        for iteration in 1...maxIterations {
            pull(from: x, into: &next, weighted: useWeights, weights: inWeights)
            var squares = 0.0
            for j in 0..<n {
                next[j] += x[j]
                squares += next[j] * next[j]
            }
            var norm = squares.squareRoot()
            if norm == 0 { norm = 1 }
            var err = 0.0
            for j in 0..<n {
                next[j] /= norm
                err += abs(next[j] - x[j])
            }
            swap(&x, &next)
            if err < Double(n) * tolerance { return VertexScores(x, iterations: iteration) }
        }
        throw AlgorithmError.failedToConverge(iterations: maxIterations, tolerance: tolerance)
    }

    /// next[j] = Σ over in-arcs i → j of x[i] (times the weight).
    /// `weights`: `inArcWeights()` when weighted, built once by the caller.
    func pull(from x: [Double], into next: inout [Double], weighted: Bool, weights: [Double]) {
        let n = vertexCount
        inOffsets.withUnsafeBufferPointer { off in
            inSources.withUnsafeBufferPointer { src in
                weights.withUnsafeBufferPointer { wt in
                    x.withUnsafeBufferPointer { xs in
                        next.withUnsafeMutableBufferPointer { out in
                            for j in 0..<n {
                                var sum = 0.0
                                if weighted {
                                    for a in off[j]..<off[j + 1] { sum += xs[Int(src[a])] * wt[a] }
                                } else {
                                    for a in off[j]..<off[j + 1] { sum += xs[Int(src[a])] }
                                }
                                out[j] = sum
                            }
                        }
                    }
                }
            }
        }
    }
}
