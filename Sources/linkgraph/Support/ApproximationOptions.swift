import ArgumentParser
import LinkGraph
import LinkGraphAlgorithms

/// `--approximate --epsilon E --delta D --seed S` for `centrality`: sampled betweenness with
/// its guarantee, and the pruned top-k closeness the text output uses.
struct ApproximationOptions: ParsableArguments {
    @Flag(help: "Estimate betweenness by sampling shortest paths, with the --epsilon/--delta guarantee.")
    var approximate = false
    @Option(help: "With --approximate: the largest error of every value, in (0, 1) (default 0.01).")
    var epsilon: Double?
    @Option(help: "With --approximate: the probability that some value misses by more, in (0, 1) (default 0.1).")
    var delta: Double?
    @Option(help: "With --approximate: the sampling seed; the same seed gives the same values.")
    var seed: UInt64?

    func validate(measure: CentralityMeasure) throws {
        guard approximate else {
            if epsilon != nil || delta != nil || seed != nil {
                throw ValidationError("--epsilon, --delta and --seed go with --approximate")
            }
            return
        }
        if measure != .betweenness {
            throw ValidationError("--approximate estimates betweenness only (give --measure betweenness)")
        }
        if let epsilon, !(epsilon > 0 && epsilon < 1) {
            throw ValidationError("--epsilon must be greater than 0 and less than 1, got \(epsilon)")
        }
        if let delta, !(delta > 0 && delta < 1) {
            throw ValidationError("--delta must be greater than 0 and less than 1, got \(delta)")
        }
    }

    /// Samples, then prints the top values (or JSON for every vertex) with the guarantee.
    func run(on input: AnalysisInput, top: Int, json: Bool, progress: ProgressOptions) throws {
        let graph = input.graph
        if graph.isWeighted {
            throw ValidationError(
                "--approximate samples shortest paths by hop count; project with --weight unit (the default)")
        }
        let plan = try graph.betweennessSamplePlan(epsilon: epsilon ?? 0.01, delta: delta ?? 0.1)
        let meter = progress.meter("betweenness", total: plan.samples, unit: "samples")
        let result = try graph.approximateBetweenness(plan, seed: seed ?? 0) { meter.advance(by: $0) }
        meter.finish()
        if json {
            guard case .object(var object) = result.scores.json(measure: "betweenness", in: graph) else { return }
            object["approximate"] = [
                "epsilon": .num(result.epsilon), "delta": .num(result.delta),
                "seed": Int(exactly: result.seed).map { .num($0) } ?? .string(String(result.seed)),
                "samples": .num(result.samples), "vertexDiameterBound": .num(result.vertexDiameterBound),
                "guarantee": .string(result.guarantee),
            ]
            try Console.json(.object(object))
            return
        }
        try Console.line("betweenness, approximate (top \(min(top, graph.vertexCount)) of \(graph.vertexCount)):")
        for (rank, entry) in result.scores.top(top).enumerated() {
            try Console.line("  \(rank + 1). \(PathReport.format(entry.score))  \(input.name(of: entry.vertex))")
        }
        try Console.line("guarantee: \(result.guarantee)")
    }

    /// Prints the exact top `top` closeness values found with Bergamini et al.'s pruning.
    static func printTopCloseness(of input: AnalysisInput, top: Int, progress: ProgressOptions) throws {
        let graph = input.graph
        let meter = progress.meter("closeness", total: graph.vertexCount, unit: "vertices")
        let best = try graph.topCloseness(top) { meter.advance(by: $0) }
        meter.finish()
        try Console.line("closeness (top \(min(top, graph.vertexCount)) of \(graph.vertexCount)):")
        for (rank, entry) in best.enumerated() {
            try Console.line("  \(rank + 1). \(PathReport.format(entry.score))  \(input.name(of: entry.vertex))")
        }
    }
}
