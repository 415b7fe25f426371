/// The text of a PDF as the reader found it: page by page, with the document's metadata.
///
/// Travels from the worker process to `linkgraph` as JSON (`Codable`).
public struct PDFText: Codable, Equatable, Sendable {
    /// The document information dictionary's entries that a case keeps.
    public struct Metadata: Codable, Equatable, Sendable {
        public var title: String?
        public var author: String?
        /// Creation and modification dates, ISO 8601 in UTC (`2016-05-03T09:12:00Z`).
        public var created: String?
        public var modified: String?

        public init(title: String? = nil, author: String? = nil, created: String? = nil, modified: String? = nil) {
            self.title = title
            self.author = author
            self.created = created
            self.modified = modified
        }
    }

    /// One page.
    public struct Page: Codable, Equatable, Sendable {
        /// Where the page's text came from.
        public enum Source: Codable, Equatable, Sendable {
            /// The PDF's text layer.
            case textLayer
            /// Tesseract, with its mean word confidence in 0...1.
            case ocr(confidence: Double)
            /// Nothing could be read: the page has no text layer and OCR failed or is unavailable.
            case unread(reason: String)
        }

        /// 1 for the first page.
        public var number: Int
        /// The page's text (empty when `source` is `.unread`).
        public var text: String
        public var source: Source

        public init(number: Int, text: String, source: Source) {
            self.number = number
            self.text = text
            self.source = source
        }
    }

    public var pages: [Page]
    public var metadata: Metadata
    /// What the PDF library said while reading (a damaged cross-reference table it rebuilt);
    /// filled only when reading in a worker, whose diagnostics are captured.
    public var warnings: [String]

    public init(pages: [Page], metadata: Metadata = Metadata(), warnings: [String] = []) {
        self.pages = pages
        self.metadata = metadata
        self.warnings = warnings
    }

    /// The separator written after every page of `joinedText`: a form feed, as `pdftotext` writes.
    public static let pageSeparator = "\u{0C}"

    /// The document's text: every page followed by a form feed. Evidence offsets point into it.
    public var joinedText: String { pages.map { $0.text + Self.pageSeparator }.joined() }

    /// The UTF-8 offset of each page's first byte in `joinedText`, in page order.
    public var pageStarts: [Int] {
        var starts: [Int] = []
        var offset = 0
        for page in pages {
            starts.append(offset)
            offset += page.text.utf8.count + Self.pageSeparator.utf8.count
        }
        return starts
    }
}
