import CLibXML2

/// libxml2's HTML parser (`HTMLparser.h`) in SAX mode: the only file of the module that
/// touches C.
///
/// The parser reads any bytes (HTML "recovery" is always on): it detects the charset from a
/// byte-order mark or `<meta charset>` / `http-equiv`, falls back to ISO-8859-1 for bytes that
/// are not UTF-8, decodes entities, and opens and closes the elements malformed markup
/// implies. It is run with `HTML_PARSE_NONET` (never fetches anything), without error output
/// (the parser's own and libxml2's generic messages on this thread),
/// and builds no tree: the callbacks record `HTMLEvent`s. HTML has no entity declarations, so
/// an "entity bomb" cannot expand; deep nesting costs one name per level in libxml2's stack
/// and in ours, never recursion.
///
/// - Complexity: O(n) in the size of the file; memory O(n) for the events.
/// ## References
/// - libxml2, HTMLparser.h: <https://gnome.pages.gitlab.gnome.org/libxml2/devhelp/libxml2-HTMLparser.html>
enum HTMLParser {
    /// Reads `bytes` into events.
    /// - Throws: `HTMLPageError.tooLarge` past 2 GiB (libxml2 takes an `int` size),
    ///   `.parserUnavailable` when libxml2 cannot make a parser context (out of memory).
    static func events(_ bytes: [UInt8], file: String) throws -> [HTMLEvent] {
        guard bytes.count < Int(Int32.max) else { throw HTMLPageError(file: file, reason: .tooLarge(bytes.count)) }
        _ = initialized
        // Charset conversion errors are reported through libxml2's per-thread generic handler,
        // not the parser's: silence them on this thread (the text keeps what could be read).
        lg_silence_generic_errors()
        let sink = HTMLEventSink()
        try bytes.withUnsafeBufferPointer { buffer in
            // An empty buffer has no base address; libxml2 wants a valid pointer.
            let empty: [CChar] = [0]
            let context = empty.withUnsafeBufferPointer { emptyBuffer in
                buffer.count == 0
                    ? htmlCreateMemoryParserCtxt(emptyBuffer.baseAddress, 0)
                    : buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        htmlCreateMemoryParserCtxt($0, Int32(buffer.count))
                    }
            }
            guard let context else {
                if buffer.count == 0 { return }
                throw HTMLPageError(file: file, reason: .parserUnavailable)
            }
            defer { htmlFreeParserCtxt(context) }
            let options =
                HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_NODEFDTD.rawValue
            htmlCtxtUseOptions(context, Int32(options))
            guard let sax = context.pointee.sax else { throw HTMLPageError(file: file, reason: .parserUnavailable) }
            lg_sax_clear(sax)
            install(sax)
            sink.context = context
            context.pointee.userData = Unmanaged.passUnretained(sink).toOpaque()
            withExtendedLifetime(sink) { _ = htmlParseDocument(context) }
            sink.context = nil
            if let document = context.pointee.myDoc {
                xmlFreeDoc(document)
                context.pointee.myDoc = nil
            }
        }
        return sink.events
    }

    /// `xmlInitParser` once per process, before any parse (libxml2's rule for threads).
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Sets the callbacks that record events.
    private static func install(_ sax: UnsafeMutablePointer<xmlSAXHandler>) {
        sax.pointee.startElement = { user, name, attributes in
            let sink = HTMLEventSink.from(user)
            var list: [HTMLAttribute] = []
            if var pointer = attributes {
                while let key = pointer.pointee {
                    let value = pointer.advanced(by: 1).pointee
                    list.append(
                        HTMLAttribute(
                            name: String(cString: key).lowercased(), value: value.map { String(cString: $0) } ?? ""))
                    guard value != nil else { break }
                    pointer = pointer.advanced(by: 2)
                }
            }
            sink.events.append(
                .start(name: name.map { String(cString: $0) }?.lowercased() ?? "", attributes: list, end: sink.position)
            )
        }
        sax.pointee.endElement = { user, name in
            let sink = HTMLEventSink.from(user)
            sink.events.append(.end(name: name.map { String(cString: $0) }?.lowercased() ?? "", end: sink.position))
        }
        let characters: charactersSAXFunc = { user, text, length in
            let sink = HTMLEventSink.from(user)
            guard let text, length > 0 else { return }
            sink.events.append(.text(Array(UnsafeBufferPointer(start: text, count: Int(length))), end: sink.position))
        }
        sax.pointee.characters = characters
        sax.pointee.ignorableWhitespace = characters
        sax.pointee.cdataBlock = characters
        sax.pointee.comment = { user, _ in
            let sink = HTMLEventSink.from(user)
            sink.events.append(.other(end: sink.position))
        }
        sax.pointee.processingInstruction = { user, _, _ in
            let sink = HTMLEventSink.from(user)
            sink.events.append(.other(end: sink.position))
        }
        sax.pointee.internalSubset = { user, _, _, _ in
            let sink = HTMLEventSink.from(user)
            sink.events.append(.other(end: sink.position))
        }
    }
}

/// What the callbacks write into; reached through the parser context's `userData`.
private final class HTMLEventSink {
    var context: htmlParserCtxtPtr?
    var events: [HTMLEvent] = []
    /// The last position read, so that positions never go back (`xmlByteConsumed` answers -1
    /// when it cannot tell, e.g. with a converter that cannot encode back).
    var last = 0

    /// How far into the file the parser has read.
    var position: Int {
        if let context {
            let consumed = Int(xmlByteConsumed(context))
            if consumed > last { last = consumed }
        }
        return last
    }

    static func from(_ user: UnsafeMutableRawPointer?) -> HTMLEventSink {
        Unmanaged<HTMLEventSink>.fromOpaque(user!).takeUnretainedValue()
    }
}
