/// One message of a mailbox, read: who sent it to whom and when, how it is threaded, its
/// subject and the text of its body, with its place in the file.
public struct MailMessage: Equatable, Sendable {
    /// The message's number in its file, from 1.
    public var number: Int
    /// The `From` mailboxes (usually one).
    public var from: [MailAddress]
    public var to: [MailAddress]
    public var cc: [MailAddress]
    public var bcc: [MailAddress]
    /// The `Date` header.
    public var date: MailDate
    /// The subject with RFC 2047 words decoded; empty when there is none.
    public var subject: String
    /// `Message-ID` without its angle brackets; nil when there is none.
    public var messageID: String?
    /// `In-Reply-To` ids, without angle brackets.
    public var inReplyTo: [String]
    /// `References` ids, oldest first, without angle brackets.
    public var references: [String]
    /// Byte offsets of the header section in the file.
    public var headerStart: Int
    public var headerEnd: Int
    /// The whole message (headers and body, without the mbox `From ` line) in the file.
    public var start: Int
    public var end: Int
    /// The text parts of the body, decoded, for the text extractors.
    public var bodyParts: [BodyText]

    /// All recipients, To then Cc then Bcc.
    public var recipients: [MailAddress] { to + cc + bcc }
}

/// The text of one body part and where it came from.
public struct BodyText: Equatable, Sendable {
    /// The decoded text (HTML without its markup).
    public var text: String
    /// The part's raw (encoded) bytes in the file.
    public var start: Int
    public var end: Int
    /// Whether `text` is byte for byte what the file holds from `start`, so offsets into the
    /// text are offsets into the file after adding `start`.
    public var isVerbatim: Bool
}

/// Reads messages from the bytes of an mbox or `.eml` file.
public enum MailArchiveReader {
    /// Every message of the file, or the error that stopped reading it; one bad message
    /// never stops the others.
    /// - Parameters:
    ///   - bytes: The file.
    ///   - file: Its name, for errors.
    ///   - variant: How `>From ` lines are unquoted.
    /// - Complexity: O(n) in the file.
    public static func read(_ bytes: [UInt8], file: String, variant: Mbox.Variant = .mboxrd) -> [Result<
        MailMessage, MailError
    >] {
        Mbox.messageRanges(bytes).enumerated().map { n, range in
            do {
                return .success(try message(bytes[range], number: n + 1, variant: variant))
            } catch let error as MailDecodingError {
                return .failure(MailError(file: file, message: n + 1, reason: error.reason))
            } catch {
                return .failure(MailError(file: file, message: n + 1, reason: "\(error)"))
            }
        }
    }

    /// One message.
    /// - Throws: `MailDecodingError` naming what is missing or badly encoded.
    static func message(_ bytes: ArraySlice<UInt8>, number: Int, variant: Mbox.Variant = .mboxrd) throws -> MailMessage
    {
        let headers = MailHeaders.parse(bytes)
        guard !headers.fields.isEmpty else {
            throw MailDecodingError("no header fields (an empty or truncated message)")
        }
        func addresses(_ name: String) throws -> [MailAddress] {
            do {
                return try headers.values(name).flatMap { try MailAddress.parseList($0) }
            } catch let error as MailDecodingError {
                throw MailDecodingError("\(error.reason) in the \(name) header")
            }
        }
        let from = try addresses("From")
        guard !from.isEmpty else {
            throw MailDecodingError(
                headers.value("From") == nil ? "no From header" : "the From header holds no address")
        }
        guard let dateText = headers.value("Date") else { throw MailDecodingError("no Date header") }
        guard let date = MailDate(dateText) else {
            throw MailDecodingError("the Date header \"\(dateText)\" is not an RFC 5322 date")
        }
        let subject: String
        do {
            subject = try EncodedWords.decode(headers.value("Subject") ?? "")
        } catch let error as MailDecodingError {
            throw MailDecodingError("\(error.reason) in the Subject header")
        }

        var parts: [MIMEEntity.TextPart]
        let body = bytes[headers.bodyStart..<max(headers.bodyStart, bytes.endIndex)]
        if Mbox.hasQuotedFrom(body) {
            // Unquoting moves bytes: the text parts then point at the whole body.
            let unquoted = Mbox.unquote(body, variant: variant)
            var shifted = headers
            shifted.bodyStart = 0
            parts = try MIMEEntity.textParts(shifted, unquoted[...]).map {
                MIMEEntity.TextPart(text: $0.text, start: body.startIndex, end: body.endIndex, isVerbatim: false)
            }
        } else {
            parts = try MIMEEntity.textParts(headers, bytes)
        }
        return MailMessage(
            number: number, from: from, to: try addresses("To"), cc: try addresses("Cc"), bcc: try addresses("Bcc"),
            date: date, subject: subject, messageID: ids(headers.value("Message-ID")).first,
            inReplyTo: ids(headers.value("In-Reply-To")), references: ids(headers.value("References")),
            headerStart: headers.start, headerEnd: headers.end, start: bytes.startIndex, end: bytes.endIndex,
            bodyParts: parts.map { BodyText(text: $0.text, start: $0.start, end: $0.end, isVerbatim: $0.isVerbatim) })
    }

    /// The `<id>` message ids of a header value, without brackets; a value without brackets is
    /// one id.
    static func ids(_ value: String?) -> [String] {
        guard let value, !value.isEmpty else { return [] }
        var result: [String] = []
        var rest = value[...]
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let id = String(rest[rest.index(after: open)..<close]).trimmingWhiteSpace
            if !id.isEmpty { result.append(id) }
            rest = rest[rest.index(after: close)...]
        }
        if result.isEmpty, !value.contains("<") { result = [value] }
        return result
    }
}
