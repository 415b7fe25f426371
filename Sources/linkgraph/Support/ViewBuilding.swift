import ArgumentParser
import LinkGraph
import LinkGraphAlgorithms
import LinkGraphViews

/// Turns `render`'s view options into `ViewOptions`, running the algorithms they need:
/// a path or chain to highlight, an ego network to focus on, a centrality to size by,
/// communities to box.
enum ViewBuilding {
    /// The path from `from` to `to` (shortest in hops, or most reliable), its entities and
    /// relations.
    static func pathHighlight(
        in caseFile: CaseFile, path casePath: String, from: String, to: String, via: [RelationKind]?, reliable: Bool,
        limits: InputLimits = .defaults
    ) throws -> Highlight {
        let input = try AnalysisInput.load(
            casePath, weight: reliable ? .reliability : .unit, kinds: via, limits: limits)
        let source = try input.vertex(named: from), target = try input.vertex(named: to)
        let path: Path
        do {
            path = try input.graph.shortestPath(from: source, to: target)
        } catch AlgorithmError.noPath {
            throw PathNotFound(from: input.name(of: source), to: input.name(of: target))
        }
        return Highlight(
            entities: Set(path.labels(in: input.graph)), relations: Set(path.hops.compactMap(\.relation)),
            caption: "path from \(input.name(of: source)) to \(input.name(of: target))")
    }

    /// The reporting chain above `entity`: the entity, everyone above it, every branch's relations.
    static func chainHighlight(in caseFile: CaseFile, entity: String, via: [RelationKind]?) throws -> Highlight {
        let kinds = via ?? RelationKind.chainKinds
        let graph = try Digraph(caseFile: caseFile, projection: .reportingLines(kinds: kinds))
        let lookup = EntityLookup(caseFile)
        let root = try graph.vertex(labeled: lookup.resolve(entity))
        let chain = try graph.reportingChain(from: root)
        var entities: Set<String> = [graph.label(of: root)]
        var relations = Set<Int>()
        for member in chain.above { entities.insert(graph.label(of: member.vertex)) }
        for branch in chain.branches { relations.formUnion(branch.path.hops.compactMap(\.relation)) }
        let name = caseFile.entity(id: graph.label(of: root))?.name ?? graph.label(of: root)
        return Highlight(entities: entities, relations: relations, caption: "reporting chain of \(name)")
    }

    /// Everyone within `radius` hops of `entity`, in either direction, along any relation.
    static func egoFocus(in caseFile: CaseFile, entity: String, radius: Int) throws -> Set<String> {
        let graph = try Digraph(caseFile: caseFile, projection: Projection(direction: .undirected))
        let center = try graph.vertex(labeled: EntityLookup(caseFile).resolve(entity))
        let ego = try graph.egoNetwork(of: center, radius: Double(radius), undirected: true)
        return Set(ego.vertices.map { graph.label(of: $0) })
    }

    /// Scores of a centrality measure by entity id, on the case with every relation.
    static func sizes(in caseFile: CaseFile, measure: CentralityMeasure) throws -> NodeSizes {
        let graph = try Digraph(caseFile: caseFile)
        return NodeSizes(measure: measure.rawValue, scores: try measure.scores(on: graph).byLabel(in: graph))
    }

    /// How `--cluster-by` groups entities.
    enum Grouping: String, ExpressibleByArgument, CaseIterable {
        case country, organization, community
    }

    /// The box of every entity that shares its group with another: the group as `Groups`
    /// assigns it (the one owner of country, organization and community grouping, which
    /// `brokers --group-by` uses too), named by the group's entity, or "community N".
    static func clusters(in caseFile: CaseFile, by grouping: Grouping) throws -> [String: String] {
        let graph = try Digraph(caseFile: caseFile)
        let source: GroupSource
        switch grouping {
        case .country: source = .country
        case .organization: source = .organization
        case .community: source = .community(seed: 0)
        }
        let groups = try Groups(source, caseFile: caseFile, graph: graph)
        let names = Dictionary(caseFile.entities.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var size = [Int](repeating: 0, count: groups.names.count)
        for g in groups.groupOf where g >= 0 { size[g] += 1 }
        var out: [String: String] = [:]
        for (v, g) in groups.groupOf.enumerated() where g >= 0 && size[g] > 1 {
            out[graph.labels[v]] = names[groups.names[g]] ?? groups.names[g]
        }
        return out
    }
}

extension ViewBuilding {
    /// Cut points and bridges of the case with every relation, direction ignored; a bridge
    /// marks every relation between its two entities.
    static func cutMarks(in caseFile: CaseFile) throws -> CutMarks {
        let graph = try Digraph(caseFile: caseFile)
        let cuts = graph.cutStructure()
        let ties = Set(cuts.bridges.map { [graph.label(of: $0.a), graph.label(of: $0.b)].sorted() })
        let relations = caseFile.relations.indices.filter {
            ties.contains([caseFile.relations[$0].source, caseFile.relations[$0].target].sorted())
        }
        return CutMarks(entities: Set(cuts.articulationPoints.map { graph.label(of: $0) }), relations: Set(relations))
    }

    /// The entities `names` resolve to (ghosts) and, as boxes, the parts of two or more that
    /// the rest falls into once they are removed ("part N of M").
    static func removal(
        in caseFile: CaseFile, removing names: [String]
    ) throws -> (ghosts: Set<String>, boxes: [String: String]) {
        let graph = try Digraph(caseFile: caseFile)
        let lookup = EntityLookup(caseFile)
        let removed = try names.map { try graph.vertex(labeled: lookup.resolve($0)) }
        let parts = try graph.components(removing: removed).filter { $0.count > 1 }
        var boxes: [String: String] = [:]
        for (i, part) in parts.enumerated() {
            for v in part { boxes[graph.label(of: v)] = "part \(i + 1) of \(parts.count) (\(part.count))" }
        }
        return (Set(removed.map { graph.label(of: $0) }), boxes)
    }
}
