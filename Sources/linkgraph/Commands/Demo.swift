import ArgumentParser
import Foundation
import LinkGraph
import LinkGraphAlgorithms
import LinkGraphFormats
import LinkGraphGraphviz
import LinkGraphReport
import LinkGraphViews

extension LinkGraphCommand {
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw the bundled example case: influence and defection diagrams as DOT, SVG and PNG.",
            discussion: """
                Reads Graphs/iran-iraq-2014/case.json (the 2014–15 Iranian intelligence cables on \
                Iraq) and writes influence.{dot,svg,png} and defection.{dot,svg,png} beside it, or \
                into --output; also chain.{dot,svg,png} (the longest reporting chain, highlighted) \
                and timeline/frame-N-DATE.{dot,png} (the defection view at each change of loyalty), \
                and report.html (the interactive report of the whole case).
                """
        )

        @Option(help: "The case to draw. Default: the bundled Graphs/iran-iraq-2014/case.json.")
        var `case`: String?

        @Option(help: "Where to write the diagrams. Default: the case's directory.")
        var output: String?

        @OptionGroup var limits: InputLimits

        /// Drawn as `render` draws: in a Graphviz worker process, SVG checked by `SVGSafety`.
        @OptionGroup var graphviz: GraphvizOptions
        @OptionGroup var progress: ProgressOptions

        func run() throws {
            let casePath = try self.case ?? Self.bundledCase()
            let caseFile = try CaseLoading.load(casePath, limits: limits)
            let directory = output ?? URL(fileURLWithPath: casePath).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for view in [ViewKind.influence, .defection] {
                try draw(CaseView(kind: view), of: caseFile, to: directory, name: view.rawValue)
            }
            if let chain = try Self.longestChain(in: caseFile) {
                let view = CaseView(kind: .influence, options: ViewOptions(highlight: chain))
                try draw(view, of: caseFile, to: directory, name: "chain")
            }
            let dates = Timeline.loyaltyChanges(in: caseFile)
            if !dates.isEmpty {
                let frames = URL(fileURLWithPath: directory).appendingPathComponent("timeline").path
                try FileManager.default.createDirectory(atPath: frames, withIntermediateDirectories: true)
                let set = OutputSet()
                for (i, date) in dates.enumerated() {
                    let view = CaseView(kind: .defection, options: ViewOptions(asOf: date))
                    try draw(view, of: caseFile, to: frames, name: "frame-\(i + 1)-\(date)", formats: [.png], into: set)
                }
                try set.commit(removing: TimelineFrames.staleFrames(in: frames, keeping: set.paths))
            }
            let report = try CaseReport(caseFile)
            let page = URL(fileURLWithPath: directory).appendingPathComponent("report.html")
            let svg = try graphviz.render(
                report.drawing, layout: .dot, format: .svg, file: casePath, quiet: progress.quiet
            ).data
            try FileIO.writeAtomically(try report.html(svg: svg), to: page.path)
            print("report: \(caseFile.entities.count) entities, \(caseFile.relations.count) relations → \(page.path)")
        }

        /// Writes one view as DOT (our writer's text) and in each of `formats`, into `set`
        /// when given (committed by the caller), else as a set of its own.
        func draw(
            _ view: CaseView, of caseFile: CaseFile, to directory: String, name: String,
            formats: [GraphvizFormat] = [.svg, .png], into set: OutputSet? = nil
        ) throws {
            let casePath = try self.case ?? Self.bundledCase()
            let drawing = view.drawing(of: caseFile)
            let base = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            let files = set ?? OutputSet()
            for path in ([base + ".dot"] + formats.map { base + "." + $0.fileExtension }) {
                try FileIO.refuseOverwriting(inputs: [casePath], with: path, what: "a drawing")
            }
            try files.add(DOTWriter.write(drawing), to: base + ".dot")
            for format in formats {
                let rendering = try graphviz.render(
                    drawing, layout: .dot, format: format, file: base + ".dot", quiet: progress.quiet)
                for warning in rendering.warnings { Diagnostics.warn("Graphviz: \(warning)") }
                try files.add(rendering.data, to: base + "." + format.fileExtension)
            }
            if set == nil { try files.commit() }
            let extensions = (["dot"] + formats.map(\.fileExtension)).joined(separator: ",")
            try Console.line(
                "\(name): \(drawing.nodes.count) entities, \(drawing.edges.count) relations → \(base).{\(extensions)}")
        }

        /// The reporting chain of a person with the most people and bodies above them,
        /// highlighted (any entity when no person reports to anybody; ties go to the entity
        /// listed first); nil when nobody reports to anybody.
        static func longestChain(in caseFile: CaseFile) throws -> Highlight? {
            let graph = try Digraph(caseFile: caseFile, projection: .reportingLines())
            var best: (isPerson: Bool, count: Int, id: String)?
            for (v, entity) in zip(graph.vertices, caseFile.entities) {
                let above = try graph.reportingChain(from: v, maxBranches: 64).above.count
                guard above > 0 else { continue }
                let candidate = (isPerson: entity.kind == .person, count: above, id: entity.id)
                if best == nil || (candidate.isPerson && !best!.isPerson)
                    || (candidate.isPerson == best!.isPerson && candidate.count > best!.count)
                {
                    best = candidate
                }
            }
            guard let best else { return nil }
            return try ViewBuilding.chainHighlight(in: caseFile, entity: best.id, via: nil)
        }

        /// The example case: relative to the working directory (the repository root, as the
        /// README runs it), else relative to this source file's checkout.
        static func bundledCase() throws -> String {
            let relative = "Graphs/iran-iraq-2014/case.json"
            if FileManager.default.fileExists(atPath: relative) { return relative }
            let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: checkout) { return checkout }
            throw ValidationError(
                "the bundled case \(relative) was not found: run from the repository root or give --case")
        }
    }
}
