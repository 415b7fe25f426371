import Foundation
import LinkGraph
import LinkGraphFormats

extension GroupOverview {
    /// The overview as a diagram: one ellipse per group, its area growing with its members
    /// (width √(members / largest) of `maxWidth` inches), labelled with its name, member count
    /// and the relations inside; one edge per ordered pair of nodes with relations between
    /// them, labelled with their number and its width growing with its logarithm. Members of
    /// the expanded group are entity boxes. SVG ids: `group-KEY`, `entity-ID`, `link-N`.
    /// - Parameters: The view's kind and date, for the title (the counts are in it too).
    /// - Complexity: O(nodes + links).
    public func drawing(kind: ViewKind = .all, asOf: PartialDate? = nil) -> DOTGraph {
        var graph = DOTGraph(name: "overview", isDirected: true)
        var title = "\(kind.title) — by \(grouping.rawValue): \(entityCount) entities in \(groupCount) groups"
        if let expandedName { title += ", \(expandedName) expanded (\(nodes.filter(\.isMember).count) members)" }
        title += "; \(relationCount) relations"
        if let asOf { title += " — as of \(asOf)" }
        graph.attributes = [
            "label": .plain(DOTWriter.escapeLabel(title)), "labelloc": "t", "fontsize": "20",
            "fontname": .plain(ViewStyle.fontName), "bgcolor": "white", "pad": "0.3", "overlap": "false",
            "splines": "true", "outputorder": "edgesfirst",
        ]
        graph.nodeDefaults = ["fontname": .plain(ViewStyle.fontName), "fontsize": "11"]
        graph.edgeDefaults = ["fontname": .plain(ViewStyle.fontName), "fontsize": "10", "arrowsize": "0.7"]
        let largest = nodes.filter { !$0.isMember }.map(\.members.count).max() ?? 1
        for (i, node) in nodes.enumerated() {
            graph.nodes.append(
                node.isMember ? memberNode(node, index: i) : groupNode(node, index: i, largest: largest))
        }
        let heaviest = links.map(\.count).max() ?? 1
        for (i, link) in links.enumerated() {
            let from = nodes[link.source].name, to = nodes[link.target].name
            let width = 1 + 5 * log(Double(link.count)) / log(Double(max(heaviest, 2)))
            graph.edges.append(
                DOTEdge(
                    Self.nodeID(link.source), Self.nodeID(link.target),
                    attributes: [
                        "label": .plain(String(link.count)), "weight": .plain(String(link.count)),
                        "penwidth": .plain(String(format: "%.2f", width)), "color": "#5B6B7A", "fontcolor": "#37474F",
                        "id": .plain("link-\(i)"),
                        "tooltip": .plain(
                            DOTWriter.escapeTooltip(
                                "\(link.count) relation\(link.count == 1 ? "" : "s") from \(from) to \(to)")),
                    ]))
        }
        return graph
    }

    /// Groups drawn (expanded members not counted).
    public var groupCount: Int { nodes.filter { !$0.isMember }.count }

    /// The largest a group's ellipse gets, in inches.
    static let maxWidth = 3.0

    static func nodeID(_ index: Int) -> String { "n\(index)" }

    func groupNode(_ node: Node, index: Int, largest: Int) -> DOTNode {
        let share = (Double(node.members.count) / Double(max(largest, 1))).squareRoot()
        let width = max(0.6, Self.maxWidth * share)
        let fontSize = 10 + 12 * share
        var label = "\(node.name)\n\(node.members.count) entit\(node.members.count == 1 ? "y" : "ies")"
        if node.inside > 0 { label += "\n\(node.inside) inside" }
        var tooltip = "\(node.name): \(node.members.count) members, \(node.inside) relations among them"
        if node.key == Self.ungroupedKey { tooltip += " (entities without a \(grouping.rawValue))" }
        return DOTNode(
            Self.nodeID(index),
            attributes: [
                "label": .plain(DOTWriter.escapeLabel(label)), "shape": "ellipse", "style": "filled",
                "fillcolor": node.key == Self.ungroupedKey ? "#EEEEEE" : "#DCEBFA",
                "color": node.key == Self.ungroupedKey ? "#9E9E9E" : "#1F5F99",
                "width": .plain(String(format: "%.2f", width)), "height": .plain(String(format: "%.2f", width * 0.6)),
                "fontsize": .plain(String(format: "%.1f", fontSize)),
                "id": .plain("group-" + ElementID.sanitize(node.key)),
                "tooltip": .plain(DOTWriter.escapeTooltip(tooltip)),
            ])
    }

    func memberNode(_ node: Node, index: Int) -> DOTNode {
        DOTNode(
            Self.nodeID(index),
            attributes: [
                "label": .plain(DOTWriter.escapeLabel(node.name)), "shape": "box", "style": "rounded,filled",
                "fillcolor": "#FFF4D6", "color": "#B07A00", "id": .plain(ElementID.entity(node.key)),
                "tooltip": .plain(DOTWriter.escapeTooltip("\(node.name) (\(node.key))")),
            ])
    }
}
