/// Hands out ids that collide with no id handed out or reserved before: `base`, else
/// `base-2`, `base-3`, ... The one owner of that rule (case merging, extraction fragments,
/// imported graphs, document ids).
public struct UniqueIDs: Sendable {
    private var taken: Set<String>
    /// The next suffix worth trying for a base, so that k ids from one base cost O(k), not O(k²).
    private var nextSuffix: [String: Int] = [:]

    /// Starts with `taken` already in use.
    public init<S: Sequence>(taken: S) where S.Element == String { self.taken = Set(taken) }

    public init() { taken = [] }

    /// Whether `id` was handed out or reserved.
    public func contains(_ id: String) -> Bool { taken.contains(id) }

    /// Marks `id` as in use.
    public mutating func reserve(_ id: String) { taken.insert(id) }

    /// `base`, or the first of `base-2`, `base-3`, ... that is neither in use nor `isTaken`;
    /// the result is then in use.
    /// - Parameter isTaken: Ids in use elsewhere (e.g. a resolver's); ids must never stop
    ///   being taken once they are.
    /// - Complexity: Amortized O(1) calls of `isTaken` per id handed out for one base.
    public mutating func claim(_ base: String, isTaken: (String) -> Bool = { _ in false }) -> String {
        var id = base
        if taken.contains(id) || isTaken(id) {
            var n = nextSuffix[base] ?? 2
            while taken.contains("\(base)-\(n)") || isTaken("\(base)-\(n)") { n += 1 }
            nextSuffix[base] = n + 1
            id = "\(base)-\(n)"
        }
        taken.insert(id)
        return id
    }
}
