/// A Graphviz layout engine: the program that places nodes and routes edges.
///
/// The raw value is the engine's name as `gvLayout` and `dot -K` know it. A graph attribute
/// `layout=...` in the graph itself overrides the engine asked for, as it does for `dot`.
///
/// ## References
/// - Layout engines: <https://graphviz.org/docs/layouts/>
public enum GraphvizLayout: String, CaseIterable, Sendable {
    /// Hierarchical (layered) drawing of directed graphs; the best fit for chains of command.
    case dot
    /// Spring model (stress majorization); undirected, up to a few hundred nodes.
    case neato
    /// Force-directed (Fruchterman–Reingold); undirected, clusters supported.
    case fdp
    /// Multiscale force-directed; large undirected graphs (thousands of nodes and more).
    case sfdp
    /// Circular layout of biconnected components.
    case circo
    /// Radial layout around a root node.
    case twopi
    /// Array-based packing of clusters.
    case osage
    /// Squarified treemap of clusters; edges are not drawn.
    case patchwork

    /// The layout named `name` (`"dot"`, `"neato"`, ...), case-insensitive; `nil` for any other.
    public init?(name: String) {
        self.init(rawValue: name.lowercased())
    }
}
