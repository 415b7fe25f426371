import ArgumentParser
import LinkGraph
import LinkGraphAlgorithms

extension LinkGraphCommand {
    struct Chain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Who reports to whom: the chain above an entity, or everyone whose information reaches it.",
            discussion: """
                Upward (default): follows reportsTo, advises, memberOf and (reversed) controls from \
                ENTITY to whoever sits at the top, listing every branch. --down: everyone whose \
                information reaches ENTITY, with their distance. Cycles are walked once.
                """
        )

        @Argument(help: "The case file (JSON) or an edge list.")
        var input: String
        @Argument(help: "The entity: an id, a name or an alias.")
        var entity: String
        @Flag(help: "Everyone below ENTITY instead of the chain above it.")
        var down = false
        @Option(
            help: "The relation kinds of the chain, comma-separated (default: reportsTo,advises,memberOf,controls).")
        var via: RelationKindList?
        @Flag(help: "Print JSON (docs/JSON.md).")
        var json = false
        @OptionGroup var documents: DocumentOptions
        @OptionGroup var analysis: AnalysisOptions

        func validate() throws { try documents.validate() }

        func run() throws {
            let kinds = via?.kinds ?? RelationKind.chainKinds
            let projection = Projection.reportingLines(kinds: kinds, asOf: analysis.asOfDate)
            // The projection holds the kinds; `via` is passed only to check what the user typed.
            let input = try AnalysisInput.load(self.input, options: analysis, kinds: via?.kinds, projection: projection)
            let root = try input.vertex(named: entity)
            let graph = input.graph
            if down {
                let tree = try graph.reportingTree(to: root)
                if json {
                    try Console.json(tree.json(in: graph, caseFile: input.caseFile))
                    return
                }
                if tree.below.isEmpty {
                    try Console.line(
                        "nobody's information reaches \(input.name(of: root)) along \(kinds.map(\.rawValue).joined(separator: ", "))"
                    )
                    return
                }
                try Console.line("whose information reaches \(input.name(of: root)):")
                for member in tree.below {
                    let route = try tree.path(from: member.vertex).vertices.map { input.name(of: $0) }.joined(
                        separator: " → ")
                    try Console.line("  \(member.distance)  \(input.name(of: member.vertex))    (\(route))")
                }
                return
            }
            let chain = try graph.reportingChain(from: root)
            if json {
                try Console.json(chain.json(in: graph, caseFile: input.caseFile))
                return
            }
            if chain.above.isEmpty {
                try Console.line(
                    "\(input.name(of: root)) reports to nobody along \(kinds.map(\.rawValue).joined(separator: ", "))")
                return
            }
            try Console.line(
                "\(input.name(of: root)) reports up to: "
                    + chain.tops.map { input.name(of: $0) }.joined(separator: ", "))
            let texts = documents.texts(of: input, casePath: self.input)
            for (i, branch) in chain.branches.enumerated() {
                try Console.lines(
                    try PathReport.lines(branch.path, number: i + 1, hopDays: nil, in: input, texts: texts)
                        + (branch.endsInCycle ? ["   (ends in a cycle)"] : []))
            }
            if chain.truncated { try Console.line("(more branches not shown)") }
        }
    }
}
