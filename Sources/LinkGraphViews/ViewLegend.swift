import LinkGraph
import LinkGraphFormats

/// The legend of a diagram: one HTML-like table in a box of its own, with a sample card per
/// entity kind shown and a sample line per relation kind shown, drawn in the kind's colour
/// and style.
enum ViewLegend {
    static let clusterName = "cluster_legend"
    static let nodeName = "legend"

    static func subgraph(entityKinds: [EntityKind], relationKinds: [RelationKind], view: ViewKind) -> DOTSubgraph {
        var rows = ""
        for kind in entityKinds {
            let look = ViewStyle.look(for: kind)
            rows +=
                "<TR><TD BGCOLOR=\"\(look.fill)\" COLOR=\"\(look.border)\" BORDER=\"1\" STYLE=\"\(kind == .person ? "rounded" : "")\">"
                + "<FONT POINT-SIZE=\"9\">\(DOTHTML.escape(kind.rawValue))</FONT></TD><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">entity</FONT></TD></TR>"
        }
        for kind in relationKinds {
            let colour = ViewStyle.colour(for: kind)
            rows +=
                "<TR><TD><FONT COLOR=\"\(colour)\">\(sampleLine(for: kind))</FONT></TD>"
                + "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" COLOR=\"\(colour)\">\(DOTHTML.escape(kind.rawValue))</FONT></TD></TR>"
        }
        if view == .defection {
            rows +=
                "<TR><TD BORDER=\"2\" COLOR=\"\(ViewStyle.defectorColour)\"><FONT POINT-SIZE=\"9\">name</FONT></TD>"
                + "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">switched sides</FONT></TD></TR>"
                + "<TR><TD><FONT COLOR=\"\(ViewStyle.fadedColour)\">┈┈┈▶</FONT></TD>"
                + "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">what they did for either side</FONT></TD></TR>"
        }
        let table = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"2\">\(rows)</TABLE>"
        return DOTSubgraph(
            name: clusterName,
            attributes: [
                "label": "Legend", "fontsize": "11", "style": "rounded", "color": "#BDBDBD",
                "fontname": .plain(ViewStyle.fontName),
            ],
            nodes: [DOTNode(nodeName, attributes: ["label": .html(table), "shape": "plain", "id": "legend"])])
    }

    /// A line drawn with box-drawing characters: dashed for former loyalties and weak
    /// relations, heavy for new loyalties, no arrowhead for symmetric kinds.
    static func sampleLine(for kind: RelationKind) -> String {
        let stroke: String
        switch kind {
        case .defectedFrom: stroke = "╌╌╌"
        case .defectedTo: stroke = "━━━"
        default: stroke = "───"
        }
        return stroke + (kind.isSymmetric ? "─" : "▶")
    }
}
