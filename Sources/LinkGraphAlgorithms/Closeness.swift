extension Digraph {
    /// Closeness centrality of every vertex, as NetworkX's `closeness_centrality`.
    ///
    /// For `u` reached by r − 1 other vertices at total distance D (distances *to* `u`,
    /// i.e. incoming, for a directed graph), closeness is (r − 1) / D, multiplied by
    /// (r − 1) / (n − 1) when `wfImproved` (Wasserman and Faust's rule for graphs that are
    /// not connected); 0 when nothing reaches `u`.
    /// - Parameters:
    ///   - weighted: Use arc weights as distances (when the graph has them).
    ///   - wfImproved: Scale by the reached fraction (NetworkX's default).
    ///   - threads: Worker threads (nil: every core). Each vertex is computed alone, so
    ///     the result does not depend on it.
    ///   - progress: Called after each chunk of about V / 64 sources with the sources done.
    /// - Throws: `invalidWeight` for a negative or non-finite weight in a weighted run.
    /// - Complexity: O(V·E) unweighted, O(V·E log V) weighted; O(V) space per thread.
    ///
    /// ## References
    /// - L. C. Freeman, "Centrality in networks: I. Conceptual clarification", 1979.
    /// - S. Wasserman and K. Faust, "Social Network Analysis", 1994.
    public func closeness(
        weighted: Bool = false, wfImproved: Bool = true, threads: Int? = nil,
        progress: AlgorithmProgress.Handler? = nil
    ) throws -> VertexScores {
        let n = vertexCount
        return VertexScores(
            try incomingDistanceMeasure(weighted: weighted, threads: threads, progress: progress) {
                total, reached, _ in
                guard total > 0 && n > 1 else { return 0 }
                var c = Double(reached - 1) / total
                if wfImproved { c *= Double(reached - 1) / Double(n - 1) }
                return c
            })
    }

    /// Harmonic centrality of every vertex, as NetworkX's `harmonic_centrality`: the sum
    /// of 1 / d(v, u) over every other vertex `v` that reaches `u` at distance d > 0
    /// (incoming distances for a directed graph).
    /// - Parameters:
    ///   - weighted: Use arc weights as distances (when the graph has them).
    ///   - threads: Worker threads (nil: every core); the result does not depend on it.
    ///   - progress: Called after each chunk of about V / 64 sources with the sources done.
    /// - Throws: `invalidWeight` for a negative or non-finite weight in a weighted run.
    /// - Complexity: O(V·E) unweighted, O(V·E log V) weighted; O(V) space per thread.
    ///
    /// ## References
    /// - P. Boldi and S. Vigna, "Axioms for centrality", 2014.
    ///   <https://doi.org/10.1080/15427951.2013.865686>
    public func harmonic(weighted: Bool = false, threads: Int? = nil, progress: AlgorithmProgress.Handler? = nil)
        throws -> VertexScores
    {
        VertexScores(
            try incomingDistanceMeasure(weighted: weighted, threads: threads, progress: progress) {
                _, _, inverse in inverse
            })
    }

    /// Runs one search per vertex over the in-arcs and maps (sum of distances, number
    /// reached including the vertex, sum of inverse distances) to a score.
    func incomingDistanceMeasure(
        weighted: Bool, threads: Int?, progress: AlgorithmProgress.Handler? = nil,
        score: (Double, Int, Double) -> Double
    ) throws -> [Double] {
        let useWeights = weighted && isWeighted
        if useWeights { try validateWeights(positive: false) }
        let workers = try workerCount(threads)
        let n = vertexCount
        var result = [Double](repeating: 0, count: n)
        guard n > 0 else { return result }
        let chunks = Swift.min(64, n)
        let slots = Swift.min(workers, chunks)
        let spaces = (0..<slots).map { _ in SingleSourceWorkspace(n: n) }
        var sourcesDone = 0
        inOffsets.withUnsafeBufferPointer { off in
            inSources.withUnsafeBufferPointer { tg in
                (useWeights ? inArcWeights() ?? [] : []).withUnsafeBufferPointer { wt in
                    result.withUnsafeMutableBufferPointer { out in
                        let out = out
                        deterministicWaves(
                            chunks: chunks, threads: slots,
                            compute: { chunk, slot in
                                let ws = spaces[slot]
                                var u = chunk
                                while u < n {
                                    var total = 0.0, inverse = 0.0
                                    let S = ws.order.pointer
                                    if useWeights {
                                        ws.dijkstra(Int32(u), offsets: off, targets: tg, weights: wt)
                                        let d = ws.dist.pointer
                                        for i in 0..<ws.reached {
                                            let x = d[Int(S[i])]
                                            total += x
                                            if x != 0 { inverse += 1 / x }
                                        }
                                    } else {
                                        ws.bfs(Int32(u), offsets: off, targets: tg)
                                        let h = ws.hops.pointer
                                        var sum = 0
                                        for i in 1..<Swift.max(1, ws.reached) {
                                            let x = Int(h[Int(S[i])])
                                            sum += x
                                            inverse += 1 / Double(x)
                                        }
                                        total = Double(sum)
                                    }
                                    out[u] = score(total, ws.reached, inverse)
                                    u += chunks
                                }
                            },
                            reduce: { chunk, _ in
                                guard let progress else { return }
                                sourcesDone += sourcesIn(chunk: chunk, of: chunks, vertices: n)
                                progress(AlgorithmProgress(done: sourcesDone, total: n))
                            })
                    }
                }
            }
        }
        return result
    }
}
