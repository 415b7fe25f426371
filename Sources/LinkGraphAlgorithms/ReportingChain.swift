/// Everyone above a vertex in a reporting structure, and every way up.
///
/// Built on a graph whose arcs point upward (from subordinate to superior, as
/// `Projection.reportingLines` orients `reportsTo`, `advises`, `memberOf` and, reversed,
/// `controls`).
public struct ReportingChain: Sendable {
    /// One upward route: a maximal simple path from the root.
    public struct Branch: Hashable, Sendable {
        public let path: Path
        /// True when the route stops because every way on leads back into the route
        /// itself (a cycle), rather than at a vertex with nothing above it.
        public let endsInCycle: Bool
    }

    public let root: Digraph.Vertex
    /// Everyone above the root with the fewest hops to reach them, nearest first (ties by id).
    public let above: [ChainMember]
    /// The vertices at the top: reached vertices with no arc upward, or, for a group that
    /// only points within itself (a cycle with no way out), its members. Sorted by id.
    public let tops: [Digraph.Vertex]
    /// Every maximal upward route from the root, in depth-first order of arc ids.
    public let branches: [Branch]
    /// True when `branches` was cut at `maxBranches`.
    public let truncated: Bool
}

/// A vertex in a chain with its hop distance from the chain's root.
public struct ChainMember: Hashable, Sendable {
    public let vertex: Digraph.Vertex
    public let distance: Int
    /// The arc that links it one step closer to the root (for `ReportingTree`, the arc
    /// from this vertex toward the root; for `ReportingChain`, the arc into it from below).
    public let via: Int
}

/// Everyone whose information reaches a vertex, with their distance.
public struct ReportingTree: Sendable {
    public let root: Digraph.Vertex
    /// Everyone below the root, nearest first (ties by id).
    public let below: [ChainMember]
    let tree: ShortestPathTree

    /// A shortest route from `member` up to the root.
    /// - Throws: `noPath` when `member` does not report in; `vertexNotFound`.
    public func path(from member: Digraph.Vertex) throws -> Path { try tree.path(to: member) }
}

extension Digraph {
    /// The reporting chain above `root`: everyone reachable along the (upward) arcs, the
    /// tops, and every maximal simple route up. Cycles are walked once, never looped on.
    /// - Parameters:
    ///   - root: Where to start.
    ///   - maxBranches: Stop listing routes after this many (routes can multiply).
    /// - Throws: `vertexNotFound`; `invalidArgument` for maxBranches < 1.
    /// - Complexity: O(V + E) for `above` and `tops`; O(B · V) for B branches.
    public func reportingChain(from root: Vertex, maxBranches: Int = 1000) throws -> ReportingChain {
        try check(root)
        guard maxBranches >= 1 else { throw AlgorithmError.invalidArgument("maxBranches must be at least 1") }
        let bfs = try breadthFirstSearch(from: root)
        let above = bfs.order.dropFirst().map {
            ChainMember(vertex: $0, distance: Int(bfs.distances[Int($0)]), via: Int(bfs.parentArcs[Int($0)]))
        }.sorted { ($0.distance, $0.vertex) < ($1.distance, $1.vertex) }

        // Tops: reached vertices without out-arcs, plus members of terminal strong
        // components (cycles that point nowhere else).
        let scc = strongComponents()
        var exits = [Bool](repeating: false, count: scc.count)
        for v in bfs.order {
            for a in arcs(from: v) where scc.componentOf[Int(targets[a])] != scc.componentOf[Int(v)] {
                exits[Int(scc.componentOf[Int(v)])] = true
            }
        }
        var tops: [Vertex] = []
        for v in bfs.order where v != root || outDegree(of: v) > 0 {
            let c = Int(scc.componentOf[Int(v)])
            if outDegree(of: v) == 0 || (!exits[c] && scc.members[c].count > 1) { tops.append(v) }
        }
        if outDegree(of: root) == 0 { tops.append(root) }
        tops.sort()

        // Maximal simple routes, depth-first with an explicit stack.
        var branches: [ReportingChain.Branch] = []
        var truncated = false
        var onPath = [Bool](repeating: false, count: vertexCount)
        var stack: [(vertex: Vertex, next: Int, extended: Bool)] = [(root, offsets[Int(root)], false)]
        var arcsSoFar: [Int] = []
        onPath[Int(root)] = true
        while let top = stack.last {
            let v = Int(top.vertex)
            var a = top.next
            while a < offsets[v + 1] && onPath[Int(targets[a])] { a += 1 }
            if a < offsets[v + 1] {
                stack[stack.count - 1].next = a + 1
                stack[stack.count - 1].extended = true
                let w = targets[a]
                onPath[Int(w)] = true
                arcsSoFar.append(a)
                stack.append((w, offsets[Int(w)], false))
                continue
            }
            if !top.extended && !arcsSoFar.isEmpty {
                if branches.count == maxBranches { truncated = true; break }
                branches.append(
                    .init(
                        path: Path(graph: self, start: root, arcs: arcsSoFar),
                        endsInCycle: outDegree(of: top.vertex) > 0))
            }
            stack.removeLast()
            onPath[v] = false
            if !arcsSoFar.isEmpty { arcsSoFar.removeLast() }
        }
        return ReportingChain(root: root, above: above, tops: tops, branches: branches, truncated: truncated)
    }

    /// Everyone below `root`: every vertex with a route up to it, with the fewest hops,
    /// and a shortest route from each (`ReportingTree.path(from:)`). Cycles are handled
    /// by the search (each vertex once).
    /// - Parameters:
    ///   - maxDepth: Only those within this many hops (nil: all).
    /// - Throws: `vertexNotFound`.
    /// - Complexity: O(V + E).
    public func reportingTree(to root: Vertex, maxDepth: Int? = nil) throws -> ReportingTree {
        let bfs = try breadthFirstSearch(from: root, direction: .incoming, maxDepth: maxDepth)
        let below = bfs.order.dropFirst().map {
            ChainMember(vertex: $0, distance: Int(bfs.distances[Int($0)]), via: Int(bfs.parentArcs[Int($0)]))
        }.sorted { ($0.distance, $0.vertex) < ($1.distance, $1.vertex) }
        return ReportingTree(root: root, below: below, tree: bfs)
    }
}
