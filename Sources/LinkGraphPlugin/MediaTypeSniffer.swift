/// The media type of a document told from its first bytes, for files whose extension says
/// nothing (`ExtractorRegistry.mediaType(forPath:contents:)` asks it only then).
///
/// Signatures, in this order:
/// - `%PDF-` within the first 1024 bytes → `application/pdf` (readers accept junk before the
///   header, as the PDF specification's implementation notes allow);
/// - after an optional byte-order mark and white space, `<!DOCTYPE html`, `<html`, `<head` or
///   `<body` (any case) → `text/html` (the WHATWG sniffing rules' strongest patterns);
/// - `From ` at the very start → `application/mbox` (RFC 4155: every message starts with it);
/// - a header section (RFC 5322 §2.2: `Name: value` lines, folded lines indented, up to a blank
///   line) whose first line is a header and which has `From:` and one of `Date:`, `To:`,
///   `Subject:`, `Message-ID:` → `message/rfc822`;
/// - when `textFallback`: valid UTF-8 with no NUL and few other control characters (at most
///   one in a hundred; tab, line feed, carriage return and form feed, which `pdftotext` puts
///   between pages, are text) → `text/plain`.
/// Anything else is nil: binary or unknown.
///
/// - Complexity: O(n) for the text test, O(1) for the others (they look at a bounded head).
public enum MediaTypeSniffer {
    /// How many bytes the header-section test looks at.
    static let headLength = 8192

    /// The media type the bytes show, or nil.
    /// - Parameters:
    ///   - bytes: The whole document (the text test reads all of it).
    ///   - textFallback: Whether plain UTF-8 text counts as `text/plain` (for files without an
    ///     extension; a `.jpeg` that happens to be ASCII should not be read as prose).
    public static func mediaType(of bytes: [UInt8], textFallback: Bool) -> String? {
        if isPDF(bytes) { return "application/pdf" }
        if isHTML(bytes) { return "text/html" }
        if bytes.starts(with: Array("From ".utf8)) { return "application/mbox" }
        if isMessage(bytes) { return "message/rfc822" }
        if textFallback, isText(bytes) { return "text/plain" }
        return nil
    }

    static func isPDF(_ bytes: [UInt8]) -> Bool {
        let signature = Array("%PDF-".utf8)
        let end = min(bytes.count, 1024)
        guard end >= signature.count else { return false }
        for start in 0...(end - signature.count) where bytes[start] == signature[0] {
            if bytes[start..<(start + signature.count)].elementsEqual(signature) { return true }
        }
        return false
    }

    static func isHTML(_ bytes: [UInt8]) -> Bool {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D, 0x0C].contains(bytes[index]) { index += 1 }
        let rest = bytes[index..<min(bytes.count, index + 16)].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        for tag in ["<!doctype html", "<html", "<head", "<body"] {
            let pattern = Array(tag.utf8)
            guard rest.starts(with: pattern) else { continue }
            // The tag's name ends there: `<htmlx` is not HTML.
            if rest.count == pattern.count
                || [0x20, 0x09, 0x0A, 0x0D, 0x0C, UInt8(ascii: ">"), UInt8(ascii: "/")].contains(rest[pattern.count])
            {
                return true
            }
        }
        return false
    }

    /// Whether the head is an RFC 5322 header section with a sender and one more usual field.
    static func isMessage(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(headLength)
        var names: Set<String> = []
        var lineStart = head.startIndex
        var first = true
        while lineStart < head.endIndex {
            let lineEnd = head[lineStart...].firstIndex(of: 0x0A) ?? head.endIndex
            var line = head[lineStart..<lineEnd]
            if line.last == 0x0D { line = line.dropLast() }
            if line.isEmpty { break }  // the end of the header section
            if line.first == 0x20 || line.first == 0x09 {
                if first { return false }  // a continuation needs a field before it
            } else {
                guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                    line[line.startIndex..<colon].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
                else {
                    // Not a field: fine only where the head was cut off mid-line.
                    if lineEnd == head.endIndex && head.count == headLength { break }
                    return false
                }
                names.insert(String(decoding: line[line.startIndex..<colon], as: UTF8.self).lowercased())
            }
            first = false
            lineStart = lineEnd == head.endIndex ? lineEnd : head.index(after: lineEnd)
        }
        return names.contains("from") && !names.isDisjoint(with: ["date", "to", "subject", "message-id"])
    }

    /// Valid UTF-8 without NUL, and at most one other control character (besides tab, line
    /// feed, carriage return and form feed) per hundred bytes.
    static func isText(_ bytes: [UInt8]) -> Bool {
        var controls = 0
        for byte in bytes where byte < 0x20 || byte == 0x7F {
            if byte == 0 { return false }
            if byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { controls += 1 }
        }
        guard controls * 100 <= bytes.count else { return false }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
