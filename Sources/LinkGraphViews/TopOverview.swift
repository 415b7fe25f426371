import LinkGraph
import LinkGraphAlgorithms

/// The `count` most central entities of a case and what is left out, for `render --top N
/// --by MEASURE`: the drawing keeps them and the relations among them.
///
/// Centrality is computed on the case with every relation (`Digraph(caseFile:)`, as `render
/// --size-by` and `linkgraph centrality` compute it); ties go to the entity first in the
/// case file (`VertexScores.ranking()`). Relations are counted as the view draws them: of
/// its kinds, and on its date when it has one.
/// - Complexity: that of the measure, plus O(E log E + R).
public struct TopOverview: Sendable {
    public let measure: CentralityMeasure
    /// Entity ids kept, most central first.
    public let kept: [String]
    /// The measure's score of every kept entity.
    public let scores: [String: Double]
    /// Entities in the case, and relations the view selects in it.
    public let entityCount: Int, relationCount: Int
    /// Relations the view selects with both ends kept.
    public let keptRelationCount: Int

    /// - Throws: `OverviewError.invalidCount` for `count` < 1; what the measure and
    ///   `Digraph(caseFile:)` throw.
    public init(
        _ caseFile: CaseFile, count: Int, by measure: CentralityMeasure, kind: ViewKind = .all,
        asOf: PartialDate? = nil
    ) throws {
        guard count >= 1 else { throw OverviewError.invalidCount(count) }
        self.measure = measure
        let graph = try Digraph(caseFile: caseFile)
        let values = try measure.scores(on: graph)
        let top = values.top(count)
        kept = top.map { graph.label(of: $0.vertex) }
        scores = Dictionary(top.map { (graph.label(of: $0.vertex), $0.score) }, uniquingKeysWith: { first, _ in first })
        entityCount = graph.vertexCount
        let keptSet = Set(kept)
        var total = 0, among = 0
        for relation in caseFile.relations {
            guard graph.vertexIfPresent(labeled: relation.source) != nil,
                graph.vertexIfPresent(labeled: relation.target) != nil
            else { continue }
            if let selected = kind.relationKinds, !selected.contains(relation.kind) { continue }
            if let asOf, !relation.isValid(on: asOf) { continue }
            total += 1
            if keptSet.contains(relation.source) && keptSet.contains(relation.target) { among += 1 }
        }
        relationCount = total
        keptRelationCount = among
    }

    /// What the drawing shows and leaves out, for its title: "top 50 of 20000 entities by
    /// pagerank, 312 of 80000 relations; left out: 19950 entities, 79688 relations".
    public var note: String {
        "top \(kept.count) of \(entityCount) entities by \(measure.rawValue), \(keptRelationCount) of "
            + "\(relationCount) relations; left out: \(entityCount - kept.count) entities, "
            + "\(relationCount - keptRelationCount) relations"
    }

    /// View options that draw the kept entities, sized by the measure, with the note in the title.
    public func applied(to options: ViewOptions) -> ViewOptions {
        var options = options
        options.focus = Set(kept)
        options.sizes = NodeSizes(measure: measure.rawValue, scores: scores)
        options.caption = note
        return options
    }
}
