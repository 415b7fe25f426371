/// What an entity is: an open set of names, with the well-known ones as constants.
///
/// Plug-ins may add kinds; any non-empty string is a valid kind.
public struct EntityKind: OpenKind {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let person: EntityKind = "person"
    public static let organization: EntityKind = "organization"
    public static let country: EntityKind = "country"
    public static let place: EntityKind = "place"
    public static let event: EntityKind = "event"
    public static let other: EntityKind = "other"

    /// The kinds docs/FORMAT.md defines, in its order.
    public static let wellKnown: [EntityKind] = [.person, .organization, .country, .place, .event, .other]
}
