import LinkGraph

/// Why a PDF, or a page of it, could not be read. The message names the file.
public struct PDFError: Error, Equatable, CustomStringConvertible, FileLocatedError {
    public enum Kind: String, Codable, Sendable {
        /// It needs a password.
        case encrypted
        /// Not a PDF, or damaged beyond repair (a broken cross-reference table, a truncated file).
        case damaged
        /// Over a `PDFLimits` limit, or out of the worker's memory or output limit.
        case limit
        /// The worker ran out of time.
        case timeout
        /// The PDF library crashed in the worker.
        case crash
        /// The worker could not be started or answered nonsense.
        case worker
        /// One page without a text layer could not be read by OCR.
        case page
        /// The PDF library reported damage it worked around (the rest of the text was read).
        case repaired
    }

    public var file: String
    public var kind: Kind
    public var message: String

    public init(file: String, kind: Kind, message: String) {
        self.file = file
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
