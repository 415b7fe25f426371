/// One worker's state for sampling a uniformly random shortest path between a random pair:
/// a balanced bidirectional breadth-first search, then a walk back from the meeting layer to
/// both ends. Reused across samples: only the vertices a search touched are reset.
///
/// The search grows, one whole level at a time, the side whose frontier has fewer arcs to
/// scan (out-arcs from s, in-arcs towards t). It stops after the first level that reaches a
/// vertex the other side has reached: those vertices are the meeting layer M, every shortest
/// s–t path crosses M exactly once, and σ(s,t) = Σ_{w∈M} σ_s(w)·σ_t(w). A path is drawn by
/// picking w with probability σ_s(w)σ_t(w)/σ(s,t), then each predecessor u of the current
/// vertex with probability σ_s(u)/σ_s(x) (and likewise towards t), so every shortest path
/// has the same probability.
///
/// ## References
/// - M. Borassi and E. Natale, "KADABRA is an ADaptive Algorithm for Betweenness via Random
///   Approximation", 2019. <https://doi.org/10.1145/3284359>
final class PathSampler: @unchecked Sendable {
    let fromS: ScratchBuffer<Int32>
    let toT: ScratchBuffer<Int32>
    let sigmaS: ScratchBuffer<Double>
    let sigmaT: ScratchBuffer<Double>
    let orderS: ScratchBuffer<Int32>
    let orderT: ScratchBuffer<Int32>
    let touched: ScratchBuffer<Int32>
    let meeting: ScratchBuffer<Int32>
    /// How many sampled paths had each vertex inside them, since the last reduction.
    let counts: ScratchBuffer<Double>

    init(n: Int) {
        fromS = ScratchBuffer(count: n, repeating: -1)
        toT = ScratchBuffer(count: n, repeating: -1)
        sigmaS = ScratchBuffer(count: n, repeating: 0)
        sigmaT = ScratchBuffer(count: n, repeating: 0)
        orderS = ScratchBuffer(count: n, repeating: 0)
        orderT = ScratchBuffer(count: n, repeating: 0)
        touched = ScratchBuffer(count: n, repeating: 0)
        meeting = ScratchBuffer(count: n, repeating: 0)
        counts = ScratchBuffer(count: n, repeating: 0)
    }

    /// A uniform double in [0, 1).
    @inline(__always)
    static func unit(_ random: inout SeededGenerator) -> Double {
        Double(random.next() >> 11) * 0x1p-53
    }

    /// Draws a pair s ≠ t and, when t is reachable from s, one shortest s–t path uniformly,
    /// adding 1 to the count of each of its inner vertices. `n` must be at least 2.
    func sample(_ g: BidirectionalView, n: Int, random: inout SeededGenerator) {
        let s = Int(random.next(upperBound: UInt64(n)))
        var t = Int(random.next(upperBound: UInt64(n - 1)))
        if t >= s { t += 1 }
        let meets = search(g, s: s, t: t)
        if meets > 0 { walk(g, s: s, t: t, meets: meets, random: &random) }
        reset()
    }

    private var touchedCount = 0

    /// The bidirectional search; returns the size of the meeting layer (0: t unreachable).
    @inline(__always)
    private func search(_ g: BidirectionalView, s: Int, t: Int) -> Int {
        let ds = fromS.pointer, dt = toT.pointer, ss = sigmaS.pointer, st = sigmaT.pointer
        let qs = orderS.pointer, qt = orderT.pointer, seen = touched.pointer, meet = meeting.pointer
        let out = g.out, tg = g.targets, inOff = g.inOffsets, src = g.sources
        ds[s] = 0
        ss[s] = 1
        dt[t] = 0
        st[t] = 1
        qs[0] = Int32(s)
        qt[0] = Int32(t)
        seen[0] = Int32(s)
        seen[1] = Int32(t)
        touchedCount = 2
        var startS = 0, endS = 1, depthS: Int32 = 0, arcsS = out[s + 1] - out[s]
        var startT = 0, endT = 1, depthT: Int32 = 0, arcsT = inOff[t + 1] - inOff[t]
        var meets = 0
        while startS < endS && startT < endT {
            if arcsS <= arcsT {
                let next = depthS + 1
                var tail = endS
                var arcs = 0
                for i in startS..<endS {
                    let u = Int(qs[i])
                    let su = ss[u]
                    for a in out[u]..<out[u + 1] {
                        let w = Int(tg[a])
                        let dw = ds[w]
                        if dw < 0 {
                            ds[w] = next
                            ss[w] = su
                            qs[tail] = Int32(w)
                            tail += 1
                            if dt[w] >= 0 {
                                meet[meets] = Int32(w)
                                meets += 1
                            } else {
                                seen[touchedCount] = Int32(w)
                                touchedCount += 1
                            }
                            arcs += out[w + 1] - out[w]
                        } else if dw == next {
                            ss[w] += su
                        }
                    }
                }
                startS = endS
                endS = tail
                depthS = next
                arcsS = arcs
            } else {
                let next = depthT + 1
                var tail = endT
                var arcs = 0
                for i in startT..<endT {
                    let u = Int(qt[i])
                    let su = st[u]
                    for a in inOff[u]..<inOff[u + 1] {
                        let w = Int(src[a])
                        let dw = dt[w]
                        if dw < 0 {
                            dt[w] = next
                            st[w] = su
                            qt[tail] = Int32(w)
                            tail += 1
                            if ds[w] >= 0 {
                                meet[meets] = Int32(w)
                                meets += 1
                            } else {
                                seen[touchedCount] = Int32(w)
                                touchedCount += 1
                            }
                            arcs += inOff[w + 1] - inOff[w]
                        } else if dw == next {
                            st[w] += su
                        }
                    }
                }
                startT = endT
                endT = tail
                depthT = next
                arcsT = arcs
            }
            if meets > 0 { return meets }
        }
        return 0
    }

    /// Picks a meeting vertex, then walks to s and to t, counting the inner vertices.
    @inline(__always)
    private func walk(_ g: BidirectionalView, s: Int, t: Int, meets: Int, random: inout SeededGenerator) {
        let ds = fromS.pointer, dt = toT.pointer, ss = sigmaS.pointer, st = sigmaT.pointer
        let meet = meeting.pointer, c = counts.pointer
        let out = g.out, tg = g.targets, inOff = g.inOffsets, src = g.sources
        var paths = 0.0
        for i in 0..<meets {
            let w = Int(meet[i])
            paths += ss[w] * st[w]
        }
        var pick = Self.unit(&random) * paths
        var middle = Int(meet[meets - 1])
        for i in 0..<meets {
            let w = Int(meet[i])
            pick -= ss[w] * st[w]
            if pick < 0 {
                middle = w
                break
            }
        }
        if middle != s && middle != t { c[middle] += 1 }
        // Towards s: predecessors on the in-arcs, one level closer to s.
        var x = middle
        while ds[x] > 1 {
            let level = ds[x] - 1
            var share = Self.unit(&random) * ss[x]
            var chosen = -1
            for a in inOff[x]..<inOff[x + 1] {
                let u = Int(src[a])
                if ds[u] == level {
                    chosen = u
                    share -= ss[u]
                    if share < 0 { break }
                }
            }
            x = chosen
            c[x] += 1
        }
        // Towards t: successors on the out-arcs, one level closer to t.
        x = middle
        while dt[x] > 1 {
            let level = dt[x] - 1
            var share = Self.unit(&random) * st[x]
            var chosen = -1
            for a in out[x]..<out[x + 1] {
                let y = Int(tg[a])
                if dt[y] == level {
                    chosen = y
                    share -= st[y]
                    if share < 0 { break }
                }
            }
            x = chosen
            c[x] += 1
        }
    }

    /// Marks every touched vertex unreached again (a meeting vertex was touched first by the
    /// other side, so it is in the list once).
    @inline(__always)
    private func reset() {
        let ds = fromS.pointer, dt = toT.pointer, seen = touched.pointer
        for i in 0..<touchedCount {
            let v = Int(seen[i])
            ds[v] = -1
            dt[v] = -1
        }
        touchedCount = 0
    }
}
