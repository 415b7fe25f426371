/// Reads a PDF in this process: metadata, then each page's text layer, and OCR for pages
/// without one. The worker process runs it; `PDFReader` chooses where.
///
/// A page counts as scanned when its text layer holds nothing but white space. Such a page is
/// rendered at `PDFLimits.ocrDPI` (lower when it would exceed `maxRenderPixels`) and read by
/// Tesseract; when Tesseract or its language data is missing, the page is `.unread` with the
/// reason, never silently empty.
/// - Complexity: O(pages + text) for text layers; OCR is O(pixels) per scanned page.
struct PDFPageReader {
    var limits: PDFLimits
    /// Tesseract's language (`eng`).
    var language: String = "eng"

    /// - Parameter beforePage: Called with each page number (1-based) before the page is read.
    /// - Throws: `PDFFailure` for an encrypted or unreadable document, or one over the limits.
    func read(_ bytes: [UInt8], beforePage: (Int) -> Void = { _ in }) throws(PDFFailure) -> PDFText {
        let document = try PopplerFile(bytes: bytes)
        let count = document.pageCount
        guard count > 0 else { throw PDFFailure(kind: .damaged, message: "the PDF has no pages") }
        guard count <= limits.maxPages else {
            throw PDFFailure(
                kind: .limit, message: "the PDF has \(count) pages, more than the limit of \(limits.maxPages)")
        }
        var pages: [PDFText.Page] = []
        var ocr: Result<TesseractEngine, PDFFailure>?
        for index in 0..<count {
            beforePage(index + 1)
            let (width, height, text) = try document.page(index)
            guard width.isFinite, height.isFinite, width <= limits.maxPageSide, height <= limits.maxPageSide else {
                throw PDFFailure(
                    kind: .limit,
                    message: "page \(index + 1) is \(Int(width)) × \(Int(height)) points, larger than the limit of "
                        + "\(Int(limits.maxPageSide)) a side")
            }
            if !text.allSatisfy(\.isWhitespace) {
                pages.append(PDFText.Page(number: index + 1, text: text, source: .textLayer))
                continue
            }
            if ocr == nil { ocr = Result { () throws(PDFFailure) in try TesseractEngine(language: language) } }
            switch ocr! {
            case .failure(let failure):
                pages.append(
                    PDFText.Page(
                        number: index + 1, text: "",
                        source: .unread(
                            reason: "page \(index + 1) has no text layer and cannot be read: \(failure.message)")))
            case .success(let engine):
                pages.append(try recognize(document, page: index, width: width, height: height, engine: engine))
            }
        }
        return PDFText(pages: pages, metadata: document.metadata)
    }

    /// OCR of one page.
    private func recognize(
        _ document: PopplerFile, page index: Int, width: Double, height: Double, engine: TesseractEngine
    ) throws(PDFFailure) -> PDFText.Page {
        var dpi = Double(limits.ocrDPI)
        let pixelsAtDPI = (width * dpi / 72) * (height * dpi / 72)
        if pixelsAtDPI > Double(limits.maxRenderPixels) {
            dpi *= (Double(limits.maxRenderPixels) / pixelsAtDPI).squareRoot()
        }
        let scale = dpi / 72
        let columns = max(1, Int(width * scale)), rows = max(1, Int(height * scale))
        let grey = try document.greyImage(page: index, width: columns, height: rows, scale: scale)
        let (text, confidence) = engine.recognize(grey: grey, width: columns, height: rows, dpi: Int(dpi))
        // A blank page is read, and empty: OCR ran and found nothing.
        return PDFText.Page(number: index + 1, text: text, source: .ocr(confidence: confidence))
    }
}
