import CSVTables
import Foundation
import GraphvizDOT
import HTMLPages
import LinkGraph
import LinkGraphGraphviz
import LinkGraphPlugin
import MailArchives
import PDFDocuments
import TextPatterns

/// The extractors compiled into `linkgraph`, and the registry of one run.
///
/// Every extractor module under `Plugins/` (other than `Plugins/Examples`) must be listed in
/// `all`: a test fails when a folder is missing from it.
enum BuiltInExtractors {
    /// The compiled-in extractors, in the order `linkgraph plugins` lists them.
    /// - Parameters:
    ///   - rules: Extra TextPatterns rules files (`--rules`).
    ///   - gazetteers: Extra TextPatterns gazetteer files (`--gazetteer`).
    ///   - dotRenderer: Where Graphviz parses DOT documents (in process by default).
    ///   - timeout: Seconds a subprocess extractor may take per document.
    ///   - pdfReader: Where poppler reads PDFs (in process by default; `extract` passes a worker).
    static func all(
        rules: [String] = [], gazetteers: [String] = [],
        dotRenderer: GraphvizRenderer = GraphvizRenderer(isolation: .inProcess),
        timeout: Double = ProcessExtractor.defaultTimeout, pdfReader: PDFReader = PDFReader(isolation: .inProcess)
    ) throws -> [any Extractor] {
        let text = try TextPatternsExtractor(userRulesFiles: rules, userGazetteerFiles: gazetteers)
        return [
            text,
            CSVTablesExtractor(),
            MailArchivesExtractor(bodyExtractor: text),
            PDFDocumentsExtractor(textExtractor: text, reader: pdfReader),
            HTMLPagesExtractor(bodyExtractor: text),
            CaseFileExtractor(),
            DOTInputExtractor(renderer: dotRenderer),
            spacy(timeout: timeout),
        ]
    }

    /// The spaCy plug-in's script: `LINKGRAPH_SPACY_SCRIPT` when set (for a binary installed
    /// away from its source tree), else `Plugins/SpacyExtractor/spacy_extractor.py` in the
    /// source tree this binary was built from.
    static var spacyScript: String {
        if let path = ProcessInfo.processInfo.environment["LINKGRAPH_SPACY_SCRIPT"], !path.isEmpty { return path }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Plugins/SpacyExtractor/spacy_extractor.py").standardizedFileURL.path
    }

    /// The spaCy plug-in (Python, a subprocess), run only when named: `--with SpacyExtractor`.
    /// Its pipeline is chosen with the request option `{"spacy": {"pipeline": NAME}}`.
    static func spacy(timeout: Double = ProcessExtractor.defaultTimeout) -> BundledProcessExtractor {
        BundledProcessExtractor(
            description: ExtractorDescription(
                name: "spacy-extractor", version: "1", accepts: ["text/plain"],
                summary: "English prose through spaCy (Python): NER plus the gazetteer, relations from "
                    + "dependency paths and the trigger lexicon. Only with --with SpacyExtractor.",
                examples: [
                    ExtractorExample(
                        text: "Mara Quill, a member of the Harbor Trust, was recruited by the Iron Council.",
                        entities: [
                            ("Mara Quill", .person), ("Harbor Trust", .organization), ("Iron Council", .organization),
                        ],
                        relations: [
                            ("Mara Quill", .memberOf, "Harbor Trust"), ("Mara Quill", .reportsTo, "Iron Council"),
                        ])
                ],
                onlyWhenNamed: true),
            command: BundledProcessExtractor.commandLine(["python3", spacyScript]), timeout: timeout)
    }

    /// The registry of one run: the built-ins, then the libraries, then the executables.
    static func registry(
        rules: [String] = [], gazetteers: [String] = [], libraries: [String] = [], commands: [String] = [],
        timeout: Double = ProcessExtractor.defaultTimeout,
        dotRenderer: GraphvizRenderer = GraphvizRenderer(isolation: .inProcess),
        pdfReader: PDFReader = PDFReader(isolation: .inProcess)
    ) throws -> ExtractorRegistry {
        var extractors = try all(
            rules: rules, gazetteers: gazetteers, dotRenderer: dotRenderer, timeout: timeout, pdfReader: pdfReader)
        for path in libraries { extractors.append(try LibraryExtractor(path: path)) }
        for command in commands { extractors.append(try ProcessExtractor(command: command, timeout: timeout)) }
        return try ExtractorRegistry(extractors)
    }

    /// Stops the worker processes of subprocess plug-ins (they would also stop on their own
    /// when `linkgraph` exits and their input ends).
    static func shutdown(_ registry: ExtractorRegistry) {
        for extractor in registry.extractors {
            (extractor as? ProcessExtractor)?.shutdown()
            (extractor as? BundledProcessExtractor)?.shutdown()
        }
    }
}
