/// Writes a `DOTGraph` as DOT text (the Graphviz language), byte for byte the same for the
/// same graph.
///
/// Every identifier and value is written as a double-quoted string, so DOT keywords
/// (`node`, `graph`, `strict`, ...), empty strings, punctuation and any script are safe.
/// Inside quotes cgraph treats only `\"` (a quote) and backslash-newline (a line
/// continuation) specially; `DOTWriter.quote` escapes those so the text cgraph reads back is
/// the string given. HTML-like values are written between `<` and `>` as they are, with an
/// HTML comment `<!--n-->` appended when their text equals a plain string of the graph, so
/// that cgraph does not read them as that plain string (see `DOTGraph.plainStrings`).
/// - Complexity: O(size of the output).
///
/// ## References
/// - The DOT language: <https://graphviz.org/doc/info/lang.html>
public enum DOTWriter {
    /// The DOT text of `graph`, ending with a newline.
    public static func write(_ graph: DOTGraph) -> String {
        var out = ""
        if graph.isStrict { out += "strict " }
        out += graph.isDirected ? "digraph " : "graph "
        if !graph.name.isEmpty { out += quote(graph.name) + " " }
        out += "{\n"
        let edgeOperator = graph.isDirected ? " -> " : " -- "
        let plain = graph.hasHTMLValues ? graph.plainStrings : []
        let levels = graph.levels
        DOTLevel.walk(levels) { index in
            let body = levels[index].body, depth = levels[index].depth
            let indent = String(repeating: "\t", count: depth + 1)
            if index > 0 {
                out += String(repeating: "\t", count: depth) + "subgraph " + quote(levels[index].name) + " {\n"
            }
            for (name, value) in body.attributes {
                out += indent + quote(name) + "=" + format(value, apartFrom: plain) + ";\n"
            }
            if !body.nodeDefaults.isEmpty { out += indent + "node" + attributeList(body.nodeDefaults, plain) + ";\n" }
            if !body.edgeDefaults.isEmpty { out += indent + "edge" + attributeList(body.edgeDefaults, plain) + ";\n" }
        } leave: { index in
            let body = levels[index].body, depth = levels[index].depth
            let indent = String(repeating: "\t", count: depth + 1)
            for node in body.nodes {
                out += indent + quote(node.id) + attributeList(node.attributes, plain) + ";\n"
            }
            for edge in body.edges {
                out += indent + quote(edge.source) + edgeOperator + quote(edge.target)
                out += attributeList(edge.attributes, plain) + ";\n"
            }
            if index > 0 { out += String(repeating: "\t", count: depth) + "}\n" }
        }
        out += "}\n"
        return out
    }

    private static func attributeList(_ attributes: DOTAttributes, _ plain: Set<String>) -> String {
        if attributes.isEmpty { return "" }
        return " ["
            + attributes.map { quote($0.name) + "=" + format($0.value, apartFrom: plain) }.joined(separator: ", ") + "]"
    }

    /// `format(value)`, an HTML-like value kept apart from the graph's plain strings.
    private static func format(_ value: DOTValue, apartFrom plain: Set<String>) -> String {
        guard case .html(let html) = value, plain.contains(html) else { return format(value) }
        return "<" + DOTGraph.distinctHTML(html, plainStrings: plain) + ">"
    }

    /// A value as DOT: a quoted string, or `<...>` for an HTML-like label.
    public static func format(_ value: DOTValue) -> String {
        switch value {
        case .plain(let text): return quote(text)
        case .html(let html): return "<" + html + ">"
        }
    }

    /// `text` as a double-quoted DOT string that cgraph reads back as `text`.
    ///
    /// cgraph's scanner reads a quoted string left to right: `\\` stays two backslashes,
    /// `\"` is a quote, a backslash before a newline joins lines, and any other backslash stays.
    /// So `"` becomes `\"`, a pair of backslashes is written as it is, and a lone backslash is
    /// written as it is unless it stands before a quote, a newline or the end: there it is
    /// doubled (cgraph then reads it as two, the one string DOT cannot hold exactly). NUL,
    /// which C strings cannot hold, becomes U+FFFD. Labels built with `escapeLabel` only hold
    /// backslash pairs, so they always come back exactly.
    public static func quote(_ text: String) -> String {
        var out = "\""
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            let next = i + 1 < scalars.count ? scalars[i + 1] : nil
            switch scalar {
            case "\"":
                out += "\\\""
            case "\\" where next == "\\":
                out += "\\\\"
                i += 1
            case "\\":
                out += (next == nil || next == "\"" || next == "\n") ? "\\\\" : "\\"
            case "\0":
                out += "\u{FFFD}"
            default:
                out.unicodeScalars.append(scalar)
            }
            i += 1
        }
        return out + "\""
    }

    /// `text` as a `tooltip` value that Graphviz shows as it is. Graphviz expands a tooltip
    /// twice (object names, then escString), so a backslash is written as four; a line break
    /// stays a line break. Every `&` is written `&amp;`: Graphviz copies entity-like text
    /// (`&amp;`, `&nbsp;`) into the SVG as it is, where it would be decoded, or, for names XML
    /// does not declare, make the SVG unreadable.
    public static func escapeTooltip(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\\\\\"
            case "\r": out += "\n"
            case "&": out += "&amp;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` as a Graphviz escString for a plain `label`, `xlabel` or
    /// `headlabel`: backslashes doubled and line breaks as `\n`, so Graphviz shows `text`
    /// exactly (without this, `\N`, `\G` or `\l` in a name would be expanded), and an `&`
    /// that Graphviz would read as a character reference written `&amp;`
    /// (`GraphvizEntities.escape`: a name `AT&amp;T` stays `AT&amp;T`, `Smith & Sons` is
    /// unchanged).
    public static func escapeLabel(_ text: String) -> String {
        var out = ""
        for scalar in GraphvizEntities.escape(text).unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n", "\r": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
