import ArgumentParser
import LinkGraph
import LinkGraphAlgorithms

extension LinkGraphCommand {
    struct Centrality: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Who sits at the centre: degree, closeness, harmonic, betweenness, PageRank, eigenvector or Katz.",
            discussion: """
                Values match NetworkX's definitions (normalised as NetworkX does; closeness with the \
                Wasserman–Faust rule for disconnected graphs). Weighted measures use the --weight \
                projection. --json prints {"measure": NAME, "values": {ID: NUMBER, ...}} for every vertex. \
                Closeness on hop counts finds the --top K without searching from every vertex (Bergamini \
                et al.'s pruning; the same K, scores and tie order as the full measure). --approximate \
                estimates betweenness by sampling shortest paths: every value within --epsilon of the \
                exact one with probability at least 1 - --delta (Riondato–Kornaropoulos), the same \
                --seed giving the same values.
                """
        )

        @Argument(help: "The case file (JSON) or an edge list.")
        var input: String
        @Option(help: "The measure: \(CentralityMeasure.allCases.map(\.rawValue).joined(separator: ", ")).")
        var measure: CentralityMeasure = .betweenness
        @Option(help: "Degree direction: in, out or total.")
        var mode: DegreeModeArgument = .total
        @Option(help: "Katz's attenuation factor; must be below 1/λmax of the adjacency matrix.")
        var alpha: Double = 0.1
        @Option(help: "Katz's weight of every vertex's own term.")
        var beta: Double = 1
        @Option(help: "PageRank's damping factor.")
        var damping: Double = 0.85
        @Option(help: "How many of the highest to print (text output).")
        var top: Int = 10
        @Option(help: "Only these relation kinds, comma-separated.")
        var via: RelationKindList?
        @Flag(help: "Print JSON for every vertex.")
        var json = false
        @OptionGroup var analysis: AnalysisOptions
        @OptionGroup var approximation: ApproximationOptions
        @OptionGroup var progress: ProgressOptions

        func validate() throws {
            if top < 1 { throw ValidationError("--top must be at least 1") }
            try approximation.validate(measure: measure)
        }

        func run() throws {
            let input = try AnalysisInput.load(self.input, options: analysis, kinds: via?.kinds)
            let graph = input.graph
            let parameters = CentralityMeasure.Parameters(
                degreeMode: mode.mode, alpha: alpha, beta: beta, damping: damping)
            if approximation.approximate {
                try approximation.run(on: input, top: top, json: json, progress: progress)
                return
            }
            if measure == .closeness, !json, !graph.isWeighted {
                try ApproximationOptions.printTopCloseness(of: input, top: top, progress: progress)
                return
            }
            let meter = MeasureProgress(measure, vertices: graph.vertexCount, enabled: progress.enabled)
            defer { meter.finish() }
            let scores = try measure.scores(on: graph, parameters, progress: meter.handler)
            meter.finish()  // erase the line before the results are printed
            if json {
                try Console.json(scores.json(measure: measure.rawValue, in: graph))
                return
            }
            try Console.line("\(measure.rawValue) (top \(min(top, graph.vertexCount)) of \(graph.vertexCount)):")
            for (rank, entry) in scores.top(top).enumerated() {
                try Console.line("  \(rank + 1). \(PathReport.format(entry.score))  \(input.name(of: entry.vertex))")
            }
        }
    }
}

/// `--mode in|out|total` for degree centrality.
enum DegreeModeArgument: String, ExpressibleByArgument, CaseIterable {
    case `in`, out, total

    var mode: DegreeMode {
        switch self {
        case .in: return .in
        case .out: return .out
        case .total: return .total
        }
    }
}
