/// The neighbourhood of a vertex within a radius, with the edges among its members.
public struct EgoNetwork: Equatable, Sendable {
    public let center: Digraph.Vertex
    public let radius: Double
    /// The members, nearest first, ties by id; the center is first.
    public let vertices: [Digraph.Vertex]
    /// The distance of each member, parallel to `vertices`.
    public let distances: [Double]
    /// The edges with both ends in the network, by edge id, ascending.
    public let edges: [Int]
}

extension Digraph {
    /// The ego network of `center`: every vertex within `radius` of it (along out-arcs,
    /// or both ways with `undirected`), and the edges among them, as NetworkX's `ego_graph`.
    /// - Parameters:
    ///   - radius: The largest distance kept (hops, or total weight when `weighted`).
    ///   - undirected: Ignore direction when measuring distance.
    ///   - weighted: Measure distance by arc weights.
    /// - Throws: `vertexNotFound`; `invalidArgument` for a negative radius; `invalidWeight`.
    /// - Complexity: O(V + E) unweighted, O((V + E) log V) weighted.
    public func egoNetwork(
        of center: Vertex, radius: Double = 1, undirected: Bool = false, weighted: Bool = false
    ) throws -> EgoNetwork {
        try check(center)
        guard radius >= 0, !radius.isNaN else {
            throw AlgorithmError.invalidArgument("radius must be >= 0, got \(radius)")
        }
        let g = undirected ? self.undirected() : self
        let useWeights = weighted && isWeighted
        if useWeights { try validateWeights(positive: false) }
        let ws = SingleSourceWorkspace(n: vertexCount)
        var members: [(Vertex, Double)] = []
        g.offsets.withUnsafeBufferPointer { off in
            g.targets.withUnsafeBufferPointer { tg in
                (g.arcWeights ?? []).withUnsafeBufferPointer { wt in
                    if useWeights {
                        ws.dijkstra(center, offsets: off, targets: tg, weights: wt, cutoff: radius)
                        for i in 0..<ws.reached {
                            let v = ws.order.pointer[i]
                            members.append((v, ws.dist.pointer[Int(v)]))
                        }
                    } else {
                        let depth = radius >= Double(Int32.max) ? Int32.max : Int32(radius.rounded(.down))
                        ws.bfs(center, offsets: off, targets: tg, maxDepth: depth)
                        for i in 0..<ws.reached {
                            let v = ws.order.pointer[i]
                            members.append((v, Double(ws.hops.pointer[Int(v)])))
                        }
                    }
                }
            }
        }
        members.sort { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        var inside = [Bool](repeating: false, count: vertexCount)
        for (v, _) in members { inside[Int(v)] = true }
        let ends = edgeArrays()
        let edges = (0..<edgeCount).filter { inside[Int(ends.sources[$0])] && inside[Int(ends.targets[$0])] }
        return EgoNetwork(
            center: center, radius: radius, vertices: members.map(\.0), distances: members.map(\.1), edges: edges)
    }
}
