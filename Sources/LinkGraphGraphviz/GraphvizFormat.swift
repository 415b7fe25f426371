/// An output format produced by Graphviz's own renderers (`dot -T`).
///
/// The raw value is the renderer name passed to `gvRenderData`. In Graphviz 2.43, `svg`,
/// `dot`, `xdot` and `json` come from the core plugin and `png` and `pdf` from the cairo
/// (pango) plugin.
///
/// ## References
/// - Output formats: <https://graphviz.org/docs/outputs/>
public enum GraphvizFormat: String, CaseIterable, Sendable {
    /// Scalable Vector Graphics (UTF-8 XML text).
    case svg
    /// Portable Network Graphics (binary, 96 dpi unless the graph sets `dpi`).
    case png
    /// Portable Document Format (binary).
    case pdf
    /// DOT text with the layout added as attributes (`pos`, `bb`, `width`, ...). Graphviz
    /// 2.43 writes it with `agwrite`, which drops a node attribute inside a subgraph when it
    /// equals the root's default but not the subgraph's (read it back with care).
    case dot
    /// DOT text with the drawing as xdot operations (`_draw_`, `_ldraw_`, ...).
    case xdot
    /// JSON with the layout and xdot drawing operations.
    case json

    /// The renderer name given to Graphviz.
    public var rendererName: String { rawValue }

    /// The usual file extension, without the dot.
    public var fileExtension: String { rawValue }

    /// Whether the output is text (UTF-8) rather than binary.
    public var isText: Bool {
        switch self {
        case .svg, .dot, .xdot, .json: return true
        case .png, .pdf: return false
        }
    }

    /// The format a file extension names, case-insensitive, with or without the leading dot:
    /// `svg`, `png`, `pdf`, `dot` or `gv` (DOT), `xdot`, `json`; `nil` for any other.
    public init?(fileExtension: String) {
        var ext = fileExtension.lowercased()
        if ext.hasPrefix(".") { ext.removeFirst() }
        switch ext {
        case "gv": self = .dot
        default: self.init(rawValue: ext)
        }
    }

    /// The format named by the extension of the last path component of `path`
    /// (`out/graph.svg` → `.svg`); `nil` when it has no extension or an unknown one.
    public init?(path: String) {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        self.init(fileExtension: String(name[name.index(after: dot)...]))
    }
}
