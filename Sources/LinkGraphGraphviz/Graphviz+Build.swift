import CGraphviz
import Foundation
import LinkGraphFormats

extension GraphvizSession {
    /// Builds `graph` through the cgraph API: `agopen`, `agattr`, `agsubg`, `agnode`,
    /// `agedge`, `agxset`, with `agstrdup_html` for HTML-like values. The caller closes the
    /// result with `agclose`.
    ///
    /// Statements are made in the order `DOTWriter` writes them (graph attributes, node and
    /// edge defaults, subgraphs, nodes, edges, at every level) and each one the way cgraph's
    /// own DOT parser makes it, so the graph is the one cgraph would read from
    /// `DOTWriter.write(graph)`: defaults apply to nodes and edges made after them, an edge
    /// brings its endpoints into its subgraph, parallel edges are kept (anonymous edges) unless
    /// the graph is strict, and an edge attribute `key` names the edge instead (edges with the
    /// same key between the same nodes are one edge). A NUL in a string becomes U+FFFD, as in
    /// `DOTWriter.quote`.
    ///
    /// cgraph 2.43 keeps one shared copy of each distinct string per graph and marks it HTML
    /// or not when it is first made, so an HTML-like value with the same text as a plain
    /// string (a node's name, say) would silently become plain, or make the plain one HTML.
    /// Such an HTML-like value gets an HTML comment `<!--n-->` appended, which Graphviz ignores.
    /// - Complexity: O((V + E + A) log V) for V nodes, E edges and A attribute assignments.
    mutating func buildGraph(_ graph: DOTGraph) throws -> UnsafeMutablePointer<Agraph_t> {
        var discipline = lg_disc_with_io(GraphvizIO.discipline)
        let description = lg_graph_desc(graph.isDirected ? 1 : 0, graph.isStrict ? 1 : 0)
        let opened =
            graph.name.isEmpty
            ? agopen(nil, description, &discipline)
            : CGraphStrings.with(graph.name) { agopen($0, description, &discipline) }
        guard let root = opened else {
            try settle(.build, failed: true, fallback: "agopen failed")
            throw GraphvizError(kind: .build, message: "agopen failed")
        }
        do {
            var builder = CGraphBuilder(root: root, graph: graph)
            builder.populate(graph.levels)
            // As cgraph's parser does when a graph ends: forget the names starting with `%`
            // (anonymous subgraphs), which agclose would otherwise leak.
            aginternalmapclearlocalnames(root)
            try settle(.build, failed: builder.failure != nil, fallback: builder.failure ?? "")
        } catch {
            agclose(root)
            throw error
        }
        return root
    }
}

/// Makes the objects and attributes of one `DOTGraph` in an open cgraph root graph.
struct CGraphBuilder {
    let root: UnsafeMutablePointer<Agraph_t>
    /// Plain strings of the model, collected only when it has HTML-like values, to keep the
    /// two kinds apart (see `internHTML`).
    private let plainTexts: Set<String>
    /// Root symbols by kind (`AGRAPH`, `AGNODE`, `AGEDGE`) and name.
    private var symbols: [Int32: [String: UnsafeMutablePointer<Agsym_t>]] = [:]
    /// The first thing cgraph refused, if any.
    private(set) var failure: String?

    init(root: UnsafeMutablePointer<Agraph_t>, graph: DOTGraph) {
        self.root = root
        self.plainTexts = graph.hasHTMLValues ? graph.plainStrings : []
    }

    /// Makes every level in `DOTWriter`'s order (`DOTLevel.walk`): a level's subgraph, its
    /// attributes and defaults as it opens; its nodes and edges as it closes.
    mutating func populate(_ levels: [DOTLevel]) {
        // The cgraph graph of each level; nil where agsubg refused it (its content is skipped).
        var made = [UnsafeMutablePointer<Agraph_t>?](repeating: nil, count: levels.count)
        DOTLevel.walk(levels) { index in
            let level = levels[index]
            guard let parent = level.parent else {
                made[index] = root
                setDefaults(root, level.body)
                return
            }
            guard let container = made[parent] else { return }
            guard let graph = CGraphStrings.with(level.name, { agsubg(container, $0, 1) }) else {
                fail("agsubg refused subgraph \"\(level.name)\"")
                return
            }
            made[index] = graph
            setDefaults(graph, level.body)
        } leave: { index in
            guard let graph = made[index] else { return }
            makeNodesAndEdges(graph, levels[index].body)
        }
    }

    private mutating func setDefaults(_ graph: UnsafeMutablePointer<Agraph_t>, _ body: DOTBody) {
        for (name, value) in body.attributes { setDefault(graph, kind: Int32(AGRAPH), name: name, value: value) }
        for (name, value) in body.nodeDefaults { setDefault(graph, kind: Int32(AGNODE), name: name, value: value) }
        // cgraph's parser ignores `key` in `edge [...]`.
        for (name, value) in body.edgeDefaults where name != "key" {
            setDefault(graph, kind: Int32(AGEDGE), name: name, value: value)
        }
    }

    private mutating func makeNodesAndEdges(_ graph: UnsafeMutablePointer<Agraph_t>, _ body: DOTBody) {
        for node in body.nodes {
            guard let made = makeNode(graph, node.id) else { continue }
            for (name, value) in node.attributes {
                set(UnsafeMutableRawPointer(made), kind: Int32(AGNODE), name: name, value: value)
            }
        }
        for edge in body.edges {
            guard let tail = makeNode(graph, edge.source), let head = makeNode(graph, edge.target) else { continue }
            // cgraph's parser: `key` names the edge and is not an attribute.
            let made: UnsafeMutablePointer<Agedge_t>?
            if let key = edge.attributes["key"] {
                made = CGraphStrings.with(key.text) { agedge(graph, tail, head, $0, 1) }
            } else {
                made = agedge(graph, tail, head, nil, 1)
            }
            // NULL only where cgraph's parser drops the edge too (a strict graph refusing it).
            guard let made else { continue }
            for (name, value) in edge.attributes where name != "key" {
                set(UnsafeMutableRawPointer(made), kind: Int32(AGEDGE), name: name, value: value)
            }
        }
    }

    private mutating func fail(_ message: String) {
        if failure == nil { failure = message }
    }

    private mutating func makeNode(_ graph: UnsafeMutablePointer<Agraph_t>, _ name: String) -> UnsafeMutablePointer<
        Agnode_t
    >? {
        let made = CGraphStrings.with(name) { agnode(graph, $0, 1) }
        if made == nil { fail("agnode refused node \"\(name)\"") }
        return made
    }

    /// A default (`node [...]`, `edge [...]`) or a graph attribute at `graph`'s level, as
    /// cgraph's parser sets it: declared with default "" where no level declares it yet, so
    /// objects that exist keep "", then given `value` at this level.
    private mutating func setDefault(
        _ graph: UnsafeMutablePointer<Agraph_t>, kind: Int32, name: String, value: DOTValue
    ) {
        CGraphStrings.with(name) { cName in
            if agattr(graph, kind, cName, nil) == nil {
                CGraphStrings.with("") { _ = agattr(graph, kind, cName, $0) }
            }
            withValue(value) { _ = agattr(graph, kind, cName, $0) }
        }
    }

    /// An attribute of one node or edge (declared at the root with default "" if new).
    private mutating func set(_ object: UnsafeMutableRawPointer, kind: Int32, name: String, value: DOTValue) {
        guard let symbol = symbol(kind: kind, name: name) else {
            fail("agattr refused attribute \"\(name)\"")
            return
        }
        withValue(value) { _ = agxset(object, symbol, $0) }
    }

    private mutating func symbol(kind: Int32, name: String) -> UnsafeMutablePointer<Agsym_t>? {
        if let known = symbols[kind]?[name] { return known }
        let found = CGraphStrings.with(name) { cName in
            agattr(root, kind, cName, nil) ?? CGraphStrings.with("") { agattr(root, kind, cName, $0) }
        }
        if let found { symbols[kind, default: [:]][name] = found }
        return found
    }

    /// Calls `body` with the C string for `value`: a plain string, or an HTML string made
    /// with `agstrdup_html` and released with `agstrfree` after (cgraph keeps its own
    /// reference for every attribute that holds it).
    private func withValue(_ value: DOTValue, _ body: (UnsafeMutablePointer<CChar>) -> Void) {
        switch value {
        case .plain(let text):
            CGraphStrings.with(text, body)
        case .html(let text):
            let html = internHTML(text)
            defer { agstrfree(root, html) }
            body(html)
        }
    }

    /// `agstrdup_html` of `text`, or of `text<!--n-->` for the smallest n that is neither a
    /// plain string of the model nor already a plain string in cgraph (its names, `\N`, ...).
    private func internHTML(_ text: String) -> UnsafeMutablePointer<CChar> {
        var html: UnsafeMutablePointer<CChar>?
        _ = DOTGraph.distinctHTML(text, plainStrings: plainTexts) { candidate in
            guard let made = CGraphStrings.with(candidate, { agstrdup_html(root, $0) }) else { return true }
            if aghtmlstr(made) != 0 {
                html = made
                return false
            }
            agstrfree(root, made)  // cgraph holds it as a plain string already
            return true
        }
        return html!
    }
}

/// Swift strings as the `char *` cgraph's API takes.
enum CGraphStrings {
    /// `text` with NUL (which a C string cannot hold) replaced by U+FFFD, as `DOTWriter` does.
    static func cleaned(_ text: String) -> String {
        DOTGraph.cleaned(text)
    }

    /// Calls `body` with a NUL-terminated copy of `text`. cgraph declares `char *` but never
    /// writes through these arguments (it copies them with `agstrdup`).
    static func with<R>(_ text: String, _ body: (UnsafeMutablePointer<CChar>) -> R) -> R {
        cleaned(text).withCString { body(UnsafeMutablePointer(mutating: $0)) }
    }
}
