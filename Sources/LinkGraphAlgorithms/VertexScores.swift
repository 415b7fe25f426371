/// One score per vertex, indexed by vertex id: the result of a centrality measure.
public struct VertexScores: Equatable, Sendable {
    /// The scores, `values[v]` for vertex `v`.
    public let values: [Double]
    /// Power iterations used (PageRank, eigenvector, Katz); nil for exact measures.
    public let iterations: Int?

    public init(_ values: [Double], iterations: Int? = nil) {
        self.values = values
        self.iterations = iterations
    }

    public subscript(v: Digraph.Vertex) -> Double { values[Int(v)] }
    public var count: Int { values.count }

    /// The vertices from highest to lowest score, ties by vertex id.
    public func ranking() -> [Digraph.Vertex] {
        values.indices.sorted { values[$0] > values[$1] || (values[$0] == values[$1] && $0 < $1) }
            .map { Digraph.Vertex($0) }
    }

    /// The `k` highest-scoring vertices with their scores.
    public func top(_ k: Int) -> [(vertex: Digraph.Vertex, score: Double)] {
        ranking().prefix(Swift.max(0, k)).map { ($0, values[Int($0)]) }
    }

    /// Scores keyed by vertex label (for JSON output).
    public func byLabel(in graph: Digraph) -> [String: Double] {
        var out: [String: Double] = [:]
        for (i, x) in values.enumerated() { out[graph.labels[i]] = x }
        return out
    }
}

/// One score per edge, indexed by edge id.
public struct EdgeScores: Equatable, Sendable {
    public let values: [Double]
    public init(_ values: [Double]) { self.values = values }
    public subscript(edge: Int) -> Double { values[edge] }
    public var count: Int { values.count }

    /// The edges from highest to lowest score, ties by edge id.
    public func ranking() -> [Int] {
        values.indices.sorted { values[$0] > values[$1] || (values[$0] == values[$1] && $0 < $1) }
    }
}
