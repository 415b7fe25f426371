/// Where a relation is supported: a span of a document's text.
public struct Evidence: Equatable, Sendable {
    /// The id of a document of the case.
    public var document: String
    /// UTF-8 byte offset of the first byte of the span, when known.
    public var start: Int?
    /// UTF-8 byte offset just past the span (exclusive), when known.
    public var end: Int?
    /// A quotation of the span, when the case carries one.
    public var text: String?
    public var unknownFields: JSONObject

    public init(
        document: String, start: Int? = nil, end: Int? = nil, text: String? = nil, unknownFields: JSONObject = [:]
    ) {
        self.document = document
        self.start = start
        self.end = end
        self.text = text
        self.unknownFields = unknownFields
    }

    /// `document[start..<end]`, or the document id alone when there are no offsets.
    public var citation: String {
        if let start, let end { return "\(document)[\(start)..<\(end)]" }
        return document
    }
}
