import LinkGraph

/// A DOT file's bytes as the UTF-8 text cgraph is given, honouring the graph's `charset`.
///
/// cgraph keeps names as bytes, and everything after it works on Swift strings: decoding
/// invalid UTF-8 leniently turned `"\xe9" -> "\xe8"` into one node `U+FFFD` with a self-loop.
/// So the bytes are decoded here, once, for every reader of DOT (`import`, `render`, `extract`):
/// - `charset=latin1` (and Graphviz's other names for ISO-8859-1: `latin-1`, `l1`,
///   `iso-8859-1`, `iso_8859-1`, `iso8859-1`, `iso-ir-100`, any case): each byte is its code
///   point, and the attribute is rewritten to `"UTF-8"` so that Graphviz does not convert the
///   names a second time when drawing;
/// - `charset=big-5`, which Graphviz knows but this reader does not: refused;
/// - anything else (UTF-8, no charset): the bytes must be valid UTF-8, else an error with the
///   line and column of the first bad byte.
///
/// ## References
/// - Graphviz attribute `charset`: <https://graphviz.org/docs/attrs/charset/>
public enum DOTText {
    /// The text of `bytes`; see the type's description.
    /// - Throws: `FormatError.syntax` naming `file`, the line and the column of invalid UTF-8;
    ///   `FormatError.invalid` for an unsupported charset.
    /// - Complexity: O(bytes).
    public static func decode(_ bytes: [UInt8], file: String) throws -> String {
        if let charset = charsetValue(in: bytes) {
            let name = String(decoding: bytes[charset.name], as: UTF8.self).lowercased()
            if latin1Names.contains(name) {
                var text = String(latin1: bytes[..<charset.value.lowerBound])
                text += "\"UTF-8\""
                text += String(latin1: bytes[charset.value.upperBound...])
                return text
            }
            if name == "big-5" || name == "big5" {
                throw FormatError.invalid(
                    file: file, line: line(of: charset.value.lowerBound, in: bytes), field: "charset",
                    message: "the charset \(name) is not read; convert the file to UTF-8")
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = UTF8Position.firstInvalid(in: bytes) ?? (1, 1)
            throw FormatError.syntax(
                file: file, line: line, column: column,
                message: "invalid UTF-8; convert the file to UTF-8, or give the graph charset=latin1 if it is Latin-1")
        }
        return text
    }

    /// Graphviz's names for ISO-8859-1, lower-cased.
    static let latin1Names: Set<String> = [
        "latin1", "latin-1", "l1", "iso-8859-1", "iso_8859-1", "iso8859-1", "iso-ir-100",
    ]

    /// The first `charset = value` outside strings and comments: the value's byte range
    /// (quotes included) and the name's (without quotes).
    static func charsetValue(in bytes: [UInt8]) -> (value: Range<Int>, name: Range<Int>)? {
        var i = 0
        let n = bytes.count
        func skipBlanks() {
            while i < n, [9, 10, 13, 32].contains(bytes[i]) { i += 1 }
        }
        while i < n {
            let c = bytes[i]
            if c == 0x22 {  // "quoted", with backslash escapes
                i += 1
                while i < n && bytes[i] != 0x22 { i += bytes[i] == 0x5C ? 2 : 1 }
                i += 1
            } else if c == 0x3C {  // <HTML-like>, nested
                var depth = 0
                repeat {
                    if bytes[i] == 0x3C { depth += 1 } else if bytes[i] == 0x3E { depth -= 1 }
                    i += 1
                } while i < n && depth > 0
            } else if c == 0x2F && i + 1 < n && bytes[i + 1] == 0x2F || c == 0x23 {  // // or # to the line's end
                while i < n && bytes[i] != 10 { i += 1 }
            } else if c == 0x2F && i + 1 < n && bytes[i + 1] == 0x2A {  // /* ... */
                i += 2
                while i + 1 < n && !(bytes[i] == 0x2A && bytes[i + 1] == 0x2F) { i += 1 }
                i += 2
            } else if isIDByte(c) {
                let start = i
                while i < n && isIDByte(bytes[i]) { i += 1 }
                guard bytes[start..<i].elementsEqual("charset".utf8) else { continue }
                skipBlanks()
                guard i < n, bytes[i] == 0x3D else { continue }
                i += 1
                skipBlanks()
                let valueStart = i
                if i < n && bytes[i] == 0x22 {
                    i += 1
                    while i < n && bytes[i] != 0x22 { i += bytes[i] == 0x5C ? 2 : 1 }
                    guard i < n else { return nil }
                    i += 1
                    return (valueStart..<i, valueStart + 1..<i - 1)
                }
                while i < n && (isIDByte(bytes[i]) || bytes[i] == 0x2D) { i += 1 }
                return i > valueStart ? (valueStart..<i, valueStart..<i) : nil
            } else {
                i += 1
            }
        }
        return nil
    }

    /// Letters, digits, `_`, `.` and bytes ≥ 0x80: the bytes of an unquoted DOT id or number.
    static func isIDByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
            || c == 0x5F || c == 0x2E || c >= 0x80
    }

    static func line(of offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes[..<offset].lazy.filter { $0 == 10 }.count
    }
}

extension String {
    /// ISO-8859-1 bytes: each byte is the code point of the same value.
    fileprivate init<Bytes: Sequence<UInt8>>(latin1 bytes: Bytes) {
        var text = ""
        text.unicodeScalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
        self = text
    }
}
