/// An open, string-backed set of names (entity kinds, relation kinds): any string is a value,
/// the well-known ones are constants, and values order by their text.
public protocol OpenKind: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
where RawValue == String {
    init(rawValue: String)
}

extension OpenKind {
    @inlinable public init(_ rawValue: String) { self.init(rawValue: rawValue) }
    @inlinable public init(stringLiteral value: String) { self.init(rawValue: value) }
    @inlinable public var description: String { rawValue }
    @inlinable public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}
