import LinkGraph
import LinkGraphAlgorithms

/// JSON shapes of the analysis commands' `--json` output.
enum JSONOutput {
    /// A number, with non-finite values as null (JSON has no infinity).
    static func number(_ value: Double) -> JSONValue {
        value.isFinite ? .number(JSONNumber(value)) : .null
    }

    /// `{"vertices": [ID, ...], "cost": N, "hops": [{"source", "target", "kind", "evidence"}]}`.
    static func path(_ path: Path, in input: AnalysisInput) throws -> JSONValue {
        let graph = input.graph
        var hops: [JSONValue] = []
        if let caseFile = input.caseFile {
            for hop in try path.explained(in: caseFile, graph: graph) {
                var object: JSONObject = [
                    "source": .string(hop.from), "target": .string(hop.to), "kind": .string(hop.kind.rawValue),
                    "evidence": .array(hop.evidence.map { $0.jsonValue() }),
                ]
                object["againstRelation"] = .bool(hop.againstRelation)
                object["relation"] = .number(JSONNumber(hop.relationIndex))
                object["confidence"] = number(hop.confidence)
                if let from = hop.validFrom { object["from"] = .string(from.description) }
                if let until = hop.validUntil { object["until"] = .string(until.description) }
                hops.append(.object(object))
            }
        } else {
            for hop in path.hops {
                hops.append([
                    "source": .string(graph.label(of: hop.from)), "target": .string(graph.label(of: hop.to)),
                    "kind": "edge", "evidence": [], "weight": number(hop.weight),
                ])
            }
        }
        var object: JSONObject = [
            "vertices": .array(path.labels(in: graph).map { .string($0) }), "cost": number(path.cost), "hops": .array(hops),
        ]
        if let reliability = path.reliability { object["reliability"] = number(reliability) }
        return .object(object)
    }

    /// `{"measure": NAME, "values": {ID: NUMBER, ...}}` with ids in vertex order.
    static func scores(_ scores: VertexScores, measure: String, graph: Digraph) -> JSONValue {
        let values = JSONObject(graph.vertices.map { (graph.label(of: $0), number(scores[$0])) })
        return ["measure": .string(measure), "values": .object(values)]
    }
}
