/// A 4-ary min-heap of vertex ids keyed by an external distance array, with decrease-key,
/// so that each vertex sits in the heap at most once (no stale entries). Ties are broken
/// by vertex id, which keeps every search deterministic.
///
/// Used by the inner loops of Dijkstra-based algorithms (weighted betweenness, closeness);
/// one per worker, reused across sources. The public `dijkstra` uses swift-collections'
/// `Heap` instead, where clarity matters more than the last factor of two.
///
/// ## References
/// - D. B. Johnson, "Priority queues with update and finding minimum spanning trees", 1975
///   (d-ary heaps). <https://doi.org/10.1016/0020-0190(75)90001-0>
final class IndexedHeap: @unchecked Sendable {
    /// Heap slots holding vertex ids.
    let slots: UnsafeMutablePointer<Int32>
    /// Per vertex: its slot, `-1` when never inserted, `-2` once popped.
    let position: UnsafeMutablePointer<Int32>
    var count = 0
    let capacity: Int

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 1)
        slots = .allocate(capacity: self.capacity)
        position = .allocate(capacity: self.capacity)
        position.initialize(repeating: -1, count: self.capacity)
    }

    deinit {
        slots.deallocate()
        position.deallocate()
    }

    @inline(__always)
    static func less(_ a: Int32, _ b: Int32, _ key: UnsafeMutablePointer<Double>) -> Bool {
        let ka = key[Int(a)], kb = key[Int(b)]
        return ka < kb || (ka == kb && a < b)
    }

    /// Inserts `v`, or moves it up after its key decreased.
    @inline(__always)
    func push(_ v: Int32, _ key: UnsafeMutablePointer<Double>) {
        var i = Int(position[Int(v)])
        if i < 0 {
            i = count
            count += 1
        }
        // Sift up.
        while i > 0 {
            let parent = (i - 1) >> 2
            let p = slots[parent]
            if !IndexedHeap.less(v, p, key) { break }
            slots[i] = p
            position[Int(p)] = Int32(i)
            i = parent
        }
        slots[i] = v
        position[Int(v)] = Int32(i)
    }

    /// Removes and returns the vertex with the least key; marks it popped (-2).
    @inline(__always)
    func pop(_ key: UnsafeMutablePointer<Double>) -> Int32 {
        let top = slots[0]
        position[Int(top)] = -2
        count -= 1
        if count > 0 {
            let last = slots[count]
            var i = 0
            while true {
                let first = 4 * i + 1
                if first >= count { break }
                var best = first
                let end = Swift.min(first + 4, count)
                var c = first + 1
                while c < end {
                    if IndexedHeap.less(slots[c], slots[best], key) { best = c }
                    c += 1
                }
                let b = slots[best]
                if !IndexedHeap.less(b, last, key) { break }
                slots[i] = b
                position[Int(b)] = Int32(i)
                i = best
            }
            slots[i] = last
            position[Int(last)] = Int32(i)
        }
        return top
    }

    /// Whether `v` has been popped since the last reset.
    @inline(__always)
    func isSettled(_ v: Int) -> Bool { position[v] == -2 }

    /// Forgets `v` (call for every vertex touched before reusing the heap).
    @inline(__always)
    func reset(_ v: Int) { position[v] = -1 }
}
