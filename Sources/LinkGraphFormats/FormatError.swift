/// Why a file in an interchange format (GraphML, GEXF, CSV, node-link JSON, DOT) could not
/// be read or a case could not be written in one.
///
/// Every case names the file; `syntax` and most of `invalid` also name the line (1-based),
/// so a user can open the file where the problem is.
public enum FormatError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The text is not well-formed XML, JSON or CSV. `column` is 0 when the parser does not
    /// say.
    case syntax(file: String, line: Int, column: Int, message: String)
    /// The text is well-formed but is not a graph this reader can use: a node without an
    /// id, an edge to a missing node, a confidence outside 0...1, a value of the wrong type.
    /// `line` is the line of the element or row when known; `field` names the attribute,
    /// column or JSON path.
    case invalid(file: String, line: Int?, field: String?, message: String)
    /// The input asks for something refused for safety: a DTD or entity declaration (XXE,
    /// "billion laughs"), or nesting deeper than the reader allows.
    case refused(file: String, line: Int, message: String)
    /// The case cannot be written in the format, or the output cannot be made, and why.
    case unwritable(format: String, message: String)

    public var description: String {
        switch self {
        case .syntax(let file, let line, let column, let message):
            return column > 0 ? "\(file):\(line):\(column): \(message)" : "\(file):\(line): \(message)"
        case .invalid(let file, let line, let field, let message):
            var text = file
            if let line { text += ":\(line)" }
            text += ": "
            if let field { text += "\(field): " }
            return text + message
        case .refused(let file, let line, let message):
            return "\(file):\(line): refused: \(message)"
        case .unwritable(let format, let message):
            return "cannot write \(format): \(message)"
        }
    }
}
