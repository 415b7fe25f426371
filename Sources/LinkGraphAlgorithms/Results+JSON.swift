import LinkGraph

// JSON forms of the results, with vertices as labels (entity ids), so that a command's
// `--json` output is one call. Keys come in a fixed order and lists in the results' own
// deterministic order, so the same input always gives the same bytes.

extension JSONValue {
    static func num(_ x: Double) -> JSONValue { x.isFinite ? .number(JSONNumber(x)) : .null }
    static func num(_ x: Int) -> JSONValue { .number(JSONNumber(x)) }
}

extension VertexScores {
    /// `[{"vertex": label, "score": x}, …]` from highest to lowest score (ties by id),
    /// at most `limit` entries.
    public func json(in graph: Digraph, limit: Int? = nil) -> JSONValue {
        let order = ranking().prefix(limit ?? count)
        return .array(order.map { v in
            .object(["vertex": .string(graph.label(of: v)), "score": .num(values[Int(v)])])
        })
    }
}

extension EdgeScores {
    /// `[{"source": label, "target": label, "score": x}, …]` from highest to lowest.
    public func json(in graph: Digraph, limit: Int? = nil) -> JSONValue {
        .array(ranking().prefix(limit ?? count).map { e in
            .object([
                "source": .string(graph.label(of: graph.source(ofEdge: e))),
                "target": .string(graph.label(of: graph.target(ofEdge: e))), "score": .num(values[e]),
            ])
        })
    }
}

extension Path {
    /// `{"vertices": [...], "cost": x, "reliability": p?, "hops": [{"from", "to", "relation", "against", "weight"}]}`.
    public func json(in graph: Digraph) -> JSONValue {
        var o: JSONObject = [
            "vertices": .array(vertices.map { .string(graph.label(of: $0)) }), "cost": .num(cost),
        ]
        if let r = reliability { o["reliability"] = .num(r) }
        o["hops"] = .array(hops.map { h in
            .object([
                "from": .string(graph.label(of: h.from)), "to": .string(graph.label(of: h.to)),
                "relation": h.relation.map { .num($0) } ?? .null, "against": .bool(h.againstRelation),
                "weight": .num(h.weight),
            ])
        })
        return .object(o)
    }

    /// As `json(in:)`, with each hop told as its relation: kind, confidence, dates, evidence.
    public func json(in graph: Digraph, caseFile: CaseFile) throws -> JSONValue {
        var o: JSONObject = [
            "vertices": .array(vertices.map { .string(graph.label(of: $0)) }), "cost": .num(cost),
        ]
        if let r = reliability { o["reliability"] = .num(r) }
        o["hops"] = .array(try explained(in: caseFile, graph: graph).map { $0.json() })
        return .object(o)
    }
}

extension ExplainedHop {
    public func json() -> JSONValue {
        var o: JSONObject = [
            "from": .string(from), "to": .string(to), "kind": .string(kind.rawValue),
            "against": .bool(againstRelation), "relation": .num(relationIndex), "confidence": .num(confidence),
            "weight": .num(weight),
        ]
        if let f = validFrom { o["from_date"] = .string(f.description) }
        if let u = validUntil { o["until_date"] = .string(u.description) }
        o["evidence"] = .array(evidence.map { e in
            var x: JSONObject = ["document": .string(e.document)]
            if let s = e.start { x["start"] = .num(s) }
            if let s = e.end { x["end"] = .num(s) }
            if let t = e.text { x["text"] = .string(t) }
            return .object(x)
        })
        return .object(o)
    }
}

extension TimeRespectingPath {
    /// The path's JSON plus `"days"`: the day (`yyyymmdd`, null when undated) of each hop.
    public func json(in graph: Digraph) -> JSONValue {
        guard case .object(var o) = path.json(in: graph) else { return .null }
        o["days"] = .array(hopDays.map { $0 == Int.min ? .null : .num($0) })
        return .object(o)
    }
}

extension ReportingChain {
    public func json(in graph: Digraph) -> JSONValue {
        .object([
            "root": .string(graph.label(of: root)),
            "above": .array(above.map { .object(["vertex": .string(graph.label(of: $0.vertex)), "distance": .num($0.distance)]) }),
            "tops": .array(tops.map { .string(graph.label(of: $0)) }),
            "branches": .array(branches.map { b in
                .object([
                    "vertices": .array(b.path.vertices.map { .string(graph.label(of: $0)) }),
                    "ends_in_cycle": .bool(b.endsInCycle), "path": b.path.json(in: graph),
                ])
            }),
            "truncated": .bool(truncated),
        ])
    }
}

extension ReportingTree {
    public func json(in graph: Digraph) -> JSONValue {
        .object([
            "root": .string(graph.label(of: root)),
            "below": .array(below.map { .object(["vertex": .string(graph.label(of: $0.vertex)), "distance": .num($0.distance)]) }),
        ])
    }
}

extension Components {
    /// `[[label, …], …]`, largest first.
    public func json(in graph: Digraph) -> JSONValue {
        .array(members.map { .array($0.map { .string(graph.label(of: $0)) }) })
    }
}

extension Communities {
    public func json(in graph: Digraph) -> JSONValue {
        .object([
            "modularity": .num(modularity), "levels": .num(levels),
            "communities": .array(members.map { .array($0.map { .string(graph.label(of: $0)) }) }),
        ])
    }
}

extension EgoNetwork {
    public func json(in graph: Digraph) -> JSONValue {
        .object([
            "center": .string(graph.label(of: center)), "radius": .num(radius),
            "members": .array(zip(vertices, distances).map {
                .object(["vertex": .string(graph.label(of: $0.0)), "distance": .num($0.1)])
            }),
            "edges": .array(edges.map { e in
                .array([.string(graph.label(of: graph.source(ofEdge: e))), .string(graph.label(of: graph.target(ofEdge: e)))])
            }),
        ])
    }
}
