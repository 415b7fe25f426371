import Foundation
import LinkGraph
import XCTest

/// Issue 16, item 11: ids differing only by control characters (`a\u0000b`, `a\ufffdb`) became
/// one node in the DOT, GraphML and GEXF exports (which must replace such characters). A case
/// with a control character in an id is refused, naming the JSON path.
final class ControlCharacterIDTests: XCTestCase {
    func problems(_ json: String) -> [CaseFileProblem] {
        do {
            _ = try CaseFile(jsonBytes: Array(json.utf8), file: "t.json")
            return []
        } catch let error as CaseFileError {
            return error.problems
        } catch {
            XCTFail("\(error)")
            return []
        }
    }

    func entities(_ ids: [String]) -> String {
        #"{"version": 1, "entities": ["#
            + ids.map { #"{"id": "\#($0)", "name": "N", "kind": "person"}"# }.joined(separator: ", ") + "]}"
    }

    /// Every C0 and C1 control character is refused; its neighbours are not.
    func testEveryControlCharacter_refusedInIDs_othersKept() {
        let controls = Array(0x00...0x1F) + Array(0x7F...0x9F)
        for code in controls {
            let escaped = String(format: "\\u%04X", code)
            let found = problems(entities(["a\(escaped)b"]))
            XCTAssertEqual(found.map(\.path), ["entities[0].id"], escaped)
            XCTAssertEqual(found.first?.message, String(format: "control character U+%04X in an id", code))
        }
        for code in [0x20, 0x7E, 0xA0, 0xFFFD, 0x202E] {
            let id = String(format: "a\\u%04Xb", code)
            XCTAssertEqual(problems(entities([id])).map(\.path), [], id)
        }
        // The pair of the issue: refused at the first, so the exports never meet it.
        XCTAssertEqual(problems(entities(["a\\u0000b", "a\\ufffdb"])).map(\.path), ["entities[0].id"])
    }

    func testReferencesAndDocumentIDs_checkedToo() {
        let json = #"""
            {"version": 1, "documents": [{"id": "d\u0007"}],
             "entities": [{"id": "a", "name": "A", "kind": "person"}],
             "relations": [{"source": "a\u0085", "target": "a", "kind": "pays",
                            "evidence": [{"document": "\u001b[2J"}]}]}
            """#
        XCTAssertEqual(
            Set(problems(json).map(\.path)),
            ["documents[0].id", "relations[0].source", "relations[0].evidence[0].document"])
    }
}
