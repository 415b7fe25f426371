import Foundation
import XCTest

/// The built `linkgraph` binary run end to end on temporary cases.
final class CLIEndToEndTests: XCTestCase {
    static let validCase = """
        {"version": 1,
         "documents": [{"id": "notes"}],
         "entities": [
           {"id": "courier", "name": "The Courier", "kind": "person", "attributes": {"role": "go-between"}},
           {"id": "bureau", "name": "Bureau \\"Nine\\" <b>", "kind": "organization"},
           {"id": "rivals", "name": "Rival Service", "kind": "organization"},
           {"id": "capital", "name": "Capital City", "kind": "place"}
         ],
         "relations": [
           {"source": "courier", "target": "bureau", "kind": "defectedFrom", "from": "2015"},
           {"source": "courier", "target": "rivals", "kind": "defectedTo", "from": "2015-03",
            "evidence": [{"document": "notes", "start": 0, "end": 12}]},
           {"source": "rivals", "target": "courier", "kind": "pays", "confidence": 0.7},
           {"source": "courier", "target": "rivals", "kind": "reportsTo"},
           {"source": "bureau", "target": "capital", "kind": "locatedIn"}
         ]}
        """

    func testValidate_validCase_printsValid() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("case.json", Self.validCase)
        let result = try CLIRunner.run(["validate", path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "valid\n")
    }

    func testValidate_invalidCase_listsEveryProblem_exit1() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write(
            "bad.json",
            """
            {"version": 1, "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "a", "name": "B", "kind": "person"}],
             "relations": [{"source": "a", "target": "ghost", "kind": "pays", "confidence": 2}]}
            """)
        let result = try CLIRunner.run(["validate", path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        for expected in [
            "entities[1].id: duplicate id \"a\"", "relations[0].target: no entity has the id \"ghost\"",
            "relations[0].confidence: confidence 2.0 is outside 0...1", "\(path): 3 problems",
        ] {
            XCTAssertTrue(result.stderr.contains(expected), "missing \(expected) in\n\(result.stderr)")
        }
    }

    func testValidate_notJSON_namesLineAndColumn() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("broken.json", "{\n\"version\": 1,,\n}")
        let result = try CLIRunner.run(["validate", path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("\(path):2:14: invalid JSON"), result.stderr)
    }

    func testMissingFile_clearError() throws {
        let result = try CLIRunner.run(["stats", "/nonexistent/case.json"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("/nonexistent/case.json: no such file"), result.stderr)
    }

    func testExport_json_roundTripsAndDot_toStdout() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("case.json", Self.validCase)
        let json = try CLIRunner.run(["export", path, "--to", "json", "-o", dir.path("out.json")])
        XCTAssertEqual(json.status, 0, json.stderr)
        let again = try CLIRunner.run(["export", dir.path("out.json"), "--to", "json"])
        XCTAssertEqual(again.stdout, try String(contentsOfFile: dir.path("out.json"), encoding: .utf8))

        let dot = try CLIRunner.run(["export", path, "--to", "dot"])
        XCTAssertEqual(dot.status, 0, dot.stderr)
        XCTAssertTrue(dot.stdout.hasPrefix("digraph \"case\" {"), dot.stdout)
        XCTAssertTrue(
            dot.stdout.contains("\"bureau\" [\"label\"=\"Bureau \\\"Nine\\\" <b>\", \"kind\"=\"organization\"]"),
            dot.stdout)
        XCTAssertTrue(dot.stdout.contains("\"courier\" -> \"rivals\" [\"kind\"=\"defectedTo\""), dot.stdout)
    }

    func testStats_countsByKindAndComponents() throws {
        let dir = try TemporaryDirectory()
        let result = try CLIRunner.run(["stats", try dir.write("case.json", Self.validCase)])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(
            result.stdout,
            """
            entities: 4
              organization: 2
              person: 1
              place: 1
            relations: 5
              defectedFrom: 1
              defectedTo: 1
              locatedIn: 1
              pays: 1
              reportsTo: 1
            components: 1 (largest: 4 entities)
            isolated entities: 0
            density: 0.4167

            """)
    }

    func testHelp_everyCommandExplainsItself() throws {
        for command in ["render", "export", "stats", "validate", "demo"] {
            let result = try CLIRunner.run([command, "--help"])
            XCTAssertEqual(result.status, 0, command)
            XCTAssertTrue(result.stdout.contains("USAGE: linkgraph \(command)"), "\(command): \(result.stdout)")
        }
    }

    func testUnknownOption_isAnError() throws {
        let result = try CLIRunner.run(["stats", "case.json", "--bogus"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("Unknown option '--bogus'"), result.stderr)
    }
}
