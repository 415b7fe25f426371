import Foundation
import LinkGraph
import LinkGraphPlugin
import XCTest

@testable import TextPatterns

final class RulesAndGazetteerFileTests: XCTestCase {
    private func temp(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("textpatterns-tests-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func testBuiltIns_loadAndCompile() throws {
        let rules = try RulesFile.builtIn()
        XCTAssertGreaterThan(rules.rules.count, 10)
        let kinds = Set(rules.rules.flatMap { [$0.kind] + $0.also.map(\.kind) })
        for kind in RelationKind.wellKnown {
            XCTAssertTrue(kinds.contains(kind.rawValue), "no built-in rule for \(kind)")
        }
        let gazetteer = try GazetteerFile.builtIn()
        XCTAssertGreaterThan(gazetteer.entries.filter { $0.kind == "country" }.count, 190)
        XCTAssertNoThrow(try TextPatternsExtractor())
    }

    func testRulesFile_yamlSyntaxError_namesFileAndLine() throws {
        let path = try temp("broken.yaml", "version: 1\nrules:\n  - id: x\n    kind: [unclosed\n")
        XCTAssertThrowsError(try TextPatternsExtractor(userRulesFiles: [path])) { error in
            guard case TextPatternsError.syntax(let file, let line, _, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(file, path)
            XCTAssertGreaterThanOrEqual(line, 4)
            XCTAssertTrue("\(error)".hasPrefix("\(path):"))
        }
    }

    func testRulesFile_unknownClassInPattern_namesFileAndRuleLine() throws {
        let path = try temp(
            "badclass.yaml",
            "version: 1\nrules:\n  - id: first\n    kind: pays\n    pattern: \"A paid B\"\n  - id: second\n    kind: pays\n    pattern: \"A @nosuchclass B\"\n"
        )
        XCTAssertThrowsError(try TextPatternsExtractor(userRulesFiles: [path])) { error in
            XCTAssertEqual(
                error as? TextPatternsError,
                .invalid(
                    file: path, line: 6,
                    message: "rule 'second': unknown class '@nosuchclass' in pattern \"A @nosuchclass B\""))
        }
    }

    func testRulesFile_unknownKeyAndMissingKind_areReportedWithLines() throws {
        XCTAssertThrowsError(
            try RulesFile(
                yaml: "version: 1\nrules:\n  - id: x\n    patern: \"A met B\"\n    kind: meetsWith\n", path: "r.yaml")
        ) { error in
            guard case TextPatternsError.invalid(let file, let line, let message) = error else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(file, "r.yaml")
            XCTAssertEqual(line, 4)
            XCTAssertTrue(message.contains("patern"))
        }
        XCTAssertThrowsError(try RulesFile(yaml: "rules:\n  - id: x\n    pattern: \"A met B\"\n", path: "r.yaml")) {
            error in
            guard case TextPatternsError.invalid(_, let line, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(line, 2)
        }
    }

    func testRulesFile_missingFile_namesIt() {
        XCTAssertThrowsError(try TextPatternsExtractor(userRulesFiles: ["/nonexistent/rules.yaml"])) { error in
            XCTAssertEqual(
                error as? TextPatternsError,
                .unreadable(file: "/nonexistent/rules.yaml", reason: "no such file, or not readable"))
        }
    }

    func testGazetteerFile_entryWithoutName_namesLine() {
        XCTAssertThrowsError(
            try GazetteerFile(yaml: "version: 1\npersons:\n  - {name: A B}\n  - {aliases: [X]}\n", path: "g.yaml")
        ) { error in
            XCTAssertEqual(
                error as? TextPatternsError,
                .invalid(file: "g.yaml", line: 4, message: "a gazetteer entry needs a 'name'"))
        }
    }

    func testUserFiles_mergeWithBuiltIns() throws {
        let rules = try temp(
            "user.rules.yaml",
            """
            version: 1
            classes:
              payVerb: [remitted]
              smuggleVerb: [smuggled, smuggles]
            rules:
              - id: smuggled-for
                kind: controls
                pattern: "A ... @smuggleVerb ~4 for B"
                confidence: 0.5
            """)
        let gazetteer = try temp(
            "user.gazetteer.yaml",
            "version: 1\npersons:\n  - {name: Zed Quorn, aliases: [Quorn]}\norganizations:\n  - {name: Blue Finch, aliases: [the Finch network]}\n"
        )
        let extractor = try TextPatternsExtractor(userRulesFiles: [rules], userGazetteerFiles: [gazetteer])
        let found = try extract(
            "Quorn remitted Blue Finch its fee. Iran smuggled rifles for Blue Finch.", with: extractor)
        XCTAssertEqual(found.entity("Zed Quorn")?.kind, .person, found.summary)
        XCTAssertTrue(found.has("Zed Quorn", .pays, "Blue Finch"), found.summary)  // built-in rule, user word
        XCTAssertEqual(found.relation("Iran", .controls, "Blue Finch")?.confidence, 0.5, found.summary)  // user rule
    }
}
