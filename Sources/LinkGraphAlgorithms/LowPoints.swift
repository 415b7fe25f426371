/// One depth-first search over the undirected view of a graph, with the numbers that
/// Hopcroft and Tarjan's algorithms read cut points, bridges and blocks from.
///
/// For every vertex reached: its discovery time, its low point (the earliest discovery
/// time reachable from its subtree by one non-tree edge), its parent in the DFS forest and
/// the size of its subtree. The search is iterative (an explicit stack), so a path of a
/// million vertices does not overflow the thread stack. Edges to the parent are all
/// skipped, so parallel edges count as one tie (as in NetworkX's simple `Graph`).
/// Vertices marked `removed` are treated as absent.
/// - Complexity: O(V + E) time, O(V) extra space.
///
/// ## References
/// - J. Hopcroft and R. Tarjan, "Algorithm 447: efficient algorithms for graph
///   manipulation", 1973. <https://doi.org/10.1145/362248.362272>
struct LowPoints {
    /// Discovery time of each vertex; -1 when removed.
    var discovery: [Int32]
    /// Low point of each vertex.
    var low: [Int32]
    /// DFS parent of each vertex; -1 for a root (and a removed vertex).
    var parent: [Int32]
    /// Number of vertices in each vertex's DFS subtree, itself included.
    var subtreeSize: [Int32]
    /// The vertices in discovery order (parents before children).
    var preorder: [Int32]
    /// The roots in discovery order, one per connected component.
    var roots: [Int32]

    init(_ rows: NeighbourRows, removed: [Bool]? = nil) {
        let n = rows.offsets.count - 1
        discovery = [Int32](repeating: -1, count: n)
        low = [Int32](repeating: 0, count: n)
        parent = [Int32](repeating: -1, count: n)
        subtreeSize = [Int32](repeating: 1, count: n)
        preorder = []
        preorder.reserveCapacity(n)
        roots = []
        var stack: [(vertex: Int32, next: Int)] = []
        var time: Int32 = 0
        let offsets = rows.offsets, targets = rows.targets
        for s in 0..<n where discovery[s] < 0 && removed?[s] != true {
            roots.append(Int32(s))
            discovery[s] = time; low[s] = time; time += 1
            preorder.append(Int32(s))
            stack.append((Int32(s), offsets[s]))
            while !stack.isEmpty {
                let top = stack.count - 1
                let v = Int(stack[top].vertex)
                let a = stack[top].next
                if a < offsets[v + 1] {
                    stack[top].next = a + 1
                    let w = Int(targets[a])
                    if removed?[w] == true || Int32(w) == parent[v] { continue }
                    if discovery[w] < 0 {
                        parent[w] = Int32(v)
                        discovery[w] = time; low[w] = time; time += 1
                        preorder.append(Int32(w))
                        stack.append((Int32(w), offsets[w]))
                    } else if discovery[w] < low[v] {
                        low[v] = discovery[w]
                    }
                } else {
                    stack.removeLast()
                    let p = parent[v]
                    if p >= 0 {
                        if low[v] < low[Int(p)] { low[Int(p)] = low[v] }
                        subtreeSize[Int(p)] += subtreeSize[v]
                    }
                }
            }
        }
    }

    /// True when the tree edge parent(w)–w separates w's subtree from the rest of the
    /// component once parent(w) is gone (w's subtree has no edge above parent(w)).
    @inline(__always) func headsBlock(_ w: Int) -> Bool {
        let p = parent[w]
        return p >= 0 && low[w] >= discovery[Int(p)]
    }
}
