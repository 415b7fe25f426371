import CSVTables
import Foundation
import LinkGraph
import LinkGraphFormats
import LinkGraphGraphviz
import LinkGraphPlugin
import MailArchives
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
    ///   - dotSandbox: The worker process that parses DOT documents; `nil` parses them here.
    static func all(rules: [String] = [], gazetteers: [String] = [], dotSandbox: GraphvizSandbox? = nil) throws -> [any Extractor] {
        let text = try TextPatternsExtractor(userRulesFiles: rules, userGazetteerFiles: gazetteers)
        return [
            text,
            CSVTablesExtractor(),
            MailArchivesExtractor(bodyExtractor: text),
            CaseFileExtractor(),
            DOTInputExtractor(sandbox: dotSandbox),
        ]
    }

    /// The registry of one run: the built-ins, then the libraries, then the executables.
    static func registry(
        rules: [String] = [], gazetteers: [String] = [], libraries: [String] = [], commands: [String] = [],
        timeout: Double = ProcessExtractor.defaultTimeout, dotSandbox: GraphvizSandbox? = nil
    ) throws -> ExtractorRegistry {
        var extractors = try all(rules: rules, gazetteers: gazetteers, dotSandbox: dotSandbox)
        for path in libraries { extractors.append(try LibraryExtractor(path: path)) }
        for command in commands { extractors.append(try ProcessExtractor(command: command, timeout: timeout)) }
        return try ExtractorRegistry(extractors)
    }

    /// Stops the worker processes of subprocess plug-ins (they would also stop on their own
    /// when `linkgraph` exits and their input ends).
    static func shutdown(_ registry: ExtractorRegistry) {
        for extractor in registry.extractors {
            (extractor as? ProcessExtractor)?.shutdown()
        }
    }
}

/// Reads a Graphviz file (`text/vnd.graphviz`: `.dot`, `.gv`) with Graphviz's own parser and
/// turns it into a case as `linkgraph import` does (`DOTCaseImporter`): nodes are entities,
/// edges relations. A DOT file is foreign input, and cgraph 2.43 is C: `linkgraph extract`
/// parses it in a worker process (`GraphvizSandbox`) unless `--in-process` is given.
struct DOTInputExtractor: CaseFileProducingExtractor {
    /// The worker process that parses; `nil` parses in this process.
    var sandbox: GraphvizSandbox?

    var description: ExtractorDescription {
        ExtractorDescription(
            name: "graphviz-dot", version: "1", accepts: ["text/vnd.graphviz"],
            summary: "Graphviz DOT files, read by cgraph: nodes become entities (label → name, kind → kind), edges relations.",
            origin: .builtIn,
            examples: [
                ExtractorExample(
                    text: #"digraph { a [label="Harbor Trust", kind=organization]; b [label="Mara Quill", kind=person]; a -> b [kind=pays] }"#,
                    entities: [("Harbor Trust", .organization), ("Mara Quill", .person)],
                    relations: [("Harbor Trust", .pays, "Mara Quill")])
            ])
    }

    func extractCaseFile(_ request: ExtractionRequest) throws -> CaseFile {
        let file = request.metadata["path"]?.stringValue ?? request.id
        let graph: DOTGraph
        do {
            if let sandbox {
                graph = try sandbox.parse(request.text, source: file)
            } else {
                graph = try GraphvizDOTParser.parse(request.text)
            }
        } catch let error as GraphvizError {
            switch error.kind {
            case .crash, .timeout, .limit: throw error  // the sandbox's sentence names the file
            default: throw InputError(file: file + (error.line.map { ":\($0)" } ?? ""), underlying: error)
            }
        }
        return try DOTCaseImporter.caseFile(graph, file: file).caseFile
    }

    func extract(_ request: ExtractionRequest) throws -> Extraction {
        let caseFile = try extractCaseFile(request)
        return Extraction(
            entities: caseFile.entities.map {
                ExtractedEntity(id: $0.id, name: $0.name, kind: $0.kind, aliases: $0.aliases, attributes: $0.attributes)
            },
            relations: caseFile.relations.map {
                ExtractedRelation(
                    source: $0.source, target: $0.target, kind: $0.kind, confidence: $0.effectiveConfidence, from: $0.from,
                    until: $0.until, attributes: $0.attributes, weight: $0.weight)
            })
    }
}
