/// What went wrong while loading TextPatterns rules or gazetteers. Every case names the file
/// and, where there is one, the line, so a user can go straight to it.
public enum TextPatternsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(file: String, reason: String)
    /// The YAML itself is malformed (Yams' mark gives the place).
    case syntax(file: String, line: Int, column: Int, message: String)
    /// Well-formed YAML that is not a valid rules or gazetteer file.
    case invalid(file: String, line: Int, message: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): return "\(file): cannot read: \(reason)"
        case .syntax(let file, let line, let column, let message):
            return "\(file):\(line):\(column): YAML syntax error: \(message)"
        case .invalid(let file, let line, let message): return "\(file):\(line): \(message)"
        }
    }
}
