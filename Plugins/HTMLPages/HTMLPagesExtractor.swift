import Foundation
import LinkGraph
import LinkGraphPlugin

/// Reads HTML pages (`text/html`: `.html`, `.htm`, `.xhtml`) as saved from the web.
///
/// - **The page** becomes an entity of kind `webpage`, named by its URL (`PageIdentity`:
///   canonical, `og:url`, else its `file:` URL; the others as aliases), with the attributes
///   `url` and `title`. Pages extracted in one run are one entity each however many pages
///   link to them, since they are matched by that URL.
/// - **Links** of the main text (`<a href>` outside navigation, headers, footers and the
///   other dropped parts, `HTMLPageBuilder`) to `http`, `https` and `file` URLs become
///   `linksTo` relations from the page to the linked page (a `webpage` entity named by the
///   resolved URL). Each anchor is evidence (its text's bytes in the file), `weight` counts
///   the anchors, the attribute `anchors` lists their texts, and `from` is the page's
///   publication date when it gives one. Links to the page itself are left out.
/// - **The main text** goes to `bodyExtractor` (text-patterns in `linkgraph`), so names and
///   relations in the prose are found; their spans are moved into the file with the page's
///   `TextOffsets`.
/// - **The document entry** gets the page's `<title>` (else `og:title`, else the file name),
///   the file's `sha256`, and when known `url` (a web URL of the page), `published` and
///   `modified` (`PageDates`).
///
/// Options: `"htmlLinks": "site"` keeps only links to the page's own host (default `"all"`);
/// `"bodies": false` skips the text extractor.
///
/// A file with a NUL byte (binary data, UTF-16 without a byte-order mark) gives an
/// `HTMLPageError` naming it; anything else is read as libxml2 recovers it.
public struct HTMLPagesExtractor: CaseFileProducingExtractor {
    /// Reads the main text; nil reads links and metadata only.
    public var bodyExtractor: (any Extractor)?

    public init(bodyExtractor: (any Extractor)? = nil) {
        self.bodyExtractor = bodyExtractor
    }

    public static let name = "html-pages"
    /// The kind of page entities.
    public static let pageKind: EntityKind = "webpage"

    public var description: ExtractorDescription {
        ExtractorDescription(
            name: Self.name, version: "1", accepts: ["text/html", "application/xhtml+xml"],
            summary: "HTML pages through libxml2: the main text (navigation, scripts and furniture dropped) to "
                + "the text extractor, linksTo relations between pages with the anchors as evidence, title and dates.",
            origin: .builtIn,
            examples: [
                ExtractorExample(
                    text: """
                        <html><head><title>Harbor Trust minutes</title>
                        <link rel="canonical" href="https://harbor.example/minutes/may.html"></head>
                        <body><nav><a href="/">Home</a> <a href="/donate">Donate</a></nav>
                        <main><p>Mara Quill, the treasurer of the Harbor Trust, met Ivo Brandt in Lisbon.</p>
                        <p>See the <a href="april.html#votes">April minutes</a>.</p></main>
                        <script>var tracker = "Iron Council";</script></body></html>
                        """,
                    entities: [
                        ("Mara Quill", .person), ("Harbor Trust", .organization),
                        ("https://harbor.example/minutes/may.html", Self.pageKind),
                    ],
                    relations: [
                        ("Mara Quill", .memberOf, "Harbor Trust"),
                        (
                            "https://harbor.example/minutes/may.html", .linksTo,
                            "https://harbor.example/minutes/april.html"
                        ),
                    ])
            ])
    }

    /// The page's case file: the page, its links, the text extractor's findings, the document.
    /// - Throws: `HTMLPageError` naming the file; the text extractor's error.
    public func extractCaseFile(_ request: ExtractionRequest) throws -> CaseFile {
        let file = request.metadata["path"]?.stringValue ?? request.id
        let sitesOnly: Bool
        switch request.options["htmlLinks"] {
        case nil: sitesOnly = false
        case .some(let value):
            guard let name = value.stringValue, name == "all" || name == "site" else {
                throw HTMLPageError(file: file, reason: .badOption("option \"htmlLinks\" must be \"all\" or \"site\""))
            }
            sitesOnly = name == "site"
        }
        let page = try HTMLPage(bytes: request.bytes, file: file)
        let identity = PageIdentity(page, path: file)
        let dates = PageDates(page.meta)
        let document = Self.document(request, page: page, identity: identity, dates: dates)

        var entities = [
            ExtractedEntity(
                id: "page", name: identity.url, kind: Self.pageKind, aliases: identity.aliases,
                attributes: Self.pageAttributes(url: identity.url, title: page.title ?? page.meta("og:title")))
        ]
        var relations: [ExtractedRelation] = []
        var targets: [String: Int] = [:]  // URL → relation index
        for link in page.links {
            guard let url = PageURL.resolve(link.href, against: identity.base), !identity.isSelf(url) else { continue }
            if sitesOnly, URL(string: url)?.host?.lowercased() != identity.host { continue }
            if let index = targets[url] {
                relations[index].evidence.append(link.span)
                relations[index].weight = (relations[index].weight ?? 1) + 1
                if case .array(var anchors) = relations[index].attributes["anchors"], !link.text.isEmpty,
                    !anchors.contains(.string(link.text))
                {
                    anchors.append(.string(link.text))
                    relations[index].attributes["anchors"] = .array(anchors)
                }
                continue
            }
            let onDisk = PageURL.resolve(link.href, against: identity.file)
            let id = "link\(targets.count)"
            targets[url] = relations.count
            entities.append(
                ExtractedEntity(
                    id: id, name: url, kind: Self.pageKind,
                    aliases: onDisk.map { $0 == url ? [] : [$0] } ?? [], attributes: ["url": .string(url)]))
            relations.append(
                ExtractedRelation(
                    source: "page", target: id, kind: .linksTo, from: dates.published, evidence: [link.span],
                    attributes: ["anchors": .array(link.text.isEmpty ? [] : [.string(link.text)])], weight: 1))
        }
        let fragment = Extraction(entities: entities, relations: relations)
            .caseFile(document: document, extractor: Self.name, text: request.bytes)
        var merger = CaseMerger(base: fragment)
        if let bodyExtractor, request.options["bodies"]?.boolValue ?? true, !page.text.isEmpty {
            let body = ExtractionRequest(
                id: request.id, mediaType: "text/plain", text: page.text, metadata: request.metadata,
                options: request.options)
            let extraction = Self.locate(try bodyExtractor.extract(body), in: page.offsets)
            merger.merge(
                extraction.caseFile(
                    document: document, extractor: Self.name + "+" + bodyExtractor.description.name, text: request.bytes
                ),
                matchIDs: false)
        }
        return merger.caseFile
    }

    /// The document entry: title, source, sha256, and `url`, `published`, `modified` when known.
    static func document(_ request: ExtractionRequest, page: HTMLPage, identity: PageIdentity, dates: PageDates)
        -> Document
    {
        var fields: JSONObject = [:]
        if !identity.url.hasPrefix("file:") { fields["url"] = .string(identity.url) }
        if let published = dates.published { fields["published"] = .string(published.description) }
        if let modified = dates.modified { fields["modified"] = .string(modified.description) }
        return Document(
            id: request.id, title: page.title ?? page.meta("og:title") ?? request.metadata["name"]?.stringValue,
            source: request.metadata["path"]?.stringValue, sha256: SHA256.hex(request.bytes), unknownFields: fields)
    }

    static func pageAttributes(url: String, title: String?) -> JSONObject {
        var attributes: JSONObject = ["url": .string(url)]
        if let title { attributes["title"] = .string(title) }
        return attributes
    }

    /// An extraction of the main text with its spans moved into the file; spans that map to
    /// nothing are dropped.
    static func locate(_ extraction: Extraction, in offsets: TextOffsets) -> Extraction {
        var result = extraction
        for i in result.entities.indices {
            result.entities[i].mentions = Array(Set(result.entities[i].mentions.compactMap(offsets.fileSpan))).sorted()
        }
        for i in result.relations.indices {
            result.relations[i].evidence = Array(Set(result.relations[i].evidence.compactMap(offsets.fileSpan)))
                .sorted()
        }
        return result
    }
}
