import HeapModule

/// One worker's buffers for repeated single-source searches (BFS or Dijkstra) over a
/// borrowed CSR; only the vertices a search reached are reset before the next one.
final class SingleSourceWorkspace: @unchecked Sendable {
    let hops: ScratchBuffer<Int32>
    let dist: ScratchBuffer<Double>
    let order: ScratchBuffer<Int32>
    let settled: ScratchBuffer<Bool>
    var heap = Heap<DijkstraEntry>()
    /// How many vertices the last search reached (the first entries of `order`).
    var reached = 0

    init(n: Int) {
        hops = ScratchBuffer(count: n, repeating: -1)
        dist = ScratchBuffer(count: n, repeating: .infinity)
        order = ScratchBuffer(count: n, repeating: 0)
        settled = ScratchBuffer(count: n, repeating: false)
    }

    /// Clears what the previous search touched.
    @inline(__always)
    func reset() {
        let S = order.pointer, h = hops.pointer, d = dist.pointer, done = settled.pointer
        for i in 0..<reached {
            let v = Int(S[i])
            h[v] = -1
            d[v] = .infinity
            done[v] = false
        }
        reached = 0
    }

    /// BFS: hop counts in `hops`, reached vertices in `order` (non-decreasing distance).
    @inline(__always)
    func bfs(_ s: Int32, offsets off: UnsafeBufferPointer<Int>, targets tg: UnsafeBufferPointer<Int32>, maxDepth: Int32 = .max) {
        reset()
        let h = hops.pointer, S = order.pointer
        h[Int(s)] = 0
        S[0] = s
        var head = 0, tail = 1
        while head < tail {
            let v = Int(S[head])
            head += 1
            let dn = h[v] &+ 1
            if dn > maxDepth { continue }
            for a in off[v]..<off[v &+ 1] {
                let w = Int(tg[a])
                if h[w] < 0 {
                    h[w] = dn
                    S[tail] = Int32(w)
                    tail &+= 1
                }
            }
        }
        reached = tail
    }

    /// Dijkstra: distances in `dist`, settled vertices in `order` (non-decreasing distance).
    @inline(__always)
    func dijkstra(
        _ s: Int32, offsets off: UnsafeBufferPointer<Int>, targets tg: UnsafeBufferPointer<Int32>,
        weights wt: UnsafeBufferPointer<Double>, cutoff: Double = .infinity
    ) {
        reset()
        let d = dist.pointer, S = order.pointer, done = settled.pointer
        d[Int(s)] = 0
        heap.insert(DijkstraEntry(distance: 0, vertex: s))
        var tail = 0
        while let top = heap.popMin() {
            let v = Int(top.vertex)
            if done[v] { continue }
            done[v] = true
            S[tail] = top.vertex
            tail &+= 1
            let dv = d[v]
            for a in off[v]..<off[v &+ 1] {
                let w = Int(tg[a])
                if done[w] { continue }
                let nd = dv + wt[a]
                if nd < d[w] && nd <= cutoff {
                    d[w] = nd
                    heap.insert(DijkstraEntry(distance: nd, vertex: Int32(w)))
                }
            }
        }
        // Vertices relaxed but never settled cannot exist (the heap is drained), so
        // `order` covers every touched vertex.
        reached = tail
    }
}
