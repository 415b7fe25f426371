import LinkGraph
import XCTest

@testable import LinkGraphPlugin

final class WireFormTests: XCTestCase {
    // MARK: Requests

    func testRequest_text_roundTripsThroughJSON() throws {
        let request = ExtractionRequest(
            id: "doc-1", text: "Line one\nLine \"two\" — ünïcode\u{2028}", metadata: ["path": "a.txt"],
            options: ["names": .array([.string("Mara Quill")])])
        let line = request.jsonLine()
        XCTAssertFalse(line.contains("\n"), "a request must fit on one line")
        XCTAssertTrue(line.contains("\"text\":"))
        XCTAssertFalse(line.contains("\"base64\""))
        let back = try ExtractionRequest(jsonBytes: Array(line.utf8))
        XCTAssertEqual(back, request)
    }

    func testRequest_binaryOrInvalidUTF8_travelsAsBase64() throws {
        let bytes: [UInt8] = [0x00, 0xFF, 0xFE, 0x41]
        for mediaType in ["application/octet-stream", "text/plain"] {
            let request = ExtractionRequest(id: "bin", mediaType: mediaType, bytes: bytes)
            let object = try XCTUnwrap(request.jsonValue().objectValue)
            XCTAssertNil(object["text"], mediaType)
            XCTAssertEqual(object["base64"]?.stringValue, "AP/+QQ==", mediaType)
            XCTAssertEqual(try ExtractionRequest(json: request.jsonValue()).bytes, bytes)
        }
    }

    func testRequest_missingDocumentAndBothForms_areErrors() {
        XCTAssertThrowsError(try ExtractionRequest(jsonBytes: Array(#"{"id":"a","mediaType":"text/plain"}"#.utf8))) {
            error in
            XCTAssertEqual((error as? ExtractionWireError)?.problems.map(\.path), ["$"])
        }
        XCTAssertThrowsError(
            try ExtractionRequest(
                jsonBytes: Array(#"{"id":"a","mediaType":"text/plain","text":"x","base64":"eA=="}"#.utf8)))
        XCTAssertThrowsError(
            try ExtractionRequest(jsonBytes: Array(#"{"id":"a","mediaType":"x/y","base64":"***"}"#.utf8))
        ) { error in
            XCTAssertEqual((error as? ExtractionWireError)?.problems.map(\.path), ["base64"])
        }
    }

    // MARK: Extractions

    static let sample = Extraction(
        entities: [
            ExtractedEntity(
                id: "e1", name: "Mara Quill", kind: .person, aliases: ["Quill"], attributes: ["role": "courier"],
                confidence: 0.75, mentions: [Span(start: 0, end: 10)]),
            ExtractedEntity(id: "e2", name: "Harbor Trust", kind: .organization),
        ],
        relations: [
            ExtractedRelation(
                source: "e2", target: "e1", kind: .pays, confidence: 0.5, from: PartialDate("2016"),
                until: PartialDate("2017-03"), evidence: [Span(start: 0, end: 30)], attributes: ["amount": "small"],
                weight: 2)
        ])

    func testExtraction_roundTripsThroughJSON() throws {
        let text = JSONWriter.compact(Self.sample.jsonValue(document: "doc"))
        let back = try Extraction(jsonBytes: Array(text.utf8), document: "doc", documentLength: 40)
        XCTAssertEqual(back, Self.sample)
        XCTAssertTrue(text.contains(#""evidence":[{"document":"doc","start":0,"end":30}]"#), text)
    }

    /// Parses `json` as an answer for document "doc" of 100 bytes; returns the problem paths.
    func problemPaths(_ json: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        do {
            _ = try Extraction(jsonBytes: Array(json.utf8), document: "doc", documentLength: 100)
            XCTFail("expected an error for \(json)", file: file, line: line)
            return []
        } catch let error as ExtractionWireError {
            return error.problems.map(\.path)
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return []
        }
    }

    func testExtraction_relationToUnknownLocalID_namesThePath() {
        let paths = problemPaths(
            #"{"entities":[{"id":"a","name":"A","kind":"person"}],"relations":[{"source":"a","target":"zz","kind":"pays"}]}"#
        )
        XCTAssertEqual(paths, ["relations[0].target"])
    }

    func testExtraction_badConfidence_isRejected() {
        XCTAssertEqual(
            problemPaths(#"{"entities":[{"id":"a","name":"A","kind":"x","confidence":1.5}]}"#),
            ["entities[0].confidence"])
        XCTAssertEqual(
            problemPaths(#"{"entities":[{"id":"a","name":"A","kind":"x","confidence":"high"}]}"#),
            ["entities[0].confidence"])
        XCTAssertEqual(
            problemPaths(
                #"{"entities":[{"id":"a","name":"A","kind":"x"}],"relations":[{"source":"a","target":"a","kind":"k","confidence":-0.1}]}"#
            ),
            ["relations[0].confidence"])
    }

    func testExtraction_badSpans_areRejected() {
        XCTAssertEqual(
            problemPaths(#"{"entities":[{"id":"a","name":"A","kind":"x","mentions":[{"start":5,"end":2}]}]}"#),
            ["entities[0].mentions[0].end"])
        XCTAssertEqual(
            problemPaths(#"{"entities":[{"id":"a","name":"A","kind":"x","mentions":[{"start":5,"end":101}]}]}"#),
            ["entities[0].mentions[0].end"], "past the end of a 100-byte document")
        XCTAssertEqual(
            problemPaths(
                #"{"entities":[{"id":"a","name":"A","kind":"x","mentions":[{"start":1.5,"end":2},{"start":-1,"end":2},{"end":3}]}]}"#
            ),
            ["entities[0].mentions[0].start", "entities[0].mentions[1].start", "entities[0].mentions[2].start"])
        XCTAssertEqual(
            problemPaths(
                #"{"entities":[{"id":"a","name":"A","kind":"x"}],"relations":[{"source":"a","target":"a","kind":"k","evidence":[{"document":"other","start":0,"end":1}]}]}"#
            ),
            ["relations[0].evidence[0].document"])
    }

    func testExtraction_wrongTypesAndMissingFields_areAllReported() {
        let paths = problemPaths(
            #"{"entities":[{"id":1,"name":"A"},{"id":"b","name":"B","kind":"x","aliases":"B2"},"loose"],"relations":{}}"#
        )
        XCTAssertEqual(
            paths, ["entities[0].id", "entities[0].kind", "entities[1].aliases", "entities[2]", "relations"])
        XCTAssertEqual(problemPaths(#"[]"#), ["$"])
        XCTAssertEqual(problemPaths(#"{"relations":[]}"#), ["entities"])
    }

    func testExtraction_duplicateIDsUnknownFieldsAndWrongDocument_areRejected() {
        XCTAssertEqual(
            problemPaths(#"{"entities":[{"id":"a","name":"A","kind":"x"},{"id":"a","name":"B","kind":"x"}]}"#),
            ["entities[1].id"])
        XCTAssertEqual(
            problemPaths(#"{"entities":[{"id":"a","name":"A","kind":"x","colour":"red"}]}"#), ["entities[0].colour"])
        XCTAssertEqual(problemPaths(#"{"entites":[],"entities":[]}"#), ["entites"])
        XCTAssertEqual(problemPaths(#"{"id":"another-doc","entities":[]}"#), ["id"])
    }

    func testExtraction_nestingLimitAndSyntax_areSyntaxErrorsWithLineAndColumn() {
        let deep =
            #"{"entities":[{"id":"a","name":"A","kind":"x","attributes":{"v":"# + String(repeating: "[", count: 100)
            + String(repeating: "]", count: 100) + "}}]}"
        XCTAssertThrowsError(try Extraction(jsonBytes: Array(deep.utf8))) { error in
            guard case .syntax(_, _, let message)? = error as? ExtractionWireError else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("nesting"), message)
        }
        XCTAssertThrowsError(try Extraction(jsonBytes: Array("{\"entities\": [\n  {,}]}".utf8))) { error in
            XCTAssertEqual(
                error as? ExtractionWireError,
                .syntax(line: 2, column: 4, message: "expected a member name in double quotes"))
        }
    }

    func testExtraction_validate_catchesMistakesOfInProcessExtractors() {
        let bad = Extraction(
            entities: [ExtractedEntity(id: "a", name: "A", kind: .person)],
            relations: [ExtractedRelation(source: "a", target: "b", kind: .pays)])
        XCTAssertThrowsError(try bad.validate(document: "d", documentLength: 10)) { error in
            XCTAssertEqual((error as? ExtractionWireError)?.problems.map(\.path), ["relations[0].target"])
        }
        XCTAssertNoThrow(try Self.sample.validate(document: "d", documentLength: 40))
    }

    // MARK: Descriptions

    func testDescription_parsesAndRejectsBadOnes() throws {
        let good = try ExtractorDescription(
            jsonBytes: Array(#"{"name":"x","version":"2","accepts":["text/*"],"summary":"s"}"#.utf8),
            origin: .process(command: "x"),
            plugin: "x")
        XCTAssertEqual(good.name, "x")
        XCTAssertTrue(good.accepts(mediaType: "text/csv"))
        XCTAssertFalse(good.accepts(mediaType: "application/json"))
        for bad in [
            #"{"version":"1","accepts":["a/b"]}"#, #"{"name":"x"}"#, #"{"name":"two words","accepts":["a/b"]}"#, "nope",
            #"{"name":"x","accepts":[]}"#,
        ] {
            XCTAssertThrowsError(
                try ExtractorDescription(jsonBytes: Array(bad.utf8), origin: .builtIn, plugin: "p"), bad
            ) { error in
                guard case .invalidDescription(let plugin, _)? = error as? PluginError else {
                    return XCTFail("\(error)")
                }
                XCTAssertEqual(plugin, "p")
            }
        }
    }

    // MARK: Errors

    func testPluginError_messagesNameThePluginAndTheDocument() {
        let errors: [PluginError] = [
            .nullResult(plugin: "kw", document: "d7", message: "boom"),
            .timeout(plugin: "kw", document: "d7", seconds: 2),
            .crashed(plugin: "kw", document: "d7", signal: 11, stderr: "Segmentation fault\n"),
            .exited(plugin: "kw", document: "d7", status: 3, stderr: ""),
            .invalidResponse(plugin: "kw", document: "d7", reason: .syntax(line: 1, column: 2, message: "bad")),
            .tooLarge(plugin: "kw", document: "d7", limit: 10),
            .reportedError(plugin: "kw", document: "d7", message: "no"),
        ]
        for error in errors {
            XCTAssertTrue(error.description.contains("kw"), error.description)
            XCTAssertTrue(error.description.contains("d7"), error.description)
        }
        XCTAssertTrue(
            PluginError.crashed(plugin: "kw", document: "d7", signal: 11, stderr: "Segmentation fault\n").description
                .contains("SIGSEGV"))
        XCTAssertEqual(
            PluginError.abiMismatch(plugin: "lib.so", found: 7, expected: 1).description,
            "plug-in lib.so: ABI version 7, but this linkgraph speaks version 1: rebuild the plug-in against linkgraph_plugin.h version 1"
        )
    }
}
