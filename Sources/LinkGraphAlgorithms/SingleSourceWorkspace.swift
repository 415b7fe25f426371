/// One worker's buffers for repeated single-source searches (BFS or Dijkstra) over a
/// borrowed CSR; only the vertices a search reached are reset before the next one.
final class SingleSourceWorkspace: @unchecked Sendable {
    let hops: ScratchBuffer<Int32>
    let dist: ScratchBuffer<Double>
    let order: ScratchBuffer<Int32>
    let heap: IndexedHeap
    /// How many vertices the last search reached (the first entries of `order`).
    var reached = 0

    init(n: Int) {
        hops = ScratchBuffer(count: n, repeating: -1)
        dist = ScratchBuffer(count: n, repeating: .infinity)
        order = ScratchBuffer(count: n, repeating: 0)
        heap = IndexedHeap(capacity: n)
    }

    /// Clears what the previous search touched.
    @inline(__always)
    func reset() {
        let S = order.pointer, h = hops.pointer, d = dist.pointer
        for i in 0..<reached {
            let v = Int(S[i])
            h[v] = -1
            d[v] = .infinity
            heap.reset(v)
        }
        reached = 0
    }

    /// BFS: hop counts in `hops`, reached vertices in `order` (non-decreasing distance).
    @inline(__always)
    func bfs(
        _ s: Int32, offsets off: UnsafeBufferPointer<Int>, targets tg: UnsafeBufferPointer<Int32>,
        maxDepth: Int32 = .max
    ) {
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
        let d = dist.pointer, S = order.pointer
        let h = heap
        d[Int(s)] = 0
        h.push(s, d.baseAddress!)
        var tail = 0
        while h.count > 0 {
            let top = h.pop(d.baseAddress!)
            let v = Int(top)
            S[tail] = top
            tail &+= 1
            let dv = d[v]
            for a in off[v]..<off[v &+ 1] {
                let w = Int(tg[a])
                if h.isSettled(w) { continue }
                let nd = dv + wt[a]
                if nd < d[w] && nd <= cutoff {
                    d[w] = nd
                    h.push(Int32(w), d.baseAddress!)
                }
            }
        }
        // Vertices relaxed but never settled cannot exist (the heap is drained), so
        // `order` covers every touched vertex.
        reached = tail
    }
}
