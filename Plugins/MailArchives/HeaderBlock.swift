/// One header field of a message: its name, its unfolded raw value and where it is in the file.
public struct HeaderField: Equatable, Sendable {
    /// The field name as written (compare with `MailHeaders.value(_:)`, which ignores case).
    public var name: String
    /// The value after the colon, unfolded (RFC 5322 §2.2.3: a line break followed by white
    /// space is removed), leading and trailing white space trimmed, encoded words NOT decoded.
    public var value: String
    /// Byte offsets of the whole field, name to the end of its last line (line break excluded),
    /// in the file.
    public var start: Int
    public var end: Int
}

/// The header section of a message or MIME part (RFC 5322 §2.2, §3.5): the fields up to the
/// first empty line.
public struct MailHeaders: Equatable, Sendable {
    public var fields: [HeaderField]
    /// Byte offsets of the header section in the file (without the empty line after it).
    public var start: Int
    public var end: Int
    /// Where the body begins in the file (after the empty line); `end` of the input when there is none.
    public var bodyStart: Int

    /// The first field named `name` (case-insensitive).
    public func value(_ name: String) -> String? {
        fields.first { $0.name.caseInsensitiveEquals(name) }?.value
    }

    /// Every field named `name`, in order.
    public func values(_ name: String) -> [String] {
        fields.filter { $0.name.caseInsensitiveEquals(name) }.map(\.value)
    }

    /// Parses the header section at the start of `bytes` (whose indices are file offsets).
    ///
    /// Lines end in LF or CRLF. A line starting with a space or tab continues the previous
    /// field. A line without a colon before the empty line ends the header section there
    /// (the rest is body), as a lenient reader does; so does a continuation line before any field.
    /// Header bytes that are not UTF-8 are read as ISO-8859-1 (raw 8-bit headers of old mail).
    /// - Complexity: O(n) in the header section.
    static func parse(_ bytes: ArraySlice<UInt8>) -> MailHeaders {
        var fields: [HeaderField] = []
        var i = bytes.startIndex
        let end = bytes.endIndex
        var sectionEnd = i
        var bodyStart = end
        var current: (nameEnd: Int, start: Int, end: Int)?

        func finish() {
            guard let field = current else { return }
            let name = String(decoding: bytes[field.start..<field.nameEnd], as: UTF8.self)
            let raw = bytes[(field.nameEnd + 1)..<field.end]
            fields.append(
                HeaderField(name: name.trimmingWhiteSpace, value: unfold(raw), start: field.start, end: field.end))
            current = nil
        }

        while i < end {
            // One line: [i, lineEnd) without its break; next is the start of the following line.
            var lineEnd = i
            while lineEnd < end, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = lineEnd < end ? lineEnd + 1 : end
            if lineEnd > i, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if lineEnd == i {
                // The empty line: the body follows.
                finish()
                bodyStart = next
                return MailHeaders(fields: fields, start: bytes.startIndex, end: sectionEnd, bodyStart: bodyStart)
            }
            if bytes[i] == 0x20 || bytes[i] == 0x09 {
                guard current != nil else { break }
                current!.end = lineEnd
            } else if let colon = bytes[i..<lineEnd].firstIndex(of: UInt8(ascii: ":")),
                Self.isFieldName(bytes[i..<colon])
            {
                finish()
                current = (colon, i, lineEnd)
            } else {
                break  // not a header line: the body starts here without an empty line
            }
            sectionEnd = lineEnd
            i = next
        }
        finish()
        if i < end {
            return MailHeaders(fields: fields, start: bytes.startIndex, end: sectionEnd, bodyStart: i)
        }
        return MailHeaders(fields: fields, start: bytes.startIndex, end: sectionEnd, bodyStart: end)
    }

    /// Printable ASCII other than the colon (RFC 5322 §3.6.8), with trailing spaces allowed
    /// (the obsolete `Subject :`).
    static func isFieldName(_ name: ArraySlice<UInt8>) -> Bool {
        var name = name
        while let last = name.last, last == 0x20 || last == 0x09 { name.removeLast() }
        return !name.isEmpty && name.allSatisfy { $0 >= 33 && $0 <= 126 }
    }

    /// A raw field value unfolded: CR and LF removed (each fold keeps its white space), trimmed.
    static func unfold(_ raw: ArraySlice<UInt8>) -> String {
        let kept = raw.filter { $0 != 0x0D && $0 != 0x0A }
        let text = String(validating: kept, as: UTF8.self) ?? String(kept.map { Character(Unicode.Scalar($0)) })
        return text.trimmingWhiteSpace
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces and tabs.
    var trimmingWhiteSpace: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return String(s)
    }

}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool {
        utf8.count == other.utf8.count && lowercased() == other.lowercased()
    }
}
