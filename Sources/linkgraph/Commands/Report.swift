import ArgumentParser
import Foundation
import LinkGraph
import LinkGraphGraphviz
import LinkGraphReport
import LinkGraphViews

extension LinkGraphCommand {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write an interactive report of a case: one self-contained HTML file.",
            discussion: """
                The page holds the Graphviz drawing of the view, the case's data and its own script \
                and style, and loads nothing from anywhere. It pans and zooms, finds entities by name \
                or alias, opens a panel with an entity's or relation's facts and evidence, filters by \
                kind, confidence and date, finds paths, lights reporting chains, sorts a centrality \
                table, and keeps its state in the URL fragment. With --documents DIR, the text of \
                each document found in DIR (by its source's file name or its id; checked against the \
                case's sha256) is embedded, so evidence shows as a passage with its span marked. \
                Past \(ReportOptions.defaultMaxDrawnEntities) entities, only the most connected are \
                drawn, and the page says so.
                """
        )

        @Argument(help: "The case file (JSON).")
        var input: String

        @Option(name: .shortAndLong, help: "The HTML file to write.")
        var output: String

        @Option(help: "What to draw: \(ViewKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        var view: ViewKind = .all

        @Option(help: "The Graphviz layout. Default: dot, or sfdp for large graphs.")
        var layout: GraphvizLayout?

        @Option(help: "A directory holding the case's documents, to show evidence in its text.")
        var documents: String?

        @OptionGroup var limits: InputLimits

        @OptionGroup var graphviz: GraphvizOptions

        func run() throws {
            let caseFile = try CaseLoading.load(input, limits: limits)
            let texts = try ReportDocuments.texts(of: caseFile, directory: documents)
            let report = try CaseReport(caseFile, options: ReportOptions(view: view, documentTexts: texts))
            if let note = report.partialDrawingNote { Diagnostics.note(note) }
            let layout = LayoutChoice.layout(for: report.drawing, requested: layout)
            let rendering = try graphviz.render(report.drawing, layout: layout, format: .svg, file: input)
            for warning in rendering.warnings { Diagnostics.warn("Graphviz: \(warning)") }
            try FileIO.writeAtomically(try report.html(svg: rendering.data), to: output)
            print("\(output): \(caseFile.entities.count) entities, \(caseFile.relations.count) relations")
        }
    }
}
