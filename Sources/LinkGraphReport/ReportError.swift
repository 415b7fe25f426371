/// Why a report could not be written.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    /// `--documents` names something that is not a directory.
    case missingDirectory(String)
    /// A document file whose SHA-256 is not the one the case records.
    case documentMismatch(path: String, document: String, expected: String)
    /// A document file that is not UTF-8 text.
    case unreadableDocument(path: String, document: String)
    /// The drawing Graphviz returned is not an SVG document.
    case notSVG(String)

    public var description: String {
        switch self {
        case .missingDirectory(let path):
            return "\(path): not a directory (--documents takes the directory that holds the case's documents)"
        case .documentMismatch(let path, let document, let expected):
            return "\(path): its SHA-256 is not the \(expected) that the case records for document '\(document)': "
                + "the evidence offsets would mark the wrong text"
        case .unreadableDocument(let path, let document):
            return "\(path): document '\(document)' is not UTF-8 text"
        case .notSVG(let reason):
            return "the drawing is not an SVG document: \(reason)"
        }
    }
}
