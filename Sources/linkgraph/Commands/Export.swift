import ArgumentParser
import LinkGraph
import LinkGraphFormats

extension LinkGraphCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a case in another format.",
            discussion: """
                dot: one node per entity and one edge per relation, with kind, dates, confidence \
                and evidence as attributes (Graphviz, Gephi and NetworkX read it). \
                json: the case file itself, normalised (FORMAT.md field order).
                """
        )

        enum Target: String, ExpressibleByArgument, CaseIterable {
            case dot, json
        }

        @Argument(help: "The case file (JSON).")
        var caseFile: String

        @Option(name: .customLong("to"), help: "The format: \(Target.allCases.map(\.rawValue).joined(separator: ", ")).")
        var target: Target

        @Option(name: .shortAndLong, help: "The output file; standard output when absent.")
        var output: String?

        func run() throws {
            let caseFile = try CaseLoading.load(self.caseFile)
            switch target {
            case .dot: try OutputWriter.write(DOTWriter.write(CaseDOTExporter.graph(caseFile)), to: output)
            case .json: try OutputWriter.write(caseFile.jsonText(), to: output)
            }
        }
    }
}
