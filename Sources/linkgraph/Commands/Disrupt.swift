import ArgumentParser
import LinkGraph
import LinkGraphAlgorithms

extension LinkGraphCommand {
    struct Disrupt: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What if these entities were removed: components, fragmentation and the reporting chains cut.",
            discussion: """
                Components and fragmentation ignore direction. Fragmentation (Borgatti's F) is the share \
                of ordered pairs that cannot reach each other; distance-weighted fragmentation also counts \
                how far apart the reachable ones are (1 − the mean of 1/distance). Reporting chains follow \
                reportsTo, advises, memberOf and (reversed) controls; a chain is cut when an entity no \
                longer reaches someone above it.
                """
        )

        @Argument(help: "The case file (JSON) or an edge list.")
        var input: String
        @Option(help: "The entities to remove: ids, names or aliases, comma-separated.")
        var remove: EntityList
        @Option(help: "Only these relation kinds, comma-separated (for components and fragmentation).")
        var via: RelationKindList?
        @Flag(help: "Print JSON: {\"removed\", \"before\", \"after\", \"chainsCut\"}.")
        var json = false
        @OptionGroup var analysis: AnalysisOptions

        func run() throws {
            let input = try AnalysisInput.load(self.input, options: analysis, kinds: via?.kinds)
            let graph = input.graph
            let removed = try remove.names.map { try input.vertex(named: $0) }
            let before = try graph.fragmentation()
            let after = try graph.fragmentation(removing: removed)
            var chainsCut: [(vertex: Digraph.Vertex, lost: [Digraph.Vertex])] = []
            var chainGraph: Digraph?
            if input.caseFile != nil {
                // Reporting lines keep their direction whatever --undirected says.
                var options = analysis
                options.undirected = false
                let projection = Projection.reportingLines(asOf: analysis.asOfDate)
                let chains = try AnalysisInput.load(self.input, options: options, projection: projection).graph
                let inChains = try removed.map { try chains.vertex(labeled: graph.label(of: $0)) }
                chainsCut = try chains.reachLost(removing: inChains)
                chainGraph = chains
            }
            func label(_ v: Digraph.Vertex) -> String { (chainGraph ?? graph).label(of: v) }
            if json {
                func state(_ f: Fragmentation) -> JSONValue {
                    [
                        "components": .number(JSONNumber(f.componentCount)),
                        "sizes": .array(f.componentSizes.map { .number(JSONNumber($0)) }),
                        "fragmentation": .num(f.fragmentation),
                        "distanceWeightedFragmentation": .num(f.distanceWeighted),
                    ]
                }
                let cut: [JSONValue] = chainsCut.map {
                    [
                        "entity": .string(label($0.vertex)),
                        "noLongerReaches": .array($0.lost.map { .string(label($0)) }),
                    ]
                }
                try Console.json([
                    "removed": .array(removed.map { .string(graph.label(of: $0)) }),
                    "before": state(before), "after": state(after), "chainsCut": .array(cut),
                ])
                return
            }
            try Console.line("removing " + removed.map { input.name(of: $0) }.joined(separator: ", ") + ":")
            try Console.line("                      before      after")
            try Console.line("  components        \(pad(before.componentCount))\(pad(after.componentCount))")
            try Console.line(
                "  largest           \(pad(before.componentSizes.first ?? 0))\(pad(after.componentSizes.first ?? 0))")
            try Console.line("  fragmentation     \(pad(before.fragmentation))\(pad(after.fragmentation))")
            try Console.line("  distance-weighted \(pad(before.distanceWeighted))\(pad(after.distanceWeighted))")
            try Console.line(
                "  component sizes after: " + after.componentSizes.map(String.init).joined(separator: ", "))
            guard input.caseFile != nil else { return }
            if chainsCut.isEmpty {
                try Console.line("no reporting chain is cut")
                return
            }
            try Console.line("reporting chains cut:")
            func name(_ v: Digraph.Vertex) -> String { input.caseFile?.entity(id: label(v))?.name ?? label(v) }
            for entry in chainsCut {
                try Console.line(
                    "  \(name(entry.vertex)) no longer reaches " + entry.lost.map(name).joined(separator: ", "))
            }
        }

        private func pad(_ x: Int) -> String { pad(String(x)) }
        private func pad(_ x: Double) -> String { pad(PathReport.format(x)) }
        private func pad(_ s: String) -> String { String(repeating: " ", count: max(0, 11 - s.count)) + s }
    }
}
