/// A half-open range of UTF-8 byte offsets into a document, `start..<end`: where an extractor
/// found a mention or a relation, and where a contribution's mentions are.
public struct Span: Hashable, Sendable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public static func < (a: Span, b: Span) -> Bool { (a.start, a.end) < (b.start, b.end) }
}

extension Span {
    /// `{"start": N, "end": N}`.
    public func jsonValue() -> JSONValue {
        .object(["start": .number(JSONNumber(start)), "end": .number(JSONNumber(end))])
    }
}
