import ArgumentParser
import Foundation
import LinkGraph
import LinkGraphGraphviz
import LinkGraphPlugin

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Options shared by `extract` and `plugins`: which plug-ins to load for this run.
struct PluginOptions: ParsableArguments {
    @Option(name: .customLong("plugin"), help: ArgumentHelp("Load an extractor from a shared library (C ABI, see docs/PLUGINS.md).", valueName: "PATH.so"))
    var libraries: [String] = []

    @Option(name: .customLong("plugin-exec"), help: ArgumentHelp("Run an extractor as a subprocess: a command line, split like a shell's (quotes, backslashes), run without a shell.", valueName: "COMMAND"))
    var commands: [String] = []

    @Option(name: .customLong("plugin-timeout"), help: ArgumentHelp("Seconds a subprocess plug-in may take per document.", valueName: "SECONDS"))
    var timeout: Double = ProcessExtractor.defaultTimeout

    @Option(name: .customLong("rules"), help: ArgumentHelp("Extra rules for the text-patterns extractor (YAML).", valueName: "FILE"))
    var rules: [String] = []

    @Option(name: .customLong("gazetteer"), help: ArgumentHelp("Extra gazetteer for the text-patterns extractor (YAML).", valueName: "FILE"))
    var gazetteers: [String] = []

    func validate() throws {
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--plugin-timeout must be a positive number of seconds") }
    }

    /// The registry of this run.
    /// - Parameter dotSandbox: Where Graphviz parses DOT documents; `nil` parses them in this process.
    func registry(dotSandbox: GraphvizSandbox? = nil) throws -> ExtractorRegistry {
        try BuiltInExtractors.registry(
            rules: rules, gazetteers: gazetteers, libraries: libraries, commands: commands, timeout: timeout, dotSandbox: dotSandbox)
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
                (mail-archives; a bad message is reported by number and the others are kept). Plug-ins given with --plugin or --plugin-exec replace \
                the built-ins for the media types they accept; --with NAME picks extractors by name \
                (see `linkgraph plugins`).
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

        @Option(name: .customLong("with"), help: ArgumentHelp("Use only the extractor with this name (repeatable).", valueName: "NAME"))
        var names: [String] = []

        @OptionGroup var plugins: PluginOptions

        @Option(help: ArgumentHelp("Merge into this existing case file (it may be the output too).", valueName: "CASE"))
        var into: String?

        @Option(name: .customLong("media-type"), help: ArgumentHelp("Treat every file as this media type instead of guessing from its extension.", valueName: "TYPE"))
        var mediaType: String?

        @Option(help: ArgumentHelp("A JSON object passed to every extractor as its request's \"options\".", valueName: "JSON"))
        var options: String?

        @Flag(help: "No progress lines.")
        var quiet = false

        @OptionGroup var limits: InputLimits

        /// DOT documents are parsed by Graphviz in a worker process unless `--in-process`.
        @OptionGroup var graphviz: GraphvizOptions

        func validate() throws {
            if files.isEmpty { throw ValidationError("give at least one document") }
        }

        func run() throws {
            // A document other than a case file is not what the output holds: refuse to replace it.
            let sources = files.filter { (mediaType ?? ExtractorRegistry.mediaType(forPath: $0)) != "application/json" }
            try FileIO.refuseOverwriting(inputs: sources, with: output, what: "a case file")
            let requestOptions = try parsedOptions()
            for path in plugins.rules + plugins.gazetteers { try limits.checkSize(path) }
            let registry = try plugins.registry(dotSandbox: try graphviz.sandbox)
            defer { BuiltInExtractors.shutdown(registry) }
            let base = try into.map { try CaseLoading.load($0, limits: limits) } ?? CaseFile()
            var merger = CaseMerger(base: base)
            var documentIDs = Set(base.documents.map(\.id))
            var failedDocuments = 0
            var failedParts = 0  // bad messages of mailboxes whose other messages were read
            let progress = Progress(total: files.count, quiet: quiet)

            for (index, path) in files.enumerated() {
                progress.update(index, path)
                do {
                    try extract(path, registry: registry, options: requestOptions, merger: &merger, documentIDs: &documentIDs)
                } catch let failure as PartFailure {
                    progress.clear()
                    for error in failure.errors { Diagnostics.note("error: \(error)") }
                    failedParts += failure.errors.count
                } catch let failure as DocumentFailure {
                    progress.clear()
                    for error in failure.errors { Diagnostics.note("error: \(error)") }
                    failedDocuments += 1
                } catch {
                    progress.clear()
                    Diagnostics.note("error: \(error)")
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
            let result = merger.caseFile
            try result.write(to: output)
            var failures = failedDocuments == 0 ? "" : "; \(failedDocuments) of \(files.count) documents failed"
            if failedParts > 0 { failures += "; \(failedParts) message\(failedParts == 1 ? "" : "s") could not be read" }
            Diagnostics.note(
                "wrote \(output): \(result.entities.count) entities, \(result.relations.count) relations, \(result.documents.count) documents\(failures)")
            if failedDocuments > 0 || failedParts > 0 { throw ExitCode.failure }
        }

        /// The errors of one document (several extractors may fail on it).
        struct DocumentFailure: Error {
            var errors: [Error]
        }

        /// Reads one document and merges what every chosen extractor finds in it.
        func extract(
            _ path: String, registry: ExtractorRegistry, options: JSONObject, merger: inout CaseMerger, documentIDs: inout Set<String>
        ) throws {
            guard let type = mediaType ?? ExtractorRegistry.mediaType(forPath: path) else {
                throw InputError(
                    file: path,
                    underlying: ValidationError("cannot tell the media type from the extension; give --media-type (text/plain, text/csv, application/json, text/vnd.graphviz)"))
            }
            let extractors = try registry.choose(for: path, mediaType: type, names: names)
            let bytes = Array(try limits.read(path))
            let document = documentFor(path, in: merger.caseFile, taken: &documentIDs)
            let request = ExtractionRequest(
                id: document.id, mediaType: type, bytes: bytes,
                metadata: ["path": .string(path), "name": .string(URL(fileURLWithPath: path).lastPathComponent)], options: options)
            var errors: [Error] = []
            var partErrors: [Error] = []
            for extractor in extractors {
                do {
                    if let reader = extractor as? any PartlyFailingExtractor {
                        // Bad parts (messages of a mailbox) are reported; the good ones are kept.
                        let result = try reader.extractParts(request)
                        merger.merge(result.caseFile, contributor: path, matchIDs: false)
                        partErrors += result.errors
                        continue
                    }
                    if let producer = extractor as? any CaseFileProducingExtractor {
                        // A case file's ids are its author's; a DOT file's node ids are only local names.
                        merger.merge(try producer.extractCaseFile(request), contributor: path, matchIDs: producer is CaseFileExtractor)
                        continue
                    }
                    let extraction = try extractor.extract(request)
                    if extractor.description.origin == .builtIn {
                        do {
                            try extraction.validate(document: document.id, documentLength: bytes.count)
                        } catch let error as ExtractionWireError {
                            throw PluginError.invalidResponse(plugin: extractor.description.name, document: document.id, reason: error)
                        }
                    }
                    let fragment = extraction.caseFile(document: document, extractor: extractor.description.name, text: bytes)
                    merger.merge(fragment, matchIDs: false)
                } catch {
                    // Name the file once: some errors (CSV, case files) already start with it.
                    errors.append("\(error)".hasPrefix(path) ? error : InputError(file: path, underlying: error))
                }
            }
            if !errors.isEmpty { throw DocumentFailure(errors: errors + partErrors) }
            if !partErrors.isEmpty { throw PartFailure(errors: partErrors) }
        }

        /// The errors of the bad parts of a document whose other parts were merged.
        struct PartFailure: Error {
            var errors: [Error]
        }

        /// The document record of a file: the existing one with the same source (so extracting a
        /// file again updates rather than duplicates), else a new one with a unique slug id.
        func documentFor(_ path: String, in caseFile: CaseFile, taken: inout Set<String>) -> Document {
            if let existing = caseFile.documents.first(where: { $0.source == path }) { return existing }
            let name = URL(fileURLWithPath: path).lastPathComponent
            let stem = URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent
            let id = NameNormalizer.unique(NameNormalizer.slug(stem.isEmpty ? name : stem)) { taken.contains($0) }
            taken.insert(id)
            return Document(id: id, title: name, source: path)
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
