import LinkGraph

// The JSON forms of the analysis results: the one owner of the shapes that
// `linkgraph path|chain|centrality|components|communities --json` print (docs/JSON.md).
// Vertices appear as their labels (entity ids); keys come in a fixed order and lists in the
// results' own deterministic order, so the same input always gives the same bytes.

extension Path {
    /// `{"paths": [PATH, ...]}` with each path as `json(in:caseFile:)`, and `"truncated": true`
    /// when the list stopped at a limit (more paths exist).
    /// - Parameters:
    ///   - hopDays: Per path, the day of each hop (time-respecting paths), added as `"days"`.
    ///   - truncated: Whether the search stopped before listing every path.
    public static func json(
        _ paths: [Path], in graph: Digraph, caseFile: CaseFile?, hopDays: [[Int]]? = nil, truncated: Bool = false
    ) throws -> JSONValue {
        var items: [JSONValue] = []
        for (i, path) in paths.enumerated() {
            guard case .object(var object) = try path.json(in: graph, caseFile: caseFile) else { continue }
            if let days = hopDays?[i] { object["days"] = .array(days.map { $0 == Int.min ? .null : .num($0) }) }
            items.append(.object(object))
        }
        return truncated ? ["paths": .array(items), "truncated": true] : ["paths": .array(items)]
    }

    /// `{"vertices": [ID, ...], "cost": N, "reliability": P?, "hops": [HOP, ...]}`.
    ///
    /// With a case file, each hop is its relation (`ExplainedHop.json()`); for an edge list,
    /// `{"source", "target", "kind": "edge", "evidence": [], "weight"}`.
    /// - Throws: `AlgorithmError` when a hop's relation is not in `caseFile`.
    public func json(in graph: Digraph, caseFile: CaseFile?) throws -> JSONValue {
        let hops: [JSONValue]
        if let caseFile {
            hops = try explained(in: caseFile, graph: graph).map { $0.json() }
        } else {
            hops = self.hops.map { hop in
                [
                    "source": .string(graph.label(of: hop.from)), "target": .string(graph.label(of: hop.to)),
                    "kind": "edge", "evidence": [], "weight": .num(hop.weight),
                ]
            }
        }
        var object: JSONObject = [
            "vertices": .array(vertices.map { .string(graph.label(of: $0)) }), "cost": .num(cost), "hops": .array(hops),
        ]
        if let reliability { object["reliability"] = .num(reliability) }
        return .object(object)
    }
}

extension ExplainedHop {
    /// `{"source", "target", "kind", "evidence": [EVIDENCE], "againstRelation", "relation",
    /// "confidence", "from"?, "until"?}`; evidence as in the case file.
    public func json() -> JSONValue {
        var object: JSONObject = [
            "source": .string(from), "target": .string(to), "kind": .string(kind.rawValue),
            "evidence": .array(evidence.map { $0.jsonValue() }),
        ]
        object["againstRelation"] = .bool(againstRelation)
        object["relation"] = .num(relationIndex)
        object["confidence"] = .num(confidence)
        if let validFrom { object["from"] = .string(validFrom.description) }
        if let validUntil { object["until"] = .string(validUntil.description) }
        return .object(object)
    }
}

extension Digraph {
    /// `{"id": ID, "name": NAME, "distance": N}`: the name from `caseFile`, else the id.
    func member(_ vertex: Vertex, distance: Int, caseFile: CaseFile?) -> JSONValue {
        let id = label(of: vertex)
        let name = caseFile?.entity(id: id)?.name ?? id
        return ["id": .string(id), "name": .string(name), "distance": .num(distance)]
    }
}

extension ReportingChain {
    /// `{"entity": ID, "above": [MEMBER], "tops": [ID], "branches": [{"vertices": [ID],
    /// "endsInCycle": B}], "truncated": B}`, members as `{"id", "name", "distance"}`.
    public func json(in graph: Digraph, caseFile: CaseFile?) -> JSONValue {
        let branches: [JSONValue] = branches.map {
            [
                "vertices": .array($0.path.vertices.map { .string(graph.label(of: $0)) }),
                "endsInCycle": .bool($0.endsInCycle),
            ]
        }
        return [
            "entity": .string(graph.label(of: root)),
            "above": .array(above.map { graph.member($0.vertex, distance: $0.distance, caseFile: caseFile) }),
            "tops": .array(tops.map { .string(graph.label(of: $0)) }), "branches": .array(branches),
            "truncated": .bool(truncated),
        ]
    }
}

extension ReportingTree {
    /// `{"entity": ID, "below": [{"id", "name", "distance"}]}`.
    public func json(in graph: Digraph, caseFile: CaseFile?) -> JSONValue {
        [
            "entity": .string(graph.label(of: root)),
            "below": .array(below.map { graph.member($0.vertex, distance: $0.distance, caseFile: caseFile) }),
        ]
    }
}

extension VertexScores {
    /// `{"measure": NAME, "values": {ID: NUMBER, ...}}` with ids in vertex order.
    public func json(measure: String, in graph: Digraph) -> JSONValue {
        let values = JSONObject(graph.vertices.map { (graph.label(of: $0), JSONValue.num(self[$0])) })
        return ["measure": .string(measure), "values": .object(values)]
    }
}

extension Components {
    /// `{"components": [[ID, ...], ...]}`, largest first.
    public func json(in graph: Digraph) -> JSONValue {
        ["components": .array(members.map { .array($0.map { .string(graph.label(of: $0)) }) })]
    }
}

extension Communities {
    /// `{"modularity": Q, "communities": [[ID, ...], ...]}`, largest first.
    public func json(in graph: Digraph) -> JSONValue {
        [
            "modularity": .num(modularity),
            "communities": .array(members.map { .array($0.map { .string(graph.label(of: $0)) }) }),
        ]
    }
}

extension EgoNetwork {
    /// `{"center": ID, "radius": R, "members": [{"vertex", "distance"}], "edges": [[ID, ID]]}`.
    public func json(in graph: Digraph) -> JSONValue {
        .object([
            "center": .string(graph.label(of: center)), "radius": .num(radius),
            "members": .array(
                zip(vertices, distances).map {
                    .object(["vertex": .string(graph.label(of: $0.0)), "distance": .num($0.1)])
                }),
            "edges": .array(
                edges.map { e in
                    .array([
                        .string(graph.label(of: graph.source(ofEdge: e))),
                        .string(graph.label(of: graph.target(ofEdge: e))),
                    ])
                }),
        ])
    }
}
