import Foundation
import LinkGraph
import XCTest

final class CaseFileRoundTripTests: XCTestCase {
    /// A small case touching every field FORMAT.md defines, plus unknown fields at each level.
    static let sample = """
        {
          "version": 1,
          "documents": [
            {"id": "memo", "title": "A memo", "source": "memo.txt", "sha256": "\(String(repeating: "ab", count: 32))", "language": "en"}
          ],
          "entities": [
            {"id": "adviser", "name": "The Adviser", "kind": "person", "aliases": ["adviser", "A."],
             "attributes": {"role": "political adviser", "rank": 3}, "x-colour": "red"},
            {"id": "agency", "name": "Agency", "kind": "organization"},
            {"id": "ministry", "name": "Ministry \\"Ω\\" \\\\ \\n", "kind": "bureau"}
          ],
          "relations": [
            {"source": "adviser", "target": "agency", "kind": "reportsTo", "directed": true,
             "weight": 2.5, "confidence": 0.9, "from": "2014", "until": "2015-06",
             "evidence": [{"document": "memo", "start": 10, "end": 42, "text": "quoted", "page": 4}],
             "attributes": {"channel": "courier"}, "reviewed": true},
            {"source": "agency", "target": "ministry", "kind": "meetsWith"},
            {"source": "agency", "target": "ministry", "kind": "recruits", "confidence": 1e-3}
          ],
          "generator": {"name": "hand", "v": [1, 2, null]}
        }
        """

    func testRoundTrip_readWriteRead_isEqual() throws {
        let first = try CaseFile(jsonBytes: Array(Self.sample.utf8))
        let text = first.jsonText()
        let second = try CaseFile(jsonBytes: Array(text.utf8))
        XCTAssertEqual(first, second)
        // Writing again gives the same bytes: the writer is deterministic.
        XCTAssertEqual(second.jsonText(), text)
    }

    func testRoundTrip_keepsUnknownFieldsAtEveryLevel() throws {
        let caseFile = try CaseFile(jsonBytes: Array(Self.sample.utf8))
        XCTAssertEqual(caseFile.unknownFields["generator"]?.objectValue?["name"], .string("hand"))
        XCTAssertEqual(caseFile.documents[0].unknownFields["language"], .string("en"))
        XCTAssertEqual(caseFile.entities[0].unknownFields["x-colour"], .string("red"))
        XCTAssertEqual(caseFile.relations[0].unknownFields["reviewed"], .bool(true))
        XCTAssertEqual(caseFile.relations[0].evidence[0].unknownFields["page"], .number(JSONNumber(4)))
        let rewritten = caseFile.jsonText()
        for needle in [
            "\"generator\"", "\"language\": \"en\"", "\"x-colour\": \"red\"", "\"reviewed\": true", "\"page\": 4",
        ] {
            XCTAssertTrue(rewritten.contains(needle), "missing \(needle) in\n\(rewritten)")
        }
    }

    func testRead_fieldsAndDefaults() throws {
        let caseFile = try CaseFile(jsonBytes: Array(Self.sample.utf8))
        XCTAssertEqual(caseFile.entities.map(\.id), ["adviser", "agency", "ministry"])
        XCTAssertEqual(caseFile.entities[2].name, "Ministry \"Ω\" \\ \n")
        XCTAssertEqual(caseFile.entities[2].kind, EntityKind("bureau"))
        XCTAssertEqual(caseFile.entities[0].attribute("role"), "political adviser")
        let r0 = caseFile.relations[0]
        XCTAssertEqual(r0.kind, .reportsTo)
        XCTAssertEqual(r0.weight, 2.5)
        XCTAssertEqual(r0.confidence, 0.9)
        XCTAssertEqual(r0.from, PartialDate(year: 2014))
        XCTAssertEqual(r0.until, PartialDate(year: 2015, month: 6))
        XCTAssertEqual(r0.evidence[0].start, 10)
        XCTAssertEqual(r0.evidence[0].end, 42)
        // Defaults from FORMAT.md.
        let r1 = caseFile.relations[1]
        XCTAssertFalse(r1.isDirected, "meetsWith is symmetric")
        XCTAssertEqual(r1.effectiveWeight, 1)
        XCTAssertEqual(r1.effectiveConfidence, 1)
        XCTAssertTrue(caseFile.relations[2].isDirected, "an unknown kind is directed")
        XCTAssertEqual(caseFile.relations[2].confidence, 0.001)
    }

    func testWrite_toFile_thenRead_isEqual() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("case.json").path
        let caseFile = try CaseFile(jsonBytes: Array(Self.sample.utf8))
        try caseFile.write(to: path)
        XCTAssertEqual(try CaseFile.read(from: path), caseFile)
        // No temporary file is left behind.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["case.json"])
    }

    func testBundledExampleCase_isValid() throws {
        let path = SharedData.repositoryRoot.appendingPathComponent("Graphs/iran-iraq-2014/case.json").path
        guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("example case not written yet") }
        let caseFile = try CaseFile.read(from: path)
        XCTAssertGreaterThanOrEqual(caseFile.entities.count, 29)
        XCTAssertEqual(try CaseFile(jsonBytes: Array(caseFile.jsonText().utf8)), caseFile)
    }
}
