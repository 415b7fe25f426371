import Foundation

/// Quoting a passage for a reader (a path explanation, a tooltip, a card line): one line, at
/// most a given number of characters. The one owner of that rule.
public enum Quotation {
    /// `text` on one line (line breaks become spaces), cut at a word boundary when it is
    /// longer than `limit` characters, with "…" marking the cut (punctuation and spaces
    /// before the cut dropped).
    /// - Complexity: O(n) in the length of `text`.
    public static func shortened(_ text: String, limit: Int) -> String {
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard oneLine.count > limit, limit > 1 else { return oneLine }
        var cut = String(oneLine.prefix(limit - 1))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            cut = String(cut[..<space])
        }
        return cut.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)) + "…"
    }
}
