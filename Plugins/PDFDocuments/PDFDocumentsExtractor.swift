import LinkGraph
import LinkGraphPlugin

/// Turns PDF documents (`application/pdf`: `.pdf`) into entities and relations: the text of
/// each page (the text layer, or Tesseract's OCR of a scanned page) goes to `textExtractor`
/// (text-patterns in `linkgraph`), and everything it finds points back into the PDF.
///
/// - **The document** keeps the PDF's `sha256`, its title (the metadata's, else the file
///   name), and the fields `author`, `created`, `modified` (metadata) and `pages`.
/// - **Offsets** of mentions and evidence are UTF-8 byte offsets into the document's text:
///   every page's text followed by a form feed (`PDFText.joinedText`, as `pdftotext` writes it).
/// - **Evidence** also records `page` (1-based) and, for a page read by OCR, `ocrConfidence`
///   (Tesseract's mean word confidence of the page, 0...1), and quotes its passage.
///
/// The PDF is read by `reader`: in a worker process with time and memory limits by default.
/// An encrypted, damaged or truncated PDF, or one over `PDFLimits` (a bomb), is a `PDFError`
/// naming the file. A scanned page that cannot be read (no Tesseract data), a broken
/// cross-reference table (`CrossReferenceCheck`) and damage poppler reported and repaired are
/// part errors naming the file: the text poppler could read is kept.
public struct PDFDocumentsExtractor: PartlyFailingExtractor {
    public static let name = "pdf-documents"

    /// Reads the pages' text; nil gives the document record and no entities.
    public var textExtractor: (any Extractor)?
    public var reader: PDFReader

    public init(textExtractor: (any Extractor)? = nil, reader: PDFReader = PDFReader()) {
        self.textExtractor = textExtractor
        self.reader = reader
    }

    public var description: ExtractorDescription {
        ExtractorDescription(
            name: Self.name, version: "1", accepts: ["application/pdf"],
            summary: "PDF documents through poppler (text layer) and Tesseract (scanned pages), in a worker "
                + "process; each page's text passed to the text extractor, evidence with page numbers.",
            origin: .builtIn,
            examples: [
                ExtractorExample(
                    text: Self.examplePDF("Mara Quill met Tomas Venn in Lisbon."),
                    entities: [("Mara Quill", .person), ("Tomas Venn", .person)],
                    relations: [("Mara Quill", .meetsWith, "Tomas Venn")])
            ])
    }

    public func extractParts(_ request: ExtractionRequest) throws -> PartialCaseFile {
        let file = request.metadata["path"]?.stringValue ?? request.id
        let text = try reader.read(request.bytes, file: file)
        var errors: [any Error & Sendable] = []
        if let problem = CrossReferenceCheck.problem(request.bytes) {
            errors.append(
                PDFError(
                    file: file, kind: .repaired,
                    message:
                        "the cross-reference table is damaged (\(problem)); the text was read from poppler's repair"))
        }
        errors += text.warnings.map {
            PDFError(file: file, kind: .repaired, message: "damaged, read as repaired by poppler: \($0)")
        }
        for page in text.pages {
            if case .unread(let reason) = page.source {
                errors.append(PDFError(file: file, kind: .page, message: reason))
            }
        }
        let document = Self.document(text, request: request)
        var merger = CaseMerger(base: CaseFile(documents: [document]))
        guard let textExtractor else { return PartialCaseFile(caseFile: merger.caseFile, errors: errors) }
        let joined = Array(text.joinedText.utf8)
        let name = Self.name + "+" + textExtractor.description.name
        for (page, start) in zip(text.pages, text.pageStarts) where !page.text.isEmpty {
            let pageRequest = ExtractionRequest(
                id: request.id, mediaType: "text/plain", text: page.text, metadata: request.metadata,
                options: request.options)
            do {
                let extraction = Self.shifted(try textExtractor.extract(pageRequest), by: start)
                var fragment = extraction.caseFile(document: document, extractor: name, text: joined)
                Self.annotate(&fragment, page: page)
                merger.merge(fragment, matchIDs: false)
            } catch {
                errors.append(
                    PDFError(file: file, kind: .page, message: "page \(page.number)'s text could not be read: \(error)")
                )
            }
        }
        return PartialCaseFile(caseFile: merger.caseFile, errors: errors)
    }

    /// The good pages' case file.
    /// - Throws: `PDFError` for the document, or `PDFErrors` when any page is bad.
    public func extractCaseFile(_ request: ExtractionRequest) throws -> CaseFile {
        let result = try extractParts(request)
        if !result.errors.isEmpty { throw PDFErrors(errors: result.errors) }
        return result.caseFile
    }

    /// The case file as an extraction (entities by id, relations; evidence pages are not carried).
    public func extract(_ request: ExtractionRequest) throws -> Extraction {
        Extraction(caseFile: try extractCaseFile(request))
    }

    /// The document record: sha256 of the PDF's bytes, the title, and the metadata fields.
    static func document(_ text: PDFText, request: ExtractionRequest) -> Document {
        var fields: JSONObject = ["pages": .number(JSONNumber(text.pages.count))]
        if let author = text.metadata.author, !author.isEmpty { fields["author"] = .string(author) }
        if let created = text.metadata.created { fields["created"] = .string(created) }
        if let modified = text.metadata.modified { fields["modified"] = .string(modified) }
        let title = text.metadata.title.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        return Document(
            id: request.id, title: title ?? request.metadata["name"]?.stringValue,
            source: request.metadata["path"]?.stringValue, sha256: SHA256.hex(request.bytes), unknownFields: fields)
    }

    /// An extraction of one page's text with its spans moved to the page's place in the document's text.
    static func shifted(_ extraction: Extraction, by offset: Int) -> Extraction {
        var result = extraction
        let move = { (span: Span) in Span(start: span.start + offset, end: span.end + offset) }
        for i in result.entities.indices { result.entities[i].mentions = result.entities[i].mentions.map(move) }
        for i in result.relations.indices { result.relations[i].evidence = result.relations[i].evidence.map(move) }
        return result
    }

    /// Adds `page` (and `ocrConfidence` for an OCR page) to every piece of evidence of a page's fragment.
    static func annotate(_ fragment: inout CaseFile, page: PDFText.Page) {
        for r in fragment.relations.indices {
            for e in fragment.relations[r].evidence.indices {
                fragment.relations[r].evidence[e].unknownFields["page"] = .number(JSONNumber(page.number))
                if case .ocr(let confidence) = page.source {
                    fragment.relations[r].evidence[e].unknownFields["ocrConfidence"] = .number(
                        JSONNumber((confidence * 100).rounded() / 100))
                }
            }
        }
    }
}

/// Several errors of one PDF (pages that could not be read, damage poppler repaired).
public struct PDFErrors: Error, CustomStringConvertible {
    public var errors: [any Error & Sendable]
    public var description: String { errors.map { "\($0)" }.joined(separator: "\n") }
}
