import LinkGraphPlugin
import XCTest

@testable import TextPatterns

/// Inputs found by fuzzing the rules reader (Fuzz/FuzzRules); see Fuzz/RESULTS.md.
final class RulesRegressionTests: XCTestCase {
    /// Builds an extractor from `yaml` alone (no built-ins), as `FuzzRules` does.
    private func extractor(_ yaml: String) throws -> TextPatternsExtractor {
        let rules = try RulesFile(yaml: yaml, path: "fuzz.yaml")
        return try TextPatternsExtractor(rules: [rules], gazetteers: [], includeBuiltIns: false)
    }

    /// Fuzzing, minimized: a pattern word that is only a colon split into no parts, and the
    /// slot check indexed the first one: "Index out of range" while compiling the pattern.
    func testPatternWordColon_minimizedCrash_isACleanError() throws {
        let yaml = "rules:\n  - kind:\n    pattern: \":\"\n"
        XCTAssertThrowsError(try extractor(yaml)) { error in
            guard case TextPatternsError.invalid(let file, let line, let message) = error else {
                return XCTFail("expected TextPatternsError.invalid, got \(error)")
            }
            XCTAssertEqual(file, "fuzz.yaml")
            XCTAssertEqual(line, 2)
            XCTAssertTrue(message.contains("a pattern needs at least one slot"), message)
        }
    }

    /// The colon is an ordinary mark between slots, like the comma.
    func testPatternWordColon_betweenSlots_compilesAndRuns() throws {
        let yaml = "rules:\n  - id: colon\n    kind: controls\n    pattern: \"A : controls B\"\n"
        let extractor = try extractor(yaml)
        _ = try extractor.extract(ExtractionRequest(id: "d", text: "Dana Keller: controls the North Bureau."))
    }
}
