import Foundation
import LinkGraph

/// Runs the chosen extractors over documents and merges what they find into one case: the
/// pipeline behind `linkgraph extract`, usable from any Swift program.
///
/// For each document: the media type (given, or from the extension), the extractors that read
/// it (`ExtractorRegistry.choose`), the bytes, one document record (the case's own when a
/// document with the same source is there already, else a new one with a unique slug id), then
/// each extractor's extraction, checked as strictly as a plug-in's answer, turned into a
/// case-file fragment and merged with `CaseMerger` (noisy-or confidence, provenance,
/// suppression, review decisions). A failure of one extractor on one document is returned as
/// a value (`ExtractionFailure`) and the other extractors and documents go on.
///
/// ```swift
/// var session = ExtractionSession(registry: try ExtractorRegistry([TextPatternsExtractor()]))
/// let outcome = session.extract(path: "memo.txt") { Array(try Data(contentsOf: URL(fileURLWithPath: $0))) }
/// let result = session.result(minimumConfidence: 0.5)
/// ```
/// - Complexity: per document, the extractors' own cost plus the merge, O(entities + relations
///   of the fragment) expected.
public struct ExtractionSession {
    public let registry: ExtractorRegistry
    /// Only the extractors with these names (`ExtractorRegistry.choose(names:)`); empty for the default choice.
    public var names: [String]
    /// The media type of every document; nil to tell it from each file's extension.
    public var mediaType: String?
    /// The request's `options`, the same for every extractor.
    public var options: JSONObject

    private var merger: CaseMerger
    private var documentIDs: Set<String>
    /// The relations of the base case, which `result(minimumConfidence:)` never leaves out.
    private let baseRelations: Set<RelationKey>

    /// - Parameters:
    ///   - registry: The extractors of this run.
    ///   - base: The case to merge into (kept as it is; see `CaseMerger`); an empty case by default.
    ///   - names: Extractors chosen by name; empty for the default choice by media type.
    ///   - mediaType: One media type for every document; nil to use the extensions.
    ///   - options: The `options` object of every request.
    public init(
        registry: ExtractorRegistry, base: CaseFile = CaseFile(), names: [String] = [], mediaType: String? = nil,
        options: JSONObject = [:]
    ) {
        self.registry = registry
        self.names = names
        self.mediaType = mediaType
        self.options = options
        merger = CaseMerger(base: base)
        documentIDs = Set(base.documents.map(\.id))
        baseRelations = Set(base.relations.map(RelationKey.init))
    }

    /// The merged case so far, every relation included.
    public var caseFile: CaseFile { merger.caseFile }

    /// Reads one document with every chosen extractor and merges what they find.
    /// - Parameters:
    ///   - path: The file's path: its extension gives the media type, and it is the document's source.
    ///   - read: Reads the file's bytes (the caller applies its own size limits); its error
    ///     becomes an `.unreadable` failure.
    /// - Returns: The document and the failures, one per extractor that failed (empty when all worked).
    public mutating func extract(path: String, read: (String) throws -> [UInt8]) -> DocumentOutcome {
        guard let type = mediaType ?? ExtractorRegistry.mediaType(forPath: path) else {
            return DocumentOutcome(path: path, failures: [ExtractionFailure(file: path, reason: .unknownMediaType)])
        }
        let extractors: [any Extractor]
        do {
            extractors = try registry.choose(for: path, mediaType: type, names: names)
        } catch {
            return DocumentOutcome(path: path, failures: [ExtractionFailure(file: path, reason: .noExtractor(error))])
        }
        let bytes: [UInt8]
        do {
            bytes = try read(path)
        } catch {
            return DocumentOutcome(path: path, failures: [ExtractionFailure(file: path, reason: .unreadable(error))])
        }
        let document = documentRecord(for: path)
        let request = ExtractionRequest(
            id: document.id, mediaType: type, bytes: bytes,
            metadata: ["path": .string(path), "name": .string(URL(fileURLWithPath: path).lastPathComponent)],
            options: options)
        var outcome = DocumentOutcome(path: path, document: document)
        for extractor in extractors {
            do {
                outcome.partFailures += try run(extractor, request, document: document)
            } catch {
                let name = extractor.description.name
                outcome.failures.append(ExtractionFailure(file: path, reason: .extractorFailed(extractor: name, error)))
            }
        }
        return outcome
    }

    /// Runs one extractor and merges its result.
    /// - Returns: The errors of the bad parts of a document made of parts (a mailbox's
    ///   messages, `PartlyFailingExtractor`), whose good parts were merged.
    private mutating func run(
        _ extractor: any Extractor, _ request: ExtractionRequest, document: Document
    ) throws -> [any Error & Sendable] {
        if let reader = extractor as? any PartlyFailingExtractor {
            let result = try reader.extractParts(request)
            merger.merge(result.caseFile, contributor: request.metadata["path"]?.stringValue, matchIDs: false)
            return result.errors
        }
        if let producer = extractor as? any CaseFileProducingExtractor {
            // A case file's ids are its author's; a DOT file's node ids are only local names.
            let path = request.metadata["path"]?.stringValue
            merger.merge(
                try producer.extractCaseFile(request), contributor: path, matchIDs: producer is CaseFileExtractor)
            return []
        }
        let extraction = try extractor.extract(request)
        if extractor.description.origin == .builtIn {
            do {
                try extraction.validate(document: document.id, documentLength: request.bytes.count)
            } catch let error as ExtractionWireError {
                throw PluginError.invalidResponse(
                    plugin: extractor.description.name, document: document.id, reason: error)
            }
        }
        let fragment = extraction.caseFile(
            document: document, extractor: extractor.description.name, text: request.bytes)
        merger.merge(fragment, matchIDs: false)
        return []
    }

    /// The document record of a file: the existing one with the same source (so extracting a
    /// file again updates rather than duplicates), else a new one with a unique slug id.
    private mutating func documentRecord(for path: String) -> Document {
        if let existing = merger.caseFile.documents.first(where: { $0.source == path }) { return existing }
        let name = URL(fileURLWithPath: path).lastPathComponent
        let stem = URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent
        let id = NameNormalizer.unique(NameNormalizer.slug(stem.isEmpty ? name : stem)) { documentIDs.contains($0) }
        documentIDs.insert(id)
        return Document(id: id, title: name, source: path)
    }

    /// The merged case, without the relations whose confidence is below `minimumConfidence`.
    ///
    /// Relations of the base case and relations a reviewer accepted are always kept: the
    /// threshold only filters what this run's extractors proposed.
    /// - Parameter minimumConfidence: The lowest confidence kept, in 0...1; nil keeps everything.
    /// - Complexity: O(relations).
    public func result(minimumConfidence: Double? = nil) -> CaseFile {
        var result = merger.caseFile
        guard let minimumConfidence else { return result }
        let accepted = result.reviews.keys(.accepted)
        result.relations.removeAll { relation in
            let key = RelationKey(relation)
            return relation.effectiveConfidence < minimumConfidence && !baseRelations.contains(key)
                && !accepted.contains(key)
        }
        return result
    }
}

/// What became of one document.
public struct DocumentOutcome: Sendable {
    /// The file as given.
    public var path: String
    /// Its document record in the case; nil when it was not read at all.
    public var document: Document?
    /// One per extractor that failed on it (or one for the whole document when it was not read).
    public var failures: [ExtractionFailure] = []
    /// One per bad part of a document made of parts (a mailbox's messages), whose other parts
    /// were merged; each names the file and the part.
    public var partFailures: [any Error & Sendable] = []

    /// Whether every chosen extractor read the document.
    public var succeeded: Bool { failures.isEmpty }
}

/// Why a document, or one extractor on it, failed.
public struct ExtractionFailure: Error, CustomStringConvertible, Sendable {
    public enum Reason: Sendable {
        /// No media type was given and the extension tells none.
        case unknownMediaType
        /// The chosen extractors do not read this document (`PluginError.noExtractor`,
        /// `.unknownExtractor`).
        case noExtractor(Error)
        /// The file could not be read.
        case unreadable(Error)
        /// This extractor failed on the document (a `PluginError`, or an extractor's own error).
        case extractorFailed(extractor: String, Error)
    }

    /// The document's path.
    public var file: String
    public var reason: Reason

    public init(file: String, reason: Reason) {
        self.file = file
        self.reason = reason
    }

    /// The underlying error, when there is one.
    public var underlying: Error? {
        switch reason {
        case .unknownMediaType: return nil
        case .noExtractor(let error), .unreadable(let error), .extractorFailed(_, let error): return error
        }
    }

    /// The message, naming the file once (errors that name it themselves are not prefixed).
    public var description: String {
        guard let underlying else {
            return "\(file): cannot tell the media type from the extension (text/plain, text/csv, application/json, "
                + "text/vnd.graphviz, application/mbox, message/rfc822, text/html)"
        }
        if let located = underlying as? any FileLocatedError, located.file == file { return "\(underlying)" }
        if case .noExtractor(let error as PluginError) = reason, case .noExtractor = error { return "\(error)" }
        return "\(file): \(underlying)"
    }
}
