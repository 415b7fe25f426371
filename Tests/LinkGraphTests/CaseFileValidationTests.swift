import LinkGraph
import XCTest

/// Every validation error names the JSON path of the problem.
final class CaseFileValidationTests: XCTestCase {
    private func problems(_ json: String, file: StaticString = #filePath, line: UInt = #line) -> [CaseFileProblem] {
        do {
            _ = try CaseFile(jsonBytes: Array(json.utf8), file: "t.json")
            XCTFail("expected the case file to be rejected", file: file, line: line)
            return []
        } catch let error as CaseFileError {
            return error.problems
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return []
        }
    }

    private func assertProblem(
        _ json: String, path: String, contains text: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let found = problems(json, file: file, line: line)
        XCTAssertTrue(
            found.contains { $0.path == path && $0.message.contains(text) },
            "expected a problem at \(path) containing \"\(text)\", got \(found)", file: file, line: line)
    }

    private let two = #"{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}"#

    func testDuplicateEntityID_namesBothPlaces() {
        assertProblem(
            #"{"version": 1, "entities": [\#(two), {"id": "a", "name": "A2", "kind": "person"}]}"#,
            path: "entities[2].id", contains: "duplicate id \"a\" (first at entities[0])")
    }

    func testRelationToMissingEntity() {
        assertProblem(
            #"{"version": 1, "entities": [\#(two)], "relations": [{"source": "a", "target": "zz", "kind": "pays"}]}"#,
            path: "relations[0].target", contains: "no entity has the id \"zz\"")
    }

    func testUnknownVersion() {
        assertProblem(#"{"version": 2, "entities": []}"#, path: "version", contains: "unknown version 2")
    }

    func testMissingVersion() {
        assertProblem(#"{"entities": []}"#, path: "version", contains: "required field is missing")
    }

    func testWrongTypes() {
        let json =
            #"{"version": 1, "entities": [{"id": 7, "name": "A", "kind": "person", "aliases": "x"}], "relations": {}}"#
        let found = problems(json)
        XCTAssertTrue(
            found.contains(CaseFileProblem(path: "entities[0].id", message: "expected a string, found a number")),
            "\(found)")
        XCTAssertTrue(
            found.contains { $0.path == "entities[0].aliases" && $0.message.contains("expected an array of strings") })
        XCTAssertTrue(found.contains(CaseFileProblem(path: "relations", message: "expected an array, found an object")))
    }

    func testBadDates() {
        let json =
            #"{"version": 1, "entities": [\#(two)], "relations": [{"source": "a", "target": "b", "kind": "pays", "from": "2014-13"}, {"source": "a", "target": "b", "kind": "pays", "from": "2015", "until": "2014-02-30"}, {"source": "a", "target": "b", "kind": "pays", "from": "2016", "until": "2015"}]}"#
        let found = problems(json)
        XCTAssertTrue(
            found.contains { $0.path == "relations[0].from" && $0.message.contains("invalid date \"2014-13\"") },
            "\(found)")
        XCTAssertTrue(
            found.contains { $0.path == "relations[1].until" && $0.message.contains("invalid date \"2014-02-30\"") },
            "\(found)")
        XCTAssertTrue(found.contains { $0.path == "relations[2].until" && $0.message.contains("before") }, "\(found)")
    }

    func testConfidenceOutsideUnitInterval() {
        assertProblem(
            #"{"version": 1, "entities": [\#(two)], "relations": [{"source": "a", "target": "b", "kind": "pays", "confidence": 1.5}]}"#,
            path: "relations[0].confidence", contains: "outside 0...1")
        assertProblem(
            #"{"version": 1, "entities": [\#(two)], "relations": [{"source": "a", "target": "b", "kind": "pays", "confidence": -0.1}]}"#,
            path: "relations[0].confidence", contains: "outside 0...1")
    }

    func testEvidenceProblems() {
        let json =
            #"{"version": 1, "documents": [{"id": "d"}], "entities": [\#(two)], "relations": [{"source": "a", "target": "b", "kind": "pays", "evidence": [{"document": "nope", "start": 5, "end": 2}, {"document": "d", "start": 1}]}]}"#
        let found = problems(json)
        XCTAssertTrue(
            found.contains { $0.path == "relations[0].evidence[0].end" && $0.message.contains("before start") },
            "\(found)")
        XCTAssertTrue(
            found.contains { $0.path == "relations[0].evidence[0].document" && $0.message.contains("no document") },
            "\(found)")
        XCTAssertTrue(
            found.contains { $0.path == "relations[0].evidence[1]" && $0.message.contains("go together") }, "\(found)")
    }

    func testMissingRequiredFields_allReportedAtOnce() {
        let found = problems(#"{"version": 1, "entities": [{"name": "A"}, {"id": "b", "kind": ""}]}"#)
        XCTAssertEqual(
            Set(found.map(\.path)), ["entities[0].id", "entities[0].kind", "entities[1].name", "entities[1].kind"])
    }

    func testNotJSON_givesLineAndColumn() {
        XCTAssertThrowsError(
            try CaseFile(jsonBytes: Array("{\n  \"version\": 1,\n  \"entities\": [,]\n}".utf8), file: "bad.json")
        ) { error in
            guard case CaseFileError.syntax(let file, let line, let column, _) = error else {
                return XCTFail("expected a syntax error, got \(error)")
            }
            XCTAssertEqual(file, "bad.json")
            XCTAssertEqual(line, 3)
            XCTAssertEqual(column, 16)
            XCTAssertTrue("\(error)".hasPrefix("bad.json:3:16: invalid JSON"))
        }
    }

    func testTopLevelArray_isRejected() {
        assertProblem("[]", path: "$", contains: "expected an object")
    }

    func testErrorDescription_namesFileAndPath() {
        do {
            _ = try CaseFile(
                jsonBytes: Array(#"{"version": 1, "entities": [{"id": "a", "name": "A"}]}"#.utf8), file: "x.json")
        } catch {
            XCTAssertEqual("\(error)", "x.json: 1 problem:\n  x.json: entities[0].kind: required field is missing")
        }
    }
}
