/// A small scanner for Graphviz HTML-like labels (the text between `<` and `>` of
/// `label=<...>`), enough to find tags and their attributes and write them back.
///
/// Graphviz parses these labels with expat, as XML: tags are `<NAME ATTR="v" ...>`,
/// `</NAME>` and `<NAME .../>`, values are quoted with `"` or `'` and hold no `<`, and text
/// holds no `<`. The scanner accepts that shape only and returns `nil` for anything else
/// (an unclosed tag or comment, `<!DOCTYPE`, an unquoted value), so nothing that expat
/// would read as a tag can pass as text. Unchanged parts are written back byte for byte.
///
/// ## References
/// - HTML-like labels: <https://graphviz.org/doc/info/shapes.html#html>
/// - XML 1.0, §2.4 Character Data, §3.1 Start-Tags, End-Tags: <https://www.w3.org/TR/xml/>
enum HTMLLikeLabel {
    enum Token: Equatable {
        case text(String)
        case comment(String)
        case cdata(String)
        case processingInstruction(String)
        case start(Tag)
        case end(name: String, raw: String)
    }

    struct Tag: Equatable {
        var name: String
        var attributes: [Attribute]
        var isSelfClosing: Bool

        /// `<NAME ATTR="v" ...>` or `<NAME .../>`.
        var serialized: String {
            var out = "<" + name
            for attribute in attributes {
                out +=
                    " " + attribute.name + "=" + String(attribute.quote) + attribute.rawValue + String(attribute.quote)
            }
            return out + (isSelfClosing ? "/>" : ">")
        }
    }

    struct Attribute: Equatable {
        var name: String
        /// The value as written, entities not decoded.
        var rawValue: String
        var quote: Character

        /// Replaces the value with `text`, escaped for a double-quoted attribute (Graphviz reads
        /// HTML-like labels with an XML parser).
        mutating func setValue(_ text: String) {
            rawValue = XMLEscaping.attribute(text)
            quote = "\""
        }
    }

    /// The tokens of `html`, or `nil` when it is not of the shape described above.
    static func tokenize(_ html: String) -> [Token]? {
        let bytes = Array(html.utf8)
        var tokens: [Token] = []
        var i = 0
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        func starts(_ prefix: String, at index: Int) -> Bool {
            let p = Array(prefix.utf8)
            return index + p.count <= bytes.count && Array(bytes[index..<index + p.count]) == p
        }
        func find(_ marker: String, from index: Int) -> Int? {
            let m = Array(marker.utf8)
            guard m.count <= bytes.count else { return nil }
            var j = index
            while j + m.count <= bytes.count {
                if bytes[j] == m[0], Array(bytes[j..<j + m.count]) == m { return j }
                j += 1
            }
            return nil
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        func isNameByte(_ byte: UInt8, first: Bool) -> Bool {
            switch byte {
            case 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "_"), UInt8(ascii: ":"): return true
            case 0x30...0x39, UInt8(ascii: "-"), UInt8(ascii: "."): return !first
            default: return byte >= 0x80
            }
        }
        func name(at index: inout Int) -> String? {
            let start = index
            guard index < bytes.count, isNameByte(bytes[index], first: true) else { return nil }
            while index < bytes.count, isNameByte(bytes[index], first: false) { index += 1 }
            return text(start..<index)
        }
        func skipSpaces(_ index: inout Int) { while index < bytes.count, isSpace(bytes[index]) { index += 1 } }

        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else {
                var j = i
                while j < bytes.count, bytes[j] != UInt8(ascii: "<") { j += 1 }
                tokens.append(.text(text(i..<j)))
                i = j
                continue
            }
            if starts("<!--", at: i) {
                guard let end = find("-->", from: i + 4) else { return nil }
                tokens.append(.comment(text(i..<end + 3)))
                i = end + 3
            } else if starts("<![CDATA[", at: i) {
                guard let end = find("]]>", from: i + 9) else { return nil }
                tokens.append(.cdata(text(i..<end + 3)))
                i = end + 3
            } else if starts("<?", at: i) {
                guard let end = find("?>", from: i + 2) else { return nil }
                tokens.append(.processingInstruction(text(i..<end + 2)))
                i = end + 2
            } else if starts("<!", at: i) {
                return nil
            } else if starts("</", at: i) {
                var j = i + 2
                guard let tagName = name(at: &j) else { return nil }
                skipSpaces(&j)
                guard j < bytes.count, bytes[j] == UInt8(ascii: ">") else { return nil }
                tokens.append(.end(name: tagName, raw: text(i..<j + 1)))
                i = j + 1
            } else {
                var j = i + 1
                guard let tagName = name(at: &j) else { return nil }
                var attributes: [Attribute] = []
                var selfClosing = false
                while true {
                    let before = j
                    skipSpaces(&j)
                    guard j < bytes.count else { return nil }
                    if bytes[j] == UInt8(ascii: ">") {
                        j += 1
                        break
                    }
                    if bytes[j] == UInt8(ascii: "/") {
                        guard j + 1 < bytes.count, bytes[j + 1] == UInt8(ascii: ">") else { return nil }
                        selfClosing = true
                        j += 2
                        break
                    }
                    // XML needs white space before each attribute.
                    guard j > before, let attributeName = name(at: &j) else { return nil }
                    skipSpaces(&j)
                    guard j < bytes.count, bytes[j] == UInt8(ascii: "=") else { return nil }
                    j += 1
                    skipSpaces(&j)
                    guard j < bytes.count, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") else {
                        return nil
                    }
                    let quote = bytes[j]
                    var k = j + 1
                    while k < bytes.count, bytes[k] != quote {
                        if bytes[k] == UInt8(ascii: "<") { return nil }
                        k += 1
                    }
                    guard k < bytes.count else { return nil }
                    attributes.append(
                        Attribute(
                            name: attributeName, rawValue: text(j + 1..<k), quote: Character(Unicode.Scalar(quote))))
                    j = k + 1
                }
                tokens.append(.start(Tag(name: tagName, attributes: attributes, isSelfClosing: selfClosing)))
                i = j
            }
        }
        return tokens
    }

    /// An attribute value with XML's character references decoded (`&amp;`, `&lt;`, `&gt;`,
    /// `&quot;`, `&apos;`, `&#N;`, `&#xN;`); other `&name;` references are kept as written.
    static func decode(_ raw: String) -> String {
        guard raw.contains("&") else { return raw }
        var out = ""
        var rest = Substring(raw)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
                out += "&"
                rest = after
                continue
            }
            let entity = after[..<semicolon]
            var decoded: String?
            switch entity {
            case "amp": decoded = "&"
            case "lt": decoded = "<"
            case "gt": decoded = ">"
            case "quot": decoded = "\""
            case "apos": decoded = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    decoded = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if entity.hasPrefix("#") {
                    decoded = UInt32(entity.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init).map { String($0) }
                }
            }
            if let decoded {
                out += decoded
                rest = after[after.index(after: semicolon)...]
            } else {
                out += "&"
                rest = after
            }
        }
        out += rest
        return out
    }
}
