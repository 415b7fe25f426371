import CGraphviz
import LinkGraphFormats

/// Reads DOT text into `DOTGraph` with cgraph's own parser (`agread`), for importing `.gv`
/// files: the same reading `dot` does, so whatever Graphviz accepts is accepted.
///
/// The model is what cgraph keeps, arranged the way `DOTWriter` writes and the builder makes
/// a graph, so that building the result gives back the same cgraph graph:
/// - every node and edge, each subgraph (nested, clusters included) and its members;
/// - graph attributes, and `node [...]` / `edge [...]` defaults, per level, where they differ
///   from the level above (at the root: from Graphviz's own defaults);
/// - a node or edge's attributes where they differ from the defaults of the level it is
///   listed at; an edge's key (`a -> b [key=x]`) as its attribute `key`;
/// - HTML-like values as `.html` (cgraph marks them: `aghtmlstr`).
///
/// What cgraph does not keep is lost: comments, statement order beyond creation order, which
/// statement set an attribute. Order is creation order (`AGSEQ`) for subgraphs, nodes and
/// edges, and declaration order for attribute names (except the node `label`, which Graphviz
/// declares before any graph). A node is listed in the innermost subgraphs holding it (at
/// the root when none does), with its attributes at its first listing; an edge in the
/// innermost subgraph holding it. Subgraphs cgraph names itself (anonymous ones, and names
/// starting with `%`) are named `%1`, `%2`, ... in order, which keeps them apart when
/// written back. An anonymous root graph has the name "". Strings that are not valid UTF-8
/// (`charset=latin1` files) are repaired with U+FFFD.
///
/// ## References
/// - The DOT language: <https://graphviz.org/doc/info/lang.html>
/// - S. North, E. Gansner, "Cgraph Tutorial": <https://graphviz.org/pdf/cgraph.pdf>
public enum GraphvizDOTParser {
    /// The first graph of `text`. Later graphs are parsed (a syntax error in them throws)
    /// and dropped.
    /// - Throws: `GraphvizError` of kind `.syntax`, with Graphviz's message and the line,
    ///   when the text does not parse or holds no graph.
    /// - Complexity: O(length of the text + (V + E + S) × (A + depth) ) for V nodes, E edges,
    ///   S subgraphs, A attribute names and nesting depth; holds the Graphviz lock.
    public static func parse(_ text: String) throws -> DOTGraph {
        try Graphviz.shared.withSession { session in
            let graphs = try session.readGraphs(text)
            defer { for graph in graphs { agclose(graph) } }
            var reader = CGraphReader(root: graphs[0])
            return reader.read()
        }
    }

    /// Every graph of `text`, in order (a file may hold several, as `dot` accepts).
    /// - Throws: `GraphvizError` of kind `.syntax`, as `parse(_:)`.
    public static func parseAll(_ text: String) throws -> [DOTGraph] {
        try Graphviz.shared.withSession { session in
            let graphs = try session.readGraphs(text)
            defer { for graph in graphs { agclose(graph) } }
            return graphs.map { graph in
                var reader = CGraphReader(root: graph)
                return reader.read()
            }
        }
    }
}

/// Turns one cgraph root graph into a `DOTGraph`. Used under the Graphviz lock only.
struct CGraphReader {
    typealias Graph = UnsafeMutablePointer<Agraph_t>
    typealias Symbol = UnsafeMutablePointer<Agsym_t>

    let root: Graph
    /// Attribute symbols of the root, by kind, in declaration order (symbol id).
    private let graphSymbols: [Symbol]
    private let nodeSymbols: [Symbol]
    private let edgeSymbols: [Symbol]
    /// The innermost (last in order) graph holding each edge, by edge sequence number.
    private var edgePlacement: [UInt: Graph] = [:]
    /// Nodes already listed with their attributes, by sequence number.
    private var listedNodes: Set<UInt> = []
    /// The count of subgraphs renamed `%n` so far.
    private var anonymousCount = 0

    init(root: Graph) {
        self.root = root
        graphSymbols = Self.symbols(root, kind: Int32(AGRAPH))
        nodeSymbols = Self.symbols(root, kind: Int32(AGNODE))
        edgeSymbols = Self.symbols(root, kind: Int32(AGEDGE))
    }

    mutating func read() -> DOTGraph {
        let graphs = Self.levels(of: root)
        placeEdges(graphs)
        var levels: [DOTLevel] = []
        levels.reserveCapacity(graphs.count)
        // Names, attributes and defaults as a level opens; nodes and edges as it closes, after
        // its subgraphs: the order the builder makes them, so a node's attributes are taken
        // relative to the level where it is first made.
        var children = [[Graph]](repeating: [], count: graphs.count)
        for (graph, parent) in graphs { if let parent { children[parent].append(graph) } }
        DOTLevel.walk(parents: graphs.map(\.parent)) { index in
            var level = openLevel(graphs[index].graph, parent: graphs[index].parent.map { graphs[$0].graph })
            if let parent = graphs[index].parent {
                level.parent = parent
                level.depth = levels[parent].depth + 1
            }
            levels.append(level)
        } leave: { index in
            let (nodes, edges) = readNodesAndEdges(graphs[index].graph, children: children[index])
            levels[index].body.nodes = nodes
            levels[index].body.edges = edges
        }
        return DOTGraph(isDirected: agisdirected(root) != 0, isStrict: agisstrict(root) != 0, levels: levels)
    }

    // MARK: Levels

    /// The root and every subgraph in pre-order (children by creation order), each with the
    /// index of its parent; without recursion.
    private static func levels(of root: Graph) -> [(graph: Graph, parent: Int?)] {
        var result: [(graph: Graph, parent: Int?)] = [(root, nil)]
        var pending = subgraphs(of: root).reversed().map { ($0, 0) }
        while let (graph, parent) = pending.popLast() {
            let index = result.count
            result.append((graph, parent))
            pending += subgraphs(of: graph).reversed().map { ($0, index) }
        }
        return result
    }

    /// A level's name, graph attributes and defaults (relative to its parent's, or to
    /// Graphviz's own at the root).
    private mutating func openLevel(_ graph: Graph, parent: Graph?) -> DOTLevel {
        var name = Self.string(agnameof(UnsafeMutableRawPointer(graph)))
        var body = DOTBody()
        if let parent {
            if name.hasPrefix("%") {
                anonymousCount += 1
                name = "%\(anonymousCount)"
            }
            body.attributes = attributes(graph, Int32(AGRAPH), graphSymbols) { symbol in
                agxget(UnsafeMutableRawPointer(parent), symbol).map { (Self.string($0), aghtmlstr($0) != 0) }
            }
        } else {
            if name.hasPrefix("%") { name = "" }
            body.attributes = attributes(graph, Int32(AGRAPH), graphSymbols) { symbol in
                Self.protoDefault(kind: Int32(AGRAPH), symbol)
            }
        }
        body.nodeDefaults = defaults(graph, Int32(AGNODE), nodeSymbols, parent: parent)
        body.edgeDefaults = defaults(graph, Int32(AGEDGE), edgeSymbols, parent: parent)
        return DOTLevel(name: name, parent: nil, depth: 0, body: body)
    }

    /// The nodes of `graph` that none of its `children` holds, and the edges placed in it.
    private mutating func readNodesAndEdges(_ graph: Graph, children: [Graph]) -> ([DOTNode], [DOTEdge]) {
        var inChildren: Set<UInt> = []
        for child in children {
            var node = agfstnode(child)
            while let current = node {
                inChildren.insert(lg_object_seq(current))
                node = agnxtnode(child, current)
            }
        }
        var nodes: [DOTNode] = []
        var node = agfstnode(graph)
        while let current = node {
            let seq = lg_object_seq(current)
            if !inChildren.contains(seq) {
                let name = Self.string(agnameof(UnsafeMutableRawPointer(current)))
                if listedNodes.insert(seq).inserted {
                    let attributes = attributes(current, Int32(AGNODE), nodeSymbols) { symbol in
                        Self.defaultValue(graph, kind: Int32(AGNODE), symbol)
                    }
                    nodes.append(DOTNode(name, attributes: attributes))
                } else {
                    nodes.append(DOTNode(name))
                }
            }
            node = agnxtnode(graph, current)
        }

        var edges: [(seq: UInt, edge: DOTEdge)] = []
        node = agfstnode(graph)
        while let current = node {
            var edge = agfstout(graph, current)
            while let out = edge {
                let seq = lg_object_seq(out)
                if edgePlacement[seq] == graph {
                    edges.append((seq, readEdge(out, level: graph)))
                }
                edge = agnxtout(graph, out)
            }
            node = agnxtnode(graph, current)
        }
        edges.sort { $0.seq < $1.seq }
        return (nodes, edges.map(\.edge))
    }

    private func readEdge(_ edge: UnsafeMutablePointer<Agedge_t>, level: Graph) -> DOTEdge {
        let source = Self.string(agnameof(UnsafeMutableRawPointer(lg_edge_tail(edge))))
        let target = Self.string(agnameof(UnsafeMutableRawPointer(lg_edge_head(edge))))
        var attributes = attributes(edge, Int32(AGEDGE), edgeSymbols) { symbol in
            Self.defaultValue(level, kind: Int32(AGEDGE), symbol)
        }
        if let key = agnameof(UnsafeMutableRawPointer(edge)) {
            attributes = DOTAttributes(
                [("key", .plain(String(cString: key)))] + attributes.entries.map { ($0.name, $0.value) })
        }
        return DOTEdge(source, target, attributes: attributes)
    }

    /// Places every edge in the innermost graph holding it: `graphs` in pre-order, so a
    /// subgraph overrides its ancestors (and a later sibling an earlier one).
    private mutating func placeEdges(_ graphs: [(graph: Graph, parent: Int?)]) {
        for (graph, _) in graphs {
            var node = agfstnode(graph)
            while let current = node {
                var edge = agfstout(graph, current)
                while let out = edge {
                    edgePlacement[lg_object_seq(out)] = graph
                    edge = agnxtout(graph, out)
                }
                node = agnxtnode(graph, current)
            }
        }
    }

    // MARK: Attributes

    /// The attributes of `object` whose value differs from `baseline(symbol)` (text and kind).
    private func attributes<Object>(
        _ object: UnsafeMutablePointer<Object>, _ kind: Int32, _ symbols: [Symbol],
        baseline: (Symbol) -> (text: String, isHTML: Bool)?
    ) -> DOTAttributes {
        var result: [(String, DOTValue)] = []
        for symbol in symbols {
            guard let value = agxget(UnsafeMutableRawPointer(object), symbol) else { continue }
            let text = Self.string(value)
            let isHTML = aghtmlstr(value) != 0
            let base = baseline(symbol) ?? ("", false)
            if base.text == text && base.isHTML == isHTML { continue }
            result.append((Self.string(symbol.pointee.name), isHTML ? .html(text) : .plain(text)))
        }
        return DOTAttributes(result)
    }

    /// The defaults (`node [...]` or `edge [...]`) that `graph` sets: those that differ from
    /// its parent's, or from Graphviz's own at the root.
    private func defaults(_ graph: Graph, _ kind: Int32, _ symbols: [Symbol], parent: Graph?) -> DOTAttributes {
        var result: [(String, DOTValue)] = []
        for symbol in symbols {
            guard let value = Self.defaultValue(graph, kind: kind, symbol) else { continue }
            let base = parent.map { Self.defaultValue($0, kind: kind, symbol) } ?? Self.protoDefault(kind: kind, symbol)
            let same =
                base.map { $0.text == value.text && $0.isHTML == value.isHTML } ?? (value.text.isEmpty && !value.isHTML)
            if same { continue }
            result.append((Self.string(symbol.pointee.name), value.isHTML ? .html(value.text) : .plain(value.text)))
        }
        return DOTAttributes(result)
    }

    /// The default of `symbol`'s attribute in effect at `graph` (its own or inherited).
    private static func defaultValue(_ graph: Graph, kind: Int32, _ symbol: Symbol) -> (text: String, isHTML: Bool)? {
        guard let found = agattr(graph, kind, symbol.pointee.name, nil), let value = found.pointee.defval else {
            return nil
        }
        return (string(value), aghtmlstr(value) != 0)
    }

    /// Graphviz's own default for an attribute (the prototype graph's: `label` is `\N` for
    /// nodes once a context exists), or "".
    private static func protoDefault(kind: Int32, _ symbol: Symbol) -> (text: String, isHTML: Bool)? {
        guard let found = agattr(nil, kind, symbol.pointee.name, nil), let value = found.pointee.defval else {
            return ("", false)
        }
        return (string(value), false)
    }

    // MARK: Helpers

    private static func symbols(_ graph: Graph, kind: Int32) -> [Symbol] {
        var result: [Symbol] = []
        var symbol = agnxtattr(graph, kind, nil)
        while let current = symbol {
            result.append(current)
            symbol = agnxtattr(graph, kind, current)
        }
        return result.sorted { $0.pointee.id < $1.pointee.id }
    }

    private static func subgraphs(of graph: Graph) -> [Graph] {
        var result: [Graph] = []
        var child = agfstsubg(graph)
        while let current = child {
            result.append(current)
            child = agnxtsubg(current)
        }
        return result.sorted { lg_object_seq($0) < lg_object_seq($1) }
    }

    private static func string(_ text: UnsafePointer<CChar>?) -> String {
        text.map { String(cString: $0) } ?? ""
    }

    private static func string(_ text: UnsafeMutablePointer<CChar>?) -> String {
        text.map { String(cString: $0) } ?? ""
    }
}
