/// A vertex centrality chosen by name, as `linkgraph centrality --measure` and
/// `render --size-by` choose it; one place computes every measure with its parameters.
public enum CentralityMeasure: String, CaseIterable, Sendable {
    case degree, closeness, harmonic, betweenness, pagerank, eigenvector, katz

    /// What some measures take; each default is NetworkX's.
    public struct Parameters: Equatable, Sendable {
        /// Degree: in-arcs, out-arcs or both.
        public var degreeMode: DegreeMode
        /// Katz's attenuation factor (below 1/λmax of the adjacency matrix).
        public var alpha: Double
        /// Katz's weight of every vertex's own term.
        public var beta: Double
        /// PageRank's damping factor.
        public var damping: Double
        /// Use arc weights (as distances for closeness, harmonic and betweenness; as strengths
        /// for PageRank, eigenvector and Katz); nil: when the graph carries weights.
        public var weighted: Bool?
        /// Worker threads for closeness, harmonic and betweenness (nil: all cores).
        public var threads: Int?

        public init(
            degreeMode: DegreeMode = .total, alpha: Double = 0.1, beta: Double = 1, damping: Double = 0.85,
            weighted: Bool? = nil, threads: Int? = nil
        ) {
            self.degreeMode = degreeMode
            self.alpha = alpha
            self.beta = beta
            self.damping = damping
            self.weighted = weighted
            self.threads = threads
        }
    }

    /// The measure's score of every vertex of `graph`; `progress` hears from closeness,
    /// harmonic and betweenness (sources done) and PageRank (iterations and residual).
    /// - Throws: Whatever the measure throws (`invalidWeight`, `failedToConverge`, ...).
    /// - Complexity: That of the measure: O(V) for degree, O(V·E) (weighted O(V·E + V² log V))
    ///   for closeness, harmonic and betweenness, O(E) per iteration for the spectral ones.
    public func scores(
        on graph: Digraph, _ parameters: Parameters = Parameters(), progress: AlgorithmProgress.Handler? = nil
    ) throws -> VertexScores {
        let weighted = parameters.weighted ?? graph.isWeighted
        let threads = parameters.threads
        switch self {
        case .degree: return graph.degreeCentrality(parameters.degreeMode)
        case .closeness: return try graph.closeness(weighted: weighted, threads: threads, progress: progress)
        case .harmonic: return try graph.harmonic(weighted: weighted, threads: threads, progress: progress)
        case .betweenness: return try graph.betweenness(weighted: weighted, threads: threads, progress: progress)
        case .pagerank: return try graph.pageRank(damping: parameters.damping, weighted: weighted, progress: progress)
        case .eigenvector: return try graph.eigenvectorCentrality(weighted: weighted)
        case .katz:
            return try graph.katzCentrality(alpha: parameters.alpha, beta: parameters.beta, weighted: weighted)
        }
    }
}
