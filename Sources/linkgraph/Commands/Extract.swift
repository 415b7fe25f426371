import ArgumentParser
import Foundation
import LinkGraph
import LinkGraphGraphviz
import LinkGraphPlugin
import PDFDocuments

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
                A FOLDER is walked: every file under it, sorted, hidden ones left out, symbolic links followed \
                only inside it (loops and links out of it are skipped); a file without a known extension gets its \
                media type from its content (%PDF-, <html, an mbox "From " line, mail headers, UTF-8 text when \
                it has no extension). A file of a folder that no extractor reads is listed as skipped; a file \
                named on its own stays an error. The case being written (and --into's) is never read from a folder.
                A failure of one extractor on one document never stops the others: a summary at the end names \
                each bad file, what failed and which extractor; the exit status is 1 if any document failed. \
                On a terminal, runs of more than two seconds show a progress line (files, pages, messages, rate, \
                time left; --quiet hides it, LINKGRAPH_PROGRESS=always|never overrides). The case file is written \
                atomically, and not at all when no document was read.
                """
        )

        @Argument(help: "The documents to read, and folders to read every document of.")
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

        @Flag(help: "No progress line.")
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
            // Never read this run's own case from a folder (a second run over the same folder).
            let walk = DocumentWalk(files, excluding: [output] + (into.map { [$0] } ?? []))
            // A document other than a case file is not what the output holds: refuse to replace it.
            let sources = walk.files.map(\.path).filter {
                (mediaType ?? ExtractorRegistry.mediaType(forPath: $0)) != "application/json"
            }
            try FileIO.refuseOverwriting(inputs: sources, with: output, what: "a case file")
            let requestOptions = try parsedOptions()
            for path in plugins.rules + plugins.gazetteers { try limits.checkSize(path) }
            let registry = try plugins.registry(dotRenderer: try graphviz.renderer, pdfReader: try graphviz.pdfReader)
            defer { BuiltInExtractors.shutdown(registry) }
            let base = try into.map { try CaseLoading.load($0, limits: limits) } ?? CaseFile()
            var session = ExtractionSession(
                registry: registry, base: base, names: names, mediaType: mediaType, options: requestOptions)
            let progress = ProgressMeter(label: "extract", total: walk.files.count, unit: "files", quiet: quiet)
            let report = session.extract(walk, progress: progress) { Array(try limits.read($0)) }
            for line in report.summaryLines(message: Self.message) { Diagnostics.note(line) }
            if report.nothingRead {
                // Nothing was read: leave no file behind, as every other command does on failure.
                let count = report.documentCount
                let what =
                    count == 0
                    ? "no document to read" : count == 1 ? "the document failed" : "all \(count) documents failed"
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
            Diagnostics.note(
                "wrote \(output): \(result.entities.count) entities, \(result.relations.count) relations, "
                    + "\(result.documents.count) documents" + Self.tail(report))
            if report.hasFailures { throw ExitCode.failure }
        }

        /// The end of the summary line: units read, failures, skipped files.
        static func tail(_ report: ExtractionReport) -> String {
            var tail = report.units.isEmpty ? "" : " (\(report.unitsDescription))"
            if report.failedDocumentCount > 0 {
                tail += "; \(report.failedDocumentCount) of \(report.documentCount) documents failed"
            }
            let pdfProblems = report.outcomes.reduce(0) { $0 + $1.partFailures.filter { $0 is PDFError }.count }
            let messages = report.failedPartCount - pdfProblems
            if messages > 0 { tail += "; \(messages) message\(messages == 1 ? "" : "s") could not be read" }
            if pdfProblems > 0 {
                tail += "; \(pdfProblems) PDF problem\(pdfProblems == 1 ? "" : "s") (an unread page, damage)"
            }
            let skipped = report.skipped.count
            if skipped > 0 { tail += "; \(skipped) file\(skipped == 1 ? "" : "s") skipped" }
            return tail
        }

        /// What failed, with the option that helps where there is one (the summary names the
        /// file and the extractor).
        static func message(_ failure: ExtractionFailure) -> String {
            let reason = failure.reason(withFile: false)
            switch failure.reason {
            case .unknownMediaType:
                return "\(reason); give --media-type"
            case .noExtractor(let error as PluginError):
                if case .noExtractor = error { return "\(reason) (see linkgraph plugins)" }
                return reason
            case .extractorFailed(_, let error as PluginError):
                if case .timeout = error { return "\(reason) (raise the limit with --plugin-timeout)" }
                return reason
            default:
                return reason
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
