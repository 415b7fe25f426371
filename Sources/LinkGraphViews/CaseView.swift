import LinkGraph
import LinkGraphFormats

/// Turns a case into a diagram (`DOTGraph`): entity cards as HTML-like labels, edges coloured
/// by relation kind, a legend, and a tooltip and an id on every element.
///
/// The same case and options always give the same graph, so the DOT bytes are stable.
/// - Complexity: O(E + R) for E entities and R relations.
public struct CaseView {
    public var kind: ViewKind
    /// A title above the diagram; the view's own title when nil.
    public var title: String?
    /// Whether to draw a legend of the entity and relation kinds shown.
    public var showsLegend: Bool

    public init(kind: ViewKind, title: String? = nil, showsLegend: Bool = true) {
        self.kind = kind
        self.title = title
        self.showsLegend = showsLegend
    }

    /// The diagram of `caseFile`.
    public func drawing(of caseFile: CaseFile) -> DOTGraph {
        let selection = select(caseFile)
        var graph = DOTGraph(name: kind.rawValue, isDirected: true)
        graph.attributes = [
            "label": .plain(DOTWriter.escapeLabel(title ?? kind.title)), "labelloc": "t", "fontsize": "20",
            "fontname": .plain(ViewStyle.fontName), "rankdir": "LR", "nodesep": "0.35", "ranksep": "0.8",
            "bgcolor": "white", "pad": "0.3",
        ]
        graph.nodeDefaults = ["fontname": .plain(ViewStyle.fontName), "fontsize": "11", "margin": "0.08,0.04"]
        graph.edgeDefaults = ["fontname": .plain(ViewStyle.fontName), "fontsize": "9", "arrowsize": "0.7"]

        let defectors = kind == .defection ? selection.defectors : []
        for index in selection.entities {
            graph.nodes.append(node(for: caseFile.entities[index], standsOut: defectors.contains(caseFile.entities[index].id)))
        }
        for index in selection.mainRelations {
            graph.edges.append(edge(for: caseFile.relations[index], index: index, faded: false))
        }
        for index in selection.contextRelations {
            graph.edges.append(edge(for: caseFile.relations[index], index: index, faded: true))
        }
        if showsLegend, !selection.entities.isEmpty {
            let entityKinds = orderedUnique(selection.entities.map { caseFile.entities[$0].kind })
            let relationKinds = orderedUnique(selection.mainRelations.map { caseFile.relations[$0].kind })
            graph.subgraphs.append(ViewLegend.subgraph(entityKinds: entityKinds, relationKinds: relationKinds, view: kind))
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
        for (i, relation) in caseFile.relations.enumerated()
        where known[relation.source] != nil && known[relation.target] != nil {
            if kind.relationKinds?.contains(relation.kind) ?? true {
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
            where context.contains(relation.kind) && known[relation.source] != nil && known[relation.target] != nil
                && (selection.defectors.contains(relation.source) || selection.defectors.contains(relation.target))
            {
                selection.contextRelations.append(i)
                shown.insert(relation.source)
                shown.insert(relation.target)
            }
        }
        if kind == .all {
            selection.entities = Array(caseFile.entities.indices)
        } else {
            selection.entities = caseFile.entities.indices.filter { shown.contains(caseFile.entities[$0].id) }
        }
        // Duplicate ids: draw the first entity only.
        var seen = Set<String>()
        selection.entities = selection.entities.filter { seen.insert(caseFile.entities[$0].id).inserted }
        return selection
    }

    // MARK: Elements

    func node(for entity: Entity, standsOut: Bool) -> DOTNode {
        let look = ViewStyle.look(for: entity.kind)
        var attributes: DOTAttributes = [
            "label": .html(EntityCard.html(for: entity, highlighted: standsOut)),
            "shape": .plain(look.shape), "style": .plain(ViewStyle.nodeStyle(for: entity.kind)),
            "fillcolor": .plain(look.fill), "color": .plain(standsOut ? ViewStyle.defectorColour : look.border),
            "penwidth": standsOut ? "3" : "1.2",
            "id": .plain(ElementID.entity(entity.id)),
            "tooltip": .plain(DOTWriter.escapeTooltip(Tooltip.entity(entity))),
        ]
        if standsOut { attributes["peripheries"] = "2" }
        return DOTNode(entity.id, attributes: attributes)
    }

    func edge(for relation: Relation, index: Int, faded: Bool) -> DOTEdge {
        var attributes: DOTAttributes = [
            "label": .plain(DOTWriter.escapeLabel(EdgeLabel.text(for: relation, withDates: kind != .influence || relation.from != nil))),
            "color": .plain(faded ? ViewStyle.fadedColour : ViewStyle.colour(for: relation.kind)),
            "fontcolor": .plain(faded ? "#9E9E9E" : ViewStyle.colour(for: relation.kind)),
            "id": .plain(ElementID.relation(index)),
            "tooltip": .plain(DOTWriter.escapeTooltip(Tooltip.relation(relation))),
        ]
        if !relation.isDirected { attributes["dir"] = "none" }
        if faded {
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
