import LinkGraph
import LinkGraphFormats

/// Turns a case into a diagram (`DOTGraph`): entity cards as HTML-like labels, edges coloured
/// by relation kind, a legend, and a tooltip and an id on every element.
///
/// The same case and options always give the same graph, so the DOT bytes are stable.
/// - Complexity: O(E + R) for E entities and R relations.
public struct CaseView {
    public var kind: ViewKind
    public var options: ViewOptions

    public init(kind: ViewKind, options: ViewOptions = ViewOptions()) {
        self.kind = kind
        self.options = options
    }

    public init(kind: ViewKind, title: String? = nil, showsLegend: Bool = true) {
        self.init(kind: kind, options: ViewOptions(title: title, showsLegend: showsLegend))
    }

    /// The title: the given one, else the view's, with the date and the highlight.
    var title: String {
        if let title = options.title { return title }
        var parts = [kind.title]
        if let highlight = options.highlight { parts.append(highlight.caption) }
        if let caption = options.caption { parts.append(caption) }
        if let asOf = options.asOf { parts.append("as of \(asOf)") }
        if options.cutMarks != nil { parts.append("cut points and bridges marked") }
        if !options.ghosts.isEmpty { parts.append("after removing \(options.ghosts.count) (ghosted)") }
        return parts.joined(separator: " — ")
    }

    /// The diagram of `caseFile`.
    public func drawing(of caseFile: CaseFile) -> DOTGraph {
        let selection = select(caseFile)
        var graph = DOTGraph(name: kind.rawValue, isDirected: true)
        graph.attributes = [
            "label": .plain(DOTWriter.escapeLabel(title)), "labelloc": "t", "fontsize": "20",
            "fontname": .plain(ViewStyle.fontName), "rankdir": "LR", "nodesep": "0.35", "ranksep": "0.8",
            "bgcolor": "white", "pad": "0.3",
        ]
        graph.nodeDefaults = ["fontname": .plain(ViewStyle.fontName), "fontsize": "11", "margin": "0.08,0.04"]
        graph.edgeDefaults = ["fontname": .plain(ViewStyle.fontName), "fontsize": "9", "arrowsize": "0.7"]

        let defectors = kind == .defection ? selection.defectors : []
        let highlight = options.highlight
        let names = Dictionary(caseFile.entities.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var boxes: [String: [DOTNode]] = [:]
        for index in selection.entities {
            let entity = caseFile.entities[index]
            let ghost = options.ghosts.contains(entity.id)
            let faded = ghost || (highlight.map { !$0.entities.contains(entity.id) } ?? false)
            var node = node(for: entity, standsOut: defectors.contains(entity.id), faded: faded)
            if ghost { node.attributes["style"] = .plain(ViewStyle.nodeStyle(for: entity.kind) + ",dashed") }
            if options.cutMarks?.entities.contains(entity.id) == true {
                node.attributes["color"] = .plain(ViewStyle.cutColour)
                node.attributes["penwidth"] = .plain(ViewStyle.cutPenWidth)
            }
            if let group = options.clusters?[entity.id] {
                boxes[group, default: []].append(node)
            } else {
                graph.nodes.append(node)
            }
        }
        if !boxes.isEmpty {
            // Graphviz 2.43's dot frees memory twice at the end of a layout with labelled
            // edges between clusters under its old ranking; the newer ranking does not.
            graph.attributes["newrank"] = "true"
        }
        for group in boxes.keys.sorted() {
            graph.subgraphs.append(
                DOTSubgraph(
                    name: "cluster_group_" + ElementID.sanitize(group),
                    attributes: [
                        "label": .plain(DOTWriter.escapeLabel(group)), "style": "rounded,dashed", "color": "#9E9E9E",
                        "fontname": .plain(ViewStyle.fontName), "fontsize": "12", "fontcolor": "#616161",
                    ],
                    nodes: boxes[group]!))
        }
        let isGhost = { (index: Int) in
            options.ghosts.contains(caseFile.relations[index].source)
                || options.ghosts.contains(caseFile.relations[index].target)
        }
        let isFaded = { (index: Int) in isGhost(index) || (highlight.map { !$0.relations.contains(index) } ?? false) }
        for bundle in bundles(selection.mainRelations, in: caseFile, faded: isFaded) {
            let faded = isFaded(bundle[0])
            var edge = edge(
                for: bundle, in: caseFile, names: names, faded: faded, highlighted: highlight != nil && !faded)
            if !isGhost(bundle[0]), let marks = options.cutMarks, bundle.contains(where: marks.relations.contains) {
                edge.attributes["color"] = .plain(ViewStyle.cutColour)
                edge.attributes["penwidth"] = .plain(ViewStyle.cutPenWidth)
            }
            graph.edges.append(edge)
        }
        for bundle in bundles(selection.contextRelations, in: caseFile, faded: { _ in true }) {
            graph.edges.append(edge(for: bundle, in: caseFile, names: names, faded: true))
        }
        if options.showsLegend, !selection.entities.isEmpty {
            let entityKinds = orderedUnique(selection.entities.map { caseFile.entities[$0].kind })
            let relationKinds = orderedUnique(selection.mainRelations.map { caseFile.relations[$0].kind })
            graph.subgraphs.append(
                ViewLegend.subgraph(entityKinds: entityKinds, relationKinds: relationKinds, view: kind))
        }
        return graph
    }

    // MARK: Selection

    struct Selection {
        var entities: [Int] = []
        var mainRelations: [Int] = []
        var contextRelations: [Int] = []
        var defectors: Set<String> = []
    }

    /// Which entities and relations the view shows, in case-file order.
    func select(_ caseFile: CaseFile) -> Selection {
        var selection = Selection()
        let known = caseFile.entityIndexByID()
        var shown = Set<String>()
        let focus = options.focus
        func visible(_ relation: Relation) -> Bool {
            guard known[relation.source] != nil, known[relation.target] != nil else { return false }
            if let asOf = options.asOf, !relation.isValid(on: asOf) { return false }
            if let focus, !(focus.contains(relation.source) && focus.contains(relation.target)) { return false }
            return true
        }
        let highlighted = options.highlight?.relations ?? []
        for (i, relation) in caseFile.relations.enumerated() where visible(relation) {
            if kind.relationKinds?.contains(relation.kind) ?? true || highlighted.contains(i) {
                selection.mainRelations.append(i)
                shown.insert(relation.source)
                shown.insert(relation.target)
                if relation.kind == .defectedFrom || relation.kind == .defectedTo {
                    selection.defectors.insert(relation.source)
                }
            }
        }
        if kind == .defection {
            // Context: what the people who switched sides did for either side, faded.
            let context: Set<RelationKind> = [.reportsTo, .pays, .memberOf, .controls, .monitors]
            for (i, relation) in caseFile.relations.enumerated()
            where context.contains(relation.kind) && visible(relation) && !highlighted.contains(i)
                && (selection.defectors.contains(relation.source) || selection.defectors.contains(relation.target))
            {
                selection.contextRelations.append(i)
                shown.insert(relation.source)
                shown.insert(relation.target)
            }
        }
        for id in options.highlight?.entities ?? [] { shown.insert(id) }
        if kind == .all {
            selection.entities = caseFile.entities.indices.filter { focus?.contains(caseFile.entities[$0].id) ?? true }
        } else {
            selection.entities = caseFile.entities.indices.filter { shown.contains(caseFile.entities[$0].id) }
        }
        // Duplicate ids: draw the first entity only.
        var seen = Set<String>()
        selection.entities = selection.entities.filter { seen.insert(caseFile.entities[$0].id).inserted }
        return selection
    }

    // MARK: Parallel relations

    /// The relations drawn as one edge each: parallel relations of one kind between one pair
    /// (either way for undirected ones, `RelationKey`) that are faded alike form one bundle,
    /// placed where its first relation is; every relation alone with `options.everyEdge`.
    /// - Complexity: O(R) for R relations.
    func bundles(_ indices: [Int], in caseFile: CaseFile, faded: (Int) -> Bool) -> [[Int]] {
        guard !options.everyEdge else { return indices.map { [$0] } }
        struct Key: Hashable {
            let relation: RelationKey
            let faded: Bool
        }
        var bundles: [[Int]] = []
        var position: [Key: Int] = [:]
        for index in indices {
            let key = Key(relation: RelationKey(caseFile.relations[index]), faded: faded(index))
            if let at = position[key] {
                bundles[at].append(index)
            } else {
                position[key] = bundles.count
                bundles.append([index])
            }
        }
        return bundles
    }

    /// The most relations a bundle's tooltip lists one by one; the rest are counted.
    static let maxListedInBundle = 20

    /// A bundle's edge: its first relation's, labelled `kind ×n` for several, with a tooltip
    /// listing the first `maxListedInBundle` of them (`relations[i]`: dates, confidence,
    /// evidence) and counting the rest.
    func edge(for bundle: [Int], in caseFile: CaseFile, names: [String: String], faded: Bool, highlighted: Bool = false)
        -> DOTEdge
    {
        let first = caseFile.relations[bundle[0]]
        var drawn = edge(for: first, index: bundle[0], names: names, faded: faded, highlighted: highlighted)
        guard bundle.count > 1 else { return drawn }
        let source = names[first.source] ?? first.source, target = names[first.target] ?? first.target
        var lines = ["\(bundle.count) relations \(source) \(first.kind.rawValue) \(target)"]
        for index in bundle.prefix(Self.maxListedInBundle) {
            // The relation's place in the case file, then its dates, confidence and evidence.
            let details = Tooltip.relation(caseFile.relations[index], names: names).split(separator: "\n").dropFirst()
            lines.append("• relations[\(index)]" + (details.isEmpty ? "" : ": " + details.joined(separator: "; ")))
        }
        if bundle.count > Self.maxListedInBundle {
            lines.append("… and \(bundle.count - Self.maxListedInBundle) more")
        }
        drawn.attributes["label"] = .plain(DOTWriter.escapeLabel("\(first.kind.rawValue) ×\(bundle.count)"))
        drawn.attributes["tooltip"] = .plain(DOTWriter.escapeTooltip(lines.joined(separator: "\n")))
        return drawn
    }

    // MARK: Elements

    func node(for entity: Entity, standsOut: Bool, faded: Bool = false) -> DOTNode {
        let look = ViewStyle.look(for: entity.kind)
        let pointSize = options.sizes?.pointSize(for: entity.id)
        var tooltip = Tooltip.entity(entity)
        if let sizes = options.sizes, let score = sizes.scores[entity.id] { tooltip += "\n\(sizes.measure): \(score)" }
        var attributes: DOTAttributes = [
            "label": .html(
                EntityCard.html(for: entity, highlighted: standsOut, faded: faded, namePointSize: pointSize)),
            "shape": .plain(look.shape), "style": .plain(ViewStyle.nodeStyle(for: entity.kind)),
            "fillcolor": .plain(faded ? ViewStyle.fadedFill : look.fill),
            "color": .plain(faded ? ViewStyle.fadedColour : standsOut ? ViewStyle.defectorColour : look.border),
            "penwidth": standsOut ? "3" : (options.highlight != nil && !faded ? "2.5" : "1.2"),
            "id": .plain(ElementID.entity(entity.id)),
            "tooltip": .plain(DOTWriter.escapeTooltip(tooltip)),
        ]
        if standsOut { attributes["peripheries"] = "2" }
        if faded { attributes["fontcolor"] = .plain(ViewStyle.fadedText) }
        return DOTNode(entity.id, attributes: attributes)
    }

    /// - Parameter names: Entity names by id, for the tooltip.
    func edge(for relation: Relation, index: Int, names: [String: String], faded: Bool, highlighted: Bool = false)
        -> DOTEdge
    {
        var attributes: DOTAttributes = [
            "label": .plain(
                DOTWriter.escapeLabel(
                    EdgeLabel.text(for: relation, withDates: kind != .influence || relation.from != nil))),
            "color": .plain(faded ? ViewStyle.fadedColour : ViewStyle.colour(for: relation.kind)),
            "fontcolor": .plain(faded ? "#9E9E9E" : ViewStyle.colour(for: relation.kind)),
            "id": .plain(ElementID.relation(index)),
            "tooltip": .plain(DOTWriter.escapeTooltip(Tooltip.relation(relation, names: names))),
        ]
        if !relation.isDirected { attributes["dir"] = "none" }
        if highlighted {
            attributes["penwidth"] = "3.5"
            attributes["style"] = relation.kind == .defectedFrom ? "dashed,bold" : "bold"
        } else if faded {
            attributes["style"] = "dotted"
        } else if relation.kind == .defectedFrom {
            attributes["style"] = "dashed"
            attributes["penwidth"] = "1.5"
        } else if relation.kind == .defectedTo {
            attributes["style"] = "bold"
            attributes["penwidth"] = "3"
        } else {
            attributes["penwidth"] = .plain(relation.effectiveConfidence < 0.75 ? "1" : "1.6")
            if relation.effectiveConfidence < 0.75 { attributes["style"] = "dashed" }
        }
        return DOTEdge(relation.source, relation.target, attributes: attributes)
    }

    private func orderedUnique<T: Hashable>(_ items: [T]) -> [T] {
        var seen = Set<T>()
        return items.filter { seen.insert($0).inserted }
    }
}
