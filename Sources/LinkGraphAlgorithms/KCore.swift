extension Digraph {
    /// The core number of every vertex: the largest k such that the vertex belongs to a
    /// subgraph where every vertex has degree ≥ k. Degrees count in- and out-arcs for a
    /// directed graph (a mutual pair counts twice), as NetworkX's `core_number`; self-loops
    /// are ignored (NetworkX refuses graphs with them).
    /// - Complexity: O(V + E) time, O(V) extra space (bucket sort of degrees).
    ///
    /// ## References
    /// - V. Batagelj and M. Zaversnik, "An O(m) Algorithm for Cores Decomposition of
    ///   Networks", 2003. <https://arxiv.org/abs/cs/0310049>
    public func coreNumbers() -> [Int] {
        let n = vertexCount
        if n == 0 { return [] }
        var deg = [Int](repeating: 0, count: n)
        for v in 0..<n {
            var d = 0
            for a in offsets[v]..<offsets[v + 1] where Int(targets[a]) != v { d += 1 }
            if isDirected {
                for a in inOffsets[v]..<inOffsets[v + 1] where Int(inSources[a]) != v { d += 1 }
            }
            deg[v] = d
        }
        let maxDeg = deg.max() ?? 0
        var bin = [Int](repeating: 0, count: maxDeg + 1)
        for d in deg { bin[d] += 1 }
        var start = 0
        for d in 0...maxDeg {
            let c = bin[d]
            bin[d] = start
            start += c
        }
        var pos = [Int](repeating: 0, count: n)
        var vert = [Int](repeating: 0, count: n)
        for v in 0..<n {
            pos[v] = bin[deg[v]]
            vert[pos[v]] = v
            bin[deg[v]] += 1
        }
        for d in stride(from: maxDeg, to: 0, by: -1) { bin[d] = bin[d - 1] }
        bin[0] = 0
        func lower(_ u: Int, below v: Int) {
            if deg[u] > deg[v] {
                let du = deg[u], pu = pos[u]
                let pw = bin[du], w = vert[pw]
                if u != w {
                    pos[u] = pw; vert[pu] = w
                    pos[w] = pu; vert[pw] = u
                }
                bin[du] += 1
                deg[u] -= 1
            }
        }
        for i in 0..<n {
            let v = vert[i]
            for a in offsets[v]..<offsets[v + 1] where Int(targets[a]) != v { lower(Int(targets[a]), below: v) }
            if isDirected {
                for a in inOffsets[v]..<inOffsets[v + 1] where Int(inSources[a]) != v {
                    lower(Int(inSources[a]), below: v)
                }
            }
        }
        return deg
    }

    /// The vertices of the k-core: those with core number ≥ k, sorted by id.
    /// - Complexity: O(V + E).
    public func kCore(_ k: Int) -> [Vertex] {
        coreNumbers().enumerated().filter { $0.element >= k }.map { Vertex($0.offset) }
    }
}
