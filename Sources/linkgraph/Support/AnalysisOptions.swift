import ArgumentParser
import LinkGraph
import LinkGraphAlgorithms

extension Projection.Weight: ExpressibleByArgument {}

/// Options every analysis command takes: how the case or edge list becomes a graph.
struct AnalysisOptions: ParsableArguments {
    @Flag(help: "Treat every relation or edge as going both ways.")
    var undirected = false

    @Option(
        help:
            "Arc weights: unit (hops), weight (the relation's weight, an edge list's third column), reliability (-ln confidence)."
    )
    var weight: Projection.Weight = .unit

    @Option(
        name: .customLong("as-of"),
        help: "Keep only relations that may hold on this date (YYYY, YYYY-MM or YYYY-MM-DD).")
    var asOf: String?

    @OptionGroup var limits: InputLimits

    func validate() throws {
        if let asOf, PartialDate(asOf) == nil {
            throw ValidationError("--as-of '\(asOf)' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
        }
    }

    var asOfDate: PartialDate? { asOf.flatMap(PartialDate.init) }
}

/// Parses `--via reportsTo,advises` into relation kinds.
struct RelationKindList: ExpressibleByArgument {
    let kinds: [RelationKind]

    init?(argument: String) {
        let parts = argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        guard !parts.isEmpty else { return nil }
        kinds = parts.map { RelationKind($0) }
    }
}
