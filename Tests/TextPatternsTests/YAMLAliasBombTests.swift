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

    func testAliasBomb_inRulesAndGazetteer_refusedQuickly_namingTheFile() {
        let text = Self.bomb(top: "rules", levels: 10, width: 10)  // 10^10 scalars in 500 bytes
        let start = Date()
        XCTAssertThrowsError(try RulesFile(yaml: text, path: "bomb.yaml")) { error in
            guard case TextPatternsError.invalid(let file, _, let message) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(file, "bomb.yaml")
            XCTAssertTrue(message.contains("aliases (*name) expand it past 4194304 characters"), message)
        }
        let gazetteer = Self.bomb(top: "countries", levels: 10, width: 10)
        XCTAssertThrowsError(try GazetteerFile(yaml: gazetteer, path: "g.yaml")) {
            XCTAssertTrue("\($0)".hasPrefix("g.yaml:"), "\($0)")
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
