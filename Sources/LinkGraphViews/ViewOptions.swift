import LinkGraph

/// What a view draws beyond its kind: a date, a focus, a highlight, node sizes and boxes.
public struct ViewOptions: Sendable {
    /// A title above the diagram; the view's own title when nil.
    public var title: String?
    /// Whether to draw a legend of the entity and relation kinds shown.
    public var showsLegend: Bool
    /// Draw the case as it stood on this date: only relations that may hold then.
    public var asOf: PartialDate?
    /// Only these entities (an ego network, say); nil for every entity the view selects.
    public var focus: Set<String>?
    /// A note added to the title (what an overview left out, say).
    public var caption: String?
    /// A path or chain drawn in bold over its faded context.
    public var highlight: Highlight?
    /// Node sizes: a score per entity id (a centrality), scaled so the largest is biggest.
    public var sizes: NodeSizes?
    /// Boxes: the group each entity id belongs to (its country, organization or community).
    public var clusters: [String: String]?
    /// Draw every relation as its own edge. When false (the default), parallel relations of
    /// one kind between one pair are one edge labelled with their count, its tooltip listing
    /// them: 20,000 parallel `pays` made `dot` run for minutes.
    public var everyEdge: Bool
    /// Cut points and bridges to mark (`render --mark cut-points`).
    public var cutMarks: CutMarks?
    /// Entities drawn as ghosts (removed in a what-if): faded with a dashed outline, their
    /// relations dotted.
    public var ghosts: Set<String> = []

    public init(
        title: String? = nil, showsLegend: Bool = true, asOf: PartialDate? = nil, focus: Set<String>? = nil,
        highlight: Highlight? = nil, sizes: NodeSizes? = nil, clusters: [String: String]? = nil, everyEdge: Bool = false
    ) {
        self.everyEdge = everyEdge
        self.title = title
        self.showsLegend = showsLegend
        self.asOf = asOf
        self.focus = focus
        self.highlight = highlight
        self.sizes = sizes
        self.clusters = clusters
    }
}

/// The entities whose removal disconnects the network and the relations that are its only
/// tie between two parts, drawn in `ViewStyle.cutColour`.
public struct CutMarks: Equatable, Sendable {
    /// Entity ids of the cut points.
    public var entities: Set<String>
    /// Relation indices into the case file's `relations` (every relation of a bridge tie).
    public var relations: Set<Int>

    public init(entities: Set<String>, relations: Set<Int>) {
        self.entities = entities
        self.relations = relations
    }
}

/// Entities and relations to draw in bold, everything else faded.
public struct Highlight: Equatable, Sendable {
    /// Entity ids.
    public var entities: Set<String>
    /// Relation indices into the case file's `relations`.
    public var relations: Set<Int>
    /// What the highlight shows, for the title (e.g. "path from A to B").
    public var caption: String

    public init(entities: Set<String>, relations: Set<Int>, caption: String) {
        self.entities = entities
        self.relations = relations
        self.caption = caption
    }
}

/// Scores that size the entity cards, with the measure's name for the legend and tooltips.
public struct NodeSizes: Equatable, Sendable {
    public var measure: String
    public var scores: [String: Double]

    public init(measure: String, scores: [String: Double]) {
        self.measure = measure
        self.scores = scores
    }

    /// The smallest and largest point size of a name.
    static let pointSizes: ClosedRange<Double> = 10...26

    /// The name's point size for an entity: by the square root of its share of the largest
    /// score, so areas grow with the score.
    func pointSize(for id: String) -> Double {
        let largest = scores.values.filter(\.isFinite).max() ?? 0
        guard largest > 0, let score = scores[id], score.isFinite, score > 0 else { return Self.pointSizes.lowerBound }
        let share = (score / largest).squareRoot()
        let size = Self.pointSizes.lowerBound + share * (Self.pointSizes.upperBound - Self.pointSizes.lowerBound)
        return (size * 2).rounded() / 2
    }
}
