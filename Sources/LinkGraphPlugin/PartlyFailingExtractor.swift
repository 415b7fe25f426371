import LinkGraph

/// What an extractor of a document made of independent parts (the messages of a mailbox) made
/// of it: the case file of the parts it could read, and one error per part it could not.
public struct PartialCaseFile: Sendable {
    public var caseFile: CaseFile
    /// One error per bad part; each names the file and the part (e.g. `MailError`).
    public var errors: [any Error & Sendable]

    public init(caseFile: CaseFile, errors: [any Error & Sendable]) {
        self.caseFile = caseFile
        self.errors = errors
    }
}

/// An extractor whose documents hold many independent parts, so that one bad part never stops
/// the rest: `linkgraph extract` merges the good parts and reports each bad one.
public protocol PartlyFailingExtractor: CaseFileProducingExtractor {
    /// The good parts as a case file, and an error per bad part.
    /// - Throws: Only when nothing of the document can be read.
    func extractParts(_ request: ExtractionRequest) throws -> PartialCaseFile
}
