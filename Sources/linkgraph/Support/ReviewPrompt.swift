import Foundation
import LinkGraph

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Shows relations for review (`ReviewItem`) and, on a terminal, asks for a decision on each
/// undecided one: `a` accept, `r` reject, `s` or Enter skip, `q` stop asking.
struct ReviewPrompt {
    var reviewer: String?

    /// Whether standard input is a terminal, so that asking makes sense.
    static var isInteractive: Bool { isatty(0) != 0 }

    /// The time recorded with a decision.
    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }

    /// Prints every relation of the case on standard output.
    static func list(_ caseFile: CaseFile) {
        for item in ReviewItem.items(of: caseFile) { print(item.text) }
    }

    /// Asks about each undecided relation; returns the case with the decisions recorded.
    func ask(_ caseFile: CaseFile) -> CaseFile {
        var result = caseFile
        let items = ReviewItem.items(of: caseFile).filter { $0.decision == nil }
        for (i, item) in items.enumerated() {
            print(item.text)
            while true {
                // Unbuffered, so the question shows before the answer is read (the lines above end
                // with a line break, which flushes standard output on a terminal).
                let question = "  [\(i + 1)/\(items.count)] a = accept, r = reject, Enter = skip, q = quit: "
                FileHandle.standardOutput.write(Data(question.utf8))
                guard let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() else { return result }
                switch answer {
                case "a", "accept": result.record(.accepted, on: item.relation, reviewer: reviewer, date: Self.now())
                case "r", "reject": result.record(.rejected, on: item.relation, reviewer: reviewer, date: Self.now())
                case "", "s", "skip": break
                case "q", "quit": return result
                default: continue
                }
                break
            }
        }
        return result
    }
}
