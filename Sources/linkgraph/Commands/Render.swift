import ArgumentParser
import Foundation
import LinkGraph
import LinkGraphAlgorithms
import LinkGraphFormats
import LinkGraphGraphviz
import LinkGraphViews

extension ViewKind: ExpressibleByArgument {}
extension GraphvizLayout: ExpressibleByArgument {}
extension GraphvizFormat: ExpressibleByArgument {}
extension OverviewGrouping: ExpressibleByArgument {}

extension LinkGraphCommand {
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw a case (or a DOT file) with Graphviz to SVG, PNG, PDF, DOT, xdot or JSON.",
            discussion: """
                The drawing is laid out and rendered by the Graphviz C library in a worker process \
                with a time and a memory limit (--timeout, --memory-limit), so a Graphviz crash or hang \
                is an error message; --in-process runs it inside linkgraph. A .dot/.gv file's \
                attributes pass an allowlist first (no local files, only http/https/mailto links, \
                no crashing combinations), and an SVG is checked for scripts and links after. \
                A case file is drawn as a view: influence (influences, controls, advises, reportsTo, \
                memberOf, pays), defection (defectedFrom dashed, defectedTo bold, with dates; the \
                people who switched sides stand out) or all. A .dot/.gv file is laid out as it is. \
                The format comes from OUT's extension unless --format is given. Every entity and \
                relation carries an SVG id (entity-ID, relation-N) and a tooltip with its kind, \
                dates and evidence. Above \(LayoutChoice.sfdpThreshold) entities, sfdp replaces dot \
                unless --layout is given. --timeline writes one frame per change of loyalty into \
                the directory OUT. For big cases, --collapse draws one node per group (sized by its \
                members, edges labelled with the relations between groups; --expand shows one \
                group's members) and --top N --by MEASURE the N most central entities, the title \
                saying what was left out.
                """
        )

        @Argument(help: "The case file (JSON), or a DOT file (.dot, .gv).")
        var input: String

        @Option(help: "What to draw: \(ViewKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        var view: ViewKind = .all

        @Option(
            help:
                "The Graphviz layout: \(GraphvizLayout.allCases.map(\.rawValue).joined(separator: ", ")). Default: dot, or sfdp for large graphs."
        )
        var layout: GraphvizLayout?

        @Option(
            help:
                "The output format: \(GraphvizFormat.allCases.map(\.rawValue).joined(separator: ", ")). Default: from OUT's extension."
        )
        var format: GraphvizFormat?

        @Option(name: .shortAndLong, help: "The output file (a directory with --timeline).")
        var output: String

        @Option(
            name: .customLong("highlight-path"), parsing: .upToNextOption,
            help: "FROM TO: draw the shortest path in bold over its faded context.")
        var highlightPath: [String] = []

        @Option(
            name: .customLong("highlight-chain"),
            help: "ENTITY: draw its reporting chain in bold over its faded context.")
        var highlightChain: String?

        @Option(help: "Relation kinds for --highlight-path and --highlight-chain, comma-separated.")
        var via: RelationKindList?

        @Flag(
            name: .customLong("every-edge"),
            help: "Draw every relation as its own edge (default: parallel ones of one kind are one edge with a count).")
        var everyEdge = false
        @Flag(help: "With --highlight-path: the most reliable path instead of the fewest hops.")
        var reliable = false

        @Option(help: "ENTITY: draw only its neighbourhood.")
        var ego: String?

        @Option(help: "The neighbourhood's radius in hops, with --ego.")
        var radius: Int = 1

        @Option(name: .customLong("as-of"), help: "Draw the case as it stood on this date (YYYY, YYYY-MM, YYYY-MM-DD).")
        var asOf: String?

        @Flag(help: "One frame per change of loyalty (defectedFrom/defectedTo dates) into the directory OUT.")
        var timeline = false

        @Option(
            name: .customLong("size-by"),
            help:
                "Scale entity names by a centrality: \(CentralityMeasure.allCases.map(\.rawValue).joined(separator: ", "))."
        )
        var sizeBy: CentralityMeasure?

        @Option(name: .customLong("cluster-by"), help: "Box entities by country, organization or community.")
        var clusterBy: ViewBuilding.Grouping?

        @Option(help: "Mark structure: cut-points (cut points and bridges in magenta, direction ignored).")
        var mark: StructureMark?

        @Option(help: "ENTITY,...: draw the network after removing them: removed ghosted, the parts left boxed.")
        var remove: EntityList?

        @Option(
            help:
                "Overview: one node per group (\(OverviewGrouping.allCases.map(\.rawValue).joined(separator: ", "))), sized by members, edges by relations between groups."
        )
        var collapse: OverviewGrouping?

        @Option(help: "GROUP: with --collapse, draw this group's members one by one.")
        var expand: String?

        @Option(help: "N: overview of the N most central entities (--by) and the relations among them.")
        var top: Int?

        @Option(
            help:
                "The centrality for --top: \(CentralityMeasure.allCases.map(\.rawValue).joined(separator: ", ")) (default pagerank)."
        )
        var by: CentralityMeasure?

        @OptionGroup var limits: InputLimits

        @OptionGroup var graphviz: GraphvizOptions
        @OptionGroup var progress: ProgressOptions

        func validate() throws {
            if timeline {
                if format == nil, GraphvizFormat(path: output) != nil {
                    throw ValidationError(
                        "with --timeline, -o names a directory; give the frames' format with --format")
                }
            } else if format == nil, GraphvizFormat(path: output) == nil {
                throw ValidationError(
                    "cannot tell the format from '\(output)': give --format (\(GraphvizFormat.allCases.map(\.rawValue).joined(separator: ", ")))"
                )
            }
            if !highlightPath.isEmpty, highlightPath.count != 2 {
                throw ValidationError("--highlight-path takes two entities: FROM TO")
            }
            if !highlightPath.isEmpty, highlightChain != nil {
                throw ValidationError("choose one of --highlight-path and --highlight-chain")
            }
            if let asOf, PartialDate(asOf) == nil {
                throw ValidationError("--as-of '\(asOf)' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
            }
            if radius < 0 { throw ValidationError("--radius must be 0 or more") }
            if timeline, asOf != nil { throw ValidationError("--timeline draws every date; leave out --as-of") }
            if remove != nil, clusterBy != nil {
                throw ValidationError("--remove boxes the parts left; leave out --cluster-by")
            }
            try validateOverview()
        }

        /// `--collapse`, `--expand`, `--top` and `--by`: what goes with what.
        func validateOverview() throws {
            if expand != nil, collapse == nil {
                throw ValidationError("--expand names a group of --collapse: give --collapse")
            }
            if by != nil, top == nil { throw ValidationError("--by chooses the measure of --top N: give --top") }
            if let top, top < 1 { throw ValidationError("--top must keep at least one entity, not \(top)") }
            if collapse != nil, top != nil { throw ValidationError("choose one of --collapse and --top") }
            guard collapse != nil || top != nil else { return }
            let overview = collapse != nil ? "--collapse" : "--top"
            var others: [String] = []
            if timeline { others.append("--timeline") }
            if !highlightPath.isEmpty { others.append("--highlight-path") }
            if highlightChain != nil { others.append("--highlight-chain") }
            if ego != nil { others.append("--ego") }
            if sizeBy != nil { others.append("--size-by") }
            if collapse != nil, clusterBy != nil { others.append("--cluster-by") }
            if collapse != nil, mark != nil { others.append("--mark") }
            if remove != nil { others.append("--remove") }
            if collapse != nil, everyEdge { others.append("--every-edge") }
            if !others.isEmpty {
                throw ValidationError("\(overview) draws an overview; leave out \(others.joined(separator: ", "))")
            }
        }

        func run() throws {
            let format = self.format ?? GraphvizFormat(path: output) ?? .svg
            if !timeline { try FileIO.refuseOverwriting(inputs: [input], with: output, what: "a drawing") }
            if CaseLoading.isDOT(input) {
                // Foreign DOT: parsed and drawn in Graphviz worker processes, attributes
                // through DOTSanitizer's allowlist (GraphvizOptions.render).
                let text = try DOTText.decode(Array(try limits.read(input)), file: input)
                var graph = try graphviz.parse(text, file: input, quiet: progress.quiet)
                let chosen = LayoutChoice.layout(forForeign: &graph, requested: layout)
                try write(
                    try graphviz.render(graph, layout: chosen, format: format, file: input, quiet: progress.quiet),
                    to: output)
                return
            }
            let caseFile = try CaseLoading.load(input, limits: limits)
            if let collapse {
                let overview = try GroupOverview(
                    caseFile, by: collapse, kind: view, asOf: asOf.flatMap(PartialDate.init), expand: expand)
                let drawing = overview.drawing(kind: view, asOf: asOf.flatMap(PartialDate.init))
                // Groups are few but densely linked: sfdp, unless asked otherwise.
                let chosen = layout ?? .sfdp
                try write(try graphviz.render(drawing, layout: chosen, format: format, file: input), to: output)
                return
            }
            var options = try viewOptions(for: caseFile)
            if timeline {
                try renderTimeline(caseFile, options: options, format: format)
                return
            }
            options.asOf = asOf.flatMap(PartialDate.init)
            if let top {
                options = try TopOverview(caseFile, count: top, by: by ?? .pagerank, kind: view, asOf: options.asOf)
                    .applied(to: options)
            }
            let drawing = CaseView(kind: view, options: options).drawing(of: caseFile)
            let chosen = LayoutChoice.layout(for: drawing, requested: layout)
            try write(
                try graphviz.render(drawing, layout: chosen, format: format, file: input, quiet: progress.quiet),
                to: output)
        }

        /// The view options the flags ask for.
        func viewOptions(for caseFile: CaseFile) throws -> ViewOptions {
            var options = ViewOptions(everyEdge: everyEdge)
            if highlightPath.count == 2 {
                options.highlight = try ViewBuilding.pathHighlight(
                    in: caseFile, path: input, from: highlightPath[0], to: highlightPath[1], via: via?.kinds,
                    reliable: reliable,
                    limits: limits)
            } else if let highlightChain {
                if let kinds = via?.kinds { AnalysisInput.warnAboutKinds(kinds, in: caseFile, path: input) }
                options.highlight = try ViewBuilding.chainHighlight(
                    in: caseFile, entity: highlightChain, via: via?.kinds)
            }
            if let ego { options.focus = try ViewBuilding.egoFocus(in: caseFile, entity: ego, radius: radius) }
            if let sizeBy { options.sizes = try ViewBuilding.sizes(in: caseFile, measure: sizeBy) }
            if let clusterBy { options.clusters = try ViewBuilding.clusters(in: caseFile, by: clusterBy) }
            if mark == .cutPoints { options.cutMarks = try ViewBuilding.cutMarks(in: caseFile) }
            if let remove {
                (options.ghosts, options.clusters) = try ViewBuilding.removal(in: caseFile, removing: remove.names)
            }
            return options
        }

        /// One frame per date on which someone changed sides, as the case stood that day.
        func renderTimeline(_ caseFile: CaseFile, options: ViewOptions, format: GraphvizFormat) throws {
            let dates = Timeline.loyaltyChanges(in: caseFile)
            guard !dates.isEmpty else {
                throw ValidationError("no defectedFrom or defectedTo relation has a date: there is no timeline to draw")
            }
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            let width = String(dates.count).count
            let frames = OutputSet()
            var lines: [String] = []
            for (i, date) in dates.enumerated() {
                var frameOptions = options
                frameOptions.asOf = date
                let drawing = CaseView(kind: view == .all ? .defection : view, options: frameOptions).drawing(
                    of: caseFile)
                let number = String(repeating: "0", count: width - String(i + 1).count) + String(i + 1)
                let path = URL(fileURLWithPath: output).appendingPathComponent(
                    "frame-\(number)-\(date).\(format.fileExtension)"
                ).path
                try FileIO.refuseOverwriting(inputs: [input], with: path, what: "a drawing")
                let rendering = try graphviz.render(
                    drawing, layout: LayoutChoice.layout(for: drawing, requested: layout), format: format, file: input,
                    quiet: progress.quiet)
                for warning in rendering.warnings { Diagnostics.warn("Graphviz: \(warning)") }
                try frames.add(rendering.data, to: path)
                lines.append("\(date): \(drawing.nodes.count) entities, \(drawing.edges.count) relations → \(path)")
            }
            // The frames of this run replace those of an earlier one, all at once.
            try frames.commit(removing: TimelineFrames.staleFrames(in: output, keeping: frames.paths))
            try Console.lines(lines)
        }

        func write(_ rendering: GraphvizRendering, to path: String) throws {
            for warning in rendering.warnings { Diagnostics.warn("Graphviz: \(warning)") }
            try FileIO.writeAtomically(rendering.data, to: path)
        }
    }
}

/// `render --mark`: which structure to mark.
enum StructureMark: String, ExpressibleByArgument, CaseIterable {
    case cutPoints = "cut-points"
}

/// Which layout to use when the user named none: dot, unless the graph is past the size
/// where dot gets slow.
enum LayoutChoice {
    /// Above this many nodes, dot takes seconds to minutes (measured: see README), so sfdp is used.
    static let sfdpThreshold = 400

    static func layout(for drawing: DOTGraph, requested: GraphvizLayout?) -> GraphvizLayout {
        if let requested { return requested }
        let nodes = drawing.distinctNodeCount
        if nodes > sfdpThreshold {
            Diagnostics.note(
                "\(nodes) entities: laying out with sfdp (dot is slow past \(sfdpThreshold)); give --layout dot to insist"
            )
            return .sfdp
        }
        return .dot
    }

    /// The layout for a DOT file: as `layout(for:requested:)`, counting nodes at every level;
    /// when sfdp is chosen, a `layout=dot` in the graph itself is removed too.
    static func layout(forForeign graph: inout DOTGraph, requested: GraphvizLayout?) -> GraphvizLayout {
        if let requested { return requested }
        let nodes = graph.distinctNodeCount
        let own = graph.attributes["layout"]?.text.lowercased()
        guard nodes > sfdpThreshold, own == nil || own == "dot" else { return .dot }
        Diagnostics.note(
            "\(nodes) nodes: laying out with sfdp (dot is slow past \(sfdpThreshold)); give --layout dot to insist")
        graph.attributes["layout"] = nil
        return .sfdp
    }
}
