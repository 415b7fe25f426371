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
        @Option(help: "The relation kinds of the chain, comma-separated (default: reportsTo,advises,memberOf,controls).")
        var via: RelationKindList?
        @Flag(help: "Print JSON.")
        var json = false
        @OptionGroup var analysis: AnalysisOptions

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
                    let below: [JSONValue] = tree.below.map {
                        ["id": .string(graph.label(of: $0.vertex)), "name": .string(input.name(of: $0.vertex)), "distance": .number(JSONNumber($0.distance))]
                    }
                    print(JSONWriter.compact(["entity": .string(graph.label(of: root)), "below": .array(below)]))
                    return
                }
                if tree.below.isEmpty {
                    print("nobody's information reaches \(input.name(of: root)) along \(kinds.map(\.rawValue).joined(separator: ", "))")
                    return
                }
                print("whose information reaches \(input.name(of: root)):")
                for member in tree.below {
                    let route = try tree.path(from: member.vertex).vertices.map { input.name(of: $0) }.joined(separator: " → ")
                    print("  \(member.distance)  \(input.name(of: member.vertex))    (\(route))")
                }
                return
            }
            let chain = try graph.reportingChain(from: root)
            if json {
                let above: [JSONValue] = chain.above.map {
                    ["id": .string(graph.label(of: $0.vertex)), "name": .string(input.name(of: $0.vertex)), "distance": .number(JSONNumber($0.distance))]
                }
                let branches: [JSONValue] = chain.branches.map {
                    ["vertices": .array($0.path.labels(in: graph).map { .string($0) }), "endsInCycle": .bool($0.endsInCycle)]
                }
                print(JSONWriter.compact([
                    "entity": .string(graph.label(of: root)), "above": .array(above),
                    "tops": .array(chain.tops.map { .string(graph.label(of: $0)) }), "branches": .array(branches),
                    "truncated": .bool(chain.truncated),
                ]))
                return
            }
            if chain.above.isEmpty {
                print("\(input.name(of: root)) reports to nobody along \(kinds.map(\.rawValue).joined(separator: ", "))")
                return
            }
            print("\(input.name(of: root)) reports up to: " + chain.tops.map { input.name(of: $0) }.joined(separator: ", "))
            for (i, branch) in chain.branches.enumerated() {
                print(try PathReport.text(branch.path, number: i + 1, hopDays: nil, in: input)
                    + (branch.endsInCycle ? "\n   (ends in a cycle)" : ""))
            }
            if chain.truncated { print("(more branches not shown)") }
        }
    }
}
