import LinkGraph

/// Where the groups of a brokerage analysis come from.
public enum GroupSource: Equatable, Sendable {
    /// The value of an entity attribute (entities without it have no group).
    case attribute(String)
    /// The entity's country: itself for a country; else its `country` attribute; else the
    /// nearest country entity up its `memberOf` and `locatedIn` relations.
    case country
    /// The entity's organization: itself for an organization; else the nearest
    /// organization up its `memberOf` relations.
    case organization
    /// The Louvain community (undirected, unit weights) found with this seed.
    case community(seed: UInt64)
}

/// The group of every vertex of a case's graph, with a name per group.
public struct Groups: Sendable {
    /// The group of each vertex, an index into `names`; -1 when it has none.
    public let groupOf: [Int]
    /// The name of each group (an attribute value, an entity id, or "community N").
    public let names: [String]

    /// Assigns groups to the vertices of `graph`, a projection of `caseFile`.
    /// - Throws: `vertexNotFound` when the graph names an entity the case lacks.
    /// - Complexity: O(V + R) for attributes, country and organization (R relations);
    ///   Louvain's cost for communities.
    public init(_ source: GroupSource, caseFile: CaseFile, graph: Digraph) throws {
        var names: [String] = []
        var index: [String: Int] = [:]
        func group(_ name: String?) -> Int {
            guard let name else { return -1 }
            if let i = index[name] { return i }
            index[name] = names.count
            names.append(name)
            return names.count - 1
        }
        let byID = Dictionary(caseFile.entities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let entities = try graph.labels.map { id -> Entity in
            guard let e = byID[id] else { throw AlgorithmError.vertexNotFound(id) }
            return e
        }
        switch source {
        case .attribute(let key):
            groupOf = entities.map { group($0.attribute(key)) }
        case .country:
            let up = Self.nearest(kind: .country, via: [.memberOf, .locatedIn], in: caseFile)
            groupOf = entities.map { group($0.kind == .country ? $0.id : ($0.attribute("country") ?? up[$0.id])) }
        case .organization:
            let up = Self.nearest(kind: .organization, via: [.memberOf], in: caseFile)
            groupOf = entities.map { group($0.kind == .organization ? $0.id : up[$0.id]) }
        case .community(let seed):
            let communities = try graph.undirected().unweighted().louvainCommunities(weighted: false, seed: seed)
            var of = [Int](repeating: -1, count: graph.vertexCount)
            for (i, members) in communities.members.enumerated() {
                let g = group("community \(i + 1)")
                for v in members { of[Int(v)] = g }
            }
            groupOf = of
        }
        self.names = names
    }

    /// For each entity, the id of the nearest entity of `kind` reached along `via` relations
    /// (fewest hops; ties by relation order), itself excluded.
    static func nearest(kind: EntityKind, via: Set<RelationKind>, in caseFile: CaseFile) -> [String: String] {
        let kindOf = Dictionary(caseFile.entities.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
        var up: [String: [String]] = [:]
        for r in caseFile.relations where via.contains(r.kind) { up[r.source, default: []].append(r.target) }
        var result: [String: String] = [:]
        for e in caseFile.entities {
            var seen: Set<String> = [e.id]
            var frontier = [e.id]
            search: while !frontier.isEmpty {
                var next: [String] = []
                for id in frontier {
                    for t in up[id] ?? [] where seen.insert(t).inserted {
                        if kindOf[t] == kind {
                            result[e.id] = t
                            break search
                        }
                        next.append(t)
                    }
                }
                frontier = next
            }
        }
        return result
    }
}
