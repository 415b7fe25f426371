extension Digraph {
    /// Shortest-path betweenness centrality of every vertex (Brandes).
    ///
    /// The betweenness of `v` is the sum over ordered pairs (s, t), s ≠ v ≠ t, of
    /// σ(s,t | v) / σ(s,t), the share of shortest s–t paths through `v`; with `endpoints`
    /// the endpoints count too. Matches NetworkX's `betweenness_centrality`.
    /// - Parameters:
    ///   - normalized: Divide by the number of ordered pairs, (n−1)(n−2) (n(n−1) with
    ///     endpoints); else an undirected graph's sum is halved (each pair once).
    ///   - endpoints: Count the endpoints of each path.
    ///   - weighted: Use the arc weights (when the graph has them); else hop counts.
    ///   - threads: Worker threads (nil: every core). The sources are split into 64 fixed
    ///     chunks summed in chunk order, so the result is bit-identical for any thread count.
    ///   - progress: Called after each chunk with the sources done out of all.
    /// - Returns: One score per vertex.
    /// - Throws: `invalidWeight` for a weighted run with a weight ≤ 0 or not finite;
    ///   `invalidArgument` for threads < 1.
    /// - Complexity: O(V·E) unweighted, O(V·E log V) weighted; O(V) space per thread.
    ///
    /// ## References
    /// - U. Brandes, "A Faster Algorithm for Betweenness Centrality", 2001.
    ///   <https://doi.org/10.1080/0022250X.2001.9990249>
    /// - U. Brandes, "On variants of shortest-path betweenness centrality and their generic
    ///   computation", 2008. <https://doi.org/10.1016/j.socnet.2007.11.001>
    public func betweenness(
        normalized: Bool = true, endpoints: Bool = false, weighted: Bool = false, threads: Int? = nil,
        progress: AlgorithmProgress.Handler? = nil
    ) throws -> VertexScores {
        let raw = try brandes(
            vertex: true, edge: false, endpoints: endpoints, weighted: weighted, threads: threads, progress: progress)
        var values = raw.vertex
        let n = vertexCount
        let big = endpoints ? n : n - 1
        if big >= 2 {
            let scale = normalized ? 1 / (Double(big) * Double(big - 1)) : (isDirected ? 1 : 0.5)
            if scale != 1 { for i in values.indices { values[i] *= scale } }
        }
        return VertexScores(values)
    }

    /// Shortest-path betweenness of every edge (Brandes): the sum over ordered pairs
    /// (s, t) of the share of shortest s–t paths that use the edge. Matches NetworkX's
    /// `edge_betweenness_centrality`; an undirected edge sums both directions.
    /// - Parameters:
    ///   - normalized: Divide by n(n−1); else an undirected graph's sum is halved.
    ///   - weighted: Use the arc weights (when the graph has them).
    ///   - threads: Worker threads (nil: every core); deterministic as `betweenness`.
    ///   - progress: Called after each chunk with the sources done out of all.
    /// - Returns: One score per edge, indexed by edge id (`source(ofEdge:)`, `target(ofEdge:)`).
    /// - Throws: `invalidWeight`, `invalidArgument`.
    /// - Complexity: O(V·E) unweighted, O(V·E log V) weighted; O(V + E) space per thread.
    ///
    /// ## References
    /// - U. Brandes, "On variants of shortest-path betweenness centrality and their generic
    ///   computation", 2008. <https://doi.org/10.1016/j.socnet.2007.11.001>
    public func edgeBetweenness(
        normalized: Bool = true, weighted: Bool = false, threads: Int? = nil, progress: AlgorithmProgress.Handler? = nil
    ) throws -> EdgeScores {
        let raw = try brandes(
            vertex: false, edge: true, endpoints: false, weighted: weighted, threads: threads, progress: progress)
        var values = raw.edge
        let n = vertexCount
        if n >= 2 {
            let scale = normalized ? 1 / (Double(n) * Double(n - 1)) : (isDirected ? 1 : 0.5)
            if scale != 1 { for i in values.indices { values[i] *= scale } }
        }
        return EdgeScores(values)
    }

    /// The unscaled Brandes sums over all sources.
    func brandes(
        vertex: Bool, edge: Bool, endpoints: Bool, weighted: Bool, threads: Int?,
        progress: AlgorithmProgress.Handler? = nil
    ) throws -> (vertex: [Double], edge: [Double]) {
        let useWeights = weighted && isWeighted
        if useWeights { try validateWeights(positive: true) }
        let workers = try workerCount(threads)
        let n = vertexCount
        let m = edgeCount
        var totalV = [Double](repeating: 0, count: vertex ? n : 0)
        var totalE = [Double](repeating: 0, count: edge ? m : 0)
        guard n > 0 else { return (totalV, totalE) }
        let chunks = Swift.min(64, n)
        let slots = Swift.min(workers, chunks)
        let spaces = (0..<slots).map { _ in
            BrandesWorkspace(n: n, m: edge ? m : 0, weighted: useWeights)
        }
        var sourcesDone = 0
        offsets.withUnsafeBufferPointer { off in
            targets.withUnsafeBufferPointer { tg in
                arcEdges.withUnsafeBufferPointer { ae in
                    (arcWeights ?? []).withUnsafeBufferPointer { wt in
                        let g = CSRView(offsets: off, targets: tg, arcEdges: ae, weights: wt)
                        deterministicWaves(
                            chunks: chunks, threads: slots,
                            compute: { chunk, slot in
                                let ws = spaces[slot]
                                var s = chunk
                                while s < n {
                                    if useWeights {
                                        ws.weightedSource(Int32(s), g, vertex: vertex, edge: edge, endpoints: endpoints)
                                    } else {
                                        ws.unweightedSource(
                                            Int32(s), g, vertex: vertex, edge: edge, endpoints: endpoints)
                                    }
                                    s += chunks
                                }
                            },
                            reduce: { chunk, slot in
                                let ws = spaces[slot]
                                if let progress {
                                    sourcesDone += sourcesIn(chunk: chunk, of: chunks, vertices: n)
                                    progress(AlgorithmProgress(done: sourcesDone, total: n))
                                }
                                if vertex {
                                    let p = ws.partialV.pointer
                                    for i in 0..<n {
                                        totalV[i] += p[i]
                                        p[i] = 0
                                    }
                                }
                                if edge {
                                    let p = ws.partialE.pointer
                                    for i in 0..<m {
                                        totalE[i] += p[i]
                                        p[i] = 0
                                    }
                                }
                            })
                    }
                }
            }
        }
        return (totalV, totalE)
    }
}

/// Borrowed CSR storage for the inner loops.
struct CSRView {
    let offsets: UnsafeBufferPointer<Int>
    let targets: UnsafeBufferPointer<Int32>
    let arcEdges: UnsafeBufferPointer<Int32>
    let weights: UnsafeBufferPointer<Double>
}

/// One worker's buffers for Brandes, reused across its sources: only the vertices a
/// source reached are reset.
final class BrandesWorkspace: @unchecked Sendable {
    let hops: ScratchBuffer<Int32>
    let dist: ScratchBuffer<Double>
    let sigma: ScratchBuffer<Double>
    let coeff: ScratchBuffer<Double>
    let order: ScratchBuffer<Int32>
    let heap: IndexedHeap
    let partialV: ScratchBuffer<Double>
    let partialE: ScratchBuffer<Double>

    init(n: Int, m: Int, weighted: Bool) {
        hops = ScratchBuffer(count: weighted ? 0 : n, repeating: -1)
        dist = ScratchBuffer(count: weighted ? n : 0, repeating: .infinity)
        sigma = ScratchBuffer(count: n, repeating: 0)
        coeff = ScratchBuffer(count: n, repeating: 0)
        order = ScratchBuffer(count: n, repeating: 0)
        heap = IndexedHeap(capacity: weighted ? n : 0)
        partialV = ScratchBuffer(count: n, repeating: 0)
        partialE = ScratchBuffer(count: m, repeating: 0)
    }

    /// BFS from `s`, then dependency accumulation along successors in reverse BFS order.
    @inline(__always)
    func unweightedSource(_ s: Int32, _ g: CSRView, vertex: Bool, edge: Bool, endpoints: Bool) {
        let d = hops.pointer, sg = sigma.pointer, cf = coeff.pointer, S = order.pointer
        let bv = partialV.pointer, be = partialE.pointer
        let off = g.offsets, tg = g.targets
        d[Int(s)] = 0
        sg[Int(s)] = 1
        S[0] = s
        var head = 0, tail = 1
        while head < tail {
            let v = Int(S[head])
            head += 1
            let dn = d[v] &+ 1
            let sv = sg[v]
            for a in off[v]..<off[v &+ 1] {
                let w = Int(tg[a])
                let dw = d[w]
                if dw < 0 {
                    d[w] = dn
                    S[tail] = Int32(w)
                    tail &+= 1
                    sg[w] = sv
                } else if dw == dn {
                    sg[w] += sv
                }
            }
        }
        if endpoints && vertex { bv[Int(s)] += Double(tail - 1) }
        var i = tail - 1
        while i >= 0 {
            let v = Int(S[i])
            let dn = d[v] &+ 1
            let sv = sg[v]
            var delta = 0.0
            for a in off[v]..<off[v &+ 1] {
                let w = Int(tg[a])
                if d[w] == dn {
                    let c = sv * cf[w]
                    delta += c
                    if edge { be[Int(g.arcEdges[a])] += c }
                }
            }
            cf[v] = (1 + delta) / sv
            if vertex && v != Int(s) { bv[v] += endpoints ? delta + 1 : delta }
            i -= 1
        }
        for j in 0..<tail {
            let v = Int(S[j])
            d[v] = -1
            sg[v] = 0
        }
    }

    /// Dijkstra from `s` counting tied shortest paths, then the same accumulation with
    /// "w is a successor" tested as dist[v] + w(v,w) == dist[w] (the sum the search formed).
    @inline(__always)
    func weightedSource(_ s: Int32, _ g: CSRView, vertex: Bool, edge: Bool, endpoints: Bool) {
        let d = dist.pointer, sg = sigma.pointer, cf = coeff.pointer, S = order.pointer
        let bv = partialV.pointer, be = partialE.pointer
        let off = g.offsets, tg = g.targets, wt = g.weights
        let h = heap
        d[Int(s)] = 0
        sg[Int(s)] = 1
        h.push(s, d.baseAddress!)
        var tail = 0
        while h.count > 0 {
            let vv = h.pop(d.baseAddress!)
            let v = Int(vv)
            S[tail] = vv
            tail &+= 1
            let dv = d[v]
            let sv = sg[v]
            for a in off[v]..<off[v &+ 1] {
                let w = Int(tg[a])
                if h.isSettled(w) { continue }
                let nd = dv + wt[a]
                let dw = d[w]
                if nd < dw {
                    d[w] = nd
                    sg[w] = sv
                    h.push(Int32(w), d.baseAddress!)
                } else if nd == dw {
                    sg[w] += sv
                }
            }
        }
        if endpoints && vertex { bv[Int(s)] += Double(tail - 1) }
        var i = tail - 1
        while i >= 0 {
            let v = Int(S[i])
            let dv = d[v]
            let sv = sg[v]
            var delta = 0.0
            for a in off[v]..<off[v &+ 1] {
                let w = Int(tg[a])
                if dv + wt[a] == d[w] && w != v {
                    let c = sv * cf[w]
                    delta += c
                    if edge { be[Int(g.arcEdges[a])] += c }
                }
            }
            cf[v] = (1 + delta) / sv
            if vertex && v != Int(s) { bv[v] += endpoints ? delta + 1 : delta }
            i -= 1
        }
        for j in 0..<tail {
            let v = Int(S[j])
            d[v] = .infinity
            sg[v] = 0
            heap.reset(v)
        }
    }
}
