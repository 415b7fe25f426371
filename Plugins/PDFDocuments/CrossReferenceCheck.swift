/// Whether a PDF's last `startxref` points at a cross-reference section, checked on the bytes
/// alone (no PDF library): poppler silently rebuilds a broken table by scanning the file, so
/// without this check a damaged file would read as a sound one.
///
/// A cross-reference section starts with the keyword `xref` (a table) or with `N G obj` (a
/// cross-reference stream, PDF 1.5), after optional white space (ISO 32000-1, 7.5.4 and 7.5.8).
/// - Complexity: O(1): the last 1,024 bytes and a few bytes at the offset.
enum CrossReferenceCheck {
    /// A sentence saying what is wrong, or nil when `startxref` points at a cross-reference section.
    static func problem(_ bytes: [UInt8]) -> String? {
        let tail = bytes.suffix(1024)
        let keyword = Array("startxref".utf8)
        guard
            let found = stride(from: tail.endIndex - keyword.count, through: tail.startIndex, by: -1).first(where: {
                tail[$0..<($0 + keyword.count)].elementsEqual(keyword)
            })
        else { return "it has no startxref at its end (truncated?)" }
        var at = found + keyword.count
        while at < bytes.count, isWhite(bytes[at]) { at += 1 }
        let digits = bytes[at...].prefix { $0 >= 0x30 && $0 <= 0x39 }
        guard !digits.isEmpty, digits.count <= 15, let offset = Int(String(decoding: digits, as: UTF8.self)) else {
            return "its startxref gives no offset"
        }
        guard offset < bytes.count else {
            return "its startxref points past the end of the file (byte \(offset) of \(bytes.count))"
        }
        var start = offset
        while start < bytes.count, isWhite(bytes[start]) { start += 1 }
        let head = bytes[start..<min(bytes.count, start + 32)]
        if head.starts(with: Array("xref".utf8)) { return nil }
        // `N G obj`: a cross-reference stream.
        let words = String(decoding: head, as: UTF8.self).split(whereSeparator: {
            $0 == " " || $0 == "\n" || $0 == "\r"
        })
        if words.count >= 3, Int(words[0]) != nil, Int(words[1]) != nil, words[2].hasPrefix("obj") { return nil }
        return "its startxref points at byte \(offset), where no cross-reference section starts"
    }

    private static func isWhite(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
    }
}
