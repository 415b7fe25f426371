import Foundation
import XCTest

@testable import LinkGraph

final class EntityLookupTests: XCTestCase {
    static let lookup = EntityLookup(
        CaseFile(entities: [
            Entity(id: "united-states", name: "United States", kind: .country, aliases: ["US", "U.S."]),
            Entity(id: "hatem-al-maksusi", name: "Hatem al-Maksusi", kind: .person, aliases: ["Maksusi"]),
            Entity(id: "salim-al-jabouri", name: "Salim al-Jabouri", kind: .person, aliases: ["Jabouri"]),
            Entity(id: "jabouri-adviser", name: "al-Jabouri's adviser", kind: .person),
            Entity(id: "twin1", name: "Twin", kind: .person),
            Entity(id: "twin2", name: "Twin", kind: .person),
        ]))

    func testResolve_byIdNameOrAlias_caseAndSpaceFolded() throws {
        XCTAssertEqual(try Self.lookup.resolve("united-states"), "united-states")
        XCTAssertEqual(try Self.lookup.resolve("  united   STATES "), "united-states")
        XCTAssertEqual(try Self.lookup.resolve("u.s."), "united-states")
        XCTAssertEqual(try Self.lookup.resolve("maksusi"), "hatem-al-maksusi")
    }

    func testResolve_ambiguousName_listsEveryMatchWithItsId() {
        XCTAssertThrowsError(try Self.lookup.resolve("twin")) { error in
            XCTAssertEqual(
                error as? LookupError,
                .ambiguous(
                    query: "twin",
                    matches: [
                        .init(id: "twin1", name: "Twin"), .init(id: "twin2", name: "Twin"),
                    ]))
            XCTAssertEqual("\(error)", "'twin' names 2 entities: 'Twin' (twin1), 'Twin' (twin2); use an id")
        }
    }

    func testResolve_unknown_suggestsCloseNamesNotShortAliasesInsideTheQuery() {
        // A misspelling is one edit from the alias; "US" is inside "maksusy" but too short to count.
        XCTAssertThrowsError(try Self.lookup.resolve("Maksusy")) { error in
            XCTAssertEqual(
                "\(error)",
                "no entity is named 'Maksusy' (by id, name or alias); did you mean 'Hatem al-Maksusi' (hatem-al-maksusi)?"
            )
        }
        // A part of a name suggests every entity whose name holds it.
        XCTAssertThrowsError(try Self.lookup.resolve("al-Jab")) { error in
            guard case .notFound(_, let suggestions) = error as? LookupError else { return XCTFail("\(error)") }
            XCTAssertEqual(Set(suggestions.map(\.id)), ["salim-al-jabouri", "jabouri-adviser"])
        }
        // A longer query holding a whole name suggests it.
        XCTAssertThrowsError(try Self.lookup.resolve("Salim al-Jabouri, speaker")) { error in
            guard case .notFound(_, let suggestions) = error as? LookupError else { return XCTFail("\(error)") }
            XCTAssertEqual(suggestions.first?.id, "salim-al-jabouri")
        }
        XCTAssertThrowsError(try Self.lookup.resolve("Soleimani")) { error in
            XCTAssertEqual("\(error)", "no entity is named 'Soleimani' (by id, name or alias)")
        }
    }

    func testResolve_edgeListLabels_shownByLabel() {
        let lookup = EntityLookup(labels: ["17", "42"])
        XCTAssertEqual(try lookup.resolve("42"), "42")
        XCTAssertThrowsError(try lookup.resolve("43")) { error in
            XCTAssertEqual("\(error)", "no entity is named '43' (by id, name or alias); did you mean '42'?")
        }
    }

    // MARK: Issue 16, item 16: bounded suggestions

    /// A 1 MB name and a 3,000-character query took 56 s: `String.contains` is quadratic on
    /// "aaa…a" against "aaa…ab", and the edit distance of two 3,000-character names was
    /// computed in full (a limit of 1,000 edits). Bounded now: about a second in a debug build
    /// (the old code did not finish within 100 s on this input).
    func testSuggestions_hostileSizes_bounded() {
        let query = String(repeating: "a", count: 2_999) + "b"
        var items: [EntityLookup.Item] = [.init(id: "huge", names: [String(repeating: "a", count: 1 << 20)])]
        items.append(.init(id: "near", names: [String(repeating: "a", count: 3_000)]))  // one edit away
        let far = String(repeating: "a", count: 2_990) + String(repeating: "c", count: 10)
        for i in 0..<20 { items.append(.init(id: "far\(i)", names: [far])) }  // ten edits: past the limit of 8
        let lookup = EntityLookup(items: items)
        let start = Date()
        XCTAssertThrowsError(try lookup.resolve(query)) { error in
            guard case .notFound(_, let suggestions) = error as? LookupError else { return XCTFail("\(error)") }
            XCTAssertEqual(suggestions.map(\.id), ["near"], "one edit away is suggested")
        }
        // A query inside the huge name is still found.
        XCTAssertThrowsError(try EntityLookup(items: [items[0]]).resolve(String(repeating: "a", count: 40))) { error in
            guard case .notFound(_, let suggestions) = error as? LookupError else { return XCTFail("\(error)") }
            XCTAssertEqual(suggestions.map(\.id), ["huge"])
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 20, "suggestions must stay bounded")
    }

    /// The banded distance equals the full Levenshtein distance (an independent dynamic
    /// program) whenever that is within the limit, and says "more" otherwise; the byte search
    /// agrees with `String.contains`.
    func testEditDistanceAndContains_agreeWithReferences_onRandomStrings() {
        var generator = SeededRandom(seed: 16)
        func text() -> String {
            let count = Int.random(in: 0...12, using: &generator)
            return String((0..<count).map { _ in "abcé".randomElement(using: &generator)! })
        }
        for _ in 0..<3_000 {
            let a = text(), b = text(), limit = Int.random(in: 1...4, using: &generator)
            let full = Self.levenshtein(Array(a), Array(b))
            let banded = EntityLookup.editDistance(Array(a), Array(b), limit: limit)
            XCTAssertEqual(banded, full <= limit ? full : limit + 1, "\(a) \(b) limit \(limit)")
            XCTAssertEqual(EntityLookup.contains(Array(a.utf8), Array(b.utf8)), b.isEmpty || a.contains(b), "\(a) \(b)")
        }
    }

    /// The byte-by-byte fold of ASCII text equals the general one (lower-casing, white space
    /// runs to one space, trimmed) on random ASCII strings.
    func testFold_asciiFastPath_agreesWithTheGeneralFold() {
        var generator = SeededRandom(seed: 7)
        let alphabet = Array("aZ \t\n\r\u{0B}\u{0C}\u{1C}-.9")
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...10, using: &generator)
            let text = String((0..<count).map { _ in alphabet.randomElement(using: &generator)! })
            let general = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            XCTAssertEqual(EntityLookup.fold(text), general, text.debugDescription)
        }
    }

    static func levenshtein(_ a: [Character], _ b: [Character]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, substitution)
            }
        }
        return table[a.count][b.count]
    }
}

/// A small deterministic generator (SplitMix64), so a failing case can be replayed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
