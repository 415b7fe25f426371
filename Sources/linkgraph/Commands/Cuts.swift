import ArgumentParser
import LinkGraph
import LinkGraphAlgorithms

extension LinkGraphCommand {
    struct Cuts: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Who holds the network together: cut points, bridges and blocks.",
            discussion: """
                Direction is ignored. A cut point is an entity whose removal splits the network; a \
                bridge is a tie whose removal does; a block is a group that no single removal splits. \
                Equal to NetworkX's articulation_points, bridges and biconnected_components.
                """
        )

        @Argument(help: "The case file (JSON) or an edge list.")
        var input: String
        @Option(help: "Only these relation kinds, comma-separated.")
        var via: RelationKindList?
        @Flag(help: "Print JSON: {\"cutPoints\": [ID], \"bridges\": [[ID, ID]], \"blocks\": [[ID]]}.")
        var json = false
        @OptionGroup var analysis: AnalysisOptions

        func run() throws {
            let input = try AnalysisInput.load(self.input, options: analysis, kinds: via?.kinds)
            let graph = input.graph
            let cuts = graph.cutStructure()
            if json {
                try Console.json([
                    "cutPoints": .array(cuts.articulationPoints.map { .string(graph.label(of: $0)) }),
                    "bridges": .array(cuts.bridges.map { labels([$0.a, $0.b], graph) }),
                    "blocks": .array(cuts.biconnectedComponents.map { labels($0, graph) }),
                ])
                return
            }
            try Console.line(
                "\(cuts.articulationPoints.count) cut point\(cuts.articulationPoints.count == 1 ? "" : "s"):")
            for v in cuts.articulationPoints { try Console.line("  \(input.name(of: v))") }
            try Console.line("\(cuts.bridges.count) bridge\(cuts.bridges.count == 1 ? "" : "s"):")
            for t in cuts.bridges { try Console.line("  \(input.name(of: t.a)) — \(input.name(of: t.b))") }
            try Console.line(
                "\(cuts.biconnectedComponents.count) block\(cuts.biconnectedComponents.count == 1 ? "" : "s"):")
            for (i, block) in cuts.biconnectedComponents.enumerated() {
                try Console.line(
                    "  \(i + 1). (\(block.count)) " + block.map { input.name(of: $0) }.joined(separator: ", "))
            }
        }

        private func labels(_ vertices: [Digraph.Vertex], _ graph: Digraph) -> JSONValue {
            .array(vertices.map { .string(graph.label(of: $0)) })
        }
    }
}
