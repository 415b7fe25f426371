/// The MIME structure of a message (RFC 2045, RFC 2046): where its text is.
enum MIMEEntity {
    /// A `Content-Type` value split into its type (`text/plain`, lower case) and parameters
    /// (names lower case, values unquoted).
    struct ContentType: Equatable {
        var type: String
        var parameters: [String: String]

        init(_ value: String?) {
            guard let value, !value.trimmingWhiteSpace.isEmpty else {
                type = "text/plain"
                parameters = [:]
                return
            }
            let parts = Self.splitParameters(value)
            type = parts.first?.trimmingWhiteSpace.lowercased() ?? "text/plain"
            if !type.contains("/") { type = "text/plain" }  // RFC 2045 §5.2: an invalid type is read as text/plain
            var parameters: [String: String] = [:]
            for part in parts.dropFirst() {
                guard let equals = part.firstIndex(of: "=") else { continue }
                let name = part[..<equals].trimmingWhiteSpace.lowercased()
                var value = part[part.index(after: equals)...].trimmingWhiteSpace
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                    value = Self.unquote(String(value.dropFirst().dropLast()))
                }
                if parameters[name] == nil { parameters[name] = value }
            }
            self.parameters = parameters
        }

        /// The `;`-separated parts, `;` inside quotes kept.
        static func splitParameters(_ value: String) -> [String] {
            var parts: [String] = []
            var current = ""
            var inQuotes = false
            var escaped = false
            for c in value {
                if escaped { current.append(c); escaped = false; continue }
                if c == "\\" && inQuotes { current.append(c); escaped = true; continue }
                if c == "\"" { inQuotes.toggle() }
                if c == ";" && !inQuotes {
                    parts.append(current)
                    current = ""
                } else {
                    current.append(c)
                }
            }
            parts.append(current)
            return parts
        }

        static func unquote(_ text: String) -> String {
            var out = ""
            var escaped = false
            for c in text {
                if escaped {
                    out.append(c); escaped = false
                } else if c == "\\" {
                    escaped = true
                } else {
                    out.append(c)
                }
            }
            return out
        }
    }

    /// A text part of a message: its decoded text and where its raw body is in the file.
    struct TextPart: Equatable {
        var text: String
        /// The part's body (still encoded) in the file.
        var start: Int
        var end: Int
        /// Whether `text` is the raw body byte for byte (no transfer or charset decoding, no
        /// HTML stripping), so that offsets into it are offsets into the file from `start`.
        var isVerbatim: Bool
    }

    /// The deepest nesting of multiparts read; deeper parts are an error (a message bomb).
    static let maximumDepth = 20

    /// The text of an entity: for `text/plain` its decoded body; for `text/html` its text
    /// without tags; for `multipart/alternative` the plain alternative, else the HTML one; for
    /// other multiparts the text parts in order; for `message/rfc822` the enclosed message's
    /// text. Attachments (`Content-Disposition: attachment`) and other types give nothing.
    /// - Parameter bytes: The entity (headers and body); its indices are file offsets.
    /// - Throws: `MailDecodingError` for a multipart without its closing boundary, bad base64,
    ///   an unknown charset or transfer encoding.
    static func textParts(_ headers: MailHeaders, _ bytes: ArraySlice<UInt8>, depth: Int = 0, path: String = "")
        throws -> [TextPart]
    {
        guard depth <= maximumDepth else { throw MailDecodingError("MIME parts nested more than \(maximumDepth) deep") }
        let body = bytes[headers.bodyStart..<max(headers.bodyStart, bytes.endIndex)]
        let contentType = ContentType(headers.value("Content-Type"))
        let where_ = path.isEmpty ? "the body" : "part \(path)"
        if let disposition = headers.value("Content-Disposition"), disposition.lowercased().hasPrefix("attachment") {
            return []
        }
        if contentType.type.hasPrefix("multipart/") {
            guard let boundary = contentType.parameters["boundary"], !boundary.isEmpty else {
                throw MailDecodingError("\(where_) is \(contentType.type) without a boundary parameter")
            }
            let parts = try splitMultipart(body, boundary: boundary, where: where_)
            var children: [[TextPart]] = []
            var types: [String] = []
            for (n, part) in parts.enumerated() {
                let partHeaders = MailHeaders.parse(part)
                let childPath = path.isEmpty ? "\(n + 1)" : "\(path).\(n + 1)"
                children.append(try textParts(partHeaders, part, depth: depth + 1, path: childPath))
                types.append(ContentType(partHeaders.value("Content-Type")).type)
            }
            if contentType.type == "multipart/alternative" {
                if let plain = types.firstIndex(of: "text/plain"), !children[plain].isEmpty { return children[plain] }
                return children.first { !$0.isEmpty } ?? []
            }
            return children.flatMap { $0 }
        }
        if contentType.type == "message/rfc822" {
            let inner = MailHeaders.parse(body)
            return try textParts(inner, body, depth: depth + 1, path: path.isEmpty ? "1" : path + ".1")
        }
        guard contentType.type == "text/plain" || contentType.type == "text/html" else { return [] }
        let encoding = headers.value("Content-Transfer-Encoding")?.trimmingWhiteSpace ?? ""
        let decoded: [UInt8]
        do {
            decoded = try TransferEncoding.decode(body, encoding: encoding)
        } catch let error as MailDecodingError {
            throw MailDecodingError("\(error.reason) in \(where_)")
        }
        let charset = contentType.parameters["charset"] ?? "us-ascii"
        var text: String
        do {
            text = try Charsets.decode(decoded, charset: charset)
        } catch let error as MailDecodingError {
            throw MailDecodingError("\(error.reason) in \(where_)")
        }
        var verbatim =
            decoded.elementsEqual(body)
            && (Charsets.encoding(named: charset).map { if case .foundation(.utf8) = $0 { true } else { false } }
                ?? false)
        if contentType.type == "text/html" {
            text = HTMLText.strip(text)
            verbatim = false
        }
        return [TextPart(text: text, start: body.startIndex, end: body.endIndex, isVerbatim: verbatim)]
    }

    /// The parts of a multipart body between `--boundary` lines, up to `--boundary--`
    /// (RFC 2046 §5.1.1); the preamble and epilogue are dropped. The line break before a
    /// delimiter belongs to the delimiter.
    /// - Throws: `MailDecodingError` when the closing delimiter is missing (a truncated message).
    static func splitMultipart(_ body: ArraySlice<UInt8>, boundary: String, where: String) throws -> [ArraySlice<UInt8>]
    {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var i = body.startIndex
        while i < body.endIndex {
            var lineEnd = i
            while lineEnd < body.endIndex, body[lineEnd] != 0x0A { lineEnd += 1 }
            let next = lineEnd < body.endIndex ? lineEnd + 1 : body.endIndex
            if body[i..<lineEnd].starts(with: delimiter) {
                let rest = body[(i + delimiter.count)..<lineEnd]
                let isClose = rest.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")])
                let restAfter = isClose ? rest.dropFirst(2) : rest
                if restAfter.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    if let start = partStart {
                        // The line break before the delimiter is part of it.
                        var end = i
                        if end > start, body[end - 1] == 0x0A { end -= 1 }
                        if end > start, body[end - 1] == 0x0D { end -= 1 }
                        parts.append(body[start..<end])
                    }
                    if isClose { return parts }
                    partStart = next
                }
            }
            i = next
        }
        throw MailDecodingError(
            "\(`where`) is cut short: the multipart has no closing boundary \"--\(boundary)--\" (truncated?)")
    }
}

/// The text of an HTML body without its markup: tags removed (the content of `script`,
/// `style` and `head` too), block tags turned into line breaks, character references decoded
/// (the named ones mail uses, and numeric ones). It only feeds the text extractor, so a
/// simple pass is enough here; it never reads URLs or structure.
/// - Complexity: O(n).
enum HTMLText {
    static func strip(_ html: String) -> String {
        var out = ""
        var i = html.startIndex
        var skipUntil: String?
        while i < html.endIndex {
            let c = html[i]
            if c == "<" {
                guard let close = html[i...].firstIndex(of: ">") else { break }
                let tag = html[html.index(after: i)..<close].lowercased()
                let name = String(tag.prefix { $0.isLetter || $0.isNumber || $0 == "/" })
                if let skip = skipUntil {
                    if name == "/" + skip { skipUntil = nil }
                } else if ["script", "style", "head"].contains(name) {
                    skipUntil = name
                } else if ["br", "p", "/p", "div", "/div", "tr", "li", "h1", "h2", "h3", "/h1", "/h2", "/h3"].contains(
                    name)
                {
                    out.append("\n")
                }
                i = html.index(after: close)
                continue
            }
            if skipUntil != nil {
                i = html.index(after: i)
                continue
            }
            if c == "&", let semicolon = html[i...].prefix(12).firstIndex(of: ";"),
                let decoded = entity(String(html[html.index(after: i)..<semicolon]))
            {
                out.append(decoded)
                i = html.index(after: semicolon)
                continue
            }
            out.append(c)
            i = html.index(after: i)
        }
        return out
    }

    static let named: [String: Character] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "eacute": "é", "egrave": "è",
        "uuml": "ü", "ouml": "ö", "auml": "ä", "szlig": "ß", "ntilde": "ñ", "ccedil": "ç", "euro": "€",
    ]

    static func entity(_ name: String) -> Character? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map(Character.init)
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map(Character.init) }
        return named[name.lowercased()]
    }
}
