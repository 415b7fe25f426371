import CPoppler
import Foundation

/// PDFs written at test time from the tests' own texts through cairo's PDF surface: pages
/// with a text layer, and "scanned" pages that hold only an image of their text.
public enum TestPDF {
    /// The document information a test PDF carries.
    public struct Metadata: Sendable {
        public var title: String?
        public var author: String?
        /// ISO 8601 (`2016-05-03T09:12:00Z`).
        public var created: String?
        public var modified: String?

        public init(title: String? = nil, author: String? = nil, created: String? = nil, modified: String? = nil) {
            self.title = title
            self.author = author
            self.created = created
            self.modified = modified
        }
    }

    /// One page: its lines of text, and whether it is drawn as an image (a scan, no text layer).
    public struct Page: Sendable {
        public var lines: [String]
        public var scanned: Bool

        public init(_ lines: [String], scanned: Bool = false) {
            self.lines = lines
            self.scanned = scanned
        }
    }

    /// Writes a US-letter PDF with these pages to `path`.
    /// - Parameters:
    ///   - scanDPI: The resolution a scanned page's image is drawn at.
    ///   - pageSize: The page size in points.
    public static func write(
        _ pages: [Page], to path: String, metadata: Metadata = Metadata(), scanDPI: Double = 200,
        pageSize: (width: Double, height: Double) = (612, 792)
    ) {
        let surface = cairo_pdf_surface_create(path, pageSize.width, pageSize.height)
        defer { cairo_surface_destroy(surface) }
        if let title = metadata.title { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title) }
        if let author = metadata.author { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, author) }
        if let created = metadata.created {
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, created)
        }
        if let modified = metadata.modified {
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, modified)
        }
        let context = cairo_create(surface)
        defer { cairo_destroy(context) }
        for page in pages {
            if page.scanned {
                drawScan(page.lines, on: context, dpi: scanDPI, size: pageSize)
            } else {
                cairo_set_source_rgb(context, 0, 0, 0)
                drawLines(page.lines, on: context, scale: 1)
            }
            cairo_show_page(context)
        }
        cairo_surface_finish(surface)
    }

    /// Lines of 12-point DejaVu Sans from (72, 72), 18 points apart, at `scale` pixels per point.
    private static func drawLines(_ lines: [String], on context: OpaquePointer?, scale: Double) {
        cairo_select_font_face(context, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, 12 * scale)
        for (i, line) in lines.enumerated() {
            cairo_move_to(context, 72 * scale, (72 + 18 * Double(i)) * scale)
            cairo_show_text(context, line)
        }
    }

    /// The lines rendered to a grey image at `dpi`, and the image painted over the page.
    private static func drawScan(
        _ lines: [String], on context: OpaquePointer?, dpi: Double, size: (width: Double, height: Double)
    ) {
        let scale = dpi / 72
        let image = cairo_image_surface_create(
            CAIRO_FORMAT_RGB24, Int32(size.width * scale), Int32(size.height * scale))
        defer { cairo_surface_destroy(image) }
        let painter = cairo_create(image)
        cairo_set_source_rgb(painter, 1, 1, 1)
        cairo_paint(painter)
        cairo_set_source_rgb(painter, 0, 0, 0)
        drawLines(lines, on: painter, scale: scale)
        cairo_destroy(painter)
        cairo_save(context)
        cairo_scale(context, 1 / scale, 1 / scale)
        cairo_set_source_surface(context, image, 0, 0)
        cairo_paint(context)
        cairo_restore(context)
    }
}
