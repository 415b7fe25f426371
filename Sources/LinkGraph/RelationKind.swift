/// What a relation says: an open set of names, with the well-known ones as constants.
///
/// Directed unless symmetric (`meetsWith`, `alliedWith`, `opposes`). Plug-ins may add kinds;
/// an unknown kind is directed.
public struct RelationKind: OpenKind {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A passes information to, is a source for, or answers to B.
    public static let reportsTo: RelationKind = "reportsTo"
    /// A belongs to, works for, or holds office in B.
    public static let memberOf: RelationKind = "memberOf"
    /// A is an adviser to B.
    public static let advises: RelationKind = "advises"
    /// A commands, directs or runs B.
    public static let controls: RelationKind = "controls"
    /// A exerts influence over B.
    public static let influences: RelationKind = "influences"
    /// A pays or funds B.
    public static let pays: RelationKind = "pays"
    /// A left B's side (a former loyalty).
    public static let defectedFrom: RelationKind = "defectedFrom"
    /// A switched loyalty to B.
    public static let defectedTo: RelationKind = "defectedTo"
    /// Symmetric: A met B.
    public static let meetsWith: RelationKind = "meetsWith"
    /// Symmetric: A and B are on the same side.
    public static let alliedWith: RelationKind = "alliedWith"
    /// Symmetric: A and B are against each other.
    public static let opposes: RelationKind = "opposes"
    /// A watches, spies on or follows B.
    public static let monitors: RelationKind = "monitors"
    /// A is in place B.
    public static let locatedIn: RelationKind = "locatedIn"
    /// A sent B e-mail (the mail-archives extractor; the weight counts the messages).
    public static let emailed: RelationKind = "emailed"
    /// Page A links to page B (the html-pages extractor; the weight counts the anchors).
    public static let linksTo: RelationKind = "linksTo"

    /// The thirteen kinds docs/FORMAT.md defines, in its order.
    public static let wellKnown: [RelationKind] = [
        .reportsTo, .memberOf, .advises, .controls, .influences, .pays, .defectedFrom, .defectedTo,
        .meetsWith, .alliedWith, .opposes, .monitors, .locatedIn,
    ]

    /// The kinds that hold in both directions.
    public static let symmetric: Set<RelationKind> = [.meetsWith, .alliedWith, .opposes]

    /// Whether A–B implies B–A for this kind.
    public var isSymmetric: Bool { Self.symmetric.contains(self) }

    /// The kinds whose relation counts events, one piece of evidence each (a message for
    /// `emailed`, an anchor for `linksTo`): an extractor sets `weight` to the number of pieces
    /// of evidence, and merging keeps it so, adding up the events of several files without
    /// counting one twice.
    public static let counted: Set<RelationKind> = [.emailed, .linksTo]

    /// Whether this kind's weight counts its evidence (`counted`).
    public var isCounted: Bool { Self.counted.contains(self) }

    /// Kinds along which information or command flows upward in a reporting chain.
    public static let chainKinds: [RelationKind] = [.reportsTo, .advises, .memberOf, .controls]
}
