import LinkGraph

/// What `HTMLPagesExtractor` reads from one HTML file: the main text with its map back to the
/// file, the title, the `<meta>` elements, the URLs the page gives itself and its links.
///
/// ```swift
/// let page = try HTMLPage(bytes: Array(html.utf8), file: "a.html")
/// page.text            // "Harbor Trust minutes\n\nMara Quill paid ..."
/// page.offsets.fileSpan(Span(start: 0, end: 12))   // where "Harbor Trust" is in the file
/// ```
/// See `HTMLPageBuilder` for what is kept and what is dropped.
public struct HTMLPage: Sendable {
    /// The main text, UTF-8, white space collapsed, blocks separated by blank lines.
    public var text: String
    /// The map from `text`'s bytes to the file's.
    public var offsets: TextOffsets
    /// The text of the first `<title>`, white space collapsed; nil when there is none or it is blank.
    public var title: String?
    /// Every `<meta>` with a `content`, by its `name`, `property`, `itemprop` or `http-equiv`
    /// (lower case), in document order.
    public var meta: [HTMLMeta]
    /// The first `<base href>`, as written.
    public var base: String?
    /// The first `<link rel="canonical" href>`, as written.
    public var canonical: String?
    /// The links of the main text, in document order.
    public var links: [HTMLLink]

    /// Reads a page.
    /// - Parameters:
    ///   - bytes: The file as it is, in any charset libxml2 knows (BOM, `<meta charset>`).
    ///   - file: The file's name, for errors.
    /// - Throws: `HTMLPageError.binary` for a NUL byte in a file without a UTF-16/32
    ///   byte-order mark, `.tooLarge`, `.parserUnavailable`.
    /// - Complexity: O(n) time and memory in the file's size.
    public init(bytes: [UInt8], file: String) throws {
        if !Self.hasWideByteOrderMark(bytes), let nul = bytes.firstIndex(of: 0) {
            throw HTMLPageError(file: file, reason: .binary(offset: nul))
        }
        let events = try HTMLParser.events(bytes, file: file)
        self = HTMLPageBuilder(bytes: bytes).build(events)
    }

    init(
        text: String, offsets: TextOffsets, title: String?, meta: [HTMLMeta], base: String?, canonical: String?,
        links: [HTMLLink]
    ) {
        self.text = text
        self.offsets = offsets
        self.title = title
        self.meta = meta
        self.base = base
        self.canonical = canonical
        self.links = links
    }

    /// The content of the first `<meta>` named one of `names` (lower case), trimmed, non-empty.
    public func meta(_ names: String...) -> String? {
        for name in names {
            if let found = meta.first(where: { $0.name == name && !$0.content.isEmpty }) { return found.content }
        }
        return nil
    }

    /// Whether the file starts with a UTF-16 or UTF-32 byte-order mark (text with NUL bytes).
    static func hasWideByteOrderMark(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 2 else { return false }
        return (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)
            || (bytes.count >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF)
    }
}

/// One `<meta>` element: its key (`name`, `property`, `itemprop` or `http-equiv`, in lower
/// case) and its `content`, trimmed.
public struct HTMLMeta: Equatable, Sendable {
    public var name: String
    public var content: String
}

/// One `<a href>` of the main text.
public struct HTMLLink: Equatable, Sendable {
    /// The `href` as written (entities decoded).
    public var href: String
    /// The anchor text, white space collapsed ("" for an image link).
    public var text: String
    /// Where the anchor text is in the file; the start tag's bytes when it has no text.
    public var span: Span
}
