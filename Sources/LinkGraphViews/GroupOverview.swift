import LinkGraph
import LinkGraphAlgorithms

/// How `render --collapse` groups entities: the groups `Groups` assigns (the one owner of
/// country, organization and community grouping, which `--cluster-by` and `brokers
/// --group-by` use too).
public enum OverviewGrouping: String, CaseIterable, Sendable {
    case community, country, organization

    /// The group source: communities by Louvain with seed 0, as `--cluster-by community`.
    public var source: GroupSource {
        switch self {
        case .community: return .community(seed: 0)
        case .country: return .country
        case .organization: return .organization
        }
    }
}

/// A case reduced to one node per group: each group's members counted, the relations
/// between two groups counted per direction, those inside a group counted on the group.
/// One group may be expanded: its members are then nodes of their own.
///
/// Only the relations the view kind draws count (every relation for `.all`), and with a
/// date only those that may hold on it. Entities without a group (no country found, say)
/// form one node of their own, so every entity is counted somewhere.
/// - Complexity: O(E + R) beyond `Groups` (Louvain's cost for communities).
public struct GroupOverview: Sendable {
    /// One drawn node: a group, or a member of the expanded group.
    public struct Node: Equatable, Sendable {
        /// The group's key (an entity id, "community N", or `ungroupedKey`), or the entity id
        /// of an expanded member.
        public let key: String
        /// What the node is called in the drawing: the group entity's name, "community N",
        /// "no country"; an expanded member's name.
        public let name: String
        /// Entity ids of the members, in case-file order.
        public internal(set) var members: [String]
        /// Relations with both ends among the members.
        public internal(set) var inside: Int
        /// Whether the node is one member of the expanded group.
        public let isMember: Bool
    }

    /// The relations from the members of one node to those of another.
    public struct Link: Equatable, Sendable {
        /// Indices into `nodes`.
        public let source: Int, target: Int
        /// The number of relations.
        public internal(set) var count: Int
    }

    /// The key of the node of entities without a group.
    public static let ungroupedKey = "(none)"

    public let grouping: OverviewGrouping
    /// Groups in order of first member in the case file, the ungrouped node last.
    public private(set) var nodes: [Node] = []
    /// Links in order of first relation.
    public private(set) var links: [Link] = []
    /// The key of the expanded group, if any.
    public let expanded: String?
    /// The name of the expanded group, if any.
    public let expandedName: String?
    /// Entities and relations counted.
    public private(set) var entityCount = 0, relationCount = 0

    /// Groups the entities of `caseFile` and counts the relations between the groups.
    /// - Parameters:
    ///   - expand: A group's name or key (case-insensitive), whose members are drawn one by one.
    /// - Throws: `OverviewError.unknownGroup` (with close names) when `expand` names no group;
    ///   what `Digraph(caseFile:)` and `Groups` throw (duplicate ids, unknown entities).
    public init(
        _ caseFile: CaseFile, by grouping: OverviewGrouping, kind: ViewKind = .all, asOf: PartialDate? = nil,
        expand: String? = nil
    ) throws {
        self.grouping = grouping
        let graph = try Digraph(caseFile: caseFile)
        let groups = try Groups(grouping.source, caseFile: caseFile, graph: graph)
        let byID = caseFile.entityIndexByID()
        // Group of each vertex, the ungrouped as an extra group at the end.
        let ungrouped = groups.names.count
        let groupOf = groups.groupOf.map { $0 >= 0 ? $0 : ungrouped }
        let keys = groups.names + [Self.ungroupedKey]
        let names = keys.enumerated().map { g, key -> String in
            if g == ungrouped { return "no \(grouping.rawValue)" }
            return byID[key].map { caseFile.entities[$0].name } ?? key
        }
        var expandedGroup: Int? = nil
        if let expand {
            let folded = Self.fold(expand)
            let used = Set(groupOf)
            guard
                let g = keys.indices.first(where: {
                    used.contains($0) && (Self.fold(keys[$0]) == folded || Self.fold(names[$0]) == folded)
                })
            else {
                let present = keys.indices.filter(used.contains).map { names[$0] }
                throw OverviewError.unknownGroup(
                    expand, grouping: grouping, suggestions: EntityLookup.closeNames(to: expand, among: present))
            }
            expandedGroup = g
            self.expanded = keys[g]
            self.expandedName = names[g]
        } else {
            self.expanded = nil
            self.expandedName = nil
        }
        // Node of each vertex: one per group in order of first member; one per expanded member.
        var nodeOfGroup = [Int](repeating: -1, count: keys.count)
        var nodeOf = [Int](repeating: -1, count: graph.vertexCount)
        for v in 0..<graph.vertexCount {
            let g = groupOf[v], id = graph.label(of: Digraph.Vertex(v))
            if g == expandedGroup {
                nodeOf[v] = nodes.count
                let name = byID[id].map { caseFile.entities[$0].name } ?? id
                nodes.append(Node(key: id, name: name, members: [id], inside: 0, isMember: true))
            } else if g != ungrouped {
                if nodeOfGroup[g] < 0 {
                    nodeOfGroup[g] = nodes.count
                    nodes.append(Node(key: keys[g], name: names[g], members: [], inside: 0, isMember: false))
                }
                nodeOf[v] = nodeOfGroup[g]
                nodes[nodeOf[v]].members.append(id)
            }
        }
        for v in 0..<graph.vertexCount where groupOf[v] == ungrouped && expandedGroup != ungrouped {
            if nodeOfGroup[ungrouped] < 0 {
                nodeOfGroup[ungrouped] = nodes.count
                nodes.append(
                    Node(key: keys[ungrouped], name: names[ungrouped], members: [], inside: 0, isMember: false))
            }
            nodeOf[v] = nodeOfGroup[ungrouped]
            nodes[nodeOf[v]].members.append(graph.label(of: Digraph.Vertex(v)))
        }
        entityCount = graph.vertexCount
        // Relations: counted per ordered pair of nodes.
        var linkAt: [Int: Int] = [:]
        let selected = kind.relationKinds
        for relation in caseFile.relations {
            guard let s = graph.vertexIfPresent(labeled: relation.source).map(Int.init),
                let t = graph.vertexIfPresent(labeled: relation.target).map(Int.init)
            else { continue }
            if let selected, !selected.contains(relation.kind) { continue }
            if let asOf, !relation.isValid(on: asOf) { continue }
            relationCount += 1
            let a = nodeOf[s], b = nodeOf[t]
            if a == b {
                nodes[a].inside += 1
                continue
            }
            let pair = a * nodes.count + b
            if let at = linkAt[pair] {
                links[at].count += 1
            } else {
                linkAt[pair] = links.count
                links.append(Link(source: a, target: b, count: 1))
            }
        }
    }
}

extension GroupOverview {
    /// Lower-cased with runs of white space as one space, for matching a typed group name.
    static func fold(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// Why an overview cannot be drawn as asked.
public enum OverviewError: Error, Equatable, CustomStringConvertible {
    /// `--expand NAME` names no group of this grouping.
    case unknownGroup(String, grouping: OverviewGrouping, suggestions: [String])
    /// `--top N` with N < 1.
    case invalidCount(Int)

    public var description: String {
        switch self {
        case .unknownGroup(let name, let grouping, let suggestions):
            let hint =
                suggestions.isEmpty
                ? "" : "; did you mean " + suggestions.map { "'\($0)'" }.joined(separator: ", ") + "?"
            return "no \(grouping.rawValue) group is called '\(name)'\(hint)"
        case .invalidCount(let n):
            return "--top must keep at least one entity, not \(n)"
        }
    }
}
