import ArgumentParser
import Foundation
import LinkGraph
import LinkGraphFormats
import LinkGraphGraphviz
import LinkGraphViews

extension ViewKind: ExpressibleByArgument {}
extension GraphvizLayout: ExpressibleByArgument {}
extension GraphvizFormat: ExpressibleByArgument {}

extension LinkGraphCommand {
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw a case (or a DOT file) with Graphviz to SVG, PNG, PDF, DOT, xdot or JSON.",
            discussion: """
                The drawing is laid out and rendered by the Graphviz C library inside this process. \
                A case file is drawn as a view: influence (influences, controls, advises, reportsTo, \
                memberOf, pays), defection (defectedFrom dashed, defectedTo bold, with dates; the \
                people who switched sides stand out) or all. A .dot/.gv file is laid out as it is. \
                The format comes from OUT's extension unless --format is given.
                """
        )

        @Argument(help: "The case file (JSON), or a DOT file (.dot, .gv).")
        var input: String

        @Option(help: "What to draw: \(ViewKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        var view: ViewKind = .all

        @Option(help: "The Graphviz layout: \(GraphvizLayout.allCases.map(\.rawValue).joined(separator: ", ")).")
        var layout: GraphvizLayout = .dot

        @Option(help: "The output format: \(GraphvizFormat.allCases.map(\.rawValue).joined(separator: ", ")). Default: from OUT's extension.")
        var format: GraphvizFormat?

        @Option(name: .shortAndLong, help: "The output file.")
        var output: String

        func validate() throws {
            if format == nil, GraphvizFormat(path: output) == nil {
                throw ValidationError(
                    "cannot tell the format from '\(output)': give --format (\(GraphvizFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }

        func run() throws {
            let format = self.format ?? GraphvizFormat(path: output)!
            let rendering: GraphvizRendering
            if CaseLoading.isDOT(input) {
                let text = String(decoding: try FileIO.read(input), as: UTF8.self)
                do {
                    rendering = try Graphviz.shared.rendering(dot: text, layout: layout, format: format)
                } catch let error as GraphvizError {
                    throw InputError(file: input, underlying: error)
                }
            } else {
                let drawing = CaseView(kind: view).drawing(of: try CaseLoading.load(input))
                rendering = try Graphviz.shared.rendering(drawing, layout: layout, format: format)
            }
            for warning in rendering.warnings { Diagnostics.warn("Graphviz: \(warning)") }
            try FileIO.writeAtomically(rendering.data, to: output)
        }
    }
}
