/// Every vertex centrality by name, for a command-line `--measure` option.
public enum CentralityMeasure: String, CaseIterable, Sendable {
    case degree, inDegree = "in-degree", outDegree = "out-degree"
    case closeness, harmonic, betweenness, pagerank, eigenvector, katz

    /// Computes the measure with NetworkX's defaults, except `weighted`.
    /// - Parameters:
    ///   - weighted: Use arc weights (as distances for closeness, harmonic and betweenness;
    ///     as strengths for PageRank, eigenvector and Katz). Ignored by degree.
    ///   - threads: Worker threads for closeness, harmonic and betweenness (nil: all cores).
    /// - Throws: Whatever the measure throws (`invalidWeight`, `failedToConverge`, ...).
    public func compute(on graph: Digraph, weighted: Bool = false, threads: Int? = nil) throws -> VertexScores {
        switch self {
        case .degree: return graph.degreeCentrality(.total)
        case .inDegree: return graph.degreeCentrality(.in)
        case .outDegree: return graph.degreeCentrality(.out)
        case .closeness: return try graph.closeness(weighted: weighted, threads: threads)
        case .harmonic: return try graph.harmonic(weighted: weighted, threads: threads)
        case .betweenness: return try graph.betweenness(weighted: weighted, threads: threads)
        case .pagerank: return try graph.pageRank(weighted: weighted)
        case .eigenvector: return try graph.eigenvectorCentrality(weighted: weighted)
        case .katz: return try graph.katzCentrality(weighted: weighted)
        }
    }
}
