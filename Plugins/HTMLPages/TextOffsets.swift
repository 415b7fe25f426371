import LinkGraph

/// The map from a page's extracted text back to the file: for every byte of the text, the
/// byte range of the file it came from.
///
/// Text copied as it is in the file (UTF-8 or ASCII, CR LF read as LF) maps byte for byte.
/// A character of a single-byte charset (windows-1252, ISO-8859-x) maps to its one byte.
/// A character reference (`&amp;`, `&#233;`) maps to the whole reference. Anything the
/// parser converted otherwise (a multi-byte legacy charset, UTF-16) maps to the whole run of
/// text between two tags it came from. A space or line break the reader put in (between
/// blocks, for collapsed white space) maps to the position of its neighbour, with no width.
///
/// - Complexity: 8 bytes a text byte; lookups O(1).
public struct TextOffsets: Equatable, Sendable {
    /// For each text byte, the first file byte it came from.
    private(set) var starts: [UInt32] = []
    /// For each text byte, the file byte after the last it came from.
    private(set) var ends: [UInt32] = []

    public init() {}

    /// The number of text bytes mapped.
    public var count: Int { starts.count }

    mutating func append(start: Int, end: Int) {
        starts.append(UInt32(truncatingIfNeeded: start))
        ends.append(UInt32(truncatingIfNeeded: max(start, end)))
    }

    /// The file range of a text range (half-open, in text bytes); nil when the range lies
    /// outside the text or is empty.
    public func fileSpan(_ span: Span) -> Span? {
        guard span.start >= 0, span.start < span.end, span.end <= starts.count else { return nil }
        let start = Int(starts[span.start])
        var end = Int(ends[span.end - 1])
        // A range made only of inserted spaces has no width of its own.
        if end < start { end = start }
        return Span(start: start, end: end)
    }
}
