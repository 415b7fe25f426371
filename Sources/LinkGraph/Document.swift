/// A source document of a case: a report, an article, a leaked cable.
public struct Document: Equatable, Sendable, Identifiable {
    public var id: String
    public var title: String?
    /// A path or URL where the text can be found.
    public var source: String?
    /// The SHA-256 of the document's bytes, in lowercase hex, when known.
    public var sha256: String?
    public var unknownFields: JSONObject

    public init(
        id: String, title: String? = nil, source: String? = nil, sha256: String? = nil, unknownFields: JSONObject = [:]
    ) {
        self.id = id
        self.title = title
        self.source = source
        self.sha256 = sha256
        self.unknownFields = unknownFields
    }
}
