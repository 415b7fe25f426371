import ArgumentParser

/// The `linkgraph` command: a thin layer over the libraries. Each subcommand parses its
/// arguments, calls a library, and prints; errors go to stderr with a non-zero exit.
@main
struct LinkGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "linkgraph",
        abstract: "Entity-relationship graphs for link analysis: extract, analyse and draw who is linked to whom.",
        discussion: """
            A case file (FORMAT.md) holds entities, relations and the evidence behind them. \
            `linkgraph demo` draws the bundled example; `linkgraph render CASE -o OUT.svg` draws any case.
            """,
        version: LinkGraphVersion.current,
        subcommands: [
            Render.self, Export.self, Import.self, Stats.self, Validate.self, Demo.self,
            PathCommand.self, Chain.self, Centrality.self, CommunitiesCommand.self, ComponentsCommand.self,
            Cuts.self, Disrupt.self, KeyPlayersCommand.self, Brokers.self,
            Extract.self, Plugins.self, Score.self, Merge.self, GraphvizWorkerCommand.self,
        ]
    )
}

enum LinkGraphVersion {
    static let current = "0.1.0"
}
