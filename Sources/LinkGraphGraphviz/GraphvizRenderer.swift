import Foundation
import LinkGraphFormats

/// Draws a `DOTGraph` the safe way, as `linkgraph render` does: the graph passes
/// `DOTSanitizer` first (an allowlist of attributes, no local files, only web links, no
/// combinations that crash Graphviz 2.43), Graphviz lays it out and renders it in a worker
/// process with limits (or in this process, when asked), and an SVG passes `SVGSafety` after
/// (no scripts, no event handlers, no links outside http, https and mailto).
///
/// ```swift
/// let renderer = GraphvizRenderer(isolation: .sandboxed(.default))
/// let drawing = try renderer.render(graph, format: .svg)
/// try drawing.data.write(to: url)
/// ```
///
/// A program that renders `.sandboxed` must act as the worker when it is started with
/// `GraphvizWorker.commandName` (`if CommandLine.arguments.dropFirst().first == GraphvizWorker.commandName
/// { exit(GraphvizWorker.run(arguments: Array(CommandLine.arguments.dropFirst(2)))) }` at the
/// top of `main`), or name another executable that does (`.worker(GraphvizSandbox(...))`).
/// - Complexity: as `Graphviz.shared`, plus O(size of the graph) to sanitize and O(size of the
///   SVG) to check; a worker process costs a few milliseconds to start.
public struct GraphvizRenderer: Sendable {
    /// Where Graphviz runs.
    public enum Isolation: Sendable {
        /// In a worker process started from this program's own executable
        /// (`GraphvizSandbox.currentExecutable`), with these limits. A crash, a hang or runaway
        /// memory in Graphviz becomes a `GraphvizError`.
        case sandboxed(GraphvizSandbox.Limits)
        /// In the worker processes of this sandbox (another executable, or other arguments).
        case worker(GraphvizSandbox)
        /// In this process: starts faster, but a Graphviz crash ends the program and a hang
        /// stalls it.
        case inProcess
    }

    /// A drawing, and what was changed on the way to it.
    public struct Drawing: Sendable, Equatable {
        /// The rendered bytes.
        public var data: Data
        /// What `DOTSanitizer` changed in the graph: one message per kind of change, with
        /// where it happened.
        public var sanitizerWarnings: [String]
        /// What `SVGSafety` removed from the SVG.
        public var removedFromSVG: [SVGSafety.Finding]
        /// Graphviz's own warnings.
        public var graphvizWarnings: [String]
    }

    public var isolation: Isolation

    public init(isolation: Isolation = .sandboxed(.default)) {
        self.isolation = isolation
    }

    /// The sandbox that `isolation` names; `nil` in process.
    /// - Throws: `GraphvizError` of kind `.worker` when this program's executable is not found.
    public func sandbox() throws -> GraphvizSandbox? {
        switch isolation {
        case .inProcess:
            return nil
        case .worker(let sandbox):
            return sandbox
        case .sandboxed(let limits):
            guard let sandbox = GraphvizSandbox.currentExecutable(limits: limits) else {
                throw GraphvizError(
                    kind: .worker, message: "cannot find this program's executable to run Graphviz in a worker process")
            }
            return sandbox
        }
    }

    /// The first graph of a DOT text, read by Graphviz's own parser (`GraphvizDOTParser`).
    /// - Parameter source: The file the text came from, for messages.
    /// - Throws: `GraphvizError`: `.syntax` with the line; in a worker also `.crash`,
    ///   `.timeout`, `.limit` or `.worker`, whose messages name `source`.
    public func parse(_ text: String, source: String? = nil) throws -> DOTGraph {
        if let sandbox = try sandbox() { return try sandbox.parse(text, source: source) }
        return try GraphvizDOTParser.parse(text)
    }

    /// Sanitizes, lays out and renders `graph`, and checks an SVG.
    /// - Parameters:
    ///   - options: What the sanitizer allows; by default `&` is escaped for SVG only, and
    ///     attributes Graphviz does not use are kept in DOT, xdot and JSON output only.
    ///   - source: The file the graph came from, for messages.
    ///   - sanitized: Called with the sanitizer's warnings before Graphviz runs, so that they
    ///     can be shown when Graphviz then fails (they are in the `Drawing` too).
    /// - Throws: `GraphvizError`, as `parse`, and of kind `.render` for an SVG that is not
    ///   well-formed XML.
    public func render(
        _ graph: DOTGraph, layout: GraphvizLayout = .dot, format: GraphvizFormat, options: DOTSanitizer.Options? = nil,
        source: String? = nil, sanitized: ([String]) -> Void = { _ in }
    ) throws -> Drawing {
        let safe = DOTSanitizer.sanitize(graph, options: options ?? Self.options(for: format))
        sanitized(safe.warnings)
        let rendering: GraphvizRendering
        if let sandbox = try sandbox() {
            rendering = try sandbox.rendering(safe.graph, layout: layout, format: format, source: source)
        } else {
            rendering = try Graphviz.shared.rendering(safe.graph, layout: layout, format: format)
        }
        var drawing = Drawing(
            data: rendering.data, sanitizerWarnings: safe.warnings, removedFromSVG: [],
            graphvizWarnings: rendering.warnings)
        if format == .svg {
            let checked = try SVGSafety.sanitize(rendering.data)
            drawing.data = checked.data
            drawing.removedFromSVG = checked.removed
        }
        return drawing
    }

    /// The sanitizer's options for `format`: `&` escaped for SVG; attributes Graphviz does
    /// not use kept for the text formats that carry them (DOT, xdot, JSON).
    public static func options(for format: GraphvizFormat) -> DOTSanitizer.Options {
        var options = DOTSanitizer.Options()
        options.xmlEscapes = format == .svg
        options.keepsUnknownAttributes = format.isText && format != .svg
        return options
    }
}
