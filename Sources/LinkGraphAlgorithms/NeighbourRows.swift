/// The neighbours of every vertex with direction ignored: the out-neighbours followed by
/// the in-neighbours (for an undirected graph, its one adjacency row). Parallel arcs and
/// a pair joined both ways appear more than once; self-loops are left out.
///
/// Used by the algorithms that read a directed graph as its underlying undirected graph
/// (cut points, bridges, fragmentation, key players, structural holes).
/// - Complexity: O(V + E) to build and to store.
struct NeighbourRows: Sendable {
    /// Row offsets, `vertexCount + 1` entries.
    let offsets: [Int]
    /// The neighbours, row after row.
    let targets: [Digraph.Vertex]

    init(_ graph: Digraph) {
        let n = graph.vertexCount
        var offsets = [Int](repeating: 0, count: n + 1)
        for v in 0..<n {
            var count = 0
            for a in graph.offsets[v]..<graph.offsets[v + 1] where Int(graph.targets[a]) != v { count += 1 }
            if graph.isDirected {
                for a in graph.inOffsets[v]..<graph.inOffsets[v + 1] where Int(graph.inSources[a]) != v { count += 1 }
            }
            offsets[v + 1] = offsets[v] + count
        }
        var targets = [Digraph.Vertex](repeating: 0, count: offsets[n])
        var next = 0
        for v in 0..<n {
            for a in graph.offsets[v]..<graph.offsets[v + 1] where Int(graph.targets[a]) != v {
                targets[next] = graph.targets[a]
                next += 1
            }
            if graph.isDirected {
                for a in graph.inOffsets[v]..<graph.inOffsets[v + 1] where Int(graph.inSources[a]) != v {
                    targets[next] = graph.inSources[a]
                    next += 1
                }
            }
        }
        self.offsets = offsets
        self.targets = targets
    }
}
