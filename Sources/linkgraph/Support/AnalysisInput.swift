import ArgumentParser
import Foundation
import LinkGraph
import LinkGraphAlgorithms

/// A graph ready for analysis, with what is needed to name its vertices and explain its
/// paths: the case file when the input was one, nil for an edge list.
struct AnalysisInput {
    let graph: Digraph
    let caseFile: CaseFile?
    let lookup: EntityLookup

    /// Whether a path names edge-list files (`.edges`, `.txt`, `.tsv`, `.el`).
    static func isEdgeList(_ path: String) -> Bool {
        ["edges", "txt", "tsv", "el", "edgelist"].contains(CaseLoading.fileExtension(path))
    }

    /// Loads a case file (projected with `kinds`, the direction, weight and date options) or
    /// an edge list (its vertex labels are the ids; its third column is the `weight`).
    static func load(
        _ path: String, options: AnalysisOptions, kinds: [RelationKind]? = nil, projection custom: Projection? = nil
    ) throws -> AnalysisInput {
        try load(
            path, undirected: options.undirected, weight: options.weight, asOf: options.asOfDate, kinds: kinds,
            projection: custom,
            limits: options.limits)
    }

    /// Loads a case file or an edge list; see `load(_:options:kinds:projection:)`.
    static func load(
        _ path: String, undirected: Bool = false, weight: Projection.Weight = .unit, asOf: PartialDate? = nil,
        kinds: [RelationKind]? = nil, projection custom: Projection? = nil, limits: InputLimits = .defaults
    ) throws -> AnalysisInput {
        if isEdgeList(path) {
            var graph = try limits.loadEdgeList(path, directed: !undirected)
            switch weight {
            case .unit: graph = graph.unweighted()
            case .weight: break
            case .reliability: graph = try graph.withReliabilityWeights()
            }
            if kinds != nil { Diagnostics.warn("--via is ignored for an edge list: its edges have no kinds") }
            if asOf != nil { Diagnostics.warn("--as-of is ignored for an edge list: its edges have no dates") }
            return AnalysisInput(graph: graph, caseFile: nil, lookup: EntityLookup(labels: Array(graph.labels)))
        }
        let caseFile = try CaseLoading.load(path, limits: limits)
        if let kinds { warnAboutKinds(kinds, in: caseFile, path: path) }
        var projection = custom ?? Projection()
        if let kinds { projection.kinds = Set(kinds) }
        if undirected { projection.direction = .undirected }
        projection.weight = weight
        projection.asOf = asOf
        let graph = try namingFile(path) { try Digraph(caseFile: caseFile, projection: projection) }
        return AnalysisInput(graph: graph, caseFile: caseFile, lookup: EntityLookup(caseFile))
    }

    /// Builds a graph, putting the file's name before a weight error (the edge names alone do
    /// not say which file holds the weights whose sums overflow).
    static func namingFile(_ path: String, _ build: () throws -> Digraph) throws -> Digraph {
        do {
            return try build()
        } catch let error as AlgorithmError {
            if case .invalidWeight = error { throw InputError(file: path, underlying: error) }
            throw error
        }
    }

    /// Warns about each `--via` kind that no relation of the case has, with the close kind.
    static func warnAboutKinds(_ kinds: [RelationKind], in caseFile: CaseFile, path: String) {
        for (kind, suggestion) in caseFile.kindsWithoutRelations(kinds) {
            let hint = suggestion.map { "; did you mean '\($0.rawValue)'?" } ?? ""
            Diagnostics.warn("--via '\(kind.rawValue)' matches no relation in \(path)\(hint)")
        }
    }

    /// The vertex a user means by an id, a name or an alias.
    func vertex(named query: String) throws -> Digraph.Vertex {
        try graph.vertex(labeled: lookup.resolve(query))
    }

    /// An entity's display name (its id for an edge list).
    func name(of vertex: Digraph.Vertex) -> String {
        let id = graph.label(of: vertex)
        return caseFile?.entity(id: id)?.name ?? id
    }
}
