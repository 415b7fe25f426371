import LinkGraph
import LinkGraphPlugin

/// Turns mailboxes (`application/mbox`: `.mbox`, `.mbx`) and single messages
/// (`message/rfc822`: `.eml`) into the communication graph they record.
///
/// - **People** come from `From`, `To`, `Cc` and `Bcc` (`MailPeople`): one entity per address
///   (compared without case), and one per display name across addresses when unambiguous.
///   Each has the attribute `emails`.
/// - **Organizations** come from the addresses' domains, with `memberOf` from each person;
///   webmail domains (`MailPeople.webmailDomains`) make none.
/// - **`emailed`** relations go from the sender to each recipient, one per pair: `weight` is
///   the number of messages, `from`/`until` the UTC days of the first and last `Date`, the
///   evidence each message's header section (byte offsets in the file) with its `messageId`,
///   and the attributes `messageIds`, `inReplyTo` and `references` keep the threads.
/// - **Bodies** (text/plain, or text/html without markup; quoted-printable, base64 and the
///   charsets of `Charsets` decoded) go to `bodyExtractor` (text-patterns in `linkgraph`) so
///   that names and relations in the prose are found too. Its evidence points into the file
///   exactly when the part is stored as it reads (UTF-8 or ASCII, 7bit/8bit), else at the
///   whole encoded part.
///
/// Options: `"mbox": "mboxo"` (default `"mboxrd"`) for how `>From ` lines are unquoted;
/// `"bodies": false` to skip the text extractor.
///
/// A bad message (truncated, bad base64, unknown charset, no From or Date) gives a `MailError`
/// naming the file and message number, and the others are still read.
public struct MailArchivesExtractor: PartlyFailingExtractor {
    /// Reads the text of message bodies; nil reads headers only.
    public var bodyExtractor: (any Extractor)?

    public init(bodyExtractor: (any Extractor)? = nil) {
        self.bodyExtractor = bodyExtractor
    }

    public static let name = "mail-archives"

    public var description: ExtractorDescription {
        ExtractorDescription(
            name: Self.name, version: "1", accepts: ["application/mbox", "message/rfc822"],
            summary: "Mailboxes and .eml messages: people and organizations from the address headers, "
                + "emailed relations per sender and recipient, bodies passed to the text extractor.",
            origin: .builtIn,
            examples: [
                ExtractorExample(
                    text: "From: Mara Quill <mara@harbor-trust.org>\r\nTo: Ivo Brandt <ivo@gmail.com>\r\n"
                        + "Date: Tue, 3 May 2016 09:12:00 +0200\r\nSubject: dues\r\n\r\nSee you.\r\n",
                    entities: [("Mara Quill", .person), ("Ivo Brandt", .person), ("harbor-trust.org", .organization)],
                    relations: [("Mara Quill", .emailed, "Ivo Brandt"), ("Mara Quill", .memberOf, "harbor-trust.org")])
            ])
    }

    public func extractParts(_ request: ExtractionRequest) throws -> PartialCaseFile {
        let file = request.metadata["path"]?.stringValue ?? request.id
        var variant = Mbox.Variant.mboxrd
        if let name = request.options["mbox"]?.stringValue {
            guard let parsed = Mbox.Variant(rawValue: name) else {
                throw MailError(
                    file: file, message: 0, reason: "option \"mbox\" must be \"mboxrd\" or \"mboxo\", not \"\(name)\"")
            }
            variant = parsed
        }
        let readBodies = request.options["bodies"]?.boolValue ?? true
        var messages: [MailMessage] = []
        var errors: [any Error & Sendable] = []
        for result in MailArchiveReader.read(request.bytes, file: file, variant: variant) {
            switch result {
            case .success(let message): messages.append(message)
            case .failure(let error): errors.append(error)
            }
        }
        let document = Document(
            id: request.id, title: request.metadata["name"]?.stringValue, source: request.metadata["path"]?.stringValue)
        var merger = CaseMerger(base: MailGraph.caseFile(messages, document: document, bytes: request.bytes))
        // Each message counts in `linkgraph extract`'s progress line once its bodies are read.
        ExtractionProgress.report(.messages, count: errors.count)
        if readBodies, let bodyExtractor {
            for message in messages {
                defer { ExtractionProgress.report(.messages) }
                for part in message.bodyParts where !part.text.isEmpty {
                    let body = ExtractionRequest(
                        id: request.id, mediaType: "text/plain", text: part.text, metadata: request.metadata,
                        options: request.options)
                    do {
                        let extraction = Self.locate(try bodyExtractor.extract(body), in: part)
                        let name = Self.name + "+" + bodyExtractor.description.name
                        merger.merge(
                            extraction.caseFile(document: document, extractor: name, text: request.bytes),
                            matchIDs: false)
                    } catch {
                        errors.append(
                            MailError(file: file, message: message.number, reason: "the body's text: \(error)"))
                    }
                }
            }
        }
        if !readBodies || bodyExtractor == nil { ExtractionProgress.report(.messages, count: messages.count) }
        return PartialCaseFile(caseFile: merger.caseFile, errors: errors)
    }

    /// The good messages' case file.
    /// - Throws: `MailErrors` when any message is bad (use `extractParts` to keep the rest).
    public func extractCaseFile(_ request: ExtractionRequest) throws -> CaseFile {
        let result = try extractParts(request)
        if !result.errors.isEmpty { throw MailErrors(errors: result.errors) }
        return result.caseFile
    }

    /// The case file as an extraction (entities by id, relations with dates, weight and attributes).
    public func extract(_ request: ExtractionRequest) throws -> Extraction {
        let caseFile = try extractCaseFile(request)
        return Extraction(
            entities: caseFile.entities.map {
                ExtractedEntity(id: $0.id, name: $0.name, kind: $0.kind, aliases: $0.aliases, attributes: $0.attributes)
            },
            relations: caseFile.relations.map {
                ExtractedRelation(
                    source: $0.source, target: $0.target, kind: $0.kind, confidence: $0.effectiveConfidence,
                    from: $0.from,
                    until: $0.until, attributes: $0.attributes, weight: $0.weight)
            })
    }

    /// An extraction of a body's text with its spans moved into the file: shifted by the
    /// part's offset when the text is verbatim, else the whole part.
    static func locate(_ extraction: Extraction, in part: BodyText) -> Extraction {
        func move(_ span: Span) -> Span {
            part.isVerbatim
                ? Span(start: span.start + part.start, end: span.end + part.start)
                : Span(start: part.start, end: part.end)
        }
        var result = extraction
        for i in result.entities.indices {
            result.entities[i].mentions = Array(Set(result.entities[i].mentions.map(move))).sorted()
        }
        for i in result.relations.indices {
            result.relations[i].evidence = Array(Set(result.relations[i].evidence.map(move))).sorted()
        }
        return result
    }
}

/// Several bad messages of one file.
public struct MailErrors: Error, CustomStringConvertible {
    public var errors: [any Error & Sendable]
    public var description: String { errors.map { "\($0)" }.joined(separator: "\n") }
}
