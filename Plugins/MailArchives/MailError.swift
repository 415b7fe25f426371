/// A problem with one message of a mailbox: the file, the message's number (1-based, in file
/// order) and what is wrong. One bad message never stops the others.
public struct MailError: Error, Equatable, CustomStringConvertible {
    /// The mailbox or `.eml` file.
    public var file: String
    /// The message's number in the file, from 1.
    public var message: Int
    /// What is wrong, e.g. "bad base64 in the body of part 2".
    public var reason: String

    public init(file: String, message: Int, reason: String) {
        self.file = file
        self.message = message
        self.reason = reason
    }

    public var description: String { "\(file): message \(message): \(reason)" }
}

/// A problem found while decoding one part of a message, before the file and message number
/// are known; `MailArchiveReader` turns it into a `MailError`.
struct MailDecodingError: Error, Equatable {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
