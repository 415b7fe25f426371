import Foundation
import LinkGraph

/// Makes a `DOTGraph` that did not come from LinkGraph's own writer (an imported or
/// user-given `.gv` file) safe to lay out and render with Graphviz 2.43, and keeps what
/// LinkGraph writes itself clear of the few values Graphviz writes into SVG unescaped.
///
/// What it does, each change reported once per kind in `Result.warnings`:
/// - **Allowlist.** Only attributes Graphviz knows (`DOTSanitizer.graphvizAttributes`) are
///   kept; other names (a case export's `kind`, `from`, `evidence`, ...) are dropped
///   silently, since Graphviz does not draw them (`Result.ignoredAttributes` lists them;
///   `Options.keepsUnknownAttributes` keeps them for DOT, xdot and JSON output).
///   An edge's `key` is kept (it names the edge).
/// - **Local files.** `image`, `shapefile`, `imagepath`, `fontpath`, `stylesheet`,
///   `_background` (and every other `_` name) are dropped, and `<IMG>` is removed from
///   HTML-like labels: Graphviz opens the files they name and puts their path or content
///   into the output.
/// - **Links.** `URL`, `href` and the `head`/`tail`/`label`/`edge` variants, and `HREF`/`URL`
///   in HTML-like labels, keep only absolute `http`, `https` and `mailto` links; others
///   (`javascript:`, `data:`, `file:`, relative) are dropped. A kept link is
///   percent-encoded outside RFC 3986's URI characters (quotes, `<`, `>`, `'`, `;`, `\`,
///   spaces, controls and non-ASCII become `%XX`, so no `\N` expansion and no markup), and
///   with `xmlEscapes` its `&` becomes `&amp;`: Graphviz 2.43 writes links into SVG verbatim.
/// - **Fonts.** `fontname`, `labelfontname`, `fontnames` and HTML `FACE` keep only letters,
///   digits, spaces and `- _ . , : +` (2.43 writes them into `font-family="..."` verbatim).
/// - **Identifiers.** In `id`, `class`, `target` (and variants), `layers`, `layer`,
///   `layerselect`, HTML `ID`, `TARGET`, `CLASS`, and in graph, subgraph and node names, `&`
///   becomes `&amp;` with `xmlEscapes`: 2.43 escapes quotes and angle brackets there but keeps
///   anything that looks like an entity (`&nbsp;`), which is not well-formed XML. A
///   backslash in an identifier value becomes `_` (Graphviz would expand `\N` into a name).
/// - **Characters XML cannot hold** (NUL, C0 controls other than tab, line feed and carriage
///   return, U+FFFE, U+FFFF) become U+FFFD in every name and value; character references to
///   them (`&#1;`) in plain labels and tooltips, which Graphviz decodes, are shown as text.
/// - **Combinations that crash Graphviz 2.43 in layout**: `concentrate` (when true) is
///   dropped; `splines=ortho` becomes `splines=polyline`; `weight` above
///   `Options.maxWeight` is clamped; `newrank` (Graphviz turns it on by its mere presence,
///   whatever the value) is dropped when a node is in two clusters neither inside the
///   other; `pack` is dropped when `newrank` is present.
///
/// The result is a graph to hand to Graphviz; crashes this does not foresee are caught by
/// running Graphviz in a child process (`GraphvizSandbox`), and the SVG is checked after
/// rendering (`SVGSafety`).
/// - Complexity: O(size of the graph) plus O(C²) per node for a node listed in C clusters.
///
/// ## References
/// - Graphviz attributes: <https://graphviz.org/doc/info/attrs.html>
/// - HTML-like labels: <https://graphviz.org/doc/info/shapes.html#html>
/// - RFC 3986, Uniform Resource Identifier: Generic Syntax, §2.
public enum DOTSanitizer {
    /// What the sanitizer allows.
    public struct Options: Sendable, Equatable {
        /// URL schemes kept in links, lower case.
        public var urlSchemes: Set<String> = ["http", "https", "mailto"]
        /// The largest edge `weight` kept; larger ones are clamped to it.
        public var maxWeight: Int = 10_000
        /// Escape `&` in links, identifiers and names for SVG output (Graphviz 2.43 does not).
        /// Turn off when the output is DOT, xdot or JSON, where the text is kept as it is.
        public var xmlEscapes = true
        /// Keep attributes Graphviz does not know. Graphviz never draws them, but writes them
        /// into DOT, xdot and JSON output (quoted and escaped): turn on for those formats.
        public var keepsUnknownAttributes = false

        public init() {}
    }

    /// The safe graph and what was changed.
    public struct Result: Sendable, Equatable {
        /// The graph to lay out and render.
        public var graph: DOTGraph
        /// One message per kind of change, with where it happened (up to three places).
        public var warnings: [String]
        /// Attribute names dropped because Graphviz does not use them, sorted.
        public var ignoredAttributes: [String]
    }

    /// `graph` made safe for Graphviz 2.43 (see the type's documentation).
    public static func sanitize(_ graph: DOTGraph, options: Options = Options()) -> Result {
        var run = Run(options: options)
        var levels = graph.levels
        // Names and attributes as a level opens, nodes and edges as it closes: the order of
        // the statements, so that warnings name places in the order the file has them.
        DOTLevel.walk(levels) { index in
            run.open(&levels[index], context: index == 0 ? "graph" : "subgraph \(Notes.quoted(levels[index].name))")
        } leave: { index in
            run.close(&levels[index].body)
        }
        var result = DOTGraph(isDirected: graph.isDirected, isStrict: graph.isStrict, levels: levels)
        run.combinations(&result)
        return Result(graph: result, warnings: run.notes.messages(), ignoredAttributes: run.ignored.sorted())
    }

}

// MARK: - The walk

extension DOTSanitizer {
    enum ObjectKind { case graph, node, edge }

    /// One sanitizing pass: options, notes and the names dropped so far.
    struct Run {
        let options: Options
        var notes = Notes()
        var ignored = Set<String>()

        init(options: Options) { self.options = options }

        /// A graph, subgraph or node name: characters XML cannot hold replaced, `&` escaped.
        mutating func name(_ text: String) -> String {
            var out = xmlRepresentable(text, note: "a name")
            if options.xmlEscapes, out.contains("&") { out = out.replacingOccurrences(of: "&", with: "&amp;") }
            return out
        }

        /// A level's name, attributes and defaults.
        mutating func open(_ level: inout DOTLevel, context: String) {
            level.name = name(level.name)
            level.body.attributes = sanitize(level.body.attributes, kind: .graph, context: context)
            level.body.nodeDefaults = sanitize(
                level.body.nodeDefaults, kind: .node, context: "node defaults in \(context)")
            level.body.edgeDefaults = sanitize(
                level.body.edgeDefaults, kind: .edge, context: "edge defaults in \(context)")
        }

        /// A level's nodes and edges.
        mutating func close(_ body: inout DOTBody) {
            for i in body.nodes.indices {
                let place = "node \(Notes.quoted(body.nodes[i].id))"
                body.nodes[i].id = name(body.nodes[i].id)
                body.nodes[i].attributes = sanitize(body.nodes[i].attributes, kind: .node, context: place)
            }
            for i in body.edges.indices {
                let place = "edge \(Notes.quoted(body.edges[i].source)) -> \(Notes.quoted(body.edges[i].target))"
                body.edges[i].source = name(body.edges[i].source)
                body.edges[i].target = name(body.edges[i].target)
                body.edges[i].attributes = sanitize(body.edges[i].attributes, kind: .edge, context: place)
            }
        }

        mutating func sanitize(_ attributes: DOTAttributes, kind: ObjectKind, context: String) -> DOTAttributes {
            var kept: [(String, DOTValue)] = []
            for (name, value) in attributes {
                if let safe = attribute(name, value, kind: kind, context: context) { kept.append((name, safe)) }
            }
            return kept.count == attributes.count && zip(kept, attributes).allSatisfy({ $0.1 == $1.value })
                ? attributes : DOTAttributes(kept)
        }

        /// The safe value of one attribute, or `nil` to drop it.
        mutating func attribute(_ name: String, _ value: DOTValue, kind: ObjectKind, context: String) -> DOTValue? {
            if name == "key" && kind == .edge { return .plain(xmlRepresentable(value.text, note: "key")) }
            if DOTSanitizer.localFileAttributes.contains(name) || name.hasPrefix("_") {
                notes.add(
                    "dropped \(Notes.quoted(name, limit: 24)): Graphviz would read local files named by it into the output",
                    at: context)
                return nil
            }
            guard DOTSanitizer.graphvizAttributes.contains(name) else {
                if options.keepsUnknownAttributes { return .plain(xmlRepresentable(value.text, note: name)) }
                ignored.insert(name)
                return nil
            }
            if DOTSanitizer.labelAttributes.contains(name) {
                switch value {
                case .plain(let text):
                    return .plain(characterReferences(xmlRepresentable(text, note: name), name: name, context: context))
                case .html(let html):
                    return htmlLabel(xmlRepresentable(html, note: name), attribute: name, context: context)
                }
            }
            // Outside labels Graphviz reads an HTML-like value as its text.
            let text = xmlRepresentable(value.text, note: name)
            if DOTSanitizer.urlAttributes.contains(name) {
                guard let url = URLSanitizing.safeURL(text, schemes: options.urlSchemes) else {
                    notes.add(
                        "dropped \(name) \(Notes.quoted(text)): only absolute \(schemeList) links are kept", at: context
                    )
                    return nil
                }
                return .plain(options.xmlEscapes ? url.replacingOccurrences(of: "&", with: "&amp;") : url)
            }
            if DOTSanitizer.fontAttributes.contains(name) {
                let font = URLSanitizing.safeFontName(text)
                if font != text {
                    notes.add(
                        "\(name) \(Notes.quoted(text)) kept to letters, digits, spaces and - _ . , : +", at: context)
                }
                return font.isEmpty ? nil : .plain(font)
            }
            if DOTSanitizer.identifierAttributes.contains(name) {
                return .plain(identifier(text, name: name, context: context))
            }
            if DOTSanitizer.tooltipAttributes.contains(name) {
                return .plain(characterReferences(text, name: name, context: context))
            }
            switch name {
            case "concentrate" where kind == .graph && DOTSanitizer.isTrue(text):
                notes.add(
                    "dropped concentrate=\(Notes.quoted(text)): it crashes Graphviz 2.43's dot (merged edges with records or clusters)",
                    at: context)
                return nil
            case "splines" where text.lowercased() == "ortho":
                notes.add(
                    "splines=ortho replaced by splines=polyline: orthogonal routing fails assertions and crashes Graphviz 2.43",
                    at: context)
                return .plain("polyline")
            case "weight":
                if let weight = Double(text.trimmingCharacters(in: .whitespaces)), weight > Double(options.maxWeight) {
                    notes.add(
                        "weight \(Notes.quoted(text)) clamped to \(options.maxWeight): larger weights overflow Graphviz 2.43's ranking",
                        at: context)
                    return .plain(String(options.maxWeight))
                }
                return .plain(text)
            default:
                return .plain(text)
            }
        }

        var schemeList: String { options.urlSchemes.sorted().joined(separator: ", ") }

        /// An `id`, `class`, `target` or layer value: `\` → `_`, and `&` → `&amp;` for SVG.
        mutating func identifier(_ text: String, name: String, context: String) -> String {
            var out = text
            if out.contains("\\") {
                notes.add(
                    "backslashes in \(name) replaced by _ (Graphviz would expand \\N and \\G there into unescaped names)",
                    at: context)
                out = out.replacingOccurrences(of: "\\", with: "_")
            }
            if options.xmlEscapes, out.contains("&") { out = out.replacingOccurrences(of: "&", with: "&amp;") }
            return out
        }

        /// `text` with every character reference to a character XML cannot hold (`&#1;`,
        /// `&#xD800;`, `&#0;`) shown as text (`&amp;#1;`): Graphviz decodes references in
        /// plain labels and tooltips and would write the character itself into the SVG.
        mutating func characterReferences(_ text: String, name: String, context: String) -> String {
            guard text.contains("&#") else { return text }
            var out = ""
            var rest = Substring(text)
            var changed = false
            while let range = rest.range(of: "&#") {
                out += rest[..<range.lowerBound]
                let after = rest[range.upperBound...]
                let isHex = after.first == "x" || after.first == "X"
                let digits = (isHex ? after.dropFirst() : after).prefix { $0.isASCII && ($0.isHexDigit) }
                let value = UInt64(digits.prefix(16), radix: isHex ? 16 : 10)
                let ends = after[digits.endIndex...].first == ";" && !digits.isEmpty
                let allowed =
                    value.flatMap { UInt32(exactly: $0) }.flatMap(Unicode.Scalar.init).map(DOTSanitizer.isXMLCharacter)
                    ?? false
                if ends && !allowed {
                    out += "&amp;#"
                    changed = true
                } else {
                    out += "&#"
                }
                rest = after
            }
            out += rest
            if changed {
                notes.add(
                    "character references to characters XML cannot hold (&#1;, &#xD800;) in \(name) shown as text",
                    at: context)
            }
            return out
        }

        /// `text` with characters XML cannot hold replaced by U+FFFD (noted once per kind).
        mutating func xmlRepresentable(_ text: String, note what: String) -> String {
            guard !text.unicodeScalars.allSatisfy(DOTSanitizer.isXMLCharacter) else { return text }
            notes.add("characters that XML cannot hold (NUL, control characters) replaced by U+FFFD", at: what)
            var out = String.UnicodeScalarView()
            for scalar in text.unicodeScalars { out.append(DOTSanitizer.isXMLCharacter(scalar) ? scalar : "\u{FFFD}") }
            return String(out)
        }

        /// An HTML-like label with `<IMG>` removed and links, fonts and identifiers made safe;
        /// a plain-text label when it is not well-formed enough to check.
        mutating func htmlLabel(_ html: String, attribute: String, context: String) -> DOTValue {
            guard let tokens = HTMLLikeLabel.tokenize(html) else {
                notes.add("an HTML-like \(attribute) that is not well-formed is shown as plain text", at: context)
                return .plain(DOTWriter.escapeLabel(html))
            }
            var out = ""
            out.reserveCapacity(html.utf8.count)
            var openImages = 0
            for token in tokens {
                switch token {
                case .text(let raw), .comment(let raw), .cdata(let raw):
                    out += raw
                case .processingInstruction:
                    break
                case .end(let name, let raw):
                    if name.uppercased() == "IMG", openImages > 0 {
                        openImages -= 1
                    } else {
                        out += raw
                    }
                case .start(var tag):
                    if tag.name.uppercased() == "IMG" {
                        notes.add(
                            "dropped <IMG> from an HTML-like label: Graphviz would read the local file it names into the output",
                            at: context)
                        if !tag.isSelfClosing { openImages += 1 }
                        continue
                    }
                    tag.attributes = tag.attributes.compactMap { htmlAttribute($0, context: context) }
                    out += tag.serialized
                }
            }
            return .html(out)
        }

        mutating func htmlAttribute(_ attribute: HTMLLikeLabel.Attribute, context: String) -> HTMLLikeLabel.Attribute? {
            let upper = attribute.name.uppercased()
            var changed = attribute
            switch upper {
            case "HREF", "URL":
                let value = HTMLLikeLabel.decode(attribute.rawValue)
                guard let url = URLSanitizing.safeURL(value, schemes: options.urlSchemes) else {
                    notes.add(
                        "dropped \(upper) \(Notes.quoted(value)) in an HTML-like label: only absolute \(schemeList) links are kept",
                        at: context)
                    return nil
                }
                changed.setValue(options.xmlEscapes ? url.replacingOccurrences(of: "&", with: "&amp;") : url)
            case "FACE":
                let value = HTMLLikeLabel.decode(attribute.rawValue)
                let font = URLSanitizing.safeFontName(value)
                if font != value {
                    notes.add(
                        "FACE \(Notes.quoted(value)) kept to letters, digits, spaces and - _ . , : +", at: context)
                }
                if font.isEmpty { return nil }
                changed.setValue(font)
            case "ID", "TARGET", "CLASS":
                let value = HTMLLikeLabel.decode(attribute.rawValue)
                let safe = identifier(value, name: upper, context: context)
                if safe != value { changed.setValue(safe) }
            default:
                break
            }
            return changed
        }

        /// Whole-graph checks: newrank with a node in two clusters, newrank with pack.
        mutating func combinations(_ graph: inout DOTGraph) {
            guard DOTSanitizer.declares(graph, "newrank") else { return }
            if let value = graph.attributes["pack"], DOTSanitizer.packs(value.text) {
                graph.attributes["pack"] = nil
                notes.add(
                    "dropped pack=\(Notes.quoted(value.text)): packing with newrank crashes Graphviz 2.43", at: "graph")
            }
            if let conflict = DOTSanitizer.nodeInTwoClusters(graph) {
                DOTSanitizer.removeAttribute("newrank", from: &graph)
                notes.add(
                    "dropped newrank: node \(Notes.quoted(conflict.node)) is in two clusters (\(Notes.quoted(conflict.first)) and \(Notes.quoted(conflict.second))), which crashes Graphviz 2.43's newrank",
                    at: "graph")
            }
        }
    }

    /// Graphviz's `mapbool`: `true`, `yes` (any case) or a non-zero integer.
    static func isTrue(_ text: String) -> Bool {
        let lower = text.trimmingCharacters(in: .whitespaces).lowercased()
        if lower == "true" || lower == "yes" { return true }
        let digits = lower.prefix(while: { $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") })
        return Int(digits).map { $0 != 0 } ?? false
    }

    /// Whether `pack=value` turns packing on: a number ≥ 0, or true.
    static func packs(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix(while: { $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") })
        if let number = Int(digits) { return number >= 0 }
        return isTrue(trimmed)
    }

    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// Whether any level of `graph` sets the graph attribute `name`.
    static func declares(_ graph: DOTGraph, _ name: String) -> Bool {
        graph.levels.contains { $0.body.attributes[name] != nil }
    }

    static func removeAttribute(_ name: String, from graph: inout DOTGraph) {
        var levels = graph.levels
        for i in levels.indices { levels[i].body.attributes[name] = nil }
        graph = DOTGraph(isDirected: graph.isDirected, isStrict: graph.isStrict, levels: levels)
    }

    /// The first node found in two clusters neither of which holds the other, if any. A
    /// cluster is a subgraph whose name starts with `cluster` (any case); a node is in every
    /// cluster around a level that lists it or an edge to it.
    static func nodeInTwoClusters(_ graph: DOTGraph) -> (node: String, first: String, second: String)? {
        let levels = graph.levels
        // The innermost cluster around each level (by level index), and each node's.
        var cluster = [Int?](repeating: nil, count: levels.count)
        var innermost: [String: [Int]] = [:]
        var order: [String] = []
        func note(_ node: String, _ cluster: Int?) {
            guard let cluster else { return }
            if innermost[node] == nil { order.append(node) }
            if !(innermost[node]?.contains(cluster) ?? false) { innermost[node, default: []].append(cluster) }
        }
        for (index, level) in levels.enumerated() {
            let isCluster = index > 0 && level.name.lowercased().hasPrefix("cluster")
            cluster[index] = isCluster ? index : level.parent.flatMap { cluster[$0] }
            for node in level.body.nodes { note(node.id, cluster[index]) }
            for edge in level.body.edges {
                note(edge.source, cluster[index])
                note(edge.target, cluster[index])
            }
        }
        /// Whether level `inner` is `outer` or nested in it.
        func isWithin(_ inner: Int, _ outer: Int) -> Bool {
            var current: Int? = inner
            while let level = current, level >= outer {
                if level == outer { return true }
                current = levels[level].parent
            }
            return false
        }
        for node in order {
            let clusters = innermost[node]!
            guard clusters.count > 1 else { continue }
            for i in clusters.indices {
                for j in clusters.indices where j > i {
                    let a = clusters[i], b = clusters[j]
                    if !isWithin(a, b) && !isWithin(b, a) { return (node, levels[a].name, levels[b].name) }
                }
            }
        }
        return nil
    }
}

// MARK: - Notes

extension DOTSanitizer {
    /// Messages grouped by kind, in the order first seen, with up to three places each.
    struct Notes {
        private var order: [String] = []
        private var places: [String: (count: Int, examples: [String])] = [:]

        mutating func add(_ message: String, at place: String) {
            if places[message] == nil {
                order.append(message)
                places[message] = (0, [])
            }
            places[message]!.count += 1
            if places[message]!.examples.count < 3, !places[message]!.examples.contains(place) {
                places[message]!.examples.append(place)
            }
        }

        func messages() -> [String] {
            order.map { message in
                let entry = places[message]!
                var text = message + " (" + entry.examples.joined(separator: ", ")
                if entry.count > entry.examples.count { text += " and \(entry.count - entry.examples.count) more" }
                return text + ")"
            }
        }

        /// `text` in double quotes for a message: cut to `limit` characters, and control and
        /// format characters (terminal escapes, bidirectional overrides) shown as `\u{...}`
        /// (`TerminalText`).
        static func quoted(_ text: String, limit: Int = 60) -> String {
            var out = "\""
            var count = 0
            for scalar in text.unicodeScalars {
                if count == limit {
                    out += "…"
                    break
                }
                count += 1
                if scalar == "\"" {
                    out += "\\\""
                } else {
                    TerminalText.append(scalar, to: &out.unicodeScalars)
                }
            }
            return out + "\""
        }
    }
}
