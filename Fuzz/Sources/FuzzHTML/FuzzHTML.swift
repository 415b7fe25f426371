import CLibFuzzer
import HTMLPages
import LinkGraph
import LinkGraphPlugin

/// The HTML page reader on arbitrary bytes: libxml2's HTML parser (charsets, entities,
/// malformed markup), the main-text builder and its offset map, links, title and dates, then
/// the extractor's case file (without a text extractor).
///
/// Oracle: no crash, hang or leak; `HTMLPage` throws only `HTMLPageError.binary`, and exactly
/// when the input has a NUL byte and no UTF-16/32 byte-order mark; the offset map has one
/// entry per byte of the text, and every text byte, link and evidence maps inside the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let wide =
        size >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
        || (size >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF)
    let binary = !wide && bytes.contains(0)
    let page: HTMLPage
    do {
        page = try HTMLPage(bytes: bytes, file: "fuzz.html")
    } catch let error as HTMLPageError {
        guard binary, case .binary = error.reason, error.file == "fuzz.html" else {
            fatalError("unexpected error: \(error)")
        }
        return 0
    } catch {
        fatalError("not an HTMLPageError: \(error)")
    }
    if binary { fatalError("a NUL byte without a byte-order mark was read as a page") }
    guard page.offsets.count == page.text.utf8.count else {
        fatalError("the offset map has \(page.offsets.count) entries for \(page.text.utf8.count) text bytes")
    }
    for i in 0..<page.offsets.count {
        guard let span = page.offsets.fileSpan(Span(start: i, end: i + 1)), span.start <= span.end, span.end <= size
        else { fatalError("text byte \(i) maps outside the input") }
    }
    for link in page.links where link.span.start > link.span.end || link.span.end > size {
        fatalError("a link's anchor lies outside the input")
    }
    let request = ExtractionRequest(id: "d", mediaType: "text/html", bytes: bytes, metadata: ["path": "fuzz.html"])
    do {
        let caseFile = try HTMLPagesExtractor().extractCaseFile(request)
        for relation in caseFile.relations {
            for evidence in relation.evidence where (evidence.end ?? 0) > size || (evidence.start ?? 0) < 0 {
                fatalError("evidence outside the input")
            }
        }
    } catch {
        fatalError("extractCaseFile threw on a page that reads: \(error)")
    }
    return 0
}

/// The entry point: SwiftPM links `main` as `FuzzHTML_main`; libFuzzer's driver takes over.
@_cdecl("FuzzHTML_main")
public func libFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzHTML(data, size) }
}
