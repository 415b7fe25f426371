import LinkGraph

/// A case as a plain DOT graph that keeps its meaning: one node per entity and one edge per
/// relation, with `kind`, dates, confidence, weight and evidence as attributes, so Graphviz,
/// Gephi or NetworkX can read it and `linkgraph import` can read it back.
///
/// Symmetric relations carry `dir=none`. Attribute values are strings; entity attributes are
/// written with an `attr_` prefix. For a styled diagram use a view instead.
public enum CaseDOTExporter {
    public static func graph(_ caseFile: CaseFile, name: String = "case") -> DOTGraph {
        var graph = DOTGraph(name: name, isDirected: true)
        for entity in caseFile.entities {
            var attributes: DOTAttributes = [
                "label": .plain(DOTWriter.escapeLabel(entity.name)), "kind": .plain(entity.kind.rawValue),
            ]
            if !entity.aliases.isEmpty { attributes["aliases"] = .plain(entity.aliases.joined(separator: "|")) }
            for (key, value) in entity.attributes { attributes["attr_" + key] = .plain(plainText(value)) }
            graph.nodes.append(DOTNode(entity.id, attributes: attributes))
        }
        for relation in caseFile.relations {
            var attributes: DOTAttributes = [
                "kind": .plain(relation.kind.rawValue), "label": .plain(relation.kind.rawValue),
            ]
            if !relation.isDirected { attributes["dir"] = "none" }
            if let weight = relation.weight { attributes["weight"] = .plain(JSONNumber(weight).text) }
            if let confidence = relation.confidence { attributes["confidence"] = .plain(JSONNumber(confidence).text) }
            if let from = relation.from { attributes["from"] = .plain(from.description) }
            if let until = relation.until { attributes["until"] = .plain(until.description) }
            if !relation.evidence.isEmpty {
                attributes["evidence"] = .plain(relation.evidence.map(\.citation).joined(separator: " "))
            }
            for (key, value) in relation.attributes { attributes["attr_" + key] = .plain(plainText(value)) }
            graph.edges.append(DOTEdge(relation.source, relation.target, attributes: attributes))
        }
        return graph
    }

    /// A JSON value as attribute text: strings as they are, anything else as compact JSON.
    static func plainText(_ value: JSONValue) -> String {
        if case .string(let s) = value { return s }
        return JSONWriter.compact(value)
    }
}
