import Foundation
import LinkGraph
import LinkGraphPlugin
import XCTest

/// The extract-and-merge pipeline as a library type, with real extractors: the case-file
/// reader and the example Python plug-in through `ProcessExtractor`.
final class ExtractionSessionTests: XCTestCase {
    func write(_ directory: URL, _ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static func read(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    func testSession_failuresAreValues_otherDocumentsGoOn() throws {
        let python = try PluginTestSupport.python()
        let script = PluginTestSupport.repositoryRoot.appendingPathComponent(
            "Plugins/Examples/python/keyword_extractor.py"
        ).path
        let plugin = try ProcessExtractor(command: "'\(python)' '\(script)'")
        defer { plugin.shutdown() }
        let registry = try ExtractorRegistry([CaseFileExtractor(), plugin])
        let dir = try PluginTestSupport.scratchDirectory()
        let memo = try write(dir, "memo.txt", "Harbor Trust paid Mara Quill.")
        let memoAgain = try write(dir, "memo 2.txt", "Harbor Trust paid Mara Quill.")
        let badCase = try write(dir, "bad.json", #"{"version": 1, "entities": [{"id": "a"}]}"#)
        let photo = try write(dir, "photo.jpeg", "x")
        var session = ExtractionSession(registry: registry)

        let outcomes = [memo, badCase, photo, dir.appendingPathComponent("missing.txt").path, memoAgain].map {
            session.extract(path: $0, read: Self.read)
        }
        XCTAssertEqual(outcomes.map(\.succeeded), [true, false, false, false, true])
        XCTAssertEqual(outcomes[0].document?.id, "memo")
        XCTAssertEqual(outcomes[4].document?.id, "memo-2")
        guard case .extractorFailed("case-file", let error as CaseFileError) = outcomes[1].failures[0].reason else {
            return XCTFail("\(outcomes[1].failures)")
        }
        XCTAssertEqual(error.problems.map(\.path), ["entities[0].name", "entities[0].kind"])
        XCTAssertTrue("\(outcomes[1].failures[0])".hasPrefix("\(badCase): 2 problems"), "the file is named once")
        guard case .unknownMediaType = outcomes[2].failures[0].reason else { return XCTFail("\(outcomes[2].failures)") }
        XCTAssertFalse("\(outcomes[2].failures[0])".contains("--"), "a library message names no command-line option")
        guard case .unreadable = outcomes[3].failures[0].reason else { return XCTFail("\(outcomes[3].failures)") }

        // Two documents saying the same: one relation, two contributions, noisy-or 1 − 0.4² = 0.84.
        let result = session.result()
        XCTAssertEqual(result.documents.map(\.id), ["memo", "memo-2"])
        XCTAssertEqual(result.relations.count, 1)
        XCTAssertEqual(result.relations[0].kind, .pays)
        XCTAssertEqual(result.relations[0].effectiveConfidence, 0.84, accuracy: 1e-9)
        XCTAssertEqual(session.result(minimumConfidence: 0.9).relations.count, 0)
        XCTAssertEqual(session.result(minimumConfidence: 0.8).relations.count, 1)
    }

    /// Extracting a case file again into the case it made changes nothing; an extractor named
    /// with another spelling is found; an unknown name fails that document.
    func testSession_intoBase_sameDocumentRecord_namesLoose() throws {
        let dir = try PluginTestSupport.scratchDirectory()
        let caseText = #"{"version": 1, "entities": [{"id": "a", "name": "Alpha", "kind": "person"}]}"#
        let path = try write(dir, "c.json", caseText)
        let registry = try ExtractorRegistry([CaseFileExtractor()])
        var first = ExtractionSession(registry: registry, names: ["CaseFile"])
        XCTAssertTrue(first.extract(path: path, read: Self.read).succeeded)
        var second = ExtractionSession(registry: registry, base: first.caseFile, names: ["case_file"])
        let outcome = second.extract(path: path, read: Self.read)
        XCTAssertTrue(outcome.succeeded)
        XCTAssertEqual(second.caseFile, first.caseFile)
        var unknown = ExtractionSession(registry: registry, names: ["nope"])
        let failed = unknown.extract(path: path, read: Self.read)
        guard case .noExtractor(PluginError.unknownExtractor("nope", ["case-file"])) = failed.failures.first?.reason
        else {
            return XCTFail("\(failed.failures)")
        }
    }
}
