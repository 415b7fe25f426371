/// What the PDF reader accepts before it calls a document a bomb: the page count, the page
/// size and the pixels of a page rendered for OCR. Time and memory are bounded by the worker
/// process (`PDFReader.Isolation`).
public struct PDFLimits: Codable, Equatable, Sendable {
    /// The most pages read (a larger document is refused).
    public var maxPages: Int
    /// The longest page side in points (1/72 inch). ISO 32000-1 (annex C) bounds a page at
    /// 14,400 units; a larger one is refused.
    public var maxPageSide: Double
    /// The most pixels of one page rendered for OCR: a page that would be larger at
    /// `ocrDPI` is rendered at a lower resolution.
    public var maxRenderPixels: Int
    /// The resolution of pages rendered for OCR.
    public var ocrDPI: Int

    public init(
        maxPages: Int = 5_000, maxPageSide: Double = 14_400, maxRenderPixels: Int = 40_000_000, ocrDPI: Int = 300
    ) {
        precondition(maxPages > 0 && maxPageSide > 0 && maxRenderPixels > 0 && ocrDPI > 0)
        self.maxPages = maxPages
        self.maxPageSide = maxPageSide
        self.maxRenderPixels = maxRenderPixels
        self.ocrDPI = ocrDPI
    }

    /// 5,000 pages, 14,400 points a side, 40 megapixels for OCR, at 300 dpi.
    public static let `default` = PDFLimits()
}
