import ArgumentParser
import Foundation
import LinkGraph
import LinkGraphGraphviz
import LinkGraphPlugin
import PDFDocuments

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Options shared by `extract` and `plugins`: which plug-ins to load for this run.
struct PluginOptions: ParsableArguments {
    @Option(
        name: .customLong("plugin"),
        help: ArgumentHelp(
            "Load an extractor from a shared library (C ABI, see docs/PLUGINS.md).", valueName: "PATH.so"))
    var libraries: [String] = []

    @Option(
        name: .customLong("plugin-exec"),
        help: ArgumentHelp(
            "Run an extractor as a subprocess: a command line, split like a shell's (quotes, backslashes), run without a shell.",
            valueName: "COMMAND"))
    var commands: [String] = []

    @Option(
        name: .customLong("plugin-timeout"),
        help: ArgumentHelp("Seconds a subprocess plug-in may take per document.", valueName: "SECONDS"))
    var timeout: Double = ProcessExtractor.defaultTimeout

    @Option(
        name: .customLong("rules"),
        help: ArgumentHelp("Extra rules for the text-patterns extractor (YAML).", valueName: "FILE"))
    var rules: [String] = []

    @Option(
        name: .customLong("gazetteer"),
        help: ArgumentHelp("Extra gazetteer for the text-patterns extractor (YAML).", valueName: "FILE"))
    var gazetteers: [String] = []

    func validate() throws {
        guard timeout > 0, timeout.isFinite else {
            throw ValidationError("--plugin-timeout must be a positive number of seconds")
        }
    }

    /// The registry of this run.
    /// - Parameters:
    ///   - dotRenderer: Where Graphviz parses DOT documents (in process by default).
    ///   - pdfReader: Where poppler reads PDFs (in process by default; `extract` passes a worker).
    func registry(
        dotRenderer: GraphvizRenderer = GraphvizRenderer(isolation: .inProcess),
        pdfReader: PDFReader = PDFReader(isolation: .inProcess)
    ) throws -> ExtractorRegistry {
        try BuiltInExtractors.registry(
            rules: rules, gazetteers: gazetteers, libraries: libraries, commands: commands, timeout: timeout,
            dotRenderer: dotRenderer, pdfReader: pdfReader)
    }
}

extension LinkGraphCommand {
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract entities and relations from documents into a case file.",
            discussion: """
                Each FILE is read by the extractors that accept its media type, known from the extension: \
                .txt/.md text/plain (text-patterns), .csv text/csv (csv-tables), .json a case file (case-file), \
                .dot/.gv text/vnd.graphviz (graphviz-dot), .mbox/.mbx application/mbox and .eml message/rfc822 \
                (mail-archives; a bad message is reported by number and the others are kept), .pdf application/pdf \
                (pdf-documents: text layers, OCR of scanned pages, in a worker process bounded by --timeout and \
                --memory-limit). Plug-ins given with --plugin or --plugin-exec replace \
                the built-ins for the media types they accept; --with NAME picks extractors by name \
                (see `linkgraph plugins`).
                Several --with NAME make an ensemble: a relation found by more than one extractor gets the noisy-or of \
                their confidences, and --min-confidence X then leaves out extracted relations below X \
                (docs/PLUGINS.md, "Ensembles"). --review shows each relation with its sentence to accept or reject it \
                (see `linkgraph review`). \
                The extractions are merged into one case (docs/PLUGINS.md, "Merging"): one entity per real-world \
                thing, relations deduplicated, evidence kept, confidences combined by noisy-or, provenance recorded. \
                With --into CASE they are merged into an existing case, which keeps its ids, names, kinds, \
                attributes and relations, and whose "suppressed" list keeps deleted entities deleted.
                A failure of one extractor on one document is reported and the others go on; the exit status \
                is 1 if any document failed. The case file is written atomically, and not at all when every \
                document failed.
                """
        )

        @Argument(help: "The documents to read.")
        var files: [String]

        @Option(name: .shortAndLong, help: "The case file to write (JSON).")
        var output: String

        @Option(
            name: .customLong("with"),
            help: ArgumentHelp("Use only the extractor with this name (repeatable).", valueName: "NAME"))
        var names: [String] = []

        @OptionGroup var plugins: PluginOptions

        @Option(help: ArgumentHelp("Merge into this existing case file (it may be the output too).", valueName: "CASE"))
        var into: String?

        @Option(
            name: .customLong("media-type"),
            help: ArgumentHelp(
                "Treat every file as this media type instead of guessing from its extension.", valueName: "TYPE"))
        var mediaType: String?

        @Option(
            help: ArgumentHelp(
                "A JSON object passed to every extractor as its request's \"options\".", valueName: "JSON"))
        var options: String?

        @Option(
            name: .customLong("min-confidence"),
            help: ArgumentHelp(
                "Leave out extracted relations whose merged confidence is below this (0...1); "
                    + "relations of --into's case and accepted ones stay.",
                valueName: "X"))
        var minConfidence: Double?

        @Flag(
            help: ArgumentHelp(
                "Show each relation with its sentence, kind and confidence to accept or reject it "
                    + "(a prompt on a terminal; see `linkgraph review`)."))
        var review = false

        @Option(help: ArgumentHelp("Who reviews, recorded with each decision.", valueName: "NAME"))
        var reviewer: String?

        @Flag(help: "No progress lines.")
        var quiet = false

        @OptionGroup var limits: InputLimits

        /// DOT documents are parsed by Graphviz in a worker process unless `--in-process`.
        @OptionGroup var graphviz: GraphvizOptions

        func validate() throws {
            if files.isEmpty { throw ValidationError("give at least one document") }
            if let minConfidence, !(0...1).contains(minConfidence) {
                throw ValidationError("--min-confidence must be between 0 and 1, not \(minConfidence)")
            }
        }

        func run() throws {
            // A document other than a case file is not what the output holds: refuse to replace it.
            let sources = files.filter { (mediaType ?? ExtractorRegistry.mediaType(forPath: $0)) != "application/json" }
            try FileIO.refuseOverwriting(inputs: sources, with: output, what: "a case file")
            let requestOptions = try parsedOptions()
            for path in plugins.rules + plugins.gazetteers { try limits.checkSize(path) }
            let registry = try plugins.registry(dotRenderer: try graphviz.renderer, pdfReader: try graphviz.pdfReader)
            defer { BuiltInExtractors.shutdown(registry) }
            let base = try into.map { try CaseLoading.load($0, limits: limits) } ?? CaseFile()
            var session = ExtractionSession(
                registry: registry, base: base, names: names, mediaType: mediaType, options: requestOptions)
            var failedDocuments = 0
            var failedParts = 0  // bad messages of mailboxes whose other messages were read
            var failedPDFParts = 0  // unread pages and repaired damage of PDFs whose text was kept
            let progress = Progress(total: files.count, quiet: quiet)

            for (index, path) in files.enumerated() {
                progress.update(index, path)
                let outcome = session.extract(path: path) { Array(try limits.read($0)) }
                if !outcome.partFailures.isEmpty {
                    progress.clear()
                    for error in outcome.partFailures { Diagnostics.note("error: \(error)") }
                    let pdfProblems = outcome.partFailures.filter { $0 is PDFError }.count
                    failedPDFParts += pdfProblems
                    failedParts += outcome.partFailures.count - pdfProblems
                }
                if !outcome.succeeded {
                    progress.clear()
                    for failure in outcome.failures { Diagnostics.note("error: \(Self.message(failure))") }
                    failedDocuments += 1
                }
            }
            progress.clear()
            if failedDocuments == files.count {
                // Nothing was read: leave no file behind, as every other command does on failure.
                let what = files.count == 1 ? "the document failed" : "all \(files.count) documents failed"
                Diagnostics.note("\(what); \(output) was not written")
                throw ExitCode.failure
            }
            var result = session.result(minimumConfidence: minConfidence)
            if review {
                // On a terminal each relation is asked about; otherwise listed for `linkgraph review`.
                if ReviewPrompt.isInteractive {
                    result = ReviewPrompt(reviewer: reviewer).ask(result)
                } else {
                    ReviewPrompt.list(result)
                }
            }
            try result.write(to: output)
            var failures = failedDocuments == 0 ? "" : "; \(failedDocuments) of \(files.count) documents failed"
            if failedParts > 0 {
                failures += "; \(failedParts) message\(failedParts == 1 ? "" : "s") could not be read"
            }
            if failedPDFParts > 0 {
                failures += "; \(failedPDFParts) PDF problem\(failedPDFParts == 1 ? "" : "s") (an unread page, damage)"
            }
            Diagnostics.note(
                "wrote \(output): \(result.entities.count) entities, \(result.relations.count) relations, \(result.documents.count) documents\(failures)"
            )
            if failedDocuments > 0 || failedParts > 0 || failedPDFParts > 0 { throw ExitCode.failure }
        }

        /// A failure's message, with the option that helps where there is one.
        static func message(_ failure: ExtractionFailure) -> String {
            switch failure.reason {
            case .unknownMediaType:
                return "\(failure); give --media-type"
            case .noExtractor(let error as PluginError):
                if case .noExtractor = error { return "\(failure) (see linkgraph plugins)" }
                return "\(failure)"
            case .extractorFailed(_, let error as PluginError):
                if case .timeout = error { return "\(failure) (raise the limit with --plugin-timeout)" }
                return "\(failure)"
            default:
                return "\(failure)"
            }
        }

        func parsedOptions() throws -> JSONObject {
            guard let options else { return [:] }
            guard let object = (try? JSONParser.parse(options))?.objectValue else {
                throw ValidationError("--options must be a JSON object, e.g. '{\"names\": [\"Mara Quill\"]}'")
            }
            return object
        }
    }
}

/// Progress on standard error: one line rewritten in place on a terminal; on a pipe or file a
/// line every 50 documents. Silent for a single document or with --quiet.
final class Progress {
    let total: Int
    let enabled: Bool
    let terminal: Bool
    private var shown = false

    init(total: Int, quiet: Bool) {
        self.total = total
        enabled = !quiet && total > 1
        terminal = isatty(2) != 0
    }

    func update(_ index: Int, _ path: String) {
        guard enabled else { return }
        if terminal {
            let name = URL(fileURLWithPath: path).lastPathComponent
            StandardError.write("\r\u{1B}[K[\(index + 1)/\(total)] \(TerminalText.escape(name))")
            shown = true
        } else if index % 50 == 0 {
            Diagnostics.note("extracting \(index + 1)/\(total): \(path)")
        }
    }

    func clear() {
        guard shown else { return }
        StandardError.write("\r\u{1B}[K")
        shown = false
    }
}
