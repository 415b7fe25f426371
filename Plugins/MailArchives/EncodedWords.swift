/// RFC 2047 encoded words in header text: `=?charset?B?base64?=` and `=?charset?Q?text?=`.
///
/// White space between two adjacent encoded words is dropped (§6.2), and adjacent words in the
/// same charset are joined before decoding, so a multi-byte character split across two words
/// comes out whole. A `*language` suffix on the charset (RFC 2231 §5) is ignored. Text that
/// only looks like an encoded word (no closing `?=`, an encoding other than B or Q) is kept as
/// it is.
/// - Complexity: O(n).
enum EncodedWords {
    /// The header text with its encoded words decoded.
    /// - Throws: `MailDecodingError` for an unknown charset or bad base64 in a word.
    static func decode(_ text: String) throws -> String {
        guard text.contains("=?") else { return text }
        let bytes = Array(text.utf8)
        var out = ""
        var literalStart = 0
        var i = 0
        var pending: (charset: String, bytes: [UInt8])?  // encoded words not yet turned into text

        func flushPending() throws {
            if let word = pending {
                out += try Charsets.decode(word.bytes, charset: word.charset)
                pending = nil
            }
        }

        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "="), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "?"),
                let word = parseWord(bytes, at: i)
            {
                let between = bytes[literalStart..<i]
                let onlySpace = between.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
                if pending != nil, onlySpace {
                    // Adjacent encoded words: the white space between them goes.
                } else {
                    try flushPending()
                    out += String(decoding: bytes[literalStart..<i], as: UTF8.self)
                }
                let decoded: [UInt8]
                if word.encoding == "B" {
                    decoded = try TransferEncoding.base64(word.text)
                } else {
                    decoded = TransferEncoding.quotedPrintable(word.text, header: true)
                }
                if let current = pending, current.charset.lowercased() == word.charset.lowercased() {
                    pending = (current.charset, current.bytes + decoded)
                } else {
                    try flushPending()
                    pending = (word.charset, decoded)
                }
                i = word.end
                literalStart = i
                continue
            }
            i += 1
        }
        try flushPending()
        out += String(decoding: bytes[literalStart...], as: UTF8.self)
        return out
    }

    /// One encoded word starting at `start` (at its `=?`), or nil when there is none there.
    static func parseWord(_ bytes: [UInt8], at start: Int) -> (
        charset: String, encoding: String, text: ArraySlice<UInt8>, end: Int
    )? {
        var i = start + 2
        let charsetStart = i
        while i < bytes.count, bytes[i] != UInt8(ascii: "?") {
            if bytes[i] <= 0x20 { return nil }
            i += 1
        }
        guard i + 2 < bytes.count, i > charsetStart, bytes[i + 2] == UInt8(ascii: "?") else { return nil }
        var charset = String(decoding: bytes[charsetStart..<i], as: UTF8.self)
        if let star = charset.firstIndex(of: "*") { charset = String(charset[..<star]) }
        let encoding = String(decoding: [bytes[i + 1]], as: UTF8.self).uppercased()
        guard encoding == "B" || encoding == "Q" else { return nil }
        let textStart = i + 3
        var j = textStart
        while j + 1 < bytes.count {
            if bytes[j] == UInt8(ascii: "?"), bytes[j + 1] == UInt8(ascii: "=") {
                return (charset, encoding, bytes[textStart..<j], j + 2)
            }
            if bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0A || bytes[j] == 0x0D { return nil }
            j += 1
        }
        return nil
    }
}
