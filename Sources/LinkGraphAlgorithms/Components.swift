/// A partition of the vertices into components.
public struct Components: Equatable, Sendable {
    /// The component of each vertex: an index into `members`.
    public let componentOf: [Int32]
    /// The vertices of each component, each sorted by id; components ordered by size
    /// (largest first), then by smallest vertex.
    public let members: [[Digraph.Vertex]]

    public var count: Int { members.count }

    /// Renumbers raw labels so that `members` is sorted as documented.
    init(rawLabels: [Int32], count: Int) {
        var groups = [[Digraph.Vertex]](repeating: [], count: count)
        for (v, c) in rawLabels.enumerated() { groups[Int(c)].append(Digraph.Vertex(v)) }
        let order = groups.indices.sorted {
            groups[$0].count > groups[$1].count
                || (groups[$0].count == groups[$1].count && groups[$0][0] < groups[$1][0])
        }
        var newIndex = [Int32](repeating: 0, count: count)
        for (i, old) in order.enumerated() { newIndex[old] = Int32(i) }
        self.members = order.map { groups[$0] }
        self.componentOf = rawLabels.map { newIndex[Int($0)] }
    }
}

extension Digraph {
    /// Weakly connected components: vertices joined by arcs in either direction (the
    /// connected components of an undirected graph). Iterative: no recursion.
    /// - Complexity: O(V + E) time, O(V) extra space.
    ///
    /// ## References
    /// - J. Hopcroft and R. Tarjan, "Algorithm 447: efficient algorithms for graph
    ///   manipulation", 1973. <https://doi.org/10.1145/362248.362272>
    public func weakComponents() -> Components {
        let n = vertexCount
        var label = [Int32](repeating: -1, count: n)
        var stack: [Int32] = []
        var count: Int32 = 0
        for s in 0..<n where label[s] < 0 {
            label[s] = count
            stack.append(Int32(s))
            while let v = stack.popLast() {
                let v = Int(v)
                for a in offsets[v]..<offsets[v + 1] {
                    let w = Int(targets[a])
                    if label[w] < 0 { label[w] = count; stack.append(Int32(w)) }
                }
                if isDirected {
                    for a in inOffsets[v]..<inOffsets[v + 1] {
                        let w = Int(inSources[a])
                        if label[w] < 0 { label[w] = count; stack.append(Int32(w)) }
                    }
                }
            }
            count += 1
        }
        return Components(rawLabels: label, count: Int(count))
    }

    /// Strongly connected components: maximal sets of vertices that reach each other
    /// (for an undirected graph, its connected components). Tarjan's algorithm with an
    /// explicit call stack, so a million-vertex path does not overflow the thread stack.
    /// - Complexity: O(V + E) time, O(V) extra space.
    ///
    /// ## References
    /// - R. Tarjan, "Depth-first search and linear graph algorithms", 1972.
    ///   <https://doi.org/10.1137/0201010>
    public func strongComponents() -> Components {
        if !isDirected { return weakComponents() }
        let n = vertexCount
        var index = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var label = [Int32](repeating: -1, count: n)
        var stack: [Int32] = []
        var calls: [(vertex: Int32, next: Int)] = []
        var counter: Int32 = 0
        var count: Int32 = 0
        for s in 0..<n where index[s] < 0 {
            index[s] = counter; low[s] = counter; counter += 1
            stack.append(Int32(s)); onStack[s] = true
            calls.append((Int32(s), offsets[s]))
            while let top = calls.last {
                let v = Int(top.vertex)
                if top.next < offsets[v + 1] {
                    calls[calls.count - 1].next += 1
                    let w = Int(targets[top.next])
                    if index[w] < 0 {
                        index[w] = counter; low[w] = counter; counter += 1
                        stack.append(Int32(w)); onStack[w] = true
                        calls.append((Int32(w), offsets[w]))
                    } else if onStack[w] {
                        low[v] = Swift.min(low[v], index[w])
                    }
                } else {
                    calls.removeLast()
                    if low[v] == index[v] {
                        while true {
                            let x = Int(stack.removeLast())
                            onStack[x] = false
                            label[x] = count
                            if x == v { break }
                        }
                        count += 1
                    }
                    if let parent = calls.last {
                        let u = Int(parent.vertex)
                        low[u] = Swift.min(low[u], low[v])
                    }
                }
            }
        }
        return Components(rawLabels: label, count: Int(count))
    }
}
