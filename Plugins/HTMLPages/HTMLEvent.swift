/// One thing libxml2's HTML parser reported while reading a page, in document order.
///
/// Every event carries `end`, the byte offset in the file up to which the parser had read when
/// it reported the event (`xmlByteConsumed`, counted in the file's own bytes whatever its
/// charset). `HTMLPageBuilder` turns these positions into the map from extracted text back to
/// the file.
enum HTMLEvent: Equatable, Sendable {
    /// A start tag (implied ones included), its name and attributes in lower case as libxml2
    /// gives them.
    case start(name: String, attributes: [HTMLAttribute], end: Int)
    /// An end tag, written or implied (libxml2 closes what malformed markup leaves open).
    case end(name: String, end: Int)
    /// Character data as UTF-8, entities and character references already decoded; the
    /// contents of `script` and `style` come this way too.
    case text([UInt8], end: Int)
    /// A comment, processing instruction or doctype: nothing kept but the position.
    case other(end: Int)

    /// The position after the event.
    var end: Int {
        switch self {
        case .start(_, _, let end), .end(_, let end), .text(_, let end), .other(let end): return end
        }
    }
}

/// One attribute of a start tag; `value` is "" for an attribute written without one.
struct HTMLAttribute: Equatable, Sendable {
    var name: String
    var value: String
}

extension Array where Element == HTMLAttribute {
    /// The value of the first attribute named `name` (lower case), if any.
    subscript(name: String) -> String? { first { $0.name == name }?.value }
}
