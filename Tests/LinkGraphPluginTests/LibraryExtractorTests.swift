import LinkGraph
import XCTest

@testable import LinkGraphPlugin

/// The dynamic-library loader against real libraries: C fixtures compiled here with
/// `cc -shared -fPIC`, and the example Swift plug-in (Plugins/Examples/SwiftKeywordExtractor).
final class LibraryExtractorTests: XCTestCase {
    var scratch: URL!

    override func setUpWithError() throws {
        scratch = try PluginTestSupport.scratchDirectory()
    }

    override func tearDown() {
        // The libraries stay mapped (they are never closed); their files can go.
        try? FileManager.default.removeItem(at: scratch)
    }

    func testCPlugin_describesAndExtracts() throws {
        let path = try PluginTestSupport.compileCPlugin(in: scratch)
        let plugin = try LibraryExtractor(path: path)
        XCTAssertEqual(plugin.description.name, "c-test")
        XCTAssertEqual(plugin.description.origin, .library(path: path))
        XCTAssertEqual(plugin.description.accepts, ["text/plain"])

        let text = "Then Alpha pays Beta."
        let extraction = try plugin.extract(ExtractionRequest(id: "d1", text: text))
        XCTAssertEqual(extraction.entities.map(\.name), ["Alpha", "Beta"])
        XCTAssertEqual(extraction.entities[0].kind, .organization)
        XCTAssertEqual(extraction.entities[0].confidence, 0.75)
        XCTAssertEqual(extraction.entities[0].mentions, [Span(start: 5, end: 10)])
        XCTAssertEqual(extraction.relations.count, 1)
        XCTAssertEqual(extraction.relations[0].kind, .pays)
        XCTAssertEqual(extraction.relations[0].evidence, [Span(start: 5, end: 20)])
        let quoted = Array(text.utf8)[5..<20]
        XCTAssertEqual(String(decoding: quoted, as: UTF8.self), "Alpha pays Beta")
    }

    func testCPlugin_nullResult_carriesLastErrorAndTheNextDocumentWorks() throws {
        let plugin = try LibraryExtractor(path: try PluginTestSupport.compileCPlugin(in: scratch))
        XCTAssertThrowsError(try plugin.extract(ExtractionRequest(id: "doc-9", text: "FAIL here"))) { error in
            XCTAssertEqual(
                error as? PluginError,
                .nullResult(
                    plugin: plugin.label, document: "doc-9", message: "the C plug-in refuses documents that say FAIL"))
            XCTAssertTrue("\(error)".contains("doc-9"))
            XCTAssertTrue("\(error)".contains("c-test"))
        }
        XCTAssertEqual(try plugin.extract(ExtractionRequest(id: "doc-10", text: "Beta")).entities.map(\.name), ["Beta"])
    }

    func testCPlugin_invalidAnswer_namesTheJSONPath() throws {
        let plugin = try LibraryExtractor(path: try PluginTestSupport.compileCPlugin(in: scratch))
        XCTAssertThrowsError(try plugin.extract(ExtractionRequest(id: "d", text: "BROKEN"))) { error in
            guard case .invalidResponse(_, "d", let reason)? = error as? PluginError else { return XCTFail("\(error)") }
            XCTAssertEqual(reason.problems.map(\.path), ["relations[0].source", "relations[0].target"])
        }
    }

    func testCPlugin_nullWithoutMessage() throws {
        let plugin = try LibraryExtractor(
            path: try PluginTestSupport.compileCPlugin(defines: ["NULL_NO_MESSAGE"], in: scratch))
        XCTAssertThrowsError(try plugin.extract(ExtractionRequest(id: "d", text: "x"))) { error in
            XCTAssertEqual(error as? PluginError, .nullResult(plugin: plugin.label, document: "d", message: nil))
        }
    }

    func testCPlugin_wrongABI_isRefused() throws {
        let path = try PluginTestSupport.compileCPlugin(defines: ["WRONG_ABI"], in: scratch)
        XCTAssertThrowsError(try LibraryExtractor(path: path)) { error in
            XCTAssertEqual(error as? PluginError, .abiMismatch(plugin: path, found: 7, expected: 1))
        }
    }

    func testCPlugin_missingSymbol_isNamed() throws {
        let path = try PluginTestSupport.compileCPlugin(defines: ["NO_FREE"], in: scratch)
        XCTAssertThrowsError(try LibraryExtractor(path: path)) { error in
            XCTAssertEqual(error as? PluginError, .missingSymbol(plugin: path, symbol: "linkgraph_plugin_free"))
        }
    }

    func testLoad_missingFileAndNotALibrary_fail() throws {
        XCTAssertThrowsError(try LibraryExtractor(path: scratch.appendingPathComponent("nope.so").path)) { error in
            guard case .loadFailed(_, let reason)? = error as? PluginError else { return XCTFail("\(error)") }
            XCTAssertEqual(reason, "no such file")
        }
        let text = scratch.appendingPathComponent("text.so")
        try Data("not a library".utf8).write(to: text)
        XCTAssertThrowsError(try LibraryExtractor(path: text.path)) { error in
            guard case .loadFailed(let plugin, let reason)? = error as? PluginError else { return XCTFail("\(error)") }
            XCTAssertEqual(plugin, text.path)
            XCTAssertFalse(reason.isEmpty)
        }
    }

    func testCPlugin_concurrentCalls_areSerializedAndCorrect() throws {
        let path = try PluginTestSupport.compileCPlugin(in: scratch)
        // Two extractors of one library share its lock.
        let plugins = [try LibraryExtractor(path: path), try LibraryExtractor(path: path)]
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            let extraction = try? plugins[i % 2].extract(ExtractionRequest(id: "d\(i)", text: "x Alpha pays Beta"))
            results.append(extraction?.relations.first?.evidence.first == Span(start: 2, end: 17))
        }
        XCTAssertEqual(results.values.count, 64)
        XCTAssertTrue(results.values.allSatisfy { $0 })
    }

    func testSwiftPlugin_throughTheRealLoader() throws {
        let plugin = try LibraryExtractor(path: try PluginTestSupport.swiftKeywordPlugin())
        XCTAssertEqual(plugin.description.name, "swift-keywords")
        let text = "Later Harbor Trust paid Mara Quill. Édouard Lamy funds Nova Relief; Mara Quill kept quiet."
        let request = ExtractionRequest(
            id: "memo", text: text,
            options: ["names": .array([.object(["name": "Mara Quill", "kind": "person"])])])
        let extraction = try plugin.extract(request)
        let names = Dictionary(uniqueKeysWithValues: extraction.entities.map { ($0.id, $0) })
        let pays = extraction.relations.map { "\(names[$0.source]!.name) -> \(names[$0.target]!.name)" }
        XCTAssertEqual(pays, ["Harbor Trust -> Mara Quill", "Édouard Lamy -> Nova Relief"])
        let mara = try XCTUnwrap(extraction.entities.first { $0.name == "Mara Quill" })
        XCTAssertEqual(mara.kind, .person)
        XCTAssertEqual(mara.mentions.count, 2)
        let bytes = Array(text.utf8)
        for span in extraction.entities.flatMap(\.mentions) {
            let name = String(decoding: bytes[span.start..<span.end], as: UTF8.self)
            XCTAssertTrue(extraction.entities.contains { $0.name == name }, "span \(span) reads \(name)")
        }
        let evidence = try XCTUnwrap(extraction.relations.last?.evidence.first)
        XCTAssertEqual(
            String(decoding: bytes[evidence.start..<evidence.end], as: UTF8.self), "Édouard Lamy funds Nova Relief")
    }
}

final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Bool] = []

    func append(_ value: Bool) {
        lock.lock()
        values.append(value)
        lock.unlock()
    }
}
