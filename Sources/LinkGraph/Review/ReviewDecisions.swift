import Foundation

/// Decisions on relations given by number (their position in the case's `relations`, from 1,
/// as `ReviewItem.number` shows it), to apply to a case in one go.
///
/// Text form (a decisions file): one decision a line, `accept N` or `reject N`; blank lines
/// and lines starting with `#` are ignored.
public struct ReviewDecisions: Equatable, Sendable {
    public var entries: [(number: Int, decision: RelationReview.Decision)]

    public init(entries: [(number: Int, decision: RelationReview.Decision)] = []) {
        self.entries = entries
    }

    public init(accept: [Int], reject: [Int]) {
        entries = accept.map { ($0, .accepted) } + reject.map { ($0, .rejected) }
    }

    /// Reads the text form.
    /// - Throws: `ReviewError.syntax` naming the file and line.
    public init(text: String, file: String) throws {
        entries = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let words = line.split(whereSeparator: \.isWhitespace)
            let decision: RelationReview.Decision? =
                switch words.first?.lowercased() {
                case "accept": .accepted
                case "reject": .rejected
                default: nil
                }
            guard words.count == 2, let decision, let number = Int(words[1]) else {
                throw ReviewError.syntax(
                    file: file, line: i + 1, message: "expected \"accept N\" or \"reject N\", found \"\(line)\"")
            }
            entries.append((number, decision))
        }
    }

    public var isEmpty: Bool { entries.isEmpty }

    public static func == (a: ReviewDecisions, b: ReviewDecisions) -> Bool {
        a.entries.elementsEqual(b.entries) { $0.number == $1.number && $0.decision == $1.decision }
    }
}

extension CaseFile {
    /// Applies decisions by number, all numbers referring to `relations` as they are before
    /// any is applied. Nothing is applied when a number is wrong or decided both ways.
    /// - Throws: `ReviewError.noSuchRelation` for a number outside 1...relations.count,
    ///   `.conflict` for a relation both accepted and rejected.
    /// - Complexity: O(decisions × (relations + reviews)).
    public mutating func apply(_ decisions: ReviewDecisions, reviewer: String? = nil, date: String? = nil) throws {
        var chosen: [Int: RelationReview.Decision] = [:]
        for (number, decision) in decisions.entries {
            guard number >= 1, number <= relations.count else {
                throw ReviewError.noSuchRelation(number: number, count: relations.count)
            }
            if let earlier = chosen[number], earlier != decision { throw ReviewError.conflict(number: number) }
            chosen[number] = decision
        }
        let targets = chosen.sorted { $0.key < $1.key }.map { (relations[$0.key - 1], $0.value) }
        for (relation, decision) in targets { record(decision, on: relation, reviewer: reviewer, date: date) }
    }
}

/// Why review decisions could not be applied.
public enum ReviewError: Error, Equatable, CustomStringConvertible {
    /// A decisions file line that is not `accept N` / `reject N`.
    case syntax(file: String, line: Int, message: String)
    /// A number that is no relation of the case.
    case noSuchRelation(number: Int, count: Int)
    /// The same relation both accepted and rejected.
    case conflict(number: Int)

    public var description: String {
        switch self {
        case .syntax(let file, let line, let message):
            return "\(file):\(line): \(message)"
        case .noSuchRelation(let number, let count):
            return
                "there is no relation #\(number): the case has \(count) relation\(count == 1 ? "" : "s"), "
                + "numbered from 1"
        case .conflict(let number):
            return "relation #\(number) is both accepted and rejected"
        }
    }
}
