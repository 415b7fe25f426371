import ArgumentParser
import LinkGraph
import LinkGraphAlgorithms

extension LinkGraphCommand {
    struct ComponentsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "components",
            abstract: "The connected groups of a case: weak components, or strong ones with --strong."
        )

        @Argument(help: "The case file (JSON) or an edge list.")
        var input: String
        @Flag(help: "Strongly connected components (every member reaches every other along directed relations).")
        var strong = false
        @Flag(help: "Print JSON: {\"components\": [[ID, ...], ...]}, largest first.")
        var json = false
        @OptionGroup var analysis: AnalysisOptions

        func run() throws {
            let input = try AnalysisInput.load(self.input, options: analysis)
            let graph = input.graph
            let components = strong ? graph.strongComponents() : graph.weakComponents()
            let groups = components.members
            if json {
                try Console.json(components.json(in: graph))
                return
            }
            try Console.line("\(groups.count) \(strong ? "strong" : "weak") component\(groups.count == 1 ? "" : "s"):")
            for (i, group) in groups.enumerated() {
                try Console.line(
                    "  \(i + 1). (\(group.count)) " + group.map { input.name(of: $0) }.joined(separator: ", "))
            }
        }
    }

    struct CommunitiesCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "communities",
            abstract: "Groups that are densely linked inside (Louvain), with the modularity.",
            discussion: "Relations are taken as undirected. The same --seed gives the same communities."
        )

        @Argument(help: "The case file (JSON) or an edge list.")
        var input: String
        @Option(help: "The random seed; the same seed gives the same result.")
        var seed: UInt64 = 0
        @Option(help: "Resolution: above 1 favours smaller communities.")
        var resolution: Double = 1
        @Flag(help: "Print JSON: {\"modularity\": Q, \"communities\": [[ID, ...], ...]}.")
        var json = false
        @OptionGroup var analysis: AnalysisOptions

        func run() throws {
            var options = analysis
            options.undirected = true
            let input = try AnalysisInput.load(self.input, options: options)
            let graph = input.graph
            let result = try graph.louvainCommunities(resolution: resolution, weighted: graph.isWeighted, seed: seed)
            if json {
                try Console.json(result.json(in: graph))
                return
            }
            try Console.line("\(result.members.count) communities, modularity \(PathReport.format(result.modularity)):")
            for (i, group) in result.members.enumerated() {
                try Console.line(
                    "  \(i + 1). (\(group.count)) " + group.map { input.name(of: $0) }.joined(separator: ", "))
            }
        }
    }
}
