import Foundation
import XCTest

@testable import TextPatterns

/// Issue 16, item 17: a YAML alias bomb in `--rules` or `--gazetteer` (a 740 KB file that
/// stands for more than 10¹⁰ characters) ran for minutes; it is refused at once, and a file
/// that repeats an anchored rule a few times still loads.
final class YAMLAliasBombTests: XCTestCase {
    /// `levels` levels of `width` aliases each to the level below: width^levels scalars.
    static func bomb(top: String, levels: Int, width: Int) -> String {
        var lines = ["l0: &l0 [\"" + String(repeating: "x", count: 20) + "\"]"]
        for level in 1...levels {
            let aliases = Array(repeating: "*l\(level - 1)", count: width).joined(separator: ", ")
            lines.append("l\(level): &l\(level) [\(aliases)]")
        }
        lines.append("\(top): *l\(levels)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The bomb the readers do expand: one long anchored value, aliased where a value is
    /// expected, thousands of times (64 KB × 5,000 = 330 MB from a 124 KB file; the old code
    /// took 59 s on it in a debug build, and a 740 KB file takes minutes).
    static let word = String(repeating: "a", count: 65_536)
    static let rulesBomb =
        (["version: 1", "classes:", "  w: &w [\"\(word)\"]"]
        + (0..<5_000).map { "  c\($0): *w" } + ["rules: []"]).joined(separator: "\n")
    static let gazetteerBomb =
        (["version: 1", "countries:", "  - {name: &w \"\(word)\"}"]
        + (0..<5_000).map { _ in "  - {name: *w}" }).joined(separator: "\n")

    func testAliasBomb_inRulesAndGazetteer_refusedQuickly_namingTheFile() {
        let start = Date()
        // Read and compiled as `extract --rules` does (the old reader passed it on to the compiler).
        XCTAssertThrowsError(
            try TextPatternsExtractor(rules: [RulesFile(yaml: Self.rulesBomb, path: "bomb.yaml")], gazetteers: [])
        ) { error in
            guard case TextPatternsError.invalid(let file, let line, let message) = error else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(file, "bomb.yaml")
            XCTAssertEqual(line, 3, "the anchored value")
            XCTAssertTrue(message.contains("aliases (*name) expand it past 4194304 characters"), message)
        }
        XCTAssertThrowsError(
            try TextPatternsExtractor(rules: [], gazetteers: [GazetteerFile(yaml: Self.gazetteerBomb, path: "g.yaml")])
        ) {
            XCTAssertTrue("\($0)".hasPrefix("g.yaml:3:"), "\($0)")
            XCTAssertTrue("\($0)".contains("aliases"), "\($0)")
        }
        // Nested aliases (10 levels of 10: 10¹⁰ scalars in 500 bytes) are counted the same way.
        XCTAssertThrowsError(try RulesFile(yaml: Self.bomb(top: "rules", levels: 10, width: 10), path: "deep.yaml")) {
            XCTAssertTrue("\($0)".contains("aliases"), "\($0)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }

    /// Deep chains of aliases (one per level) are walked without recursion.
    func testAliasChain_1000Deep_checkedWithoutRecursion() throws {
        var lines = ["l0: &l0 x"]
        for level in 1...1_000 { lines.append("l\(level): &l\(level) [*l\(level - 1)]") }
        let text = lines.joined(separator: "\n") + "\n"
        // Half a million nodes expanded, 1,000 deep: under the limit, walked with an explicit stack.
        XCTAssertNoThrow(try YAMLReader(file: "deep.yaml").root(text))
        XCTAssertEqual(YAMLReader.expandedLimit(textBytes: text.utf8.count), 4 << 20)
    }

    /// The same aliases under the limit load as if written out (an anchored rule repeated).
    func testAnchoredRuleRepeated_loadsLikeTheWrittenOutFile() throws {
        let anchored = """
            version: 1
            rules:
              - &r {id: pay, kind: pays, pattern: "A paid B"}
              - *r
            """
        let written = """
            version: 1
            rules:
              - {id: pay, kind: pays, pattern: "A paid B"}
              - {id: pay, kind: pays, pattern: "A paid B"}
            """
        let a = try RulesFile(yaml: anchored), b = try RulesFile(yaml: written)
        XCTAssertEqual(a.rules.count, 2)
        XCTAssertEqual(a.rules.map(\.kind), b.rules.map(\.kind))
    }
}
