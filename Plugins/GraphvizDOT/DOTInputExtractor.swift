import LinkGraph
import LinkGraphFormats
import LinkGraphGraphviz
import LinkGraphPlugin

/// Reads a Graphviz file (`text/vnd.graphviz`: `.dot`, `.gv`) with Graphviz's own parser and
/// turns it into a case as `linkgraph import` does (`DOTCaseImporter`): nodes are entities,
/// edges relations. A DOT file is foreign input, and cgraph 2.43 is C: give a renderer that
/// parses in a worker process (`linkgraph extract` does, unless `--in-process` is given).
public struct DOTInputExtractor: CaseFileProducingExtractor {
    /// Where Graphviz parses.
    public var renderer: GraphvizRenderer

    public init(renderer: GraphvizRenderer = GraphvizRenderer(isolation: .inProcess)) {
        self.renderer = renderer
    }

    public var description: ExtractorDescription {
        ExtractorDescription(
            name: "graphviz-dot", version: "1", accepts: ["text/vnd.graphviz"],
            summary:
                "Graphviz DOT files, read by cgraph: nodes become entities (label → name, kind → kind), edges relations.",
            origin: .builtIn,
            examples: [
                ExtractorExample(
                    text:
                        #"digraph { a [label="Harbor Trust", kind=organization]; b [label="Mara Quill", kind=person]; a -> b [kind=pays] }"#,
                    entities: [("Harbor Trust", .organization), ("Mara Quill", .person)],
                    relations: [("Harbor Trust", .pays, "Mara Quill")])
            ])
    }

    /// - Throws: `DOTDocumentError` naming the file and line Graphviz could not read, or the
    ///   worker's `GraphvizError` (its sentence names the file already).
    public func extractCaseFile(_ request: ExtractionRequest) throws -> CaseFile {
        let file = request.metadata["path"]?.stringValue ?? request.id
        let graph: DOTGraph
        let text = try DOTText.decode(request.bytes, file: file)
        do {
            graph = try renderer.parse(text, source: file)
        } catch let error as GraphvizError {
            switch error.kind {
            case .crash, .timeout, .limit: throw error  // the sandbox's sentence names the file
            default: throw DOTDocumentError(place: file + (error.line.map { ":\($0)" } ?? ""), error: error)
            }
        }
        return try DOTCaseImporter.caseFile(graph, file: file).caseFile
    }
}

/// A DOT document Graphviz could not read: the file (and line) before Graphviz's message.
public struct DOTDocumentError: Error, CustomStringConvertible {
    /// `FILE` or `FILE:LINE`.
    public let place: String
    public let error: GraphvizError

    public var description: String { "\(place): \(error)" }
}
