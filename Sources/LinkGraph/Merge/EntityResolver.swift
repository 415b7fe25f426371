/// Decides which known entity a new mention names, if any. One entity per real-world thing.
///
/// Rules, in order; the first that gives an answer wins:
/// 1. **Id**: the same id (only when ids are meaningful, as in case files).
/// 2. **Name**: a name or alias with the same `NameNormalizer.key` as a known name or alias.
///    Among several, one of the same kind is preferred, then one of kind `other`, then the first.
/// 3. **Acronym**: a name written as an acronym ("PMF") equal to the initials of exactly one
///    known multiword name ("Popular Mobilization Forces") of a compatible kind, or the other
///    way round.
/// 4. **Surname**: a one-word name of a person (or of kind `other`) equal to the last word of
///    exactly one known person's name ("Soleimani" → "Qassem Soleimani"), or the other way round.
///
/// Acronyms and surnames must be unambiguous: two candidates give no match. They never cross
/// incompatible kinds (`compatible(_:_:)`): "USA" the country is not "United States Army" the
/// organization. Rules 2–4 skip the ids in `excluding` (entities the caller knows to be
/// different, such as the other entities of the same case file). The resolver is
/// incremental: `add` makes an entity known at once, so mentions later in the same batch
/// resolve to it. Entries may be tombstones (suppressed entities): resolving to one means
/// "drop this mention"; on a name tie a tombstone wins.
public struct EntityResolver: Sendable {
    /// What a mention resolved to.
    public enum Resolution: Equatable, Sendable {
        /// A known entity, by its id.
        case entity(String)
        /// A suppressed entity: the mention is to be dropped.
        case suppressed(String)
        /// Nothing known: a new entity.
        case none
    }

    struct Entry {
        let id: String
        let kind: EntityKind
        let isTombstone: Bool
    }

    private var entries: [Entry] = []
    private var byID: [String: Int] = [:]
    private var byKey: [String: [Int]] = [:]
    /// Entries with a name written as an acronym, by that acronym's key.
    private var byAcronymName: [String: Set<Int>] = [:]
    /// Entries with a multiword name, by each of the name's acronyms.
    private var byInitials: [String: Set<Int>] = [:]
    /// Person entries, by the last word of a multiword name.
    private var bySurname: [String: Set<Int>] = [:]
    /// Person-like entries with a one-word name, by that word.
    private var bySingleWord: [String: Set<Int>] = [:]
    /// What `suppress` was given, so that suppressing twice adds one entry.
    private var suppressedNames: Set<String> = []

    public init() {}

    /// Makes an entity known (or a suppressed one, when `tombstone`), with all its names.
    /// Adding more names to a known id later extends it.
    public mutating func add(id: String, names: [String], kind: EntityKind, tombstone: Bool = false) {
        let index: Int
        if let known = byID[id] {
            index = known
        } else {
            index = entries.count
            entries.append(Entry(id: id, kind: kind, isTombstone: tombstone))
            byID[id] = index
        }
        for name in names {
            let key = NameNormalizer.key(name)
            guard !key.isEmpty else { continue }
            if !(byKey[key]?.contains(index) ?? false) { byKey[key, default: []].append(index) }
            // Tombstones match by id and by name only, never by acronym or surname.
            if entries[index].isTombstone { continue }
            if NameNormalizer.looksLikeAcronym(name) { byAcronymName[key, default: []].insert(index) }
            for acronym in NameNormalizer.acronyms(of: name) { byInitials[acronym, default: []].insert(index) }
            if kind == .person, let surname = NameNormalizer.lastToken(of: name) {
                bySurname[surname, default: []].insert(index)
            }
            if kind == .person || kind == .other, !key.contains(" ") { bySingleWord[key, default: []].insert(index) }
        }
    }

    /// Makes a suppressed entity known: a mention with `idOrName` as its id (when ids are
    /// matched) or as a name resolves to `.suppressed(idOrName)`. An id already known as an
    /// entity stays that entity's.
    public mutating func suppress(_ idOrName: String) {
        guard suppressedNames.insert(idOrName).inserted else { return }
        let index = entries.count
        entries.append(Entry(id: idOrName, kind: .other, isTombstone: true))
        if byID[idOrName] == nil { byID[idOrName] = index }
        let key = NameNormalizer.key(idOrName)
        if !key.isEmpty { byKey[key, default: []].append(index) }
    }

    /// Adds every entity of a case.
    public mutating func add(_ entities: [Entity]) {
        for entity in entities { add(id: entity.id, names: entity.allNames, kind: entity.kind) }
    }

    /// Whether an id is known (as an entity or a tombstone).
    public func contains(id: String) -> Bool { byID[id] != nil }

    /// The entity a mention names.
    /// - Parameters:
    ///   - id: The mention's id, used only when `matchID` is true.
    ///   - names: Its name and aliases.
    ///   - kind: Its kind.
    ///   - excluding: Ids of entities the mention is known not to be; only an id match reaches them.
    /// - Complexity: O(total length of the names) plus the candidates found.
    public func resolve(
        id: String?, names: [String], kind: EntityKind, matchID: Bool, excluding: Set<String> = []
    ) -> Resolution {
        if matchID, let id, let index = byID[id] { return resolution(index) }

        // 2. Same key.
        var candidates: [Int] = []
        for name in names {
            for index in byKey[NameNormalizer.key(name)] ?? [] where !candidates.contains(index) {
                if excluding.contains(entries[index].id) { continue }
                candidates.append(index)
            }
        }
        if !candidates.isEmpty {
            if let tombstone = candidates.first(where: { entries[$0].isTombstone }) { return resolution(tombstone) }
            let best =
                candidates.first { entries[$0].kind == kind }
                ?? candidates.first { entries[$0].kind == .other || kind == .other }
                ?? candidates.sorted()[0]
            return resolution(best)
        }

        // 3. Acronyms, both ways.
        var acronymMatches: Set<Int> = []
        for name in names {
            if NameNormalizer.looksLikeAcronym(name) {
                acronymMatches.formUnion(byInitials[NameNormalizer.key(name).replacingSpaces()] ?? [])
            }
            for acronym in NameNormalizer.acronyms(of: name) { acronymMatches.formUnion(byAcronymName[acronym] ?? []) }
        }
        acronymMatches = acronymMatches.filter { allowed($0, kind: kind, excluding: excluding) }
        if acronymMatches.count == 1 { return resolution(acronymMatches.first!) }

        // 4. Surnames, both ways.
        guard kind == .person || kind == .other else { return .none }
        var surnameMatches: Set<Int> = []
        for name in names {
            let key = NameNormalizer.key(name)
            if !key.isEmpty, !key.contains(" ") { surnameMatches.formUnion(bySurname[key] ?? []) }
            if kind == .person, let surname = NameNormalizer.lastToken(of: name) {
                surnameMatches.formUnion(bySingleWord[surname] ?? [])
            }
        }
        surnameMatches = surnameMatches.filter { allowed($0, kind: kind, excluding: excluding) }
        if surnameMatches.count == 1 { return resolution(surnameMatches.first!) }
        return .none
    }

    /// Whether the acronym and surname rules may match an entry.
    private func allowed(_ index: Int, kind: EntityKind, excluding: Set<String>) -> Bool {
        Self.compatible(entries[index].kind, kind) && !excluding.contains(entries[index].id)
    }

    /// Whether the acronym and surname rules may join entities of these kinds: the same kind, or
    /// either is `other` (a kind nobody decided).
    public static func compatible(_ a: EntityKind, _ b: EntityKind) -> Bool {
        a == b || a == .other || b == .other
    }

    private func resolution(_ index: Int) -> Resolution {
        entries[index].isTombstone ? .suppressed(entries[index].id) : .entity(entries[index].id)
    }
}

extension String {
    /// The string without spaces ("u s" → "us"), for acronym keys.
    fileprivate func replacingSpaces() -> String { String(filter { $0 != " " }) }
}
