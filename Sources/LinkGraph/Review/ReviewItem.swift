import Foundation

/// One relation as an analyst reviews it: its passage with the two mentions marked, its kind,
/// its confidence and the decision already recorded, if any.
///
/// The passage is the relation's first quoted evidence (`Evidence.text`). In it the source is
/// marked `[[...]]` and the target `{{...}}`: the first occurrence of the entity's name or of
/// an alias (the longest that occurs; letter case ignored). A name that does not occur in the
/// passage (a pronoun or a description stood for it) is not marked.
public struct ReviewItem: Equatable, Sendable {
    /// The relation's position in the case's `relations`, from 1: what `--accept N` names.
    public var number: Int
    public var relation: Relation
    public var sourceName: String
    public var targetName: String
    /// The marked passage; nil when no evidence of the relation quotes its text.
    public var passage: String?
    /// Where the evidence is, for relations without a quotation (`document[start..<end]`).
    public var location: String?
    public var decision: RelationReview.Decision?

    /// The items of every relation of a case, in order.
    /// - Complexity: O(relations × (names + passage length)).
    public static func items(of caseFile: CaseFile) -> [ReviewItem] {
        let index = caseFile.entityIndexByID()
        return caseFile.relations.enumerated().map { offset, relation in
            let source = index[relation.source].map { caseFile.entities[$0] }
            let target = index[relation.target].map { caseFile.entities[$0] }
            let quoted = relation.evidence.first { $0.text != nil }
            let passage = quoted?.text.map {
                mark($0, source: source?.allNames ?? [relation.source], target: target?.allNames ?? [relation.target])
            }
            let location = relation.evidence.first.map { evidence -> String in
                guard let start = evidence.start, let end = evidence.end else { return evidence.document }
                return "\(evidence.document)[\(start)..<\(end)]"
            }
            return ReviewItem(
                number: offset + 1, relation: relation, sourceName: source?.name ?? relation.source,
                targetName: target?.name ?? relation.target, passage: passage, location: location,
                decision: caseFile.reviews.decision(for: RelationKey(relation)))
        }
    }

    /// The item as lines of text for a terminal or a log.
    public var text: String {
        let confidence = relation.confidence.map { String(format2($0)) } ?? "1"
        var lines = [
            "#\(number) \(sourceName) —\(relation.kind.rawValue)→ \(targetName)  confidence \(confidence)"
                + (decision.map { "  [\($0.rawValue)]" } ?? "")
        ]
        if let passage {
            lines.append("    \"\(passage)\"")
        } else {
            lines.append("    (no quoted evidence\(location.map { ": \($0)" } ?? ""))")
        }
        return lines.joined(separator: "\n")
    }

    /// `text` with the first occurrence of a source name wrapped in `[[ ]]` and of a target name in `{{ }}`.
    public static func mark(_ text: String, source: [String], target: [String]) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
        guard let s = firstOccurrence(of: source, in: flat) else {
            guard let t = firstOccurrence(of: target, in: flat) else { return flat }
            return wrap(flat, [(t, "{{", "}}")])
        }
        let t = firstOccurrence(of: target, in: flat, avoiding: s)
        return wrap(flat, [(s, "[[", "]]")] + (t.map { [($0, "{{", "}}")] } ?? []))
    }

    /// The range of the longest name occurring in `text` (the earliest of that length), not
    /// overlapping `avoiding`; names are matched at word boundaries, letter case ignored.
    static func firstOccurrence(
        of names: [String], in text: String, avoiding: Range<String.Index>? = nil
    ) -> Range<String.Index>? {
        for name in names.sorted(by: { $0.count > $1.count }) where !name.isEmpty {
            var from = text.startIndex
            while let found = text.range(of: name, options: [.caseInsensitive], range: from..<text.endIndex) {
                let beforeOK =
                    found.lowerBound == text.startIndex
                    || !text[text.index(before: found.lowerBound)].isLetter
                let afterOK = found.upperBound == text.endIndex || !text[found.upperBound].isLetter
                let overlaps = avoiding.map { found.overlaps($0) } ?? false
                if beforeOK && afterOK && !overlaps { return found }
                from = text.index(after: found.lowerBound)
            }
        }
        return nil
    }

    private static func wrap(_ text: String, _ marks: [(Range<String.Index>, String, String)]) -> String {
        var out = ""
        var cursor = text.startIndex
        for (range, open, close) in marks.sorted(by: { $0.0.lowerBound < $1.0.lowerBound }) {
            out += text[cursor..<range.lowerBound] + open + text[range] + close
            cursor = range.upperBound
        }
        return out + text[cursor...]
    }
}

/// A confidence with at most two decimals, without trailing zeros.
private func format2(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    var text = "\(rounded)"
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
}
