import Foundation
import LinkGraphFormats

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The last check on an SVG before it is written: parsed as XML, and whatever could run
/// script or fetch something when a browser opens it is removed.
///
/// `DOTSanitizer` keeps such things out of the graph, and Graphviz escapes most text; this
/// catches what both miss. It removes:
/// - elements that run or embed content: `script`, `style`, `foreignObject`, `iframe`,
///   `object`, `embed`, `image`, `feImage`, `use`, `handler`, `listener`, and animation
///   (`set`, `animate`, `animateMotion`, `animateTransform`, `animateColor`), which can set
///   a link to `javascript:`;
/// - event-handler attributes (any name starting with `on`), `xml:base`;
/// - links (`href`, `xlink:href`, any prefix) other than absolute `http`, `https` and
///   `mailto` ones or local `#fragment`s, so no `javascript:`, `data:`, `file:`;
/// - `url(...)` references other than `url(#...)` in any attribute (`style`, `fill`, ...);
/// - processing instructions (`<?xml-stylesheet ...?>`).
///
/// An SVG with nothing to remove is returned byte for byte; otherwise it is written again
/// from the parsed document (attributes sorted by name, the standard SVG 1.1 document type).
/// An SVG that is not well-formed XML, declares entities or refers to undeclared ones
/// (`&nbsp;`, which Graphviz 2.43 lets through in ids and classes) is refused.
///
/// ## References
/// - SVG 1.1, §18 Scripting: <https://www.w3.org/TR/SVG11/script.html>
/// - OWASP, XSS Filter Evasion Cheat Sheet (SVG vectors).
public enum SVGSafety {
    /// One thing removed, and where.
    public struct Finding: Equatable, Sendable, CustomStringConvertible {
        /// The line of the SVG text it was on.
        public var line: Int
        /// What was removed: `<script> element`, `onload attribute on <text>`, ...
        public var what: String

        public var description: String { "line \(line): \(what)" }
    }

    /// Elements removed with everything inside them (lower case, without prefix).
    public static let removedElements: Set<String> = [
        "script", "style", "foreignobject", "iframe", "object", "embed", "image", "feimage", "use", "handler",
        "listener",
        "set", "animate", "animatemotion", "animatetransform", "animatecolor",
    ]

    /// Link schemes kept.
    public static let linkSchemes: Set<String> = ["http", "https", "mailto"]

    /// `svg` with dangerous content removed, and what was removed (empty when `svg` is
    /// returned unchanged).
    /// - Throws: `GraphvizError` of kind `.render` when `svg` is not well-formed XML or
    ///   declares entities.
    public static func sanitize(_ svg: Data) throws -> (data: Data, removed: [Finding]) {
        try refuseEntityDeclarations(svg)
        let first = try Scan(svg, rewrite: false)
        guard !first.findings.isEmpty else { return (svg, []) }
        let second = try Scan(svg, rewrite: true)
        return (Data(second.output.utf8), first.findings)
    }

    /// What `sanitize` would remove.
    /// - Throws: `GraphvizError` of kind `.render` for an SVG that is not well-formed XML.
    public static func findings(in svg: Data) throws -> [Finding] {
        try refuseEntityDeclarations(svg)
        return try Scan(svg, rewrite: false).findings
    }

    /// Refuses a document type with entity declarations (Graphviz writes none; the parser
    /// would expand them, "billion laughs"). `<!ENTITY` cannot appear elsewhere unescaped.
    static func refuseEntityDeclarations(_ svg: Data) throws {
        if svg.range(of: Data("<!ENTITY".utf8)) != nil {
            throw GraphvizError(kind: .render, message: "the SVG declares entities (<!ENTITY): refused")
        }
    }

    /// Whether a link is kept: an absolute http, https or mailto link, or a `#fragment`.
    /// Spaces and control characters are ignored when reading the scheme, as browsers do.
    static func isSafeLink(_ value: String) -> Bool {
        let cleaned = String(
            String.UnicodeScalarView(value.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
        if cleaned.hasPrefix("#") { return true }
        guard let colon = cleaned.firstIndex(of: ":") else { return false }
        let scheme = cleaned[..<colon].lowercased()
        return linkSchemes.contains(scheme)
    }

    /// Whether every `url(...)` in `value` is `url(#...)`.
    static func hasOnlyLocalURLReferences(_ value: String) -> Bool {
        let lower = value.lowercased()
        guard lower.contains("url") else { return true }
        var rest = Substring(lower.unicodeScalars.filter { $0.value > 0x20 }.map(String.init).joined())
        while let range = rest.range(of: "url(") {
            let after = rest[range.upperBound...].drop { $0 == "\"" || $0 == "'" }
            if !after.hasPrefix("#") { return false }
            rest = after
        }
        return true
    }

    private final class Scan: NSObject, XMLParserDelegate {
        private(set) var findings: [Finding] = []
        private(set) var output = ""
        private let rewrite: Bool
        private weak var parser: XMLParser?
        private var error: GraphvizError?
        /// Depth inside a removed element (0: not inside one).
        private var skipping = 0
        /// An element start written without its `>` yet (so an empty one can be `/>`).
        private var openTag = false
        /// Elements open around the current point (kept ones).
        private var depth = 0

        init(_ data: Data, rewrite: Bool) throws {
            self.rewrite = rewrite
            super.init()
            // A stream, read in chunks: given all at once, libxml2 refuses documents past 10 MB
            // ("huge input lookup").
            let parser = XMLParser(stream: InputStream(data: data))
            self.parser = parser
            parser.delegate = self
            parser.shouldProcessNamespaces = false
            parser.shouldReportNamespacePrefixes = false
            parser.shouldResolveExternalEntities = false
            if rewrite {
                output =
                    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
                    + "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\"\n \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
            }
            let finished = parser.parse()
            // On Linux `parse()` may return true after reporting an error: trust the delegate.
            if let error { throw error }
            if !finished {
                throw GraphvizError(
                    kind: .render,
                    message:
                        "the SVG is not well-formed XML (line \(parser.lineNumber)): \(parser.parserError.map { "\($0)" } ?? "parse failed")"
                )
            }
        }

        private var line: Int { parser?.lineNumber ?? 0 }

        private func note(_ what: String) {
            if !rewrite { findings.append(Finding(line: line, what: what)) }
        }

        private func closeOpenTag() {
            if openTag {
                output += ">"
                openTag = false
            }
        }

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if skipping > 0 {
                skipping += 1
                return
            }
            let local = Self.localName(name).lowercased()
            if SVGSafety.removedElements.contains(local) {
                note("<\(name)> element")
                skipping = 1
                return
            }
            var kept: [(String, String)] = []
            for (attribute, value) in attributes.sorted(by: { $0.key < $1.key }) {
                let localAttribute = Self.localName(attribute).lowercased()
                if localAttribute.hasPrefix("on") {
                    note("\(attribute) attribute on <\(name)>")
                } else if attribute.lowercased() == "xml:base" {
                    note("xml:base attribute on <\(name)>")
                } else if localAttribute == "href", !SVGSafety.isSafeLink(value) {
                    note("\(attribute)=\"\(value.prefix(60))\" on <\(name)>")
                } else if !SVGSafety.hasOnlyLocalURLReferences(value) {
                    note("\(attribute) with an outside url(...) on <\(name)>")
                } else {
                    kept.append((attribute, value))
                }
            }
            if rewrite {
                closeOpenTag()
                if depth == 0 {
                    // The root keeps its namespaces whether or not the parser reports them.
                    if !kept.contains(where: { $0.0 == "xmlns" }) {
                        kept.append(("xmlns", "http://www.w3.org/2000/svg"))
                    }
                    if !kept.contains(where: { $0.0 == "xmlns:xlink" }) {
                        kept.append(("xmlns:xlink", "http://www.w3.org/1999/xlink"))
                    }
                }
                output += "<" + name
                for (attribute, value) in kept { output += " \(attribute)=\"\(XMLEscaping.attribute(value))\"" }
                openTag = true
                depth += 1
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if skipping > 0 {
                skipping -= 1
                return
            }
            guard rewrite else { return }
            depth -= 1
            if openTag {
                output += "/>"
                openTag = false
            } else {
                output += "</\(name)>"
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard rewrite, skipping == 0 else { return }
            closeOpenTag()
            output += XMLEscaping.text(string)
        }

        func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespaceString: String) {
            self.parser(parser, foundCharacters: whitespaceString)
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
        }

        func parser(_ parser: XMLParser, foundComment comment: String) {
            guard rewrite, skipping == 0 else { return }
            closeOpenTag()
            // A comment cannot hold "--"; Graphviz writes it as &#45;&#45; already.
            output += "<!--" + comment.replacingOccurrences(of: "--", with: "- -") + "-->"
            if depth == 0 { output += "\n" }
        }

        func parser(_ parser: XMLParser, foundProcessingInstructionWithTarget target: String, data: String?) {
            if skipping == 0 { note("<?\(target) ...?> processing instruction") }
        }

        func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
            refuse("the SVG declares the entity \(name)")
        }

        func parser(
            _ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?,
            systemID: String?
        ) {
            refuse("the SVG declares the external entity \(name)")
        }

        /// An entity reference that nothing declares (`&nbsp;`): libxml2 lets it pass with a
        /// warning when the document names an external DTD, but browsers refuse the SVG.
        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
            refuse("the SVG refers to the undeclared entity &\(name); (line \(parser.lineNumber))")
            return nil
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if error == nil {
                error = GraphvizError(
                    kind: .render, message: "the SVG is not well-formed XML (line \(parser.lineNumber)): \(parseError)")
            }
        }

        private func refuse(_ message: String) {
            if error == nil { error = GraphvizError(kind: .render, message: message) }
            parser?.abortParsing()
        }

        static func localName(_ name: String) -> String {
            name.split(separator: ":").last.map(String.init) ?? name
        }
    }
}
