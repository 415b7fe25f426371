/// How far a long-running algorithm has come, reported through an optional handler so that
/// the library stays free of display policy (the command line draws it with `ProgressMeter`).
///
/// Betweenness and closeness report source vertices done out of all; PageRank reports the
/// iteration out of the budget, with the L1 change of that step as `residual`.
public struct AlgorithmProgress: Sendable, Equatable {
    /// Called on the thread that called the algorithm, after each batch of work (a chunk of
    /// sources, one iteration): cheap to call, never per vertex or arc.
    public typealias Handler = (AlgorithmProgress) -> Void

    /// Units done so far (sources, iterations).
    public var done: Int
    /// Units in all, or the iteration budget.
    public var total: Int
    /// For iterative methods, the change of the last step (convergence when small).
    public var residual: Double?

    public init(done: Int, total: Int, residual: Double? = nil) {
        self.done = done
        self.total = total
        self.residual = residual
    }
}
