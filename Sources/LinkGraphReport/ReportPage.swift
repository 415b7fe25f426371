import Foundation
import LinkGraph
import LinkGraphFormats

/// Puts the page together: the template (`Resources/report.html`) with the title, the
/// Content-Security-Policy, the style (`report.css`), the SVG, the case's JSON and the
/// script (`report.js`) filled in. The three files are embedded in the library at build time.
///
/// Safety: the title is HTML-escaped; the JSON sits in a `<script type="application/json">`
/// with every `<` written `\u003c`, so no string of the case can close the element; the SVG
/// is Graphviz's, already checked by `SVGSafety` (no script, no event attribute, no remote
/// link). The policy allows only the page's own script and style, by hash, and loads
/// nothing: `default-src 'none'`.
enum ReportPage {
    static let template = String(decoding: PackageResources.report_html, as: UTF8.self)
    static let style = String(decoding: PackageResources.report_css, as: UTF8.self)
    static let script = String(decoding: PackageResources.report_js, as: UTF8.self)

    /// The policy: nothing from anywhere, but the page's own script and style (by SHA-256)
    /// and `data:` images.
    static var contentSecurityPolicy: String {
        "default-src 'none'; script-src 'sha256-\(SHA256.base64(script.utf8))'; "
            + "style-src 'sha256-\(SHA256.base64(style.utf8))'; img-src data:; base-uri 'none'; form-action 'none'"
    }

    /// - Complexity: O(size of the SVG + size of the JSON).
    static func html(title: String, svg: Data, data: JSONValue) throws -> String {
        let fields = [
            "title": XMLEscaping.text(title), "csp": XMLEscaping.attribute(contentSecurityPolicy), "style": style,
            "svg": try inlineSVG(svg), "data": scriptSafeJSON(data), "script": script,
        ]
        return fill(template, with: fields)
    }

    /// The template with each `{{name}}` replaced, in one pass (a value is never searched
    /// for placeholders itself).
    static func fill(_ template: String, with fields: [String: String]) -> String {
        var out = ""
        out.reserveCapacity(template.utf8.count + fields.values.reduce(0) { $0 + $1.utf8.count })
        var rest = template[...]
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            out += rest[..<open.lowerBound]
            let name = String(rest[open.upperBound..<close.lowerBound])
            out += fields[name] ?? String(rest[open.lowerBound..<close.upperBound])
            rest = rest[close.upperBound...]
        }
        out += rest
        return out
    }

    /// The SVG from its `<svg` element on: the XML declaration, the DOCTYPE and Graphviz's
    /// comments before it have no place inside HTML.
    static func inlineSVG(_ svg: Data) throws -> String {
        let text = String(decoding: svg, as: UTF8.self)
        guard let start = text.range(of: "<svg"), let end = text.range(of: "</svg>", options: .backwards),
            start.lowerBound < end.lowerBound
        else { throw ReportError.notSVG("no <svg> element") }
        return String(text[start.lowerBound..<end.upperBound])
    }

    /// Compact JSON in which `<` is written `\u003c` (and U+2028/U+2029 escaped by the
    /// writer), so that `</script>` or `<!--` in a string cannot end the script element.
    static func scriptSafeJSON(_ value: JSONValue) -> String {
        JSONWriter.compact(value).replacingOccurrences(of: "<", with: "\\u003c")
    }
}
