import CPoppler
import Foundation

/// A failure of the PDF library without the file's name (the reader adds it): what the
/// worker sends back.
struct PDFFailure: Error, Codable, Equatable {
    var kind: PDFError.Kind
    var message: String
}

/// One PDF opened by poppler's GLib API: metadata, page sizes, text layers and page images.
///
/// Poppler keeps no global state that this type shares, but a document is not safe to use
/// from two threads at once; `PDFPageReader` uses one document from one thread.
/// Every poppler and cairo allocation is freed on the line after it.
/// - Complexity: opening is O(size of the cross-reference table); each page's text is
///   O(content of the page); a rendering is O(pixels).
///
/// ## References
/// - Poppler GLib API reference. <https://poppler.freedesktop.org/api/glib/>
/// - ISO 32000-1:2008, Document management — Portable document format.
final class PopplerFile {
    private let document: OpaquePointer

    /// Opens a PDF held in memory (poppler copies nothing more: `GBytes` keeps the bytes alive).
    /// - Throws: `PDFFailure` `.encrypted` for a document that needs a password, `.damaged`
    ///   for anything poppler cannot open.
    init(bytes: [UInt8]) throws(PDFFailure) {
        let data = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(data) }
        var error: UnsafeMutablePointer<GError>?
        guard let opened = poppler_document_new_from_bytes(data, nil, &error) else {
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "not a PDF"
            let encrypted = error.map { $0.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) } ?? false
            if let error { g_error_free(error) }
            if encrypted {
                throw PDFFailure(kind: .encrypted, message: "the PDF is encrypted (it needs a password); not read")
            }
            throw PDFFailure(kind: .damaged, message: "not a readable PDF (\(message))")
        }
        document = opened
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(document)) }

    var pageCount: Int { Int(poppler_document_get_n_pages(document)) }

    /// Title, author and dates of the information dictionary (or the XMP metadata poppler prefers).
    var metadata: PDFText.Metadata {
        PDFText.Metadata(
            title: Self.string(poppler_document_get_title(document)),
            author: Self.string(poppler_document_get_author(document)),
            created: Self.date(poppler_document_get_creation_date(document)),
            modified: Self.date(poppler_document_get_modification_date(document)))
    }

    /// The size of page `index` (0-based) in points, and its text layer.
    func page(_ index: Int) throws(PDFFailure) -> (width: Double, height: Double, text: String) {
        guard let page = poppler_document_get_page(document, Int32(index)) else {
            throw PDFFailure(kind: .damaged, message: "page \(index + 1) cannot be read")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0
        var height = 0.0
        poppler_page_get_size(page, &width, &height)
        let text = Self.string(poppler_page_get_text(page)) ?? ""
        return (width, height, text)
    }

    /// Page `index` rendered on white at `scale` pixels per point, as 8-bit grey levels, row by row.
    /// - Throws: `PDFFailure.limit` when cairo cannot make an image of that size.
    func greyImage(page index: Int, width: Int, height: Int, scale: Double) throws(PDFFailure) -> [UInt8] {
        guard let page = poppler_document_get_page(document, Int32(index)) else {
            throw PDFFailure(kind: .damaged, message: "page \(index + 1) cannot be read")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))
        defer { cairo_surface_destroy(surface) }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            let reason = String(cString: cairo_status_to_string(status))
            throw PDFFailure(
                kind: .limit, message: "page \(index + 1) cannot be rendered at \(width) × \(height) pixels (\(reason))"
            )
        }
        let context = cairo_create(surface)
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_scale(context, scale, scale)
        poppler_page_render(page, context)
        cairo_destroy(context)
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let base = cairo_image_surface_get_data(surface) else {
            throw PDFFailure(kind: .limit, message: "page \(index + 1) could not be rendered")
        }
        var grey = [UInt8](repeating: 255, count: width * height)
        base.withMemoryRebound(to: UInt32.self, capacity: stride / 4 * height) { pixels in
            let wordsPerRow = stride / 4
            for y in 0..<height {
                for x in 0..<width {
                    // RGB24: 0x00RRGGBB in native byte order. ITU-R BT.601 luma.
                    let pixel = pixels[y * wordsPerRow + x]
                    let luma = 299 * ((pixel >> 16) & 0xff) + 587 * ((pixel >> 8) & 0xff) + 114 * (pixel & 0xff)
                    grey[y * width + x] = UInt8(luma / 1000)
                }
            }
        }
        return grey
    }

    /// A GLib string as Swift, freed; nil for NULL or only white space.
    private static func string(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        defer { g_free(pointer) }
        let text = String(decoding: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self)
        return text
    }

    /// A `time_t` as ISO 8601 in UTC; nil for -1 (no date).
    private static func date(_ time: time_t) -> String? {
        guard time != -1 else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(time)))
    }
}
