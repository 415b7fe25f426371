import ArgumentParser
import LinkGraph
import LinkGraphAlgorithms

extension LinkGraphCommand {
    struct PathCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "path",
            abstract: "How does X reach Y: shortest, all tied, k shortest, most reliable or time-respecting paths.",
            discussion: """
                FROM and TO accept an id, a name or an alias, case-insensitively. Each path is told hop \
                by hop with the relation kind, its direction and its evidence. With --weight \
                reliability (or --reliable) the path maximises the product of the confidences. \
                --time-respecting only takes a hop whose relation holds no earlier than the hop \
                before it, as information actually flows. No path: a message and exit status 1.
                """
        )

        @Argument(help: "The case file (JSON) or an edge list (.edges, .txt, .tsv).")
        var input: String
        @Argument(help: "Where the path starts.")
        var from: String
        @Argument(help: "Where the path ends.")
        var to: String

        @Option(help: "Only these relation kinds, comma-separated (e.g. reportsTo,advises).")
        var via: RelationKindList?
        @Option(help: "The k shortest simple paths (Yen).")
        var k: Int = 1
        @Flag(help: "Every tied shortest path.")
        var all = false
        @Option(
            help: "With --all: list at most this many paths (there can be very many); a note says if it stopped.")
        var limit: Int = 10_000
        @Flag(help: "The most reliable path: weights -ln(confidence).")
        var reliable = false
        @Flag(
            name: .customLong("time-respecting"), help: "Each hop's relation valid no earlier than the hop before it.")
        var timeRespecting = false
        @Flag(help: "Print JSON: {\"paths\": [{\"vertices\", \"cost\", \"hops\"}]} (docs/JSON.md).")
        var json = false
        @OptionGroup var documents: DocumentOptions
        @OptionGroup var analysis: AnalysisOptions

        func validate() throws {
            try documents.validate()
            if k < 1 { throw ValidationError("--k must be at least 1") }
            if limit < 1 { throw ValidationError("--limit must be at least 1") }
            if [k > 1, all, timeRespecting].filter({ $0 }).count > 1 {
                throw ValidationError("choose one of --k, --all and --time-respecting")
            }
        }

        func run() throws {
            var options = analysis
            if reliable { options.weight = .reliability }
            let input = try AnalysisInput.load(self.input, options: options, kinds: via?.kinds)
            let source = try input.vertex(named: from), target = try input.vertex(named: to)
            let graph = input.graph
            let paths: [Path]
            var days: [[Int]]? = nil
            var truncated = false
            do {
                if timeRespecting {
                    let found = try graph.timeRespectingPath(from: source, to: target)
                    paths = [found.path]
                    days = [found.hopDays]
                } else if all {
                    // One more than asked tells whether the listing stopped short.
                    let found = try graph.allShortestPaths(from: source, to: target, limit: min(limit, Int.max - 1) + 1)
                    truncated = found.count > limit
                    paths = Array(found.prefix(limit))
                } else if k > 1 {
                    paths = try graph.kShortestPaths(from: source, to: target, k: k, weighted: graph.isWeighted)
                } else {
                    paths = [try graph.shortestPath(from: source, to: target)]
                }
            } catch AlgorithmError.noPath {
                throw PathNotFound(from: input.name(of: source), to: input.name(of: target))
            }
            if paths.isEmpty { throw PathNotFound(from: input.name(of: source), to: input.name(of: target)) }
            if truncated {
                // The paths listed are those met first, not a sample: say so, or they mislead.
                Diagnostics.warn(
                    "stopped after \(limit) shortest paths; there are more, and the ones listed are not a fair sample "
                        + "(raise --limit to list more)")
            }
            if json {
                try Console.json(
                    try Path.json(paths, in: graph, caseFile: input.caseFile, hopDays: days, truncated: truncated))
                return
            }
            let texts = documents.texts(of: input, casePath: self.input)
            for (i, path) in paths.enumerated() {
                let number = paths.count > 1 ? i + 1 : nil
                try Console.lines(
                    try PathReport.lines(path, number: number, hopDays: days?[i], in: input, texts: texts))
            }
        }
    }
}

/// No path between two entities: exit status 1 with a message.
struct PathNotFound: Error, CustomStringConvertible {
    let from: String
    let to: String
    var description: String {
        "no path from '\(from)' to '\(to)' along these relations (check --via, --as-of and the direction; --undirected ignores direction)"
    }
}

/// A path as text: a line with the route and its cost, then one line per hop.
enum PathReport {
    /// - Parameter texts: Document texts, to quote evidence cited by offsets only.
    static func lines(
        _ path: Path, number: Int?, hopDays: [Int]?, in input: AnalysisInput, texts: DocumentTexts = DocumentTexts()
    ) throws -> [String] {
        let graph = input.graph
        var lines: [String] = []
        var head = (number.map { "\($0). " } ?? "") + path.vertices.map { input.name(of: $0) }.joined(separator: " → ")
        head += "  (\(path.hopCount) hop\(path.hopCount == 1 ? "" : "s")"
        if graph.weighting != .unit { head += ", cost \(format(path.cost))" }
        if let reliability = path.reliability { head += ", reliability \(format(reliability))" }
        lines.append(head + ")")
        if let caseFile = input.caseFile {
            for hop in try path.explained(in: caseFile, graph: graph) {
                let arrow = hop.againstRelation ? "←\(hop.kind)—" : "—\(hop.kind)→"
                var line = "   \(name(hop.from, in: caseFile)) \(arrow) \(name(hop.to, in: caseFile))"
                var notes: [String] = []
                if hop.confidence < 1 { notes.append("confidence \(format(hop.confidence))") }
                switch (hop.validFrom, hop.validUntil) {
                case (let f?, let u?): notes.append("\(f)–\(u)")
                case (let f?, nil): notes.append("from \(f)")
                case (nil, let u?): notes.append("until \(u)")
                default: break
                }
                if !hop.evidence.isEmpty {
                    notes.append("evidence " + hop.evidence.map { texts.cite($0) }.joined(separator: ", "))
                }
                if !notes.isEmpty { line += "  [" + notes.joined(separator: "; ") + "]" }
                lines.append(line)
            }
        } else {
            for hop in path.hops {
                lines.append(
                    "   \(graph.label(of: hop.from)) → \(graph.label(of: hop.to))"
                        + (graph.isWeighted ? "  [weight \(format(hop.weight))]" : ""))
            }
        }
        return lines
    }

    static func name(_ id: String, in caseFile: CaseFile) -> String { caseFile.entity(id: id)?.name ?? id }

    static func format(_ value: Double) -> String {
        guard abs(value) < 1e15 else { return "\(value)" }  // rounding to 6 places would overflow
        let rounded = (value * 1_000_000).rounded() / 1_000_000
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : "\(rounded)"
    }
}
