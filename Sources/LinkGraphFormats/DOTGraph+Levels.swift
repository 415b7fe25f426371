/// One level of a `DOTGraph` (the top level or a subgraph) in the flat list `DOTGraph.levels`:
/// its place in the nesting and its own content, without the subgraphs nested in it.
public struct DOTLevel: Equatable, Sendable {
    /// The subgraph's name, or the graph's for the top level.
    public var name: String
    /// The index in `levels` of the level this one is nested in; `nil` for the top level.
    public var parent: Int?
    /// 0 for the top level, 1 for its subgraphs, and so on.
    public var depth: Int
    /// Attributes, defaults, nodes and edges of this level; `subgraphs` is always empty here.
    public var body: DOTBody

    public init(name: String, parent: Int?, depth: Int, body: DOTBody) {
        self.name = name
        self.parent = parent
        self.depth = depth
        self.body = body
    }

    /// Goes through `levels` (in the order `DOTGraph.levels` gives) as DOT statements nest:
    /// `enter(i)` when level `i` opens, `leave(i)` when it closes, after every level nested in
    /// it has been left. So `enter` of a level comes before its subgraphs and `leave` after
    /// them, the order in which `DOTWriter` writes and cgraph's parser makes a level's
    /// attributes (at `enter`) and its nodes and edges (at `leave`).
    /// - Complexity: O(levels), without recursion.
    public static func walk(
        _ levels: [DOTLevel], enter: (Int) throws -> Void, leave: (Int) throws -> Void
    ) rethrows {
        try walk(parents: levels.map(\.parent), enter: enter, leave: leave)
    }

    /// `walk(_:enter:leave:)` over levels given by their parents' indices alone.
    public static func walk(
        parents: [Int?], enter: (Int) throws -> Void, leave: (Int) throws -> Void
    ) rethrows {
        var open: [Int] = []
        for index in parents.indices {
            while let top = open.last, top != parents[index] {
                open.removeLast()
                try leave(top)
            }
            try enter(index)
            open.append(index)
        }
        while let top = open.popLast() { try leave(top) }
    }
}

extension DOTGraph {
    /// Every level, the top level first, each subgraph after the level it is nested in and
    /// its own nested levels before its next sibling (pre-order), with its content.
    /// - Complexity: O(levels + nodes + edges) (bodies are shared, not copied), without recursion.
    public var levels: [DOTLevel] {
        var result: [DOTLevel] = []
        var top = body
        top.subgraphs = []
        result.append(DOTLevel(name: name, parent: nil, depth: 0, body: top))
        // Subgraphs still to list, the next one last.
        var pending: [(subgraph: DOTSubgraph, parent: Int, depth: Int)] = body.subgraphs.reversed().map { ($0, 0, 1) }
        while let (subgraph, parent, depth) = pending.popLast() {
            let index = result.count
            var own = subgraph.body
            own.subgraphs = []
            result.append(DOTLevel(name: subgraph.name, parent: parent, depth: depth, body: own))
            pending += subgraph.body.subgraphs.reversed().map { ($0, index, depth + 1) }
        }
        return result
    }

    /// The graph whose `levels` are `levels` (each level's `parent` before it, the top level
    /// first; `name` of the top level is the graph's).
    /// - Complexity: O(levels), without recursion.
    public init(isDirected: Bool, isStrict: Bool, levels: [DOTLevel]) {
        precondition(!levels.isEmpty && levels[0].parent == nil, "the first level is the top level")
        // Built from the last level back: a level's subgraphs are complete before it is.
        var children = [[DOTSubgraph]](repeating: [], count: levels.count)
        for index in levels.indices.dropFirst().reversed() {
            let level = levels[index]
            guard let parent = level.parent, parent < index else {
                preconditionFailure("a level's parent comes before it")
            }
            var body = level.body
            body.subgraphs = children[index].reversed()
            children[index] = []
            children[parent].append(DOTSubgraph(name: level.name, body: body))
        }
        self.init(name: levels[0].name, isDirected: isDirected, isStrict: isStrict)
        body = levels[0].body
        body.subgraphs = children[0].reversed()
    }

    /// The number of distinct node names at every level (declared, or named by an edge): the
    /// one node count of the package (layout choice, limits).
    /// - Complexity: O(nodes + edges).
    public var distinctNodeCount: Int {
        var names = Set<String>()
        for level in levels {
            for node in level.body.nodes { names.insert(node.id) }
            for edge in level.body.edges {
                names.insert(edge.source)
                names.insert(edge.target)
            }
        }
        return names.count
    }
}
