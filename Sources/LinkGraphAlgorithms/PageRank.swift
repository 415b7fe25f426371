extension Digraph {
    /// PageRank of every vertex, as NetworkX's `pagerank`.
    ///
    /// Power iteration x ← d·(xP + (Σ dangling x)·p) + (1 − d)·p, where P is the
    /// row-normalized (weighted) adjacency, p the personalization (uniform by default), and
    /// dangling vertices (no out-arcs) hand their rank out along p. An undirected edge is
    /// two arcs. Stops when the L1 change is below n·tolerance.
    /// - Parameters:
    ///   - damping: d in [0, 1] (NetworkX's `alpha`, default 0.85).
    ///   - personalization: One non-negative value per vertex with a positive sum, or nil.
    ///   - weighted: Use arc weights (NetworkX's default `weight="weight"`).
    ///   - tolerance: Per-vertex tolerance; convergence is L1 change < n·tolerance.
    ///   - maxIterations: The budget.
    ///   - progress: Called after each iteration with its number and L1 change (residual).
    /// - Returns: Scores summing to 1, with the iterations used.
    /// - Throws: `failedToConverge`; `invalidArgument` for a bad damping or personalization;
    ///   `invalidWeight` for a negative or non-finite weight.
    /// - Complexity: O((V + E) · iterations) time; 2 doubles a vertex extra (3 with a
    ///   personalization).
    ///
    /// ## References
    /// - L. Page, S. Brin, R. Motwani, T. Winograd, "The PageRank citation ranking:
    ///   Bringing order to the web", 1999.
    /// - NetworkX `pagerank` (`_pagerank_scipy`).
    public func pageRank(
        damping: Double = 0.85, personalization: [Double]? = nil, weighted: Bool = true,
        tolerance: Double = 1e-6, maxIterations: Int = 100, progress: AlgorithmProgress.Handler? = nil
    ) throws -> VertexScores {
        let n = vertexCount
        guard damping >= 0, damping <= 1 else {
            throw AlgorithmError.invalidArgument("damping must be in [0, 1], got \(damping)")
        }
        guard maxIterations >= 1, tolerance > 0 else {
            throw AlgorithmError.invalidArgument("need maxIterations >= 1 and tolerance > 0")
        }
        if n == 0 { return VertexScores([], iterations: 0) }
        let useWeights = weighted && isWeighted
        if useWeights { try validateWeights(positive: false) }
        // The personalization, or nil for the uniform 1/n (not stored: 8 bytes a vertex).
        var p: [Double]? = nil
        if let given = personalization {
            guard given.count == n else {
                throw AlgorithmError.invalidArgument(
                    "personalization has \(given.count) values for \(n) vertices")
            }
            guard given.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
                throw AlgorithmError.invalidArgument("personalization values must be finite and >= 0")
            }
            let sum = given.reduce(0, +)
            guard sum > 0 else { throw AlgorithmError.invalidArgument("personalization must not be all zero") }
            p = given.map { $0 / sum }
        }
        // The out-strength of a vertex (the sum of its out-arcs' weights, in arc order) scales
        // the rank it hands on by its inverse. It is summed again each step rather than kept
        // (8 bytes a vertex): one sequential pass over the weights, the same bits every time.
        let outWeights = useWeights ? arcWeights! : []
        @inline(__always) func strength(_ v: Int) -> Double {
            if !useWeights { return Double(offsets[v + 1] - offsets[v]) }
            var s = 0.0
            for a in offsets[v]..<offsets[v + 1] { s += outWeights[a] }
            return s
        }
        var dangling: [Int] = []
        for v in 0..<n where strength(v) == 0 { dangling.append(v) }
        // x is updated in place: entry j is read (for the change) just before it is replaced,
        // and the sums read `share`, fixed for the whole step.
        var x = [Double](repeating: 1 / Double(n), count: n)
        var share = [Double](repeating: 0, count: n)
        let uniform = 1 / Double(n)
        // An in-arc's weight is its out-arc's: `inArcs` maps one to the other when directed.
        let weights = useWeights ? arcWeights! : []
        let weightIndex = isDirected ? inArcs : []
        for iteration in 1...maxIterations {
            var danglingSum = 0.0
            for v in dangling { danglingSum += x[v] }
            for v in 0..<n {
                let s = strength(v)
                share[v] = s != 0 ? x[v] * (1 / s) : 0
            }
            var err = 0.0
            inOffsets.withUnsafeBufferPointer { off in
                inSources.withUnsafeBufferPointer { src in
                    weights.withUnsafeBufferPointer { wt in
                        weightIndex.withUnsafeBufferPointer { wi in
                            share.withUnsafeBufferPointer { sh in
                                x.withUnsafeMutableBufferPointer { xs in
                                    for j in 0..<n {
                                        var sum = 0.0
                                        if !useWeights {
                                            for a in off[j]..<off[j + 1] { sum += sh[Int(src[a])] }
                                        } else if wi.isEmpty {
                                            for a in off[j]..<off[j + 1] { sum += sh[Int(src[a])] * wt[a] }
                                        } else {
                                            for a in off[j]..<off[j + 1] { sum += sh[Int(src[a])] * wt[Int(wi[a])] }
                                        }
                                        let pj = p?[j] ?? uniform
                                        let value = damping * (sum + danglingSum * pj) + (1 - damping) * pj
                                        err += abs(value - xs[j])
                                        xs[j] = value
                                    }
                                }
                            }
                        }
                    }
                }
            }
            progress?(AlgorithmProgress(done: iteration, total: maxIterations, residual: err))
            if err < Double(n) * tolerance { return VertexScores(x, iterations: iteration) }
        }
        throw AlgorithmError.failedToConverge(iterations: maxIterations, tolerance: tolerance)
    }
}
