import ArgumentParser
import LinkGraph
import LinkGraphAlgorithms

extension LinkGraphCommand {
    struct Brokers: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Who brokers between others: Burt's constraint and effective size, Gould–Fernandez roles.",
            discussion: """
                Constraint and effective size equal NetworkX's. With --group-by, each entity's open \
                two-paths a → entity → c are counted as coordinator, itinerant, representative, gatekeeper \
                or liaison by the groups of a, the entity and c. --group-by takes attribute:KEY, country, \
                organization or community (Louvain, with --seed). Entities without a group are left out \
                of the roles.
                """
        )

        @Argument(help: "The case file (JSON) or an edge list.")
        var input: String
        @Option(name: .customLong("group-by"), help: "attribute:KEY, country, organization or community.")
        var groupBy: GroupArgument?
        @Option(help: "The Louvain seed for --group-by community.")
        var seed: UInt64 = 0
        @Option(help: "How many entities to print, lowest constraint first (text output).")
        var top: Int = 15
        @Option(help: "Only these relation kinds, comma-separated.")
        var via: RelationKindList?
        @Flag(help: "Print JSON for every entity.")
        var json = false
        @OptionGroup var analysis: AnalysisOptions

        func validate() throws {
            if top < 1 { throw ValidationError("--top must be at least 1") }
        }

        func run() throws {
            let input = try AnalysisInput.load(self.input, options: analysis, kinds: via?.kinds)
            let graph = input.graph
            let holes = try graph.structuralHoles(weighted: graph.isWeighted)
            var groups: Groups?
            var roles: Brokerage?
            if let groupBy {
                guard let caseFile = input.caseFile else {
                    throw ValidationError("--group-by needs a case file: an edge list has no attributes or kinds")
                }
                let source = groupBy.source(seed: seed)
                let found = try Groups(source, caseFile: caseFile, graph: graph)
                groups = found
                roles = try graph.brokerage(groups: found.groupOf)
            }
            if json {
                let entities: [JSONValue] = graph.vertices.map { v in
                    var object: JSONObject = [
                        "id": .string(graph.label(of: v)),
                        "constraint": .num(holes.constraint[v]),
                        "effectiveSize": .num(holes.effectiveSize[v]),
                    ]
                    if let groups, let roles {
                        let g = groups.groupOf[Int(v)]
                        object["group"] = g < 0 ? .null : .string(groups.names[g])
                        object["roles"] = .object(
                            JSONObject(
                                Brokerage.Role.allCases.map {
                                    ($0.rawValue, JSONValue.number(JSONNumber(roles.count(v, $0))))
                                }))
                    }
                    return .object(object)
                }
                try Console.json(["entities": .array(entities)])
                return
            }
            let order = graph.vertices.filter { !holes.constraint[$0].isNaN }.sorted {
                (holes.constraint[$0], $0) < (holes.constraint[$1], $1)
            }
            try Console.line("lowest constraint (the most brokerage opportunity):")
            for v in order.prefix(top) {
                let size = PathReport.format(holes.effectiveSize[v])
                try Console.line(
                    "  \(PathReport.format(holes.constraint[v]))  effective size \(size)  \(input.name(of: v))")
            }
            guard let roles, let groups else { return }
            let brokers = graph.vertices.filter { roles.total($0) > 0 }
                .sorted { (roles.total($1), $0) < (roles.total($0), $1) }
            try Console.line("brokerage roles by \(groupBy!.description) (\(groups.names.count) groups):")
            if brokers.isEmpty { try Console.line("  nobody brokers an open two-path") }
            for v in brokers.prefix(top) {
                let parts = Brokerage.Role.allCases.filter { roles.count(v, $0) > 0 }
                    .map { "\($0.rawValue) \(roles.count(v, $0))" }
                try Console.line("  \(input.name(of: v)): " + parts.joined(separator: ", "))
            }
        }
    }
}

/// `--group-by attribute:KEY|country|organization|community`.
struct GroupArgument: ExpressibleByArgument, CustomStringConvertible {
    enum Kind { case attribute(String), country, organization, community }
    let kind: Kind

    init?(argument: String) {
        switch argument {
        case "country": kind = .country
        case "organization": kind = .organization
        case "community": kind = .community
        default:
            guard argument.hasPrefix("attribute:"), argument.count > "attribute:".count else { return nil }
            kind = .attribute(String(argument.dropFirst("attribute:".count)))
        }
    }

    func source(seed: UInt64) -> GroupSource {
        switch kind {
        case .attribute(let key): return .attribute(key)
        case .country: return .country
        case .organization: return .organization
        case .community: return .community(seed: seed)
        }
    }

    var description: String {
        switch kind {
        case .attribute(let key): return "attribute \(key)"
        case .country: return "country"
        case .organization: return "organization"
        case .community: return "community"
        }
    }
}
