import Foundation

/// A graph stored for algorithms: compressed sparse rows with `Int32` vertex ids.
///
/// Built once, then read-only. Vertex `v`'s out-arcs are `offsets[v] ..< offsets[v + 1]`
/// in `targets` (and `arcWeights`, `arcEdges`). A directed graph also keeps the reverse
/// (in-arc) rows. An undirected graph stores each edge as two arcs, one from each end
/// (a self-loop as one arc), so its in-arcs are its out-arcs.
///
/// Each arc belongs to an *edge*, numbered in input order; each edge may record the
/// relation of the case file it came from, so that a path can say which relation, kind
/// and evidence it used.
///
/// - Complexity: O(V + E) memory: per vertex an `Int` offset (two when directed) and a
///   label; per arc an `Int32` target and edge id (and a `Double` weight when weighted).
public struct Digraph: Sendable {
    /// A vertex id: an index in `0 ..< vertexCount`.
    public typealias Vertex = Int32

    /// Where the arc weights come from.
    public enum Weighting: String, Sendable, Equatable {
        /// Every arc weighs 1; `arcWeights` is nil.
        case unit
        /// Weights given by the input (an edge list's third column, a relation's `weight`).
        case given
        /// `-ln(confidence)`: the lightest path is the most reliable one.
        case reliability
    }

    /// The days on which an edge holds, as `yyyymmdd` integers, both ends included.
    public struct Validity: Hashable, Sendable {
        public var earliest: Int
        public var latest: Int
        public init(earliest: Int = Int.min, latest: Int = Int.max) {
            self.earliest = earliest
            self.latest = latest
        }
        /// Open at both ends.
        public static let always = Validity()
        /// Whether the edge holds on some day of `earliest ... latest`.
        public func overlaps(_ earliest: Int, _ latest: Int) -> Bool {
            self.earliest <= latest && self.latest >= earliest
        }
    }

    /// One edge as given to `init(labels:edges:directed:weighting:)`.
    public struct EdgeSpec: Hashable, Sendable {
        public var source: Vertex
        public var target: Vertex
        public var weight: Double
        /// The index of the relation (or input line) it came from, if any.
        public var relation: Int?
        /// True when the edge runs target → source of its relation (a symmetric kind's
        /// second direction, or a kind projected against its direction).
        public var againstRelation: Bool
        public var validity: Validity
        public init(
            source: Vertex, target: Vertex, weight: Double = 1, relation: Int? = nil,
            againstRelation: Bool = false, validity: Validity = .always
        ) {
            self.source = source
            self.target = target
            self.weight = weight
            self.relation = relation
            self.againstRelation = againstRelation
            self.validity = validity
        }
    }

    // MARK: Storage

    /// True when arcs go one way; false when every edge is traversable both ways.
    public let isDirected: Bool
    /// What the weights mean.
    public let weighting: Weighting
    /// The label of each vertex (an entity id, or an edge-list token), stored compactly.
    public let labels: VertexLabels

    // The CSR storage is internal: other modules read it through `arcs(from:)`,
    // `target(ofArc:)`, `source(ofEdge:)` and the other accessors, which keep its invariants.

    /// Row offsets of the out-arcs, `vertexCount + 1` entries.
    let offsets: [Int]
    /// The head of each arc.
    let targets: [Vertex]
    /// The weight of each arc; nil when the graph is unweighted (every weight 1).
    let arcWeights: [Double]?
    /// The edge each arc belongs to.
    let arcEdges: [Int32]

    /// Row offsets of the in-arcs (equal to `offsets` when undirected).
    let inOffsets: [Int]
    /// The tail of each in-arc (equal to `targets` when undirected).
    let inSources: [Vertex]
    /// For a directed graph, the out-arc index of each in-arc (its weight is that arc's);
    /// empty when undirected.
    let inArcs: [Int32]

    /// Per edge, in input order, its arc out of its tail: the edge's head and weight are that
    /// arc's, so the edges cost 4 bytes each beyond the arcs.
    let edgeArcs: [Int32]
    let edgeRelations: [Int32]?
    let edgeAgainst: [Bool]?
    let edgeValidity: [Validity]?

    // MARK: Building

    /// Builds a graph from labelled vertices and edges.
    /// - Parameters:
    ///   - labels: One label per vertex; they must be distinct.
    ///   - edges: The edges; endpoints must be in `0 ..< labels.count`.
    ///   - directed: Whether edges go one way.
    ///   - weighting: `.unit` ignores the edges' weights.
    /// - Throws: `AlgorithmError.invalidArgument` for a duplicate label or an endpoint out
    ///   of range; `.invalidWeight` for a NaN weight, or weights whose sums can overflow
    ///   (`checkWeightSums`).
    /// - Complexity: O(V + E).
    public init(labels: [String], edges: [EdgeSpec], directed: Bool, weighting: Weighting = .unit) throws {
        let labels = try VertexLabels(distinct: labels)
        let n = labels.count
        var sources: [Vertex] = []
        var targets: [Vertex] = []
        sources.reserveCapacity(edges.count)
        targets.reserveCapacity(edges.count)
        let weighted = weighting != .unit
        var weights: [Double]? = weighted ? [] : nil
        var relations: [Int32]? = edges.contains { $0.relation != nil } ? [] : nil
        var against: [Bool]? = edges.contains { $0.againstRelation } ? [] : nil
        var validity: [Validity]? = edges.contains { $0.validity != .always } ? [] : nil
        for e in edges {
            guard e.source >= 0, Int(e.source) < n, e.target >= 0, Int(e.target) < n else {
                throw AlgorithmError.invalidArgument(
                    "the edge \(e.source) -> \(e.target) names a vertex outside 0..<\(n)")
            }
            if weighted && e.weight.isNaN {
                throw AlgorithmError.invalidWeight(
                    from: labels[Int(e.source)], to: labels[Int(e.target)], weight: e.weight,
                    requirement: "a number")
            }
            sources.append(e.source)
            targets.append(e.target)
            weights?.append(e.weight)
            relations?.append(Int32(e.relation ?? -1))
            against?.append(e.againstRelation)
            validity?.append(e.validity)
        }
        if let weights {
            try Self.checkWeightSums(labels: labels, sources: sources, targets: targets, weights: weights)
        }
        self.init(
            labels: labels, directed: directed, weighting: weighting,
            edgeSources: sources, edgeTargets: targets, edgeWeights: weights,
            edgeRelations: relations, edgeAgainst: against, edgeValidity: validity)
    }

    /// Refuses weights whose sums can overflow: two weights of 1e308 add up to infinity,
    /// which Dijkstra reads as "no path", betweenness as 0 and closeness as unreachable.
    ///
    /// Every sum an algorithm forms (a path's length, a vertex's sum of distances, a weighted
    /// degree) is at most the sum S of all |weights| times the vertex count V, so S · V must be
    /// finite. Infinite and NaN weights are left to each algorithm's own check.
    /// - Throws: `invalidWeight` naming the heaviest edge and the largest total allowed.
    /// - Complexity: O(E).
    static func checkWeightSums(labels: VertexLabels, sources: [Vertex], targets: [Vertex], weights: [Double]) throws {
        var total = 0.0, heaviest = -1
        for (e, w) in weights.enumerated() where w.isFinite {
            total += abs(w)
            if heaviest < 0 || abs(w) > abs(weights[heaviest]) { heaviest = e }
        }
        let vertices = Double(Swift.max(labels.count, 1))
        guard heaviest >= 0, !(total * vertices).isFinite else { return }
        let allowed = Double.greatestFiniteMagnitude / vertices
        throw AlgorithmError.invalidWeight(
            from: labels[Int(sources[heaviest])], to: labels[Int(targets[heaviest])], weight: weights[heaviest],
            requirement: "weights adding up to at most \(allowed) in all (the largest double divided by the "
                + "\(labels.count) vertices), so that sums along paths cannot overflow to infinity")
    }

    /// The CSR builder every public initializer ends in. Stable: a vertex's arcs are in
    /// edge order. The edge arrays are consumed: they are freed as soon as the out-arcs are
    /// built, before the in-arcs, so that the peak memory is the graph's plus one copy of
    /// the edge endpoints.
    init(
        labels: VertexLabels, directed: Bool, weighting: Weighting,
        edgeSources: consuming [Vertex], edgeTargets: consuming [Vertex], edgeWeights: consuming [Double]?,
        edgeRelations: [Int32]?, edgeAgainst: [Bool]?, edgeValidity: [Validity]?
    ) {
        let n = labels.count
        let m = edgeSources.count
        self.labels = labels
        self.isDirected = directed
        self.weighting = edgeWeights == nil ? .unit : weighting
        self.edgeRelations = edgeRelations
        self.edgeAgainst = edgeAgainst
        self.edgeValidity = edgeValidity

        var offsets = [Int](repeating: 0, count: n + 1)
        var targets: [Vertex] = []
        var arcEdges: [Int32] = []
        var edgeArcs = [Int32](repeating: 0, count: m)
        do {
            let sources = consume edgeSources
            let heads = consume edgeTargets
            for e in 0..<m {
                let u = Int(sources[e]), v = Int(heads[e])
                offsets[u + 1] += 1
                if !directed && u != v { offsets[v + 1] += 1 }
            }
            for v in 0..<n { offsets[v + 1] += offsets[v] }
            let arcCount = offsets[n]
            targets = [Vertex](repeating: 0, count: arcCount)
            arcEdges = [Int32](repeating: 0, count: arcCount)
            var next = Array(offsets[0..<n])
            for e in 0..<m {
                let u = Int(sources[e]), v = Int(heads[e])
                let a = next[u]
                next[u] += 1
                targets[a] = Vertex(v)
                arcEdges[a] = Int32(e)
                edgeArcs[e] = Int32(a)
                if !directed && u != v {
                    let b = next[v]
                    next[v] += 1
                    targets[b] = Vertex(u)
                    arcEdges[b] = Int32(e)
                }
            }
        }
        var weights: [Double]?
        if let edgeWeights = consume edgeWeights {
            var w = [Double](repeating: 0, count: targets.count)
            for a in 0..<targets.count { w[a] = edgeWeights[Int(arcEdges[a])] }
            weights = w
        }
        self.offsets = offsets
        self.targets = targets
        self.arcWeights = weights
        self.arcEdges = arcEdges
        self.edgeArcs = edgeArcs

        if directed {
            let arcCount = targets.count
            var inOffsets = [Int](repeating: 0, count: n + 1)
            for t in targets { inOffsets[Int(t) + 1] += 1 }
            for v in 0..<n { inOffsets[v + 1] += inOffsets[v] }
            var inSources = [Vertex](repeating: 0, count: arcCount)
            var inArcs = [Int32](repeating: 0, count: arcCount)
            var pos = Array(inOffsets[0..<n])
            for u in 0..<n {
                for a in offsets[u]..<offsets[u + 1] {
                    let v = Int(targets[a])
                    let b = pos[v]
                    pos[v] += 1
                    inSources[b] = Vertex(u)
                    inArcs[b] = Int32(a)
                }
            }
            self.inOffsets = inOffsets
            self.inSources = inSources
            self.inArcs = inArcs
        } else {
            self.inOffsets = offsets
            self.inSources = targets
            self.inArcs = []
        }
    }

    /// The weight of every in-arc, in `inSources` order (the out-arcs' own array when
    /// undirected); nil when unweighted. O(E) time and 8 bytes per arc for a directed graph:
    /// for the algorithms that scan in-arcs many times (closeness, eigenvector).
    func inArcWeights() -> [Double]? {
        guard let w = arcWeights else { return nil }
        guard isDirected else { return w }
        return inArcs.map { w[Int($0)] }
    }

    /// Tail, head and weight of every edge in input order. O(V + E).
    func edgeArrays() -> (sources: [Vertex], targets: [Vertex], weights: [Double]?) {
        let m = edgeCount
        var sources = [Vertex](repeating: 0, count: m)
        var heads = [Vertex](repeating: 0, count: m)
        for v in 0..<vertexCount {
            for a in offsets[v]..<offsets[v + 1] {
                let e = Int(arcEdges[a])
                if Int(edgeArcs[e]) == a {
                    sources[e] = Vertex(v)
                    heads[e] = targets[a]
                }
            }
        }
        let weights = arcWeights.map { w in edgeArcs.map { w[Int($0)] } }
        return (sources, heads, weights)
    }

    // MARK: Reading

    public var vertexCount: Int { labels.count }
    /// The number of edges (an undirected edge counts once).
    public var edgeCount: Int { edgeArcs.count }
    /// The number of arcs (an undirected edge counts twice, a self-loop once).
    public var arcCount: Int { targets.count }
    public var isWeighted: Bool { arcWeights != nil }
    /// Every vertex id.
    public var vertices: Range<Vertex> { 0..<Vertex(labels.count) }

    /// The label of a vertex.
    public func label(of v: Vertex) -> String { labels[Int(v)] }

    /// The vertex with this label.
    /// - Throws: `AlgorithmError.vertexNotFound`.
    /// - Complexity: O(1) expected.
    public func vertex(labeled label: String) throws -> Vertex {
        guard let v = labels.vertex(labeled: label) else { throw AlgorithmError.vertexNotFound(label) }
        return v
    }

    /// The vertex with this label, or nil.
    public func vertexIfPresent(labeled label: String) -> Vertex? { labels.vertex(labeled: label) }

    /// Throws `vertexNotFound` unless `v` is a vertex id of this graph.
    public func check(_ v: Vertex) throws {
        guard v >= 0, Int(v) < labels.count else { throw AlgorithmError.vertexNotFound("#\(v)") }
    }

    /// The out-arcs of `v`, as indices into `targets`, `arcWeights` and `arcEdges`.
    public func arcs(from v: Vertex) -> Range<Int> { offsets[Int(v)]..<offsets[Int(v) + 1] }
    public func outDegree(of v: Vertex) -> Int { offsets[Int(v) + 1] - offsets[Int(v)] }
    public func inDegree(of v: Vertex) -> Int { inOffsets[Int(v) + 1] - inOffsets[Int(v)] }
    /// The heads of `v`'s out-arcs, in arc order (repeated for parallel arcs).
    public func successors(of v: Vertex) -> ArraySlice<Vertex> { targets[arcs(from: v)] }
    /// The tails of `v`'s in-arcs (its neighbours when undirected).
    public func predecessors(of v: Vertex) -> ArraySlice<Vertex> {
        inSources[inOffsets[Int(v)]..<inOffsets[Int(v) + 1]]
    }
    /// The out-arc index of the `i`-th in-arc (an index into `inSources`). For an undirected
    /// graph this is the arc from `v` back to the neighbour, which has the same edge and weight.
    public func forwardArc(ofInArc i: Int) -> Int { isDirected ? Int(inArcs[i]) : i }

    public func target(ofArc a: Int) -> Vertex { targets[a] }
    public func weight(ofArc a: Int) -> Double { arcWeights?[a] ?? 1 }
    public func edge(ofArc a: Int) -> Int { Int(arcEdges[a]) }
    /// The tail of an arc. O(log V).
    public func source(ofArc a: Int) -> Vertex {
        var lo = 0, hi = labels.count  // largest v with offsets[v] <= a
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if offsets[mid] <= a { lo = mid } else { hi = mid }
        }
        return Vertex(lo)
    }

    /// The tail of an edge (for an undirected edge, its first end). O(log V).
    public func source(ofEdge e: Int) -> Vertex { source(ofArc: Int(edgeArcs[e])) }
    public func target(ofEdge e: Int) -> Vertex { targets[Int(edgeArcs[e])] }
    public func weight(ofEdge e: Int) -> Double { arcWeights?[Int(edgeArcs[e])] ?? 1 }
    /// The relation (or edge-list edge) the edge came from; for an edge list, its index.
    public func relation(ofEdge e: Int) -> Int? {
        guard let r = edgeRelations else { return e }
        return r[e] < 0 ? nil : Int(r[e])
    }
    /// True when the edge runs against its relation's direction.
    public func isAgainstRelation(edge e: Int) -> Bool { edgeAgainst?[e] ?? false }
    /// The days on which the edge holds.
    public func validity(ofEdge e: Int) -> Validity { edgeValidity?[e] ?? .always }
    /// True when some edge has a validity interval other than `.always`.
    public var hasValidity: Bool { edgeValidity != nil }

    /// The first arc from `u` to `v` of least weight, or nil.
    public func arc(from u: Vertex, to v: Vertex) -> Int? {
        var best: Int?
        for a in arcs(from: u) where targets[a] == v {
            if best == nil || weight(ofArc: a) < weight(ofArc: best!) { best = a }
        }
        return best
    }

    /// The edges as specs (for copying a graph with changes).
    public var edgeSpecs: [EdgeSpec] {
        let (sources, heads, _) = edgeArrays()
        return (0..<edgeCount).map { e in
            EdgeSpec(
                source: sources[e], target: heads[e], weight: weight(ofEdge: e),
                relation: relation(ofEdge: e), againstRelation: isAgainstRelation(edge: e),
                validity: validity(ofEdge: e))
        }
    }

    /// Checks every weight against `requirement`, throwing `invalidWeight` for the first
    /// edge that fails.
    func validateWeights(positive: Bool) throws {
        guard let w = arcWeights else { return }
        for e in 0..<edgeCount {
            let x = w[Int(edgeArcs[e])]
            if !x.isFinite || x < 0 || (positive && x == 0) {
                throw AlgorithmError.invalidWeight(
                    from: labels[Int(source(ofEdge: e))], to: labels[Int(target(ofEdge: e))], weight: x,
                    requirement: positive ? "a finite weight > 0" : "a finite weight >= 0")
            }
        }
    }

    /// A copy with every weight `p` replaced by `-ln p`, so that the lightest path is the
    /// most probable one (weights read as probabilities or confidences).
    /// - Throws: `invalidWeight` for a weight outside (0, 1].
    /// - Complexity: O(V + E).
    public func withReliabilityWeights() throws -> Digraph {
        let (sources, heads, given) = edgeArrays()
        let w = given ?? [Double](repeating: 1, count: edgeCount)
        var out = [Double](repeating: 0, count: w.count)
        for e in 0..<w.count {
            guard w[e] > 0, w[e] <= 1 else {
                throw AlgorithmError.invalidWeight(
                    from: labels[Int(sources[e])], to: labels[Int(heads[e])], weight: w[e],
                    requirement: "a confidence in (0, 1]")
            }
            out[e] = -Foundation.log(w[e])
        }
        return Digraph(
            labels: labels, directed: isDirected, weighting: .reliability,
            edgeSources: sources, edgeTargets: heads, edgeWeights: out,
            edgeRelations: edgeRelations, edgeAgainst: edgeAgainst, edgeValidity: edgeValidity)
    }

    /// The same graph with every edge undirected (directed graphs only change).
    /// - Complexity: O(V + E).
    public func undirected() -> Digraph {
        guard isDirected else { return self }
        let (sources, heads, weights) = edgeArrays()
        return Digraph(
            labels: labels, directed: false, weighting: weighting,
            edgeSources: sources, edgeTargets: heads, edgeWeights: weights,
            edgeRelations: edgeRelations, edgeAgainst: edgeAgainst, edgeValidity: edgeValidity)
    }

    /// The same graph without weights.
    public func unweighted() -> Digraph {
        guard isWeighted else { return self }
        let (sources, heads, _) = edgeArrays()
        return Digraph(
            labels: labels, directed: isDirected, weighting: .unit,
            edgeSources: sources, edgeTargets: heads, edgeWeights: nil,
            edgeRelations: edgeRelations, edgeAgainst: edgeAgainst, edgeValidity: edgeValidity)
    }
}
