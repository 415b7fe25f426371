import LinkGraph
import XCTest

@testable import LinkGraphPlugin

/// An in-process extractor with a fixed answer, for registry tests.
struct FixedExtractor: Extractor {
    let description: ExtractorDescription
    var answer = Extraction()

    init(_ name: String, accepts: [String], origin: ExtractorOrigin = .builtIn) {
        description = ExtractorDescription(name: name, version: "1", accepts: accepts, origin: origin)
    }

    func extract(_ request: ExtractionRequest) throws -> Extraction { answer }
}

final class ExtractorRegistryTests: XCTestCase {
    let text = FixedExtractor("text", accepts: ["text/plain"])
    let csv = FixedExtractor("csv", accepts: ["text/csv"])
    let anyText = FixedExtractor("any-text", accepts: ["text/*"])
    let plugin = FixedExtractor("mine", accepts: ["text/plain"], origin: .process(command: "python3 mine.py"))

    func testChoose_byMediaType_takesTheBuiltInsThatAccept_mostSpecificFirst() throws {
        let registry = try ExtractorRegistry([
            text, csv, anyText, FixedExtractor("text-too", accepts: ["text/plain", "text/*"]),
        ])
        XCTAssertEqual(
            try registry.choose(for: "a.txt", mediaType: "text/plain").map(\.description.name), ["text", "text-too"])
        XCTAssertEqual(try registry.choose(for: "a.csv", mediaType: "text/csv").map(\.description.name), ["csv"])
        XCTAssertEqual(
            try registry.choose(for: "a.tsv", mediaType: "text/tab-separated-values").map(\.description.name),
            ["any-text", "text-too"])
        XCTAssertEqual(
            try registry.choose(for: "a.csv", mediaType: "text/csv", names: ["any-text", "csv"]).map(
                \.description.name), ["any-text", "csv"],
            "names given: every named extractor that accepts, wildcard or not")
        XCTAssertThrowsError(try registry.choose(for: "a.json", mediaType: "application/json")) { error in
            XCTAssertEqual(error as? PluginError, .noExtractor(document: "a.json", mediaType: "application/json"))
        }
    }

    func testChoose_loadedPlugin_replacesBuiltInsForWhatItReads() throws {
        let registry = try ExtractorRegistry([text, csv, plugin])
        XCTAssertEqual(try registry.choose(for: "a.txt", mediaType: "text/plain").map(\.description.name), ["mine"])
        XCTAssertEqual(try registry.choose(for: "a.csv", mediaType: "text/csv").map(\.description.name), ["csv"])
    }

    func testChoose_withNames_restrictsAndChecks() throws {
        let registry = try ExtractorRegistry([text, csv, anyText, plugin])
        XCTAssertEqual(
            try registry.choose(for: "a.txt", mediaType: "text/plain", names: ["any-text", "text"]).map(
                \.description.name),
            ["any-text", "text"])
        XCTAssertThrowsError(try registry.choose(for: "a.txt", mediaType: "text/plain", names: ["nope"])) { error in
            XCTAssertEqual(
                error as? PluginError, .unknownExtractor(name: "nope", available: ["text", "csv", "any-text", "mine"]))
        }
        XCTAssertThrowsError(try registry.choose(for: "a.txt", mediaType: "text/plain", names: ["csv"])) { error in
            XCTAssertEqual(error as? PluginError, .noExtractor(document: "a.txt", mediaType: "text/plain"))
        }
    }

    func testInit_duplicateNames_throw() {
        XCTAssertThrowsError(try ExtractorRegistry([text, FixedExtractor("text", accepts: ["x/y"])])) { error in
            XCTAssertEqual(error as? PluginError, .duplicateName("text"))
        }
    }

    func testMediaType_fromExtension() {
        XCTAssertEqual(ExtractorRegistry.mediaType(forPath: "notes/A.TXT"), "text/plain")
        XCTAssertEqual(ExtractorRegistry.mediaType(forPath: "readme.md"), "text/plain")
        XCTAssertEqual(ExtractorRegistry.mediaType(forPath: "t.csv"), "text/csv")
        XCTAssertEqual(ExtractorRegistry.mediaType(forPath: "case.json"), "application/json")
        XCTAssertEqual(ExtractorRegistry.mediaType(forPath: "g.gv"), "text/vnd.graphviz")
        XCTAssertEqual(ExtractorRegistry.mediaType(forPath: "g.dot"), "text/vnd.graphviz")
        XCTAssertNil(ExtractorRegistry.mediaType(forPath: "photo.jpeg"))
    }

    func testCaseFileExtractor_readsACaseFaithfully() throws {
        let json = """
            {"version": 1, "documents": [{"id": "d"}],
             "entities": [{"id": "a", "name": "Harbor Trust", "kind": "organization", "x-note": "kept"},
                          {"id": "b", "name": "Mara Quill", "kind": "person"}],
             "relations": [{"source": "a", "target": "b", "kind": "pays", "directed": false, "confidence": 0.5,
                            "evidence": [{"document": "d", "start": 1, "end": 4}]}]}
            """
        let request = ExtractionRequest(id: "case", mediaType: "application/json", text: json)
        let extractor = CaseFileExtractor()
        let caseFile = try extractor.extractCaseFile(request)
        XCTAssertEqual(caseFile.relations.first?.directed, false)
        XCTAssertEqual(caseFile.entities.first?.unknownFields["x-note"], .string("kept"))
        let extraction = try extractor.extract(request)
        XCTAssertEqual(extraction.entities.map(\.name), ["Harbor Trust", "Mara Quill"])
        XCTAssertEqual(extraction.relations.first?.confidence, 0.5)

        let broken = ExtractionRequest(
            id: "case", mediaType: "application/json", text: #"{"version": 1, "entities": [{"id": "a"}]}"#,
            metadata: ["path": "in/broken.json"])
        XCTAssertThrowsError(try extractor.extractCaseFile(broken)) { error in
            XCTAssertTrue("\(error)".contains("in/broken.json"), "\(error)")
            XCTAssertTrue("\(error)".contains("entities[0].name"), "\(error)")
        }
    }
}
