import LinkGraph
import LinkGraphFormats

/// The legend of a diagram: one sample card per entity kind shown and one sample edge per
/// relation kind shown, in a box of its own.
enum ViewLegend {
    static let clusterName = "cluster_legend"

    static func subgraph(entityKinds: [EntityKind], relationKinds: [RelationKind], view: ViewKind) -> DOTSubgraph {
        var legend = DOTSubgraph(
            name: clusterName,
            attributes: [
                "label": "Legend", "fontsize": "12", "style": "rounded", "color": "#BDBDBD",
                "fontname": .plain(ViewStyle.fontName),
            ])
        for kind in entityKinds {
            let look = ViewStyle.look(for: kind)
            legend.nodes.append(
                DOTNode(
                    "legend:kind:" + kind.rawValue,
                    attributes: [
                        "label": .plain(DOTWriter.escapeLabel(kind.rawValue)), "shape": .plain(look.shape),
                        "style": .plain(ViewStyle.nodeStyle(for: kind)), "fillcolor": .plain(look.fill),
                        "color": .plain(look.border), "fontsize": "9", "id": .plain("legend-entity-" + ElementID.sanitize(kind.rawValue)),
                    ]))
        }
        for kind in relationKinds {
            let from = "legend:from:" + kind.rawValue, to = "legend:to:" + kind.rawValue
            let point: DOTAttributes = ["shape": "point", "width": "0.05", "color": "#9E9E9E"]
            legend.nodes.append(DOTNode(from, attributes: point))
            legend.nodes.append(DOTNode(to, attributes: point))
            var attributes: DOTAttributes = [
                "label": .plain(DOTWriter.escapeLabel(kind.rawValue)), "color": .plain(ViewStyle.colour(for: kind)),
                "fontcolor": .plain(ViewStyle.colour(for: kind)), "id": .plain("legend-relation-" + ElementID.sanitize(kind.rawValue)),
            ]
            if kind == .defectedFrom { attributes["style"] = "dashed" }
            if kind == .defectedTo { attributes["style"] = "bold"; attributes["penwidth"] = "3" }
            if kind.isSymmetric { attributes["dir"] = "none" }
            legend.edges.append(DOTEdge(from, to, attributes: attributes))
        }
        return legend
    }
}
