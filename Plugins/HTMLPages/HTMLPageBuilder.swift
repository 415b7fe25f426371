import LinkGraph

/// Turns the parser's events into an `HTMLPage`: keeps the main text, drops the rest, and
/// maps every kept byte back to the file.
///
/// - **Dropped** with everything inside: `head` (its `title`, `meta`, `base` and `link` are
///   read first), `script`, `style`, `noscript`, `template`, `nav`, `aside`, `menu`, `form`
///   and its controls, `iframe`, `object`, `embed`, `svg`, `canvas`; `header` and `footer`
///   unless inside `article` or `main` (there they hold the headline and byline); the roles
///   `navigation`, `banner`, `contentinfo`, `complementary`, `search`, `menu`, `menubar`,
///   `toolbar`; hidden elements (`hidden`, `aria-hidden="true"`, `style` with
///   `display:none` or `visibility:hidden`); and elements whose `id` or a `class` word is
///   one of `HTMLPageBuilder.boilerplateNames` (`nav`, `menu`, `sidebar`, `breadcrumb`, ...).
/// - **Main region**: when the page has a `main` element (or `role="main"`), only its text is
///   kept; else, when it has `article`s, only theirs; else everything left in `body`.
/// - **White space** is collapsed to one space; block elements (`p`, `div`, headings, list
///   items, table rows, ...) are separated by a blank line, `br` by a line break, table
///   cells by a space, so that the sentence splitter of the text extractors sees the blocks.
/// - **Offsets**: see `TextOffsets`. Each run of text is matched against the file between
///   the parser's position before and after it; text that is not in the file as it reads
///   (a character reference, a converted charset) maps as `TextOffsets` says.
///
/// - Complexity: O(n) in the file and events; O(depth) for the open elements.
struct HTMLPageBuilder {
    let bytes: [UInt8]

    /// Elements dropped with their contents.
    static let droppedElements: Set<String> = [
        "head", "script", "style", "noscript", "template", "nav", "aside", "menu", "form", "button", "select",
        "option", "optgroup", "textarea", "input", "label", "fieldset", "iframe", "object", "embed", "svg", "math",
        "canvas", "audio", "video", "map", "dialog",
    ]
    /// ARIA roles dropped with their contents.
    static let droppedRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "toolbar", "dialog",
        "alertdialog",
    ]
    /// `id` values and `class` words that mark page furniture on sites without semantic markup.
    static let boilerplateNames: Set<String> = [
        "nav", "navbar", "navigation", "menu", "sidebar", "breadcrumb", "breadcrumbs", "masthead", "site-header",
        "site-footer", "cookie-banner", "cookie-notice", "skip-link", "share", "social",
    ]
    /// Elements that end a block: a blank line before and after.
    static let blocks: Set<String> = [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt",
        "dd", "table", "thead", "tbody", "tfoot", "tr", "caption", "blockquote", "pre", "figure", "figcaption",
        "header", "footer", "address", "hr", "body", "details", "summary",
    ]

    /// An element open around the current position.
    struct Frame {
        var name: String
        /// This element or one around it is dropped.
        var dropped = false
        /// 2 inside `main`, 1 inside `article`, 0 elsewhere.
        var level = 0
        /// Inside `article` or `main` (where `header` and `footer` are kept).
        var inArticle = false
        /// The index of the link this element is in.
        var link: Int?
        /// Inside the page's title.
        var inTitle = false
        /// Inside `svg` (whose `title` is not the page's).
        var inSVG = false
    }

    /// A run of text (with its file offsets per byte) or a separator, before the main region
    /// is chosen.
    enum Piece {
        case text(bytes: [UInt8], starts: [Int], ends: [Int], level: Int, link: Int?)
        /// 1: a space, 2: a line break, 3: a blank line.
        case separator(Int)
    }

    /// A link as met, before the main region is chosen.
    struct PendingLink {
        var href: String
        var tag: Span
        var level: Int
    }

    func build(_ events: [HTMLEvent]) -> HTMLPage {
        var stack = [Frame(name: "")]
        var pieces: [Piece] = []
        var title: [UInt8] = []
        var titleSeen = false
        var meta: [HTMLMeta] = []
        var base: String?
        var canonical: String?
        var links: [PendingLink] = []
        var position = 0
        for event in events {
            defer { position = max(position, event.end) }
            switch event {
            case .start(let name, let attributes, let end):
                let parent = stack[stack.count - 1]
                Self.readHead(name, attributes, meta: &meta, base: &base, canonical: &canonical)
                let role = attributes["role"]?.lowercased() ?? ""
                var frame = Frame(name: name, dropped: parent.dropped, level: parent.level, inArticle: parent.inArticle)
                frame.link = parent.link
                if !frame.dropped && Self.drops(name, attributes, role: role, inArticle: parent.inArticle) {
                    frame.dropped = true
                }
                if name == "main" || role == "main" {
                    frame.level = 2
                } else if name == "article" || role == "article" {
                    frame.level = max(frame.level, 1)
                }
                frame.inArticle = frame.inArticle || frame.level > 0
                frame.inSVG = parent.inSVG || name == "svg"
                if name == "title", !titleSeen, !frame.inSVG { frame.inTitle = true }
                if name == "a", let href = attributes["href"], !frame.dropped {
                    frame.link = links.count
                    links.append(
                        PendingLink(href: href, tag: Span(start: position, end: max(position, end)), level: frame.level)
                    )
                }
                if name == "br" { pieces.append(.separator(2)) }
                if name == "td" || name == "th" { pieces.append(.separator(1)) }
                if Self.blocks.contains(name) { pieces.append(.separator(3)) }
                stack.append(frame)
            case .end(let name, _):
                guard let index = stack.lastIndex(where: { $0.name == name }), index > 0 else { continue }
                if stack[index].inTitle { titleSeen = true }
                stack.removeSubrange(index...)
                if Self.blocks.contains(name) { pieces.append(.separator(3)) }
            case .text(let text, let end):
                let frame = stack[stack.count - 1]
                if frame.inTitle { title += text }
                guard !frame.dropped else { continue }
                if text.allSatisfy(Self.isSpace) {
                    pieces.append(.separator(1))
                    continue
                }
                let (starts, ends) = align(text, from: position, to: max(position, end))
                let (valid, validStarts, validEnds) = Self.repaired(text, starts, ends)
                pieces.append(
                    .text(bytes: valid, starts: validStarts, ends: validEnds, level: frame.level, link: frame.link))
            case .other:
                break
            }
        }
        return assemble(pieces, links: links, title: title, meta: meta, base: base, canonical: canonical)
    }

    /// Records `meta`, the first `base href` and the first canonical `link`.
    static func readHead(
        _ name: String, _ attributes: [HTMLAttribute], meta: inout [HTMLMeta], base: inout String?,
        canonical: inout String?
    ) {
        switch name {
        case "meta":
            guard let content = attributes["content"],
                let key = attributes["name"] ?? attributes["property"] ?? attributes["itemprop"]
                    ?? attributes["http-equiv"]
            else { return }
            meta.append(HTMLMeta(name: trim(key).lowercased(), content: trim(content)))
        case "base":
            if base == nil, let href = attributes["href"], !trim(href).isEmpty { base = trim(href) }
        case "link":
            let rel = attributes["rel"]?.lowercased().split(whereSeparator: \.isWhitespace)
            if canonical == nil, rel?.contains("canonical") == true, let href = attributes["href"], !trim(href).isEmpty
            {
                canonical = trim(href)
            }
        default:
            break
        }
    }

    /// Whether an element is dropped with its contents (see the type's documentation).
    static func drops(_ name: String, _ attributes: [HTMLAttribute], role: String, inArticle: Bool) -> Bool {
        if droppedElements.contains(name) || droppedRoles.contains(role) { return true }
        if (name == "header" || name == "footer") && !inArticle { return true }
        if attributes["hidden"] != nil || attributes["aria-hidden"]?.lowercased() == "true" { return true }
        if let style = attributes["style"]?.lowercased().filter({ !$0.isWhitespace }),
            style.contains("display:none") || style.contains("visibility:hidden")
        {
            return true
        }
        if let id = attributes["id"]?.lowercased(), boilerplateNames.contains(id) { return true }
        if let classes = attributes["class"]?.lowercased().split(whereSeparator: \.isWhitespace),
            classes.contains(where: { boilerplateNames.contains(String($0)) })
        {
            return true
        }
        return false
    }

    /// The file offsets of a run of text the parser reported between positions `from` and `to`:
    /// byte for byte where the run is in the file as it reads (CR LF and CR read as LF), one
    /// byte a character for a single-byte charset, else the whole range for every byte.
    func align(_ text: [UInt8], from start: Int, to end: Int) -> (starts: [Int], ends: [Int]) {
        let n = text.count
        // The parser's position is after the run, sometimes a character short of it (a run
        // reported in pieces) or after a `>` it has not yet stepped over.
        var candidates = [end - n]
        for slack in 1...4 { candidates.append(end - n + slack) }
        for candidate in candidates where candidate >= start {
            if let found = match(text, at: candidate, reaching: nil) { return found }
        }
        for candidate in [start, start + 1] {
            if let found = match(text, at: candidate, reaching: end) { return found }
        }
        // A single-byte charset: one file byte a character.
        var scalars: [Int] = []  // the text offset where each scalar starts
        for (i, byte) in text.enumerated() where byte & 0xC0 != 0x80 { scalars.append(i) }
        for candidate in [start, start + 1] where end - candidate == scalars.count && scalars.count > 0 {
            var starts = [Int](repeating: 0, count: n)
            var ends = [Int](repeating: 0, count: n)
            for (k, first) in scalars.enumerated() {
                let last = k + 1 < scalars.count ? scalars[k + 1] : n
                for i in first..<last {
                    starts[i] = candidate + k
                    ends[i] = candidate + k + 1
                }
            }
            return (starts, ends)
        }
        return ([Int](repeating: start, count: n), [Int](repeating: end, count: n))
    }

    /// The offsets of `text` read from the file at `at`, where the file may have CR LF or CR
    /// for each LF; nil when it does not read so there, or (with `reaching`) ends before it.
    func match(_ text: [UInt8], at: Int, reaching: Int?) -> (starts: [Int], ends: [Int])? {
        var starts = [Int](repeating: 0, count: text.count)
        var ends = [Int](repeating: 0, count: text.count)
        var j = at
        for (i, byte) in text.enumerated() {
            guard j < bytes.count else { return nil }
            if bytes[j] == byte {
                starts[i] = j
                j += 1
            } else if byte == 0x0A && bytes[j] == 0x0D {
                starts[i] = j
                j += j + 1 < bytes.count && bytes[j + 1] == 0x0A ? 2 : 1
            } else {
                return nil
            }
            ends[i] = j
        }
        if let reaching, j < reaching { return nil }
        return (starts, ends)
    }

    /// The page from its pieces: the main region chosen, white space collapsed, separators
    /// put in, anchor texts gathered.
    func assemble(
        _ pieces: [Piece], links pending: [PendingLink], title: [UInt8], meta: [HTMLMeta], base: String?,
        canonical: String?
    ) -> HTMLPage {
        var level = 0
        for piece in pieces {
            if case .text(_, _, _, let pieceLevel, _) = piece { level = max(level, pieceLevel) }
        }
        var out: [UInt8] = []
        var offsets = TextOffsets()
        var anchors = [[UInt8]](repeating: [], count: pending.count)
        var anchorSpans = [Span?](repeating: nil, count: pending.count)
        var separator = 0
        for piece in pieces {
            switch piece {
            case .separator(let kind):
                separator = max(separator, kind)
            case .text(let text, let starts, let ends, let pieceLevel, let link):
                guard pieceLevel >= level else { continue }
                var i = 0
                while i < text.count {
                    let byte = text[i]
                    if Self.isSpace(byte) || (byte == 0xC2 && i + 1 < text.count && text[i + 1] == 0xA0) {
                        separator = max(separator, 1)
                        i += byte == 0xC2 ? 2 : 1
                        continue
                    }
                    if separator > 0 && !out.isEmpty {
                        let inserted: [UInt8] = separator == 1 ? [0x20] : separator == 2 ? [0x0A] : [0x0A, 0x0A]
                        for s in inserted {
                            out.append(s)
                            offsets.append(start: starts[i], end: starts[i])
                        }
                        if let link, !anchors[link].isEmpty { anchors[link].append(0x20) }
                    }
                    separator = 0
                    out.append(byte)
                    offsets.append(start: starts[i], end: ends[i])
                    if let link {
                        anchors[link].append(byte)
                        let span = anchorSpans[link]
                        anchorSpans[link] = Span(
                            start: min(span?.start ?? starts[i], starts[i]), end: max(span?.end ?? ends[i], ends[i]))
                    }
                    i += 1
                }
            }
        }
        var links: [HTMLLink] = []
        for (i, link) in pending.enumerated() where link.level >= level {
            links.append(
                HTMLLink(
                    href: Self.trim(link.href), text: String(decoding: anchors[i], as: UTF8.self),
                    span: anchorSpans[i] ?? link.tag))
        }
        let titleText = Self.collapse(title)
        return HTMLPage(
            text: String(decoding: out, as: UTF8.self), offsets: offsets, title: titleText.isEmpty ? nil : titleText,
            meta: meta, base: base, canonical: canonical, links: links)
    }

    /// A run of text as valid UTF-8: libxml2 passes on bytes that are not UTF-8 in a page that
    /// says it is (after a UTF-8 byte-order mark, say) as they are; each such byte becomes
    /// U+FFFD, mapped to that byte, so the text and its offsets stay the same length.
    static func repaired(_ text: [UInt8], _ starts: [Int], _ ends: [Int]) -> ([UInt8], [Int], [Int]) {
        if String(validating: text, as: UTF8.self) != nil { return (text, starts, ends) }
        var bytes: [UInt8] = []
        var newStarts: [Int] = []
        var newEnds: [Int] = []
        var i = 0
        while i < text.count {
            let lead = text[i]
            let length =
                lead < 0x80
                ? 1
                : (0xC2...0xDF).contains(lead)
                    ? 2
                    : (0xE0...0xEF).contains(lead)
                        ? 3
                        : (0xF0...0xF4).contains(lead) ? 4 : 0
            if length > 0, i + length <= text.count, String(validating: text[i..<(i + length)], as: UTF8.self) != nil {
                bytes += text[i..<(i + length)]
                newStarts += starts[i..<(i + length)]
                newEnds += ends[i..<(i + length)]
                i += length
            } else {
                bytes += [0xEF, 0xBF, 0xBD]
                newStarts += [starts[i], starts[i], starts[i]]
                newEnds += [ends[i], ends[i], ends[i]]
                i += 1
            }
        }
        return (bytes, newStarts, newEnds)
    }

    /// HTML's ASCII white space (and CR).
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    /// Text with runs of white space made one space, trimmed.
    static func collapse(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A string without white space at either end.
    static func trim(_ text: String) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
