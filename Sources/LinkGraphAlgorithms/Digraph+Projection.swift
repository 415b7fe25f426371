import Foundation
import LinkGraph

/// How a case file becomes a `Digraph`: which relations take part, which way they point,
/// what they weigh, and on which date they must hold.
public struct Projection: Hashable, Sendable {
    /// How relations become arcs.
    public enum Direction: String, Hashable, Sendable {
        /// A directed relation is one arc source → target; a symmetric (undirected) one is
        /// two arcs, one each way. The graph is directed.
        case followRelations
        /// Every relation is an undirected edge. The graph is undirected.
        case undirected
    }

    /// Per-kind override of `followRelations`.
    public enum Orientation: String, Hashable, Sendable {
        /// Source → target (a symmetric relation still goes both ways).
        case forward
        /// Target → source: e.g. `controls` in a reporting chain, where the controlled
        /// reports up to the controller.
        case reverse
        /// Both ways.
        case both
    }

    /// What an arc weighs.
    public enum Weight: String, Hashable, Sendable {
        /// Every arc weighs 1 (hop counts).
        case unit
        /// The relation's `weight` (1 when absent).
        case weight
        /// `-ln(confidence)` (confidence 1 when absent): the lightest path is the most reliable.
        case reliability
    }

    /// The relation kinds that take part; nil for all.
    public var kinds: Set<RelationKind>?
    public var direction: Direction
    /// Overrides for single kinds (only with `followRelations`).
    public var orientation: [RelationKind: Orientation]
    public var weight: Weight
    /// Keep only relations that may hold on this date (their [from, until] overlaps it).
    public var asOf: PartialDate?

    public init(
        kinds: Set<RelationKind>? = nil, direction: Direction = .followRelations,
        orientation: [RelationKind: Orientation] = [:], weight: Weight = .unit, asOf: PartialDate? = nil
    ) {
        self.kinds = kinds
        self.direction = direction
        self.orientation = orientation
        self.weight = weight
        self.asOf = asOf
    }

    /// The projection for reporting chains: arcs point upward, from subordinate to
    /// superior, along `reportsTo`, `advises`, `memberOf` (as written) and `controls`
    /// (reversed: the controlled answers to the controller).
    public static func reportingLines(
        kinds: [RelationKind] = RelationKind.chainKinds, asOf: PartialDate? = nil
    ) -> Projection {
        Projection(
            kinds: Set(kinds), direction: .followRelations,
            orientation: kinds.contains(.controls) ? [.controls: .reverse] : [:], weight: .unit, asOf: asOf)
    }
}

extension Digraph {
    /// Projects a case file: one vertex per entity (labelled by entity id, in case-file
    /// order, isolated entities included) and arcs for the relations the projection keeps.
    /// Each edge records its relation's index in `caseFile.relations`, whether it runs
    /// against the relation, and the relation's `from`/`until` as `Validity` (used by
    /// `timeRespectingPath`).
    /// - Throws: `vertexNotFound` for a relation naming an unknown entity; `invalidArgument`
    ///   for a duplicate entity id; `invalidWeight` for a confidence outside (0, 1] with
    ///   `.reliability`, or a non-finite weight with `.weight`.
    /// - Complexity: O(entities + relations).
    public init(caseFile: CaseFile, projection: Projection = Projection()) throws {
        let labels = caseFile.entities.map(\.id)
        var index: [String: Vertex] = [:]
        index.reserveCapacity(labels.count)
        for (i, id) in labels.enumerated() {
            guard index.updateValue(Vertex(i), forKey: id) == nil else {
                throw AlgorithmError.invalidArgument("the entity id '\(id)' appears twice in the case file")
            }
        }
        var edges: [EdgeSpec] = []
        for (r, relation) in caseFile.relations.enumerated() {
            if let kinds = projection.kinds, !kinds.contains(relation.kind) { continue }
            if let date = projection.asOf, !relation.isValid(on: date) { continue }
            guard let u = index[relation.source] else { throw AlgorithmError.vertexNotFound(relation.source) }
            guard let v = index[relation.target] else { throw AlgorithmError.vertexNotFound(relation.target) }
            let w: Double
            switch projection.weight {
            case .unit:
                w = 1
            case .weight:
                w = relation.effectiveWeight
                guard w.isFinite else {
                    throw AlgorithmError.invalidWeight(
                        from: relation.source, to: relation.target, weight: w, requirement: "a finite weight")
                }
            case .reliability:
                let c = relation.effectiveConfidence
                guard c > 0, c <= 1 else {
                    throw AlgorithmError.invalidWeight(
                        from: relation.source, to: relation.target, weight: c, requirement: "a confidence in (0, 1]")
                }
                w = -Foundation.log(c)
            }
            let validity = Validity(
                earliest: relation.from?.earliestDay ?? Int.min, latest: relation.until?.latestDay ?? Int.max)
            let forward = EdgeSpec(source: u, target: v, weight: w, relation: r, validity: validity)
            let backward = EdgeSpec(
                source: v, target: u, weight: w, relation: r, againstRelation: true, validity: validity)
            switch projection.direction {
            case .undirected:
                edges.append(forward)
            case .followRelations:
                var orientation = projection.orientation[relation.kind] ?? .forward
                if !relation.isDirected { orientation = .both }
                switch orientation {
                case .forward: edges.append(forward)
                case .reverse: edges.append(backward)
                case .both: edges.append(forward); edges.append(backward)
                }
            }
        }
        let weighting: Weighting =
            switch projection.weight {
            case .unit: .unit
            case .weight: .given
            case .reliability: .reliability
            }
        try self.init(
            labels: labels, edges: edges, directed: projection.direction == .followRelations, weighting: weighting)
    }
}

/// One hop of a path told in the case file's terms.
public struct ExplainedHop: Equatable, Sendable {
    /// Entity ids at either end of the hop, in the order walked.
    public let from: String
    public let to: String
    /// The relation's index in `caseFile.relations`.
    public let relationIndex: Int
    public let kind: RelationKind
    /// True when the hop walks the relation from its target to its source.
    public let againstRelation: Bool
    public let confidence: Double
    public let validFrom: PartialDate?
    public let validUntil: PartialDate?
    public let evidence: [Evidence]
    /// The arc weight the search used.
    public let weight: Double

    /// "A —reportsTo→ B" or "A ←controls— B".
    public var summary: String {
        againstRelation ? "\(from) <-\(kind)- \(to)" : "\(from) -\(kind)-> \(to)"
    }
}

extension Path {
    /// The hops told as relations of the case file the graph was projected from.
    /// - Throws: `invalidArgument` when a hop has no relation or an index beyond the case
    ///   file's relations (the path comes from another graph).
    public func explained(in caseFile: CaseFile, graph: Digraph) throws -> [ExplainedHop] {
        try hops.map { hop in
            guard let r = hop.relation, r >= 0, r < caseFile.relations.count else {
                throw AlgorithmError.invalidArgument(
                    "hop \(graph.label(of: hop.from)) -> \(graph.label(of: hop.to)) has no relation in this case file")
            }
            let relation = caseFile.relations[r]
            return ExplainedHop(
                from: graph.label(of: hop.from), to: graph.label(of: hop.to), relationIndex: r, kind: relation.kind,
                againstRelation: hop.againstRelation, confidence: relation.effectiveConfidence,
                validFrom: relation.from, validUntil: relation.until, evidence: relation.evidence, weight: hop.weight)
        }
    }
}
