import LinkGraph
import LinkGraphAlgorithms
import LinkGraphViews

/// The case as the report's script reads it: one JSON object embedded in the page.
///
/// `entities[i]` and `centrality.*[i]` describe the same entity; a relation is found by its
/// index in the case file (`i`), which is also its SVG id (`relation-i`). Everything the
/// script shows comes from here and is inserted into the page as text.
enum ReportData {
    /// The object: `title`, `view`, `drawing` (counts and the note for a partial drawing),
    /// `entities`, `relations`, `documents`, `dates` (every date of the case, in order),
    /// `chainKinds` and `centrality` (`degree`, `betweenness`, `pagerank` per entity).
    /// - Complexity: O(V·E) for betweenness; O(size of the case) for the rest.
    static func json(
        of caseFile: CaseFile, title: String, view: ViewKind, drawing: DrawingSummary, texts: [String: String],
        centrality: Centrality
    ) -> JSONValue {
        var dates = Set<PartialDate>()
        for relation in caseFile.relations {
            if let from = relation.from { dates.insert(from) }
            if let until = relation.until { dates.insert(until) }
        }
        let entities: [JSONValue] = caseFile.entities.map { entity in
            .object([
                "id": .string(entity.id), "name": .string(entity.name), "kind": .string(entity.kind.rawValue),
                "aliases": .array(entity.aliases.map(JSONValue.string)), "attributes": .object(entity.attributes),
                "svg": .string(ElementID.entity(entity.id)),
            ])
        }
        let relations: [JSONValue] = caseFile.relations.enumerated().map { index, relation in
            var o: JSONObject = [
                "i": .number(JSONNumber(index)), "source": .string(relation.source), "target": .string(relation.target),
                "kind": .string(relation.kind.rawValue), "directed": .bool(relation.isDirected),
                "confidence": .number(JSONNumber(relation.effectiveConfidence)),
            ]
            if let from = relation.from { o["from"] = .string(from.description) }
            if let until = relation.until { o["until"] = .string(until.description) }
            o["evidence"] = .array(relation.evidence.map(json))
            if !relation.attributes.isEmpty { o["attributes"] = .object(relation.attributes) }
            return .object(o)
        }
        let documents: [JSONValue] = caseFile.documents.map { document in
            var o: JSONObject = ["id": .string(document.id)]
            if let title = document.title { o["title"] = .string(title) }
            if let source = document.source { o["source"] = .string(source) }
            if let text = texts[document.id] { o["text"] = .string(text) }
            return .object(o)
        }
        return .object([
            "title": .string(title), "view": .string(view.rawValue), "drawing": drawing.json,
            "entities": .array(entities), "relations": .array(relations), "documents": .array(documents),
            "dates": .array(dates.sorted().map { .string($0.description) }),
            "chainKinds": .array(RelationKind.chainKinds.map { .string($0.rawValue) }),
            "centrality": .object([
                "degree": numbers(centrality.degree), "betweenness": numbers(centrality.betweenness),
                "pagerank": numbers(centrality.pageRank),
            ]),
        ])
    }

    private static func json(_ evidence: Evidence) -> JSONValue {
        var o: JSONObject = ["document": .string(evidence.document)]
        if let start = evidence.start { o["start"] = .number(JSONNumber(start)) }
        if let end = evidence.end { o["end"] = .number(JSONNumber(end)) }
        if let text = evidence.text { o["text"] = .string(text) }
        return .object(o)
    }

    private static func numbers(_ values: [Double]) -> JSONValue {
        .array(values.map { $0.isFinite ? .number(JSONNumber($0)) : .null })
    }
}

/// Degree, betweenness and PageRank of every entity, in case-file order, as `linkgraph
/// centrality` computes them (every relation, directions followed, unit weights,
/// normalised as NetworkX does).
struct Centrality {
    var degree: [Double]
    var betweenness: [Double]
    var pageRank: [Double]

    /// - Complexity: O(V·E) (betweenness, Brandes); PageRank O(E) per iteration.
    init(of caseFile: CaseFile) throws {
        let graph = try Digraph(caseFile: caseFile)
        degree = graph.degreeCentrality().values
        betweenness = try graph.betweenness().values
        pageRank = try graph.pageRank(weighted: false).values
    }
}

/// How much of the view the drawing shows.
struct DrawingSummary {
    /// Entities the view selects.
    var viewEntities: Int
    /// Entities drawn: all of the view's, or the most central when there are too many.
    var drawnEntities: Int
    /// Relations drawn.
    var drawnRelations: Int
    /// Why the drawing is partial, for the reader; nil when it is complete.
    var note: String?

    var json: JSONValue {
        var o: JSONObject = [
            "viewEntities": .number(JSONNumber(viewEntities)), "entities": .number(JSONNumber(drawnEntities)),
            "relations": .number(JSONNumber(drawnRelations)),
        ]
        if let note { o["note"] = .string(note) }
        return .object(o)
    }
}
