/// What holds a network together: the vertices and ties whose removal disconnects it, and
/// the blocks (biconnected components) that stay connected whatever one vertex is removed.
///
/// Read on the undirected view of the graph: direction is ignored, and parallel edges or a
/// pair linked both ways count as one tie, as in NetworkX's `Graph`. Self-loops are ignored.
public struct CutStructure: Equatable, Sendable {
    /// An unordered pair of vertices, stored with `a < b`.
    public struct Tie: Hashable, Sendable, Comparable {
        public let a: Digraph.Vertex
        public let b: Digraph.Vertex
        public init(_ u: Digraph.Vertex, _ v: Digraph.Vertex) {
            a = Swift.min(u, v)
            b = Swift.max(u, v)
        }
        public static func < (x: Tie, y: Tie) -> Bool { (x.a, x.b) < (y.a, y.b) }
    }

    /// Cut points (articulation points): vertices whose removal leaves more components.
    /// Sorted by id.
    public let articulationPoints: [Digraph.Vertex]
    /// Bridges: ties whose removal leaves more components. Sorted.
    public let bridges: [Tie]
    /// The blocks, flat: block b is `blockVertices[blockOffsets[b] ..< blockOffsets[b + 1]]`,
    /// in discovery order (not sorted), so that finding cut points and bridges does not pay
    /// for an array per block.
    let blockOffsets: [Int]
    let blockVertices: [Digraph.Vertex]

    /// Equal when the cut points, bridges and blocks are (whatever order the search found
    /// the blocks in).
    public static func == (x: CutStructure, y: CutStructure) -> Bool {
        x.articulationPoints == y.articulationPoints && x.bridges == y.bridges
            && x.biconnectedComponents == y.biconnectedComponents
    }

    /// The number of blocks.
    public var biconnectedComponentCount: Int { blockOffsets.count - 1 }

    /// The vertex set of each block (a maximal set with no cut point of its own; a bridge is
    /// a block of two). Each sorted by id; blocks ordered by size (largest first), then by
    /// smallest vertex. An isolated vertex is in no block.
    /// - Complexity: O(V + B log B) for B blocks, on each call.
    public var biconnectedComponents: [[Digraph.Vertex]] {
        var blocks = (0..<biconnectedComponentCount).map {
            Array(blockVertices[blockOffsets[$0]..<blockOffsets[$0 + 1]]).sorted()
        }
        blocks.sort { ($0.count, $1[0]) > ($1.count, $0[0]) }
        return blocks
    }
}

extension Digraph {
    /// Cut points, bridges and blocks of the graph's undirected view, from one iterative
    /// depth-first search. Equal to NetworkX's `articulation_points`, `bridges` and
    /// `biconnected_components` (on `G.to_undirected()` for a directed graph).
    /// - Complexity: O(V + E) time and extra space; no recursion.
    ///
    /// ## References
    /// - J. Hopcroft and R. Tarjan, "Algorithm 447: efficient algorithms for graph
    ///   manipulation", 1973. <https://doi.org/10.1145/362248.362272>
    /// - R. Tarjan, "A note on finding the bridges of a graph", 1974.
    ///   <https://doi.org/10.1016/0020-0190(74)90003-9>
    public func cutStructure() -> CutStructure {
        let dfs = LowPoints(NeighbourRows(self))
        let n = vertexCount
        var isCut = [Bool](repeating: false, count: n)
        var rootChildren = [Int32](repeating: 0, count: n)
        var bridges: [CutStructure.Tie] = []
        // A vertex opens a new block when the tree edge above it separates; the block is that
        // edge's parent plus every vertex whose nearest block-opening ancestor (or itself) it is.
        var blockOf = [Int32](repeating: -1, count: n)
        var blockHead: [Vertex] = []  // the parent of the vertex that opened each block
        var blockSize: [Int] = []
        for w32 in dfs.preorder {
            let w = Int(w32)
            let p32 = dfs.parent[w]
            guard p32 >= 0 else { continue }
            let p = Int(p32)
            if dfs.parent[p] < 0 { rootChildren[p] += 1 }
            if dfs.low[w] > dfs.discovery[p] { bridges.append(CutStructure.Tie(p32, w32)) }
            if dfs.headsBlock(w) {
                if dfs.parent[p] >= 0 { isCut[p] = true }
                blockOf[w] = Int32(blockHead.count)
                blockHead.append(p32)
                blockSize.append(2)
            } else {
                blockOf[w] = blockOf[p]
                blockSize[Int(blockOf[p])] += 1
            }
        }
        for r in dfs.roots where rootChildren[Int(r)] >= 2 { isCut[Int(r)] = true }
        var offsets = [Int](repeating: 0, count: blockHead.count + 1)
        for b in blockHead.indices { offsets[b + 1] = offsets[b] + blockSize[b] }
        var members = [Vertex](repeating: 0, count: offsets[blockHead.count])
        var next = Array(offsets.dropLast())
        for b in blockHead.indices {
            members[next[b]] = blockHead[b]
            next[b] += 1
        }
        for w in dfs.preorder where blockOf[Int(w)] >= 0 {
            let b = Int(blockOf[Int(w)])
            members[next[b]] = w
            next[b] += 1
        }
        let points = (0..<n).filter { isCut[$0] }.map { Vertex($0) }
        bridges.sort()
        return CutStructure(articulationPoints: points, bridges: bridges, blockOffsets: offsets, blockVertices: members)
    }
}
