import CTesseract
import Foundation

/// Tesseract's C API (`tesseract/capi.h`): optical character recognition of a grey image.
///
/// One engine per thread; it loads its language data once (`init`) and recognizes many pages.
/// - Complexity: roughly linear in the pixels of a page; about a second for a letter-size page
///   at 300 dpi on one core (see Benchmarks/pdf).
///
/// ## References
/// - R. Smith, "An Overview of the Tesseract OCR Engine", ICDAR 2007.
///   <https://doi.org/10.1109/ICDAR.2007.4376991>
final class TesseractEngine {
    private let handle: OpaquePointer

    /// Loads `language` (`eng`) from Tesseract's data folder (`TESSDATA_PREFIX`, else its built-in one).
    /// - Throws: `PDFFailure` `.page` naming what is missing when the data cannot be loaded.
    init(language: String = "eng") throws(PDFFailure) {
        guard let created = TessBaseAPICreate() else {
            throw PDFFailure(kind: .page, message: "Tesseract could not be started")
        }
        guard TessBaseAPIInit3(created, nil, language) == 0 else {
            TessBaseAPIDelete(created)
            let folder = ProcessInfo.processInfo.environment["TESSDATA_PREFIX"].map { " in \($0)" } ?? ""
            throw PDFFailure(
                kind: .page,
                message: "Tesseract could not load its '\(language)' language data\(folder) "
                    + "(install tesseract-ocr-\(language), or set TESSDATA_PREFIX to the folder of \(language).traineddata)"
            )
        }
        handle = created
    }

    deinit {
        TessBaseAPIEnd(handle)
        TessBaseAPIDelete(handle)
    }

    /// The text of a grey image (one byte per pixel, rows without padding) and Tesseract's
    /// mean word confidence in 0...1.
    func recognize(grey: [UInt8], width: Int, height: Int, dpi: Int) -> (text: String, confidence: Double) {
        grey.withUnsafeBufferPointer { pixels in
            TessBaseAPISetImage(handle, pixels.baseAddress, Int32(width), Int32(height), 1, Int32(width))
        }
        TessBaseAPISetSourceResolution(handle, Int32(dpi))
        var text = ""
        if let recognized = TessBaseAPIGetUTF8Text(handle) {
            defer { TessDeleteText(recognized) }
            text = String(cString: recognized)
        }
        let confidence = Double(max(0, min(100, TessBaseAPIMeanTextConf(handle)))) / 100
        TessBaseAPIClear(handle)
        return (text, confidence)
    }
}
