import ArgumentParser
import Foundation
import LinkGraph
import LinkGraphProcess

/// The `linkgraph` command: a thin layer over the libraries. Each subcommand parses its
/// arguments, calls a library, and prints; errors go to stderr with a non-zero exit.
@main
struct LinkGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "linkgraph",
        abstract: "Entity-relationship graphs for link analysis: extract, analyse and draw who is linked to whom.",
        discussion: """
            A case file (docs/FORMAT.md) holds entities, relations and the evidence behind them. \
            `linkgraph demo` draws the bundled example; `linkgraph render CASE -o OUT.svg` draws any case.
            """,
        version: LinkGraphVersion.current,
        subcommands: [
            Render.self, Export.self, Import.self, Stats.self, Validate.self, Demo.self,
            PathCommand.self, Chain.self, Centrality.self, CommunitiesCommand.self, ComponentsCommand.self,
            Cuts.self, Disrupt.self, KeyPlayersCommand.self, Brokers.self,
            Extract.self, Review.self, Plugins.self, Score.self, Merge.self, Report.self, GraphvizWorkerCommand.self,
            PDFWorkerCommand.self,
        ]
    )

    /// As ArgumentParser's `main`, but every message goes through `TerminalText` (an error
    /// may quote a hostile name) and the checked writers of `StandardOutput`/`StandardError`.
    static func main() {
        do {
            var command = try parseAsRoot()
            if !(command is GraphvizWorkerCommand) {
                Interruption.install { Spawner.signalChildren(SIGINT) }
            }
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success {
                    // Help and version text: written as data, a failure is an error too.
                    do {
                        try Console.data(Data((message + "\n").utf8))
                    } catch {
                        Foundation.exit(ExitCode.failure.rawValue)
                    }
                } else {
                    StandardError.write(TerminalText.escapeLines(message) + "\n")
                }
            }
            Foundation.exit(code.rawValue)
        }
    }
}

enum LinkGraphVersion {
    static let current = "0.1.0"
}
