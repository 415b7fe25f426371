/// Why a case file could not be read or is not valid.
public enum CaseFileError: Error, Equatable, CustomStringConvertible {
    /// The file could not be read at all (missing, a directory, too large, permission).
    case unreadable(file: String, reason: String)
    /// The file is not JSON; line and column are 1-based.
    case syntax(file: String, line: Int, column: Int, message: String)
    /// The file is JSON but breaks the format; every problem found is listed.
    case invalid(file: String, problems: [CaseFileProblem])

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read: \(reason)"
        case .syntax(let file, let line, let column, let message):
            return "\(file):\(line):\(column): invalid JSON: \(message)"
        case .invalid(let file, let problems):
            let noun = problems.count == 1 ? "problem" : "problems"
            return "\(file): \(problems.count) \(noun):\n"
                + problems.map { "  \(file): \($0)" }.joined(separator: "\n")
        }
    }

    /// The problems of an `.invalid` error; empty for the other cases.
    public var problems: [CaseFileProblem] {
        if case .invalid(_, let problems) = self { return problems }
        return []
    }
}

/// One problem in a case file, at a JSON path such as `relations[3].confidence`.
public struct CaseFileProblem: Equatable, Sendable, CustomStringConvertible {
    /// Where: a JSON path from the top (`entities[2].id`), or `$` for the whole file.
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
