/// What an entity is: an open set of names, with the well-known ones as constants.
///
/// Plug-ins may add kinds; any non-empty string is a valid kind.
public struct EntityKind: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
    public static func < (a: EntityKind, b: EntityKind) -> Bool { a.rawValue < b.rawValue }

    public static let person: EntityKind = "person"
    public static let organization: EntityKind = "organization"
    public static let country: EntityKind = "country"
    public static let place: EntityKind = "place"
    public static let event: EntityKind = "event"
    public static let other: EntityKind = "other"

    /// The kinds FORMAT.md defines, in its order.
    public static let wellKnown: [EntityKind] = [.person, .organization, .country, .place, .event, .other]
}
