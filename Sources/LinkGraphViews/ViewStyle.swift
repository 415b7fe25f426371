import LinkGraph

/// Colours and shapes of a diagram: by entity kind for nodes, by relation kind for edges.
///
/// The palette is colour-blind-safe (Okabe–Ito) for relation kinds and light fills for entity
/// cards, so labels stay readable in print and on screen.
public enum ViewStyle {
    /// A node's look for an entity kind.
    public struct NodeLook: Equatable, Sendable {
        public let shape: String
        public let fill: String
        public let border: String
    }

    public static func look(for kind: EntityKind) -> NodeLook {
        switch kind {
        case .person: return NodeLook(shape: "box", fill: "#FFF4D6", border: "#B07A00")
        case .organization: return NodeLook(shape: "box", fill: "#DCEBFA", border: "#1F5F99")
        case .country: return NodeLook(shape: "box", fill: "#E3F4E1", border: "#2E7D32")
        case .place: return NodeLook(shape: "box", fill: "#EFE6F7", border: "#6A3D9A")
        case .event: return NodeLook(shape: "box", fill: "#FCE4E4", border: "#B71C1C")
        default: return NodeLook(shape: "box", fill: "#EEEEEE", border: "#616161")
        }
    }

    /// Rounded corners for people, square for everything else.
    public static func nodeStyle(for kind: EntityKind) -> String {
        kind == .person ? "rounded,filled" : "filled"
    }

    /// An edge's colour for a relation kind.
    public static func colour(for kind: RelationKind) -> String {
        switch kind {
        case .reportsTo: return "#0072B2"
        case .memberOf: return "#999999"
        case .advises: return "#56B4E9"
        case .controls: return "#D55E00"
        case .influences: return "#CC79A7"
        case .pays: return "#009E73"
        case .defectedFrom: return "#7F7F7F"
        case .defectedTo: return "#C00000"
        case .meetsWith: return "#E69F00"
        case .alliedWith: return "#2CA02C"
        case .opposes: return "#8B0000"
        case .monitors: return "#6A3D9A"
        case .locatedIn: return "#BBBBBB"
        default: return "#444444"
        }
    }

    /// The colour of a person who switched sides, in the defection view.
    public static let defectorColour = "#C00000"
    /// The colour of context drawn behind the main edges.
    public static let fadedColour = "#C8C8C8"
    /// The fill of an entity card in the faded context of a highlight.
    public static let fadedFill = "#F7F7F7"
    /// The text colour of faded cards.
    public static let fadedText = "#A0A0A0"
    public static let fontName = "Helvetica"
    /// The colour of cut points and bridges (`render --mark cut-points`).
    public static let cutColour = "#D81B60"
    /// The pen width of a cut point's border and of a bridge.
    public static let cutPenWidth = "4"
}
