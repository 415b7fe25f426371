import ArgumentParser
import LinkGraph
import LinkGraphAlgorithms

extension LinkGraphCommand {
    struct KeyPlayersCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "keyplayers",
            abstract: "The N entities whose removal fragments the network most, or who reach the most others.",
            discussion: """
                Borgatti's key-player problems on the network with direction ignored: --objective \
                fragmentation (KPP-Neg, the share of pairs left unable to reach each other) or reach \
                (KPP-Pos, the share of the others within --distance hops of the set). A greedy start is \
                improved by swaps until no single swap helps; the same --seed gives the same set. The \
                top N by betweenness are scored too, for comparison.
                """
        )

        enum Objective: String, ExpressibleByArgument, CaseIterable { case fragmentation, reach }

        @Argument(help: "The case file (JSON) or an edge list.")
        var input: String
        @Option(help: "How many key players.")
        var k: Int
        @Option(help: "fragmentation or reach.")
        var objective: Objective = .fragmentation
        @Option(help: "For reach: the largest number of hops that counts as reached.")
        var distance: Int = 1
        @Option(help: "The tie-breaking seed; the same seed gives the same set.")
        var seed: UInt64 = 0
        @Option(help: "Only these relation kinds, comma-separated.")
        var via: RelationKindList?
        @Flag(
            help: """
                Print JSON: {"objective", "members", "value", "swaps", "betweenness": {"members", "value"}}.
                """)
        var json = false
        @OptionGroup var analysis: AnalysisOptions

        func validate() throws {
            if k < 1 { throw ValidationError("--k must be at least 1") }
            if distance < 1 { throw ValidationError("--distance must be at least 1") }
        }

        func run() throws {
            let input = try AnalysisInput.load(self.input, options: analysis, kinds: via?.kinds)
            let graph = input.graph
            guard k <= graph.vertexCount - 2 else {
                let n = graph.vertexCount
                throw ValidationError("--k \(k) is too large: the network has \(n) entities (at most \(n - 2))")
            }
            let goal: KeyPlayerObjective = objective == .fragmentation ? .fragmentation : .reach(distance: distance)
            let found = try graph.keyPlayers(k: k, objective: goal, seed: seed)
            let top = try graph.undirected().betweenness().top(k).map(\.vertex).sorted()
            let topValue = try graph.keyPlayerValue(of: top, objective: goal)
            if json {
                try Console.json([
                    "objective": .string(objective.rawValue),
                    "distance": objective == .reach ? .number(JSONNumber(distance)) : .null,
                    "members": .array(found.members.map { .string(graph.label(of: $0)) }),
                    "value": .num(found.value), "swaps": .number(JSONNumber(found.swaps)),
                    "betweenness": [
                        "members": .array(top.map { .string(graph.label(of: $0)) }),
                        "value": .num(topValue),
                    ],
                ])
                return
            }
            let hops = "\(distance) hop\(distance == 1 ? "" : "s")"
            let what = objective == .fragmentation ? "fragmentation after removal" : "reach within \(hops)"
            try Console.line("key players (k = \(k), \(what)): \(PathReport.format(found.value))")
            for v in found.members { try Console.line("  \(input.name(of: v))") }
            try Console.line("top \(k) by betweenness: \(PathReport.format(topValue))")
            for v in top { try Console.line("  \(input.name(of: v))") }
        }
    }
}
