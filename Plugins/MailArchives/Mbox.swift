/// Splits an mbox file into its messages (RFC 4155): each starts at a line beginning
/// `From ` at the start of the file or after a line break, and that line is not part of it.
///
/// In the mboxrd variant every body line matching `>*From ` was quoted with one more `>` when
/// written; `unquote` removes one. In mboxo only `From ` was quoted, so `>From ` lines written
/// by the author cannot be told apart: reading mboxo removes one `>` from `>From ` only.
public enum Mbox {
    /// How `>From ` lines are unquoted.
    public enum Variant: String, Sendable {
        case mboxrd, mboxo
    }

    /// The byte ranges of the messages (without their `From ` lines), in file order. A file
    /// that does not start with `From ` is one message (an `.eml` file).
    /// - Complexity: O(n).
    public static func messageRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        let from: [UInt8] = Array("From ".utf8)
        var starts: [(separator: Int, body: Int)] = []
        var i = 0
        while i < bytes.count {
            var lineEnd = i
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            if bytes[i..<lineEnd].starts(with: from) { starts.append((i, min(lineEnd + 1, bytes.count))) }
            i = lineEnd + 1
        }
        if starts.first?.separator != 0 {
            // Not an mbox: the whole file is one message.
            return bytes.isEmpty ? [] : [0..<bytes.count]
        }
        var ranges: [Range<Int>] = []
        for (n, start) in starts.enumerated() {
            var end = n + 1 < starts.count ? starts[n + 1].separator : bytes.count
            // The empty line before the next "From " belongs to the separator.
            if end > start.body, bytes[end - 1] == 0x0A { end -= 1 }
            if end > start.body, bytes[end - 1] == 0x0D { end -= 1 }
            ranges.append(start.body..<max(start.body, end))
        }
        return ranges
    }

    /// Whether a message body needs `unquote` (it has a `>From ` line); cheap, so that messages
    /// without one keep their file offsets.
    static func hasQuotedFrom(_ bytes: ArraySlice<UInt8>) -> Bool {
        var atLineStart = true
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if atLineStart, bytes[i] == UInt8(ascii: ">") {
                var j = i
                while j < bytes.endIndex, bytes[j] == UInt8(ascii: ">") { j += 1 }
                if bytes[j...].starts(with: "From ".utf8) { return true }
            }
            atLineStart = bytes[i] == 0x0A
            i += 1
        }
        return false
    }

    /// The text with one `>` removed from each quoted `From ` line.
    /// - Complexity: O(n).
    public static func unquote(_ bytes: ArraySlice<UInt8>, variant: Variant) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            var lineEnd = i
            while lineEnd < bytes.endIndex, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = lineEnd < bytes.endIndex ? lineEnd + 1 : bytes.endIndex
            var gt = i
            while gt < lineEnd, bytes[gt] == UInt8(ascii: ">") { gt += 1 }
            let depth = gt - i
            let quoted =
                depth >= 1 && bytes[gt..<lineEnd].starts(with: "From ".utf8) && (variant == .mboxrd || depth == 1)
            out.append(contentsOf: bytes[(quoted ? i + 1 : i)..<next])
            i = next
        }
        return out
    }
}
