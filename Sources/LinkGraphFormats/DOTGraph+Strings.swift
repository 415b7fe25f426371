/// The strings of a graph as cgraph will hold them, for keeping HTML-like values apart from
/// plain strings with the same text.
///
/// cgraph 2.43 keeps one shared copy of each distinct string per graph and marks it HTML or
/// not when it is first made (`agstrdup`, `agstrdup_html`), so an HTML-like value whose text
/// equals a plain string elsewhere in the graph (a node's name, say) silently becomes plain,
/// or makes the plain one HTML, whether the graph is built through the API or parsed from DOT.
/// Both `DOTWriter` and the Graphviz builder append an HTML comment `<!--n-->`, which Graphviz
/// ignores, to such a value.
extension DOTGraph {
    /// Whether any attribute value at any level is HTML-like.
    public var hasHTMLValues: Bool {
        var found = false
        visitStrings { value in
            if case .html = value { found = true }
        } names: { _ in
        }
        return found
    }

    /// Every string the graph gives cgraph as a plain string (names, attribute names, plain
    /// values, with NUL as U+FFFD as `DOTWriter.quote` writes it), and the escapes cgraph
    /// interns itself (`\N`, `\G`, ...).
    /// - Complexity: O(size of the graph).
    public var plainStrings: Set<String> {
        var texts: Set<String> = ["", "\\N", "\\G", "\\E", "\\T", "\\H", "\\L"]
        visitStrings { value in
            if case .plain(let text) = value { texts.insert(Self.cleaned(text)) }
        } names: { name in
            texts.insert(Self.cleaned(name))
        }
        return texts
    }

    /// `html`, or `html<!--n-->` for the smallest n ≥ 1 that is not in `plainStrings` (and not
    /// refused by `isTaken`), so that cgraph keeps it HTML.
    public static func distinctHTML(
        _ html: String, plainStrings: Set<String>, isTaken: (String) -> Bool = { _ in false }
    ) -> String {
        var candidate = html
        var suffix = 0
        while plainStrings.contains(candidate) || isTaken(candidate) {
            suffix += 1
            candidate = html + "<!--\(suffix)-->"
        }
        return candidate
    }

    /// `text` with NUL (which a C string cannot hold) replaced by U+FFFD.
    public static func cleaned(_ text: String) -> String {
        guard text.utf8.contains(0) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(scalar == "\0" ? "\u{FFFD}" : scalar) }
        return String(out)
    }

    /// Calls `values` with every attribute value and `names` with every name (graph,
    /// subgraph, node, edge endpoint and key, attribute name) at every level.
    func visitStrings(values: (DOTValue) -> Void, names: (String) -> Void) {
        func visitAttributes(_ attributes: DOTAttributes) {
            for (name, value) in attributes {
                names(name)
                values(value)
            }
        }
        for level in levels {
            names(level.name)
            visitAttributes(level.body.attributes)
            visitAttributes(level.body.nodeDefaults)
            visitAttributes(level.body.edgeDefaults)
            for node in level.body.nodes {
                names(node.id)
                visitAttributes(node.attributes)
            }
            for edge in level.body.edges {
                names(edge.source)
                names(edge.target)
                visitAttributes(edge.attributes)
                if let key = edge.attributes["key"] { names(key.text) }
            }
        }
    }
}
