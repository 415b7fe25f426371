import CSVTables
import Foundation
import GraphvizDOT
import LinkGraph
import LinkGraphGraphviz
import LinkGraphPlugin
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
    static func all(
        rules: [String] = [], gazetteers: [String] = [],
        dotRenderer: GraphvizRenderer = GraphvizRenderer(isolation: .inProcess)
    ) throws -> [any Extractor] {
        [
            try TextPatternsExtractor(userRulesFiles: rules, userGazetteerFiles: gazetteers),
            CSVTablesExtractor(),
            CaseFileExtractor(),
            DOTInputExtractor(renderer: dotRenderer),
        ]
    }

    /// The registry of one run: the built-ins, then the libraries, then the executables.
    static func registry(
        rules: [String] = [], gazetteers: [String] = [], libraries: [String] = [], commands: [String] = [],
        timeout: Double = ProcessExtractor.defaultTimeout,
        dotRenderer: GraphvizRenderer = GraphvizRenderer(isolation: .inProcess)
    ) throws -> ExtractorRegistry {
        var extractors = try all(rules: rules, gazetteers: gazetteers, dotRenderer: dotRenderer)
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
