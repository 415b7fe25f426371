/// An error whose message already starts with the file it is about, so that a caller reporting
/// it does not name the file a second time.
public protocol FileLocatedError: Error {
    /// The file the error is about, as its message names it.
    var file: String { get }
}

extension CaseFileError: FileLocatedError {
    public var file: String {
        switch self {
        case .unreadable(let file, _), .syntax(let file, _, _, _), .invalid(let file, _): return file
        }
    }
}
