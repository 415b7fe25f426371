import Foundation
import LinkGraph
import LinkGraphAlgorithms
import LinkGraphFormats
import LinkGraphViews

/// What a report shows and where its evidence text comes from.
public struct ReportOptions: Sendable {
    /// The view drawn: influence, defection or all.
    public var view: ViewKind
    /// The page's title; the view's title when nil.
    public var title: String?
    /// Document texts by id (`ReportDocuments.texts`), for passages with the span marked.
    public var documentTexts: [String: String]
    /// Past this many entities in the view, only the most central ones are drawn (a larger
    /// SVG makes the page slow to open and to pan); the rest stay in search, panel and table.
    public var maxDrawnEntities: Int

    /// 400: sfdp lays that out in about a second, and the page still answers a click at once.
    public static let defaultMaxDrawnEntities = 400

    public init(
        view: ViewKind = .all, title: String? = nil, documentTexts: [String: String] = [:],
        maxDrawnEntities: Int = ReportOptions.defaultMaxDrawnEntities
    ) {
        self.view = view
        self.title = title
        self.documentTexts = documentTexts
        self.maxDrawnEntities = maxDrawnEntities
    }
}

/// An interactive case report: one self-contained HTML page with the drawing of a view, the
/// case's data and the page's own script and style, and nothing loaded from anywhere else.
///
/// Making one takes two steps so that the caller chooses how Graphviz runs (in a worker
/// process or not): build the report, render `drawing` to SVG, then call `html(svg:)`.
///
/// ```swift
/// let report = try CaseReport(caseFile, options: ReportOptions(view: .influence))
/// let svg = try render(report.drawing)          // Graphviz, SVG format, checked by SVGSafety
/// try FileIO.writeAtomically(try report.html(svg: svg), to: "case.html")
/// ```
public struct CaseReport {
    public let caseFile: CaseFile
    public let options: ReportOptions
    /// The view to draw: every entity of the view, or the `maxDrawnEntities` most central
    /// (by degree) when the view has more.
    public let drawing: DOTGraph
    /// Counts of what the drawing shows, and why it is partial when it is.
    let summary: DrawingSummary
    /// Why the drawing leaves entities out, as the page says it; nil when it draws the whole view.
    public var partialDrawingNote: String? { summary.note }
    let centrality: Centrality

    /// Computes the centralities and the drawing.
    /// - Throws: `AlgorithmError` for a case whose relations name unknown or duplicate entities.
    /// - Complexity: O(V·E) (betweenness) plus O(V log V + E) for the drawing.
    public init(_ caseFile: CaseFile, options: ReportOptions = ReportOptions()) throws {
        self.caseFile = caseFile
        self.options = options
        centrality = try Centrality(of: caseFile)
        var drawing = CaseView(kind: options.view).drawing(of: caseFile)
        let viewEntities = Self.entityCount(of: drawing)
        var note: String?
        if viewEntities > options.maxDrawnEntities {
            let inView = Self.entityIDs(of: drawing)
            let degree = centrality.degree
            let ranked = caseFile.entities.indices
                .filter { inView.contains(ElementID.entity(caseFile.entities[$0].id)) }
                .sorted { degree[$0] != degree[$1] ? degree[$0] > degree[$1] : $0 < $1 }
            let focus = Set(ranked.prefix(options.maxDrawnEntities).map { caseFile.entities[$0].id })
            drawing = CaseView(kind: options.view, options: ViewOptions(focus: focus)).drawing(of: caseFile)
            note =
                "This case has \(viewEntities) entities in the \(options.view.rawValue) view: too many to draw and "
                + "still read. The drawing shows the \(Self.entityCount(of: drawing)) with the highest degree and the "
                + "relations between them; search, the panel, paths and the table cover every entity."
        }
        self.drawing = drawing
        summary = DrawingSummary(
            viewEntities: viewEntities, drawnEntities: Self.entityCount(of: drawing),
            drawnRelations: Self.relationCount(of: drawing), note: note)
    }

    /// The page, with `svg` (the rendering of `drawing`) inline.
    /// - Throws: `ReportError.notSVG` when `svg` holds no `<svg>` element.
    /// - Complexity: O(size of the case + size of the SVG).
    public func html(svg: Data) throws -> Data {
        let title = options.title ?? options.view.title
        let data = ReportData.json(
            of: caseFile, title: title, view: options.view, drawing: summary, texts: options.documentTexts,
            centrality: centrality)
        return Data(try ReportPage.html(title: title, svg: svg, data: data).utf8)
    }

    /// The SVG ids of the drawing's entity nodes, at every level (legend nodes have none).
    static func entityIDs(of drawing: DOTGraph) -> Set<String> {
        func ids(_ nodes: [DOTNode], _ subgraphs: [DOTSubgraph]) -> [String] {
            nodes.compactMap { $0.attributes["id"]?.text }.filter { $0.hasPrefix("entity-") }
                + subgraphs.flatMap { ids($0.nodes, $0.subgraphs) }
        }
        return Set(ids(drawing.nodes, drawing.subgraphs))
    }

    static func entityCount(of drawing: DOTGraph) -> Int { entityIDs(of: drawing).count }

    /// The drawing's relation edges, at every level.
    static func relationCount(of drawing: DOTGraph) -> Int {
        func count(_ edges: [DOTEdge], _ subgraphs: [DOTSubgraph]) -> Int {
            edges.filter { $0.attributes["id"]?.text.hasPrefix("relation-") ?? false }.count
                + subgraphs.reduce(0) { $0 + count($1.edges, $1.subgraphs) }
        }
        return count(drawing.edges, drawing.subgraphs)
    }
}
