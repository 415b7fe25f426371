import CGraphviz
import Foundation
import LinkGraph
import LinkGraphFormats

/// Rendered bytes and the warnings Graphviz reported while making them.
public struct GraphvizRendering: Equatable, Sendable {
    /// The output in the format asked for (UTF-8 text for SVG, DOT, xdot and JSON).
    public var data: Data
    /// Graphviz's warnings, in order, without the `Warning: ` prefix (for example
    /// `node "a", graph "G" size too small for label`).
    public var warnings: [String]

    /// A rendering of `data` with Graphviz's `warnings`.
    public init(data: Data, warnings: [String]) {
        self.data = data
        self.warnings = warnings
    }
}

extension Graphviz {
    /// Lays out `graph` and renders it, built through the cgraph API (no DOT text in between).
    ///
    /// - Parameters:
    ///   - graph: The drawing. HTML-like values become HTML-like labels.
    ///   - layout: The layout engine; a `layout` attribute of the graph overrides it.
    ///   - format: The output format.
    /// - Returns: The bytes, and Graphviz's warnings.
    /// - Throws: `GraphvizError` with Graphviz's message: `.layout` when the engine fails or
    ///   reports an error (a malformed HTML-like label, an unknown `layout` attribute),
    ///   `.render` when the renderer does, `.build` when cgraph refuses an object.
    /// - Complexity: Building is O((V + E) log V); the layout dominates (for `dot`, network
    ///   simplex ranking and crossing minimisation, typically super-linear in V + E). Holds
    ///   the Graphviz lock throughout.
    public func rendering(_ graph: DOTGraph, layout: GraphvizLayout = .dot, format: GraphvizFormat) throws
        -> GraphvizRendering
    {
        try withSession { session in
            let built = try session.buildGraph(graph)
            defer { agclose(built) }
            let data = try session.layoutAndRender(built, layout: layout, format: format)
            return GraphvizRendering(data: data, warnings: session.warnings)
        }
    }

    /// The bytes of `rendering(graph, layout:format:)`, without the warnings.
    public func render(_ graph: DOTGraph, layout: GraphvizLayout = .dot, format: GraphvizFormat) throws -> Data {
        try rendering(graph, layout: layout, format: format).data
    }

    /// Lays out and renders the first graph of a DOT text (a `.dot` or `.gv` file), read by
    /// cgraph (`agread`). Later graphs in the text are parsed (a syntax error in them throws)
    /// but not drawn.
    ///
    /// - Parameters:
    ///   - text: DOT text.
    ///   - layout: The layout engine; a `layout` attribute of the graph overrides it.
    ///   - format: The output format.
    /// - Throws: `GraphvizError`: `.syntax` with Graphviz's message and `line` when the text
    ///   does not parse or holds no graph; `.layout` or `.render` as for a `DOTGraph`.
    /// - Complexity: Parsing is O(length of the text); then as `rendering(_:layout:format:)`.
    public func rendering(dot text: String, layout: GraphvizLayout = .dot, format: GraphvizFormat) throws
        -> GraphvizRendering
    {
        try withSession { session in
            let graphs = try session.readGraphs(text)
            defer { for graph in graphs { agclose(graph) } }
            let data = try session.layoutAndRender(graphs[0], layout: layout, format: format)
            return GraphvizRendering(data: data, warnings: session.warnings)
        }
    }

    /// The bytes of `rendering(dot:layout:format:)`, without the warnings.
    public func render(dot text: String, layout: GraphvizLayout = .dot, format: GraphvizFormat) throws -> Data {
        try rendering(dot: text, layout: layout, format: format).data
    }

    /// Renders `graph` into a file, written to a temporary name and renamed, so a failure
    /// leaves no half-written file.
    ///
    /// - Parameters:
    ///   - format: The format, or `nil` for the one the file's extension names
    ///     (`GraphvizFormat(path:)`: `.svg`, `.png`, `.pdf`, `.dot`/`.gv`, `.xdot`, `.json`).
    ///   - url: A file URL.
    /// - Returns: Graphviz's warnings.
    /// - Throws: `GraphvizError`: `.write` for an unknown extension or a failed write, or as
    ///   `rendering(_:layout:format:)`.
    @discardableResult
    public func render(_ graph: DOTGraph, layout: GraphvizLayout = .dot, format: GraphvizFormat? = nil, to url: URL)
        throws -> [String]
    {
        let format = try Self.format(format, for: url)
        let result = try rendering(graph, layout: layout, format: format)
        try Self.write(result.data, to: url)
        return result.warnings
    }

    /// Renders the first graph of a DOT text into a file, like `render(_:layout:format:to:)`.
    /// - Throws: `GraphvizError`, as `rendering(dot:layout:format:)` or `.write`.
    @discardableResult
    public func render(dot text: String, layout: GraphvizLayout = .dot, format: GraphvizFormat? = nil, to url: URL)
        throws -> [String]
    {
        let format = try Self.format(format, for: url)
        let result = try rendering(dot: text, layout: layout, format: format)
        try Self.write(result.data, to: url)
        return result.warnings
    }

    private static func format(_ format: GraphvizFormat?, for url: URL) throws -> GraphvizFormat {
        if let format { return format }
        guard let named = GraphvizFormat(path: url.path) else {
            throw GraphvizError(
                kind: .write,
                message:
                    "cannot tell the output format from \"\(url.lastPathComponent)\"; use .svg, .png, .pdf, .dot, .gv, .xdot or .json"
            )
        }
        return named
    }

    /// Written as every output is (`FileIO.writeAtomically`: links followed, devices in place, mode kept).
    private static func write(_ data: Data, to url: URL) throws {
        do {
            try FileIO.writeAtomically(data, to: url.path)
        } catch {
            throw GraphvizError(kind: .write, message: "could not write \(error)")
        }
    }
}

extension GraphvizSession {
    /// `gvLayout`, then `gvRenderData` into bytes; frees the render data and the layout.
    /// `stage` is told `"layout"` and `"render"` before each step (the sandbox's worker
    /// reports them, so that a crash can be placed).
    mutating func layoutAndRender(
        _ graph: UnsafeMutablePointer<Agraph_t>, layout: GraphvizLayout, format: GraphvizFormat,
        stage: (String) -> Void = { _ in }
    ) throws -> Data {
        stage("layout")
        let laidOut = gvLayout(context, graph, layout.rawValue)
        defer { gvFreeLayout(context, graph) }
        try settle(.layout, failed: laidOut != 0, fallback: "layout \(layout.rawValue) failed")
        var bytes: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        stage("render")
        let rendered = gvRenderData(context, graph, format.rendererName, &bytes, &length)
        defer { gvFreeRenderData(bytes) }
        try settle(.render, failed: rendered != 0 || bytes == nil, fallback: "rendering \(format.rawValue) failed")
        guard let bytes else { return Data() }
        return Data(bytes: bytes, count: Int(length))
    }
}
