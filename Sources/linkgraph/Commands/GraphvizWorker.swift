import ArgumentParser
import Foundation
import LinkGraph
import LinkGraphFormats
import LinkGraphGraphviz

extension LinkGraphCommand {
    /// The child side of the Graphviz sandbox: `render` and `import` start `linkgraph
    /// graphviz-worker` for every Graphviz job, so that a crash or a hang in Graphviz ends
    /// the worker, not linkgraph. Not for users; hidden from the help.
    struct GraphvizWorkerCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: GraphvizWorker.commandName,
            abstract: "Run one Graphviz job for linkgraph itself (request on standard input, answer on descriptor 3).",
            shouldDisplay: false
        )

        @Argument(parsing: .captureForPassthrough, help: "The sandbox's limits.")
        var arguments: [String] = []

        func run() throws {
            let status = GraphvizWorker.run(arguments: arguments)
            if status != 0 { throw ExitCode(status) }
        }
    }
}

/// How a command runs Graphviz, and `extract` poppler and Tesseract: in a worker process
/// with limits (the default), or in this process (`--in-process`).
struct GraphvizOptions: ParsableArguments {
    @Option(
        name: .customLong("timeout"),
        help: ArgumentHelp(
            "Seconds Graphviz (or, for extract, the PDF reader) may run in its own process before it is stopped.",
            valueName: "SECONDS"))
    var timeout: Double = GraphvizSandbox.Limits.default.seconds

    @Option(
        name: .customLong("memory-limit"),
        help: ArgumentHelp("Megabytes of address space for the Graphviz (or PDF reader) process.", valueName: "MB"))
    var memoryLimit: Int = GraphvizSandbox.Limits.default.memoryBytes >> 20

    @Flag(
        name: .customLong("in-process"),
        help:
            "Run Graphviz (and the PDF reader) inside linkgraph: starts faster, but a crash or hang in them takes linkgraph down."
    )
    var inProcess = false

    func validate() throws {
        guard timeout > 0, timeout.isFinite else {
            throw ValidationError("--timeout must be a number of seconds above 0")
        }
        guard memoryLimit >= 256, memoryLimit <= 1 << 30 else {
            throw ValidationError("--memory-limit must be at least 256 (megabytes)")
        }
    }

    /// The renderer these options ask for.
    var renderer: GraphvizRenderer {
        get throws {
            if inProcess { return GraphvizRenderer(isolation: .inProcess) }
            let limits = GraphvizSandbox.Limits(seconds: timeout, memoryBytes: memoryLimit << 20)
            guard GraphvizSandbox.currentExecutable(limits: limits) != nil else {
                throw ValidationError("cannot find linkgraph's own executable to run Graphviz in; give --in-process")
            }
            return GraphvizRenderer(isolation: .sandboxed(limits))
        }
    }

    /// The first graph of a DOT file, parsed by Graphviz.
    /// - Parameter linePrefix: Name a syntax error's line after the file (`FILE:3: ...`).
    func parse(_ text: String, file: String, linePrefix: Bool = false, quiet: Bool = false) throws -> DOTGraph {
        let renderer = try self.renderer
        let meter = ProgressMeter(
            label: "graphviz", total: 1, unit: "stages", enabled: !quiet && ProgressMeter.standardErrorIsTerminal)
        defer { meter.finish() }
        do {
            return try meter.stage("parsing \(file)") { try renderer.parse(text, source: file) }
        } catch let error as GraphvizError {
            throw GraphvizFailure(file: file + (linePrefix ? error.line.map { ":\($0)" } ?? "" : ""), error: error)
        }
    }

    /// Lays out and renders `graph` with `GraphvizRenderer` (sanitized, SVG checked), printing
    /// what the sanitizer changed and what was removed from the SVG.
    /// The stage shows on a progress line past 2 s on a terminal, unless `quiet`.
    func render(_ graph: DOTGraph, layout: GraphvizLayout, format: GraphvizFormat, file: String, quiet: Bool = false)
        throws -> GraphvizRendering
    {
        let renderer = try self.renderer
        let drawing: GraphvizRenderer.Drawing
        let meter = ProgressMeter(
            label: "graphviz", total: 1, unit: "stages", enabled: !quiet && ProgressMeter.standardErrorIsTerminal)
        defer { meter.finish() }
        do {
            drawing = try meter.stage("layout with \(layout.rawValue) and render to \(format.rawValue)") {
                try renderer.render(graph, layout: layout, format: format, source: file) { warnings in
                    for warning in warnings { Diagnostics.warn("\(file): \(warning)") }
                }
            }
        } catch let error as GraphvizError {
            throw GraphvizFailure(file: file, error: error)
        }
        for finding in drawing.removedFromSVG { Diagnostics.warn("\(file): removed from the SVG: \(finding)") }
        return GraphvizRendering(data: drawing.data, warnings: drawing.graphvizWarnings)
    }
}

/// A Graphviz error about a file: `FILE: Graphviz syntax error at line 3: ...`, or the
/// sandbox's own sentence, which names the file already (`Graphviz crashed (signal 11,
/// SIGSEGV) while laying out FILE with dot; ...`).
struct GraphvizFailure: Error, CustomStringConvertible {
    let file: String
    let error: GraphvizError

    var description: String {
        switch error.kind {
        case .crash, .timeout, .limit: return error.description
        default: return "\(file): \(error)"
        }
    }
}
