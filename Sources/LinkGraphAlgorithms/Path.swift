import Foundation

/// A walk through the graph, explained hop by hop.
///
/// Each hop names the arc it used, the edge behind it, the relation (index into the case
/// file's `relations`, or the edge-list edge) and whether the hop runs against that
/// relation's direction, so a caller can print "A —reportsTo→ B (evidence …)".
public struct Path: Hashable, Sendable, CustomStringConvertible {
    /// One step of a path.
    public struct Hop: Hashable, Sendable {
        public let from: Digraph.Vertex
        public let to: Digraph.Vertex
        /// The arc used (index into the graph's `targets`).
        public let arc: Int
        /// The edge behind the arc.
        public let edge: Int
        /// The relation (case file) or input edge (edge list) the edge came from.
        public let relation: Int?
        /// True when the hop goes target → source of its relation.
        public let againstRelation: Bool
        /// The arc's weight (1 when unweighted).
        public let weight: Double
    }

    /// The vertices from source to target; one vertex for an empty path.
    public let vertices: [Digraph.Vertex]
    public let hops: [Hop]
    /// The sum of the hop weights (the hop count when unweighted).
    public let cost: Double
    /// What the weights meant; `.reliability` makes `reliability` meaningful.
    public let weighting: Digraph.Weighting

    public var source: Digraph.Vertex { vertices[0] }
    public var target: Digraph.Vertex { vertices[vertices.count - 1] }
    public var hopCount: Int { hops.count }
    /// `exp(-cost)` for reliability weights: the product of the hops' confidences.
    public var reliability: Double? { weighting == .reliability ? Foundation.exp(-cost) : nil }

    /// A path from a start vertex along the given arcs (each arc must leave the previous
    /// arc's head). The cost is summed in hop order.
    public init(graph: Digraph, start: Digraph.Vertex, arcs: [Int]) {
        var vertices = [start]
        var hops: [Hop] = []
        hops.reserveCapacity(arcs.count)
        var cost = 0.0
        var at = start
        for a in arcs {
            let to = graph.targets[a]
            let e = graph.edge(ofArc: a)
            let w = graph.weight(ofArc: a)
            // For an undirected edge walked from its target, the hop runs against the edge.
            let reversedEdge = !graph.isDirected && Int(graph.edgeArcs[e]) != a
            hops.append(
                Hop(
                    from: at, to: to, arc: a, edge: e, relation: graph.relation(ofEdge: e),
                    againstRelation: graph.isAgainstRelation(edge: e) != reversedEdge, weight: w))
            cost += w
            vertices.append(to)
            at = to
        }
        self.vertices = vertices
        self.hops = hops
        self.cost = cost
        self.weighting = graph.weighting
    }

    public var description: String {
        vertices.map { String($0) }.joined(separator: " -> ") + " (cost \(cost))"
    }

    /// The vertex labels from source to target.
    public func labels(in graph: Digraph) -> [String] { vertices.map { graph.label(of: $0) } }
}

/// Which arcs a search follows.
public enum TraversalDirection: String, Sendable {
    /// Along the arcs: what the source reaches.
    case outgoing
    /// Against the arcs: what reaches the source.
    case incoming
}

/// Shortest distances from (or, for `.incoming`, to) one vertex, with a parent arc per
/// reached vertex to rebuild one shortest path.
public struct ShortestPathTree: Sendable {
    public let graph: Digraph
    public let source: Digraph.Vertex
    public let direction: TraversalDirection
    /// Distance per vertex; `.infinity` when not reached.
    public let distances: [Double]
    /// Per vertex, the arc that reached it in the tree, or -1. For `.incoming` the arc
    /// leaves the vertex toward the source.
    let parentArcs: [Int32]
    /// Reached vertices in order of settling (non-decreasing distance).
    public let order: [Digraph.Vertex]

    /// The distance to `v`, or nil when `v` is not reached.
    public func distance(to v: Digraph.Vertex) -> Double? {
        let d = distances[Int(v)]
        return d.isFinite ? d : nil
    }

    public func isReached(_ v: Digraph.Vertex) -> Bool { distances[Int(v)].isFinite }

    /// One shortest path between the source and `v`: source → v for `.outgoing`,
    /// v → source for `.incoming`.
    /// - Throws: `AlgorithmError.noPath` when `v` is not reached; `vertexNotFound` for a bad id.
    public func path(to v: Digraph.Vertex) throws -> Path {
        try graph.check(v)
        guard distances[Int(v)].isFinite else {
            throw direction == .outgoing
                ? AlgorithmError.noPath(from: graph.label(of: source), to: graph.label(of: v))
                : AlgorithmError.noPath(from: graph.label(of: v), to: graph.label(of: source))
        }
        var arcs: [Int] = []
        var x = v
        switch direction {
        case .outgoing:
            while x != source {
                let a = Int(parentArcs[Int(x)])
                arcs.append(a)
                x = graph.source(ofArc: a)
            }
            arcs.reverse()
            return Path(graph: graph, start: source, arcs: arcs)
        case .incoming:
            while x != source {
                let a = Int(parentArcs[Int(x)])
                arcs.append(a)
                x = graph.targets[a]
            }
            return Path(graph: graph, start: v, arcs: arcs)
        }
    }
}
