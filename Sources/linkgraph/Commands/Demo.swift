import ArgumentParser
import Foundation
import LinkGraph
import LinkGraphFormats
import LinkGraphGraphviz
import LinkGraphViews

extension LinkGraphCommand {
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw the bundled example case: influence and defection diagrams as DOT, SVG and PNG.",
            discussion: """
                Reads Graphs/iran-iraq-2014/case.json (the 2014–15 Iranian intelligence cables on \
                Iraq) and writes influence.{dot,svg,png} and defection.{dot,svg,png} beside it, or \
                into --output.
                """
        )

        @Option(help: "The case to draw. Default: the bundled Graphs/iran-iraq-2014/case.json.")
        var `case`: String?

        @Option(help: "Where to write the diagrams. Default: the case's directory.")
        var output: String?

        @OptionGroup var limits: InputLimits

        func run() throws {
            let casePath = try self.case ?? Self.bundledCase()
            let caseFile = try CaseLoading.load(casePath, limits: limits)
            let directory = output ?? URL(fileURLWithPath: casePath).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for view in [ViewKind.influence, .defection] {
                let drawing = CaseView(kind: view).drawing(of: caseFile)
                let base = URL(fileURLWithPath: directory).appendingPathComponent(view.rawValue).path
                try FileIO.writeAtomically(DOTWriter.write(drawing), to: base + ".dot")
                for format in [GraphvizFormat.svg, .png] {
                    let rendering = try Graphviz.shared.rendering(drawing, layout: .dot, format: format)
                    for warning in rendering.warnings { Diagnostics.warn("Graphviz: \(warning)") }
                    try FileIO.writeAtomically(rendering.data, to: base + "." + format.fileExtension)
                }
                print("\(view.rawValue): \(drawing.nodes.count) entities, \(drawing.edges.count) relations → \(base).{dot,svg,png}")
            }
        }

        /// The example case: relative to the working directory (the repository root, as the
        /// README runs it), else relative to this source file's checkout.
        static func bundledCase() throws -> String {
            let relative = "Graphs/iran-iraq-2014/case.json"
            if FileManager.default.fileExists(atPath: relative) { return relative }
            let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: checkout) { return checkout }
            throw ValidationError("the bundled case \(relative) was not found: run from the repository root or give --case")
        }
    }
}
