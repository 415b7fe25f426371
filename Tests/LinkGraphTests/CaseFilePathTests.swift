import LinkGraph
import XCTest

/// The JSON paths of problems at every depth the decoder reaches, now that paths are joined
/// only when a problem is reported (`JSONPath`).
final class CaseFilePathTests: XCTestCase {
    private func paths(_ json: String) throws -> [String] {
        do {
            _ = try CaseFile(jsonBytes: Array(json.utf8), file: "t.json")
        } catch let error as CaseFileError {
            return error.problems.map(\.path)
        }
        XCTFail("expected the case file to be rejected")
        return []
    }

    func testProblemPaths_everyDepth() throws {
        let json = #"""
            {"version": 1,
             "documents": [{"id": "d"}, {"id": "d2", "sha256": "x"}],
             "entities": [
               {"id": "a", "name": "A", "kind": "person", "aliases": ["ok", 3]},
               {"id": "b", "name": "B", "kind": "person",
                "provenance": [{"document": "d"}, {"mentions": [{"start": 1, "end": 2}, {"start": 4}, {"start": 9, "end": 2}]}]},
               7],
             "relations": [
               {"source": "a", "target": "b", "kind": "pays"},
               {"source": "a", "target": "b", "kind": "pays", "confidence": 2,
                "evidence": [{"document": "d"}, {"document": "d", "start": 5, "end": 1}, {"document": "zz"}]}],
             "suppressed": {"entities": [""], "relations": [{"source": "a", "target": "b"}]},
             "reviews": [{"source": "a", "target": "b", "kind": "pays", "decision": "maybe"}]}
            """#
        XCTAssertEqual(
            try paths(json),
            [
                "documents[1].sha256",
                "entities[0].aliases[1]",
                "entities[1].provenance[1].mentions[1]",
                "entities[1].provenance[1].mentions[2].end",
                "entities[2]",
                "relations[1].confidence",
                "relations[1].evidence[1].end",
                "suppressed.entities[0]",
                "suppressed.relations[0].kind",
                "relations[1].evidence[2].document",
                "reviews[0].decision",
            ])
    }
}
