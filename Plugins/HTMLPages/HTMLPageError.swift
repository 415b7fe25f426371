import LinkGraph

/// Why an HTML page could not be read; names the file.
public struct HTMLPageError: Error, CustomStringConvertible, Sendable, FileLocatedError {
    public enum Reason: Equatable, Sendable {
        /// The file is larger than libxml2 reads at once (2 GiB).
        case tooLarge(Int)
        /// The bytes hold a NUL outside UTF-16/UTF-32: binary data, not a page.
        case binary(offset: Int)
        /// libxml2 could not make a parser (out of memory).
        case parserUnavailable
        /// An option of the request has a bad value.
        case badOption(String)
    }

    public var file: String
    public var reason: Reason

    public init(file: String, reason: Reason) {
        self.file = file
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .tooLarge(let size): return "\(file): \(size) bytes is too large for an HTML page (at most 2 GiB)"
        case .binary(let offset):
            return
                "\(file): not an HTML page: a NUL byte at offset \(offset) (binary data, or UTF-16 without a byte-order mark)"
        case .parserUnavailable: return "\(file): libxml2 could not start its HTML parser (out of memory?)"
        case .badOption(let message): return "\(file): \(message)"
        }
    }
}
