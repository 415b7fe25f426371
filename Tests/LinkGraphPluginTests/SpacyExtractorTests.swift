import Foundation
import LinkGraph
import LinkGraphPlugin
import XCTest

/// The spaCy plug-in (`Plugins/SpacyExtractor/spacy_extractor.py`) run by the real subprocess
/// loader, `ProcessExtractor`, on texts written for these tests (their expected entities and
/// relations were written down before the plug-in ever ran on them).
final class SpacyExtractorTests: XCTestCase {
    static let script = PluginTestSupport.repositoryRoot.appendingPathComponent(
        "Plugins/SpacyExtractor/spacy_extractor.py"
    ).path

    /// One worker for the whole class (spaCy takes seconds to load); stopped at the end.
    nonisolated(unsafe) static var shared: ProcessExtractor?

    override class func tearDown() {
        shared?.shutdown()
        shared = nil
        super.tearDown()
    }

    /// The plug-in, or a skip with its own words when spaCy or its pipeline is missing.
    static func plugin() throws -> ProcessExtractor {
        if let shared { return shared }
        let python = try PluginTestSupport.python()
        let check = Process()
        check.executableURL = URL(fileURLWithPath: python)
        check.arguments = [script, "--check"]
        let output = Pipe()
        check.standardOutput = output
        check.standardError = FileHandle.nullDevice
        try check.run()
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        if check.terminationStatus != 0 { throw XCTSkip(said.trimmingCharacters(in: .whitespacesAndNewlines)) }
        shared = try ProcessExtractor(command: "python3 '\(script)'", timeout: 120)
        return shared!
    }

    /// The relations of an extraction as (source name, kind, target name).
    static func triples(_ extraction: Extraction) -> Set<String> {
        let names = Dictionary(uniqueKeysWithValues: extraction.entities.map { ($0.id, $0.name) })
        return Set(extraction.relations.map { "\(names[$0.source]!) \($0.kind.rawValue) \(names[$0.target]!)" })
    }

    func testDescribe_throughTheLoader() throws {
        let plugin = try Self.plugin()
        XCTAssertEqual(plugin.description.name, "spacy-extractor")
        XCTAssertEqual(plugin.description.accepts, ["text/plain"])
        XCTAssertEqual(plugin.description.origin, .process(command: "python3 '\(Self.script)'"))
    }

    func testExtract_forms_entitiesAndRelations() throws {
        let plugin = try Self.plugin()
        let text = """
            Mara Quill, a member of the Harbor Trust, reported to the Iron Council. \
            Tomas Reyes was recruited by the Iron Council in 2004. \
            The Harbor Trust is owned or controlled by Victor Lang. \
            Elena Voss, who heads the Harbor Trust, met with Tomas Reyes in Paris.
            """
        let request = ExtractionRequest(id: "forms", text: text)
        let extraction = try plugin.extract(request)
        let kinds = Dictionary(extraction.entities.map { ($0.name, $0.kind) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(kinds["Mara Quill"], .person)
        XCTAssertEqual(kinds["Harbor Trust"], .organization)
        XCTAssertEqual(kinds["Iron Council"], .organization)
        XCTAssertEqual(kinds["Paris"], .place, "a capital of the gazetteer is a place")
        XCTAssertEqual(
            Self.triples(extraction),
            [
                "Mara Quill memberOf Harbor Trust",  // appositive role noun
                "Mara Quill reportsTo Iron Council",  // active verb + preposition
                "Tomas Reyes reportsTo Iron Council",  // passive of a reversed verb
                "Victor Lang controls Harbor Trust",  // coordinated passive verbs
                "Elena Voss controls Harbor Trust",  // relative clause
                "Elena Voss meetsWith Tomas Reyes",
            ])
        // Mentions are UTF-8 byte spans of the names; evidence is the sentence.
        let bytes = Array(text.utf8)
        for entity in extraction.entities {
            for mention in entity.mentions {
                let said = String(decoding: bytes[mention.start..<mention.end], as: UTF8.self)
                XCTAssertTrue(([entity.name] + entity.aliases).contains(said), "\(said) for \(entity.name)")
            }
        }
        let recruited = try XCTUnwrap(
            extraction.relations.first { $0.kind == .reportsTo && $0.evidence.first!.start > 0 })
        XCTAssertEqual(
            String(decoding: bytes[recruited.evidence[0].start..<recruited.evidence[0].end], as: UTF8.self),
            "Tomas Reyes was recruited by the Iron Council in 2004.")
    }

    func testExtract_negationDrops_hedgeLowers_kindsMustFit() throws {
        let plugin = try Self.plugin()
        let text = """
            Victor Lang never paid Mara Quill. Tomas Reyes allegedly spied for the Iron Council. \
            Tomas Reyes spied for the Iron Council. Paris reported to Elena Voss.
            """
        let extraction = try plugin.extract(ExtractionRequest(id: "hedges", text: text))
        XCTAssertEqual(Self.triples(extraction), ["Tomas Reyes reportsTo Iron Council"], "\(extraction.relations)")
        let relation = try XCTUnwrap(extraction.relations.first)
        XCTAssertEqual(relation.evidence.count, 2, "both sentences support it")
        XCTAssertEqual(relation.confidence, 0.75, accuracy: 1e-9, "the plain sentence gives the higher confidence")
        let hedged = try plugin.extract(
            ExtractionRequest(id: "hedged", text: "Tomas Reyes allegedly spied for the Iron Council."))
        XCTAssertEqual(try XCTUnwrap(hedged.relations.first).confidence, 0.375, accuracy: 1e-9)
    }

    /// A name only the model found, said once and in no relation, is left out unless the
    /// request's `spacy.keepUnsupported` option keeps it; a named place of the gazetteer stays.
    func testExtract_loneModelEntities_leftOutUnlessKept() throws {
        let plugin = try Self.plugin()
        let text =
            "Last spring Dana Keller visited an old friend in Paris. Mara Quill, a member of the Harbor Trust, reported to the Iron Council."
        let lean = try plugin.extract(ExtractionRequest(id: "lean", text: text))
        let names = Set(lean.entities.map(\.name))
        XCTAssertFalse(names.contains("Dana Keller"), "\(names)")
        XCTAssertTrue(names.contains("Paris"), "\(names)")
        XCTAssertTrue(names.contains("Mara Quill") && names.contains("Iron Council"), "\(names)")
        let kept = try plugin.extract(
            ExtractionRequest(id: "kept", text: text, options: ["spacy": .object(["keepUnsupported": .bool(true)])]))
        XCTAssertTrue(kept.entities.contains { $0.name == "Dana Keller" }, "\(kept.entities.map(\.name))")
    }

    func testExtract_byteOffsets_nonASCII_andPipelineOption() throws {
        let plugin = try Self.plugin()
        let text = "Zoë Ångström spied for the Iron Council."
        let extraction = try plugin.extract(ExtractionRequest(id: "utf8", text: text))
        let zoe = try XCTUnwrap(extraction.entities.first { $0.kind == .person })
        let bytes = Array(text.utf8)
        XCTAssertEqual(String(decoding: bytes[zoe.mentions[0].start..<zoe.mentions[0].end], as: UTF8.self), zoe.name)
        XCTAssertEqual(Self.triples(extraction), ["\(zoe.name) reportsTo Iron Council"])
        // An unknown pipeline fails that document with a message naming it; the worker goes on.
        let request = ExtractionRequest(
            id: "lg", text: text, options: ["spacy": .object(["pipeline": .string("xx_no_such_pipeline")])])
        XCTAssertThrowsError(try plugin.extract(request)) { error in
            guard case PluginError.reportedError(_, "lg", let message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("'xx_no_such_pipeline' cannot be loaded"), message)
        }
        XCTAssertEqual(Self.triples(try plugin.extract(ExtractionRequest(id: "again", text: text))).count, 1)
    }
}
