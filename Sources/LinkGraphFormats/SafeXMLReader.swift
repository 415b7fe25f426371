import Foundation
import LinkGraph

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An element start as the readers see it: the local name (namespace prefix removed), the
/// namespace URI, the attributes, and the line it starts on.
struct XMLStart {
    let name: String
    let namespace: String?
    let attributes: [String: String]
    let line: Int
}

/// What a format reader does with the events of an XML document. A handler throws
/// `FormatError` to stop reading.
protocol XMLEventHandler: AnyObject {
    func start(_ element: XMLStart) throws
    func end(_ name: String, line: Int) throws
    func text(_ text: String)
}

/// Streams an XML document (Foundation's SAX `XMLParser`, libxml2 underneath) to a handler,
/// refusing what hostile input uses:
/// - any document type declaration (`<!DOCTYPE`), so no entity can be declared: no
///   external entities (XXE: reading local files or URLs) and no entity expansion
///   ("billion laughs"). GraphML and GEXF never need one. Checked on the bytes before
///   parsing, and external entity resolution is off as well;
/// - nesting deeper than `maxDepth` elements;
/// - UTF-16 and UTF-32 input (convert to UTF-8 first).
///
/// Memory stays proportional to the input: there is no tree, only the handler's state.
/// Errors name the file and the line.
enum SafeXMLReader {
    static let maxDepth = 256

    static func read(_ data: Data, file: String, handler: XMLEventHandler) throws {
        let bytes = [UInt8](data)
        try checkProlog(bytes, file: file)
        try checkDeclaredEncoding(bytes, file: file)
        try checkProcessingInstructions(bytes, file: file)
        let parser = XMLParser(data: data)
        let delegate = Delegate(file: file, handler: handler)
        parser.delegate = delegate
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let finished = parser.parse()
        // On Linux `parse()` may return true after reporting an error: trust the delegate.
        if let error = delegate.error { throw error }
        if !finished {
            throw FormatError.syntax(
                file: file, line: parser.lineNumber, column: parser.columnNumber, message: "not well-formed XML")
        }
        if !delegate.sawElement {
            throw FormatError.syntax(
                file: file, line: 1, column: 0, message: "no XML element: the file is empty or not XML")
        }
    }

    /// The encodings an XML declaration may name: UTF-8 and its subsets.
    static let readableEncodings: Set<String> = ["utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin1"]

    /// Refuses an XML declaration naming any other encoding (`encoding="UTF-7"`): libxml2
    /// converts such input through iconv/ICU inside Foundation's parser, and on `UTF-7` it
    /// crashed (Fuzz/FINDINGS.md); GraphML and GEXF files are UTF-8 in practice. Costs a scan
    /// of the declaration only.
    static func checkDeclaredEncoding(_ bytes: [UInt8], file: String) throws {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard bytes[start...].starts(with: Array("<?xml".utf8)) else { return }
        var end = start
        while end + 1 < bytes.count, !(bytes[end] == UInt8(ascii: "?") && bytes[end + 1] == UInt8(ascii: ">")) {
            end += 1
        }
        let declaration = String(decoding: bytes[start..<end], as: UTF8.self)
        guard let range = declaration.range(of: "encoding") else { return }
        var rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard rest.first == "=" else { return }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return }
        let name = String(rest.dropFirst().prefix { $0 != quote })
        guard !readableEncodings.contains(name.lowercased()) else { return }
        throw FormatError.refused(
            file: file, line: 1,
            message: "the XML declaration names the encoding '\(TerminalText.escape(name))'; only UTF-8 (or ASCII, "
                + "ISO-8859-1) is read: convert the file to UTF-8")
    }

    /// Refuses a processing instruction without data (`<?x?>`), anywhere in the document:
    /// libxml2 hands its handler a null data pointer, which Foundation's `XMLParser` on Linux
    /// (swift-corelibs-foundation, Swift 6.3.1) passes to `strlen`, and the process dies
    /// (Fuzz/FINDINGS.md). Costs one pass over the bytes.
    static func checkProcessingInstructions(_ bytes: [UInt8], file: String) throws {
        var line = 1
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == 0x0A { line += 1 }
            guard bytes[i] == UInt8(ascii: "<"), bytes[i + 1] == UInt8(ascii: "?") else {
                i += 1
                continue
            }
            var end = i + 2
            // The target: everything up to white space or `?>` (libxml2's name rules are stricter).
            while end < bytes.count, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "?")].contains(bytes[end]) { end += 1 }
            if end > i + 2, end + 1 < bytes.count, bytes[end] == UInt8(ascii: "?"), bytes[end + 1] == UInt8(ascii: ">")
            {
                throw FormatError.refused(
                    file: file, line: line,
                    message: "a processing instruction without data (\"<?...?>\" with nothing after its name)")
            }
            i += 2
        }
    }

    /// Refuses a DTD (and so every entity declaration) and non-UTF-8 byte-order marks, by
    /// walking the prolog: the XML declaration, comments, processing instructions and white
    /// space before the first element.
    static func checkProlog(_ bytes: [UInt8], file: String) throws {
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE])
            || bytes.starts(with: [0, 0, 0xFE, 0xFF])
            || (bytes.count >= 2 && (bytes[0] == 0 || bytes[1] == 0))
        {
            throw FormatError.refused(
                file: file, line: 1, message: "UTF-16 and UTF-32 are not read; convert the file to UTF-8")
        }
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        func skip(until terminator: [UInt8]) {
            while i < bytes.count, !bytes[i...].starts(with: terminator) {
                if bytes[i] == 0x0A { line += 1 }
                i += 1
            }
            i += terminator.count
        }
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0D:
                i += 1
            case 0x0A:
                line += 1
                i += 1
            case UInt8(ascii: "<"):
                let rest = bytes[(i + 1)...]
                if rest.starts(with: Array("?".utf8)) {
                    skip(until: Array("?>".utf8))
                } else if rest.starts(with: Array("!--".utf8)) {
                    skip(until: Array("-->".utf8))
                } else if rest.starts(with: Array("!".utf8)) {
                    throw FormatError.refused(
                        file: file, line: line,
                        message:
                            "the file has a document type declaration (<!DOCTYPE ...>); DTDs and entity declarations are not read, because they can read local files (XXE) or expand without bound"
                    )
                } else {
                    return
                }
            default:
                return
            }
        }
    }

    final class Delegate: NSObject, XMLParserDelegate {
        let file: String
        let handler: XMLEventHandler
        var error: FormatError?
        var depth = 0
        var sawElement = false

        init(file: String, handler: XMLEventHandler) {
            self.file = file
            self.handler = handler
        }

        func fail(_ parser: XMLParser, _ error: FormatError) {
            if self.error == nil { self.error = error }
            parser.abortParsing()
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            guard error == nil else { return }
            sawElement = true
            depth += 1
            if depth > SafeXMLReader.maxDepth {
                fail(
                    parser,
                    .refused(
                        file: file, line: parser.lineNumber,
                        message: "elements nested deeper than \(SafeXMLReader.maxDepth)"))
                return
            }
            do {
                try handler.start(
                    XMLStart(
                        name: elementName, namespace: namespaceURI, attributes: attributes, line: parser.lineNumber))
            } catch let error as FormatError {
                fail(parser, error)
            } catch {
                fail(parser, .invalid(file: file, line: parser.lineNumber, field: nil, message: "\(error)"))
            }
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            guard error == nil else { return }
            depth -= 1
            do {
                try handler.end(elementName, line: parser.lineNumber)
            } catch let error as FormatError {
                fail(parser, error)
            } catch {
                fail(parser, .invalid(file: file, line: parser.lineNumber, field: nil, message: "\(error)"))
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard error == nil else { return }
            handler.text(string)
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            guard error == nil else { return }
            handler.text(String(decoding: CDATABlock, as: UTF8.self))
        }

        func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
            fail(parser, .refused(file: file, line: parser.lineNumber, message: "entity declarations are not read"))
        }

        func parser(
            _ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?,
            systemID: String?
        ) {
            fail(parser, .refused(file: file, line: parser.lineNumber, message: "external entities are not read"))
        }

        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
            fail(parser, .refused(file: file, line: parser.lineNumber, message: "external entities are not read"))
            return nil
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            let code = (parseError as NSError).code
            fail(
                parser,
                .syntax(file: file, line: parser.lineNumber, column: parser.columnNumber, message: Self.message(code)))
        }

        func parser(_ parser: XMLParser, validationErrorOccurred validationError: Error) {
            parserDidFail(parser, validationError)
        }

        private func parserDidFail(_ parser: XMLParser, _ error: Error) {
            fail(
                parser,
                .syntax(
                    file: file, line: parser.lineNumber, column: parser.columnNumber, message: "not well-formed XML"))
        }

        /// libxml2's error codes for the mistakes people make by hand.
        static func message(_ code: Int) -> String {
            let known: [Int: String] = [
                4: "the document is empty",
                5: "extra content after the end of the document",
                9: "a character XML does not allow",
                26: "an undeclared entity (only &amp; &lt; &gt; &quot; &apos; and character references are allowed)",
                41: "an attribute without a value",
                42: "an attribute given twice",
                73: "'>' expected",
                76: "the closing tag does not match the opening tag",
                77: "the file ends inside a tag",
                89: "entities refer to each other without end",
                201: "a namespace prefix is used without being declared (add xmlns:PREFIX=\"...\" to the root element)",
            ]
            return "not well-formed XML: " + (known[code] ?? "libxml2 error \(code)")
        }
    }
}
