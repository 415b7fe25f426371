import ArgumentParser
import LinkGraphAlgorithms

/// A centrality measure by name, computed the same way by `centrality` and `render --size-by`.
enum CentralityMeasure: String, ExpressibleByArgument, CaseIterable {
    case degree, closeness, harmonic, betweenness, pagerank, eigenvector, katz

    /// Parameters some measures take.
    struct Parameters {
        var degreeMode: DegreeMode = .total
        var alpha = 0.1
        var beta = 1.0
        var damping = 0.85
    }

    /// The measure on `graph`, weighted when the graph carries weights.
    func scores(on graph: Digraph, _ parameters: Parameters = Parameters()) throws -> VertexScores {
        let weighted = graph.isWeighted
        switch self {
        case .degree: return graph.degreeCentrality(parameters.degreeMode)
        case .closeness: return try graph.closeness(weighted: weighted)
        case .harmonic: return try graph.harmonic(weighted: weighted)
        case .betweenness: return try graph.betweenness(weighted: weighted)
        case .pagerank: return try graph.pageRank(damping: parameters.damping, weighted: weighted)
        case .eigenvector: return try graph.eigenvectorCentrality(weighted: weighted)
        case .katz: return try graph.katzCentrality(alpha: parameters.alpha, beta: parameters.beta, weighted: weighted)
        }
    }
}
