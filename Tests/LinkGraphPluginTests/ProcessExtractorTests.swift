import LinkGraph
import XCTest

@testable import LinkGraphPlugin

/// The subprocess loader against real Python programs: the example plug-in, and a faulty one
/// that crashes, hangs, prints garbage or 100 MB, or exits, on request.
final class ProcessExtractorTests: XCTestCase {
    func faulty(timeout: Double = 2, maxResponseBytes: Int = ProcessExtractor.defaultMaxResponseBytes) throws
        -> ProcessExtractor
    {
        let python = try PluginTestSupport.python()
        return try ProcessExtractor(
            command: "'\(python)' '\(PluginTestSupport.fixture("faulty_plugin.py"))'", timeout: timeout,
            maxResponseBytes: maxResponseBytes)
    }

    func healthy(_ plugin: ProcessExtractor, _ id: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(
            try plugin.extract(ExtractionRequest(id: id, text: "Alpha and Beta")).entities.map(\.name),
            ["Alpha", "Beta"],
            "the document after a failure still goes through", file: file, line: line)
    }

    override func tearDown() {
        // Whatever a test did, no child of this process may be left, zombie or alive.
        XCTAssertEqual(PluginTestSupport.childProcesses().map(\.command), [])
    }

    /// The zombie check of `tearDown` can see a zombie: an unreaped child is listed with state Z.
    func testChildProcessDetector_seesAnUnreapedChild() throws {
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("true"), nil]
        defer { free(argv[0]) }
        XCTAssertEqual(posix_spawnp(&pid, "true", nil, nil, argv, environ), 0)
        var seen: [(pid: Int32, state: Character, command: String)] = []
        for _ in 0..<200 {
            seen = PluginTestSupport.childProcesses().filter { $0.pid == pid }
            if seen.first?.state == "Z" { break }
            usleep(10_000)
        }
        XCTAssertEqual(seen.first?.state, "Z")
        var status: Int32 = 0
        XCTAssertEqual(waitpid(pid, &status, 0), pid)
        XCTAssertTrue(PluginTestSupport.childProcesses().isEmpty)
    }

    func testExample_pythonPlugin_describesAndExtracts() throws {
        let python = try PluginTestSupport.python()
        let script = PluginTestSupport.repositoryRoot.appendingPathComponent(
            "Plugins/Examples/python/keyword_extractor.py"
        ).path
        let plugin = try ProcessExtractor(command: "\(python) \(script)")
        XCTAssertEqual(plugin.description.name, "python-keywords")
        XCTAssertEqual(plugin.description.origin, .process(command: "\(python) \(script)"))
        let text = "Later Harbor Trust paid Mara Quill. Édouard Lamy funds Nova Relief; Mara Quill kept quiet."
        let request = ExtractionRequest(
            id: "memo", text: text, options: ["names": .array([.object(["name": "Mara Quill", "kind": "person"])])])
        for _ in 0..<3 {  // one worker process serves many documents
            let extraction = try plugin.extract(request)
            let names = Dictionary(uniqueKeysWithValues: extraction.entities.map { ($0.id, $0.name) })
            XCTAssertEqual(
                extraction.relations.map { "\(names[$0.source]!) -> \(names[$0.target]!)" },
                ["Harbor Trust -> Mara Quill", "Édouard Lamy -> Nova Relief"])
            let bytes = Array(text.utf8)
            let evidence = try XCTUnwrap(extraction.relations.last?.evidence.first)
            XCTAssertEqual(
                String(decoding: bytes[evidence.start..<evidence.end], as: UTF8.self), "Édouard Lamy funds Nova Relief")
            XCTAssertEqual(extraction.entities.first { $0.name == "Mara Quill" }?.mentions.count, 2)
        }
        XCTAssertEqual(plugin.launches, 2, "one process for --describe, one worker for all three documents")
        plugin.shutdown()
        XCTAssertNil(plugin.workerPID)
    }

    func testCrash_isReportedWithTheSignal_andTheNextDocumentGoesThrough() throws {
        let plugin = try faulty()
        healthy(plugin, "before")
        XCTAssertThrowsError(try plugin.extract(ExtractionRequest(id: "doc-crash", text: "CRASH now"))) { error in
            guard case .crashed(let name, "doc-crash", let signal, _)? = error as? PluginError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(signal, SIGSEGV)
            XCTAssertTrue(name.hasPrefix("faulty"))
        }
        healthy(plugin, "after")
        plugin.shutdown()
    }

    func testHang_isKilledAtTheTimeLimit_andRestarted() throws {
        let plugin = try faulty(timeout: 1)
        healthy(plugin, "warm-up")
        let hungPID = try XCTUnwrap(plugin.workerPID)
        let start = Date()
        XCTAssertThrowsError(try plugin.extract(ExtractionRequest(id: "doc-hang", text: "HANG please"))) { error in
            XCTAssertEqual(error as? PluginError, .timeout(plugin: plugin.label, document: "doc-hang", seconds: 1))
        }
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertGreaterThanOrEqual(elapsed, 0.9)
        XCTAssertLessThan(elapsed, 6, "the hang must end soon after the limit")
        XCTAssertNil(plugin.workerPID, "the hung worker is gone")
        XCTAssertFalse(PluginTestSupport.isAlive(hungPID))
        healthy(plugin, "after")
        XCTAssertNotEqual(plugin.workerPID, hungPID)
        plugin.shutdown()
    }

    func testHang_withAGrandchildHoldingThePipes_killsTheWholeGroup() throws {
        let plugin = try faulty(timeout: 1)
        healthy(plugin, "warm-up")
        XCTAssertThrowsError(try plugin.extract(ExtractionRequest(id: "doc-kids", text: "HANGKIDS"))) { error in
            guard case .timeout? = error as? PluginError else { return XCTFail("\(error)") }
        }
        // The grandchild `sleep 987` was in the worker's process group and died with it.
        var survivors = PluginTestSupport.liveProcesses(commandLine: ["sleep", "987"]).filter(PluginTestSupport.isAlive)
        for _ in 0..<50 where !survivors.isEmpty {
            usleep(20_000)
            survivors = survivors.filter(PluginTestSupport.isAlive)
        }
        XCTAssertEqual(survivors, [])
        healthy(plugin, "after")
        plugin.shutdown()
    }

    func testGarbageLine_isInvalidJSON_andTheWorkerIsReplaced() throws {
        let plugin = try faulty()
        healthy(plugin, "before")
        let first = plugin.workerPID
        XCTAssertThrowsError(try plugin.extract(ExtractionRequest(id: "doc-garbage", text: "GARBAGE"))) { error in
            guard case .invalidResponse(_, "doc-garbage", .syntax(let line, let column, _))? = error as? PluginError
            else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual([line, column], [1, 1])
        }
        XCTAssertNil(plugin.workerPID)
        healthy(plugin, "after")
        XCTAssertNotEqual(plugin.workerPID, first)
        plugin.shutdown()
    }

    func testHugeOutput_100MB_isTooLarge_notAnOutOfMemory() throws {
        let plugin = try faulty(timeout: 20)
        XCTAssertThrowsError(try plugin.extract(ExtractionRequest(id: "doc-huge", text: "HUGE"))) { error in
            XCTAssertEqual(
                error as? PluginError,
                .tooLarge(plugin: plugin.label, document: "doc-huge", limit: ProcessExtractor.defaultMaxResponseBytes))
        }
        healthy(plugin, "after")
        plugin.shutdown()
    }

    func testEarlyExit_statusZero_andNonZeroExit_withStandardError() throws {
        let plugin = try faulty()
        XCTAssertThrowsError(try plugin.extract(ExtractionRequest(id: "doc-exit0", text: "EXIT0"))) { error in
            XCTAssertEqual(
                error as? PluginError, .exited(plugin: plugin.label, document: "doc-exit0", status: 0, stderr: ""))
        }
        healthy(plugin, "between")
        XCTAssertThrowsError(try plugin.extract(ExtractionRequest(id: "doc-exit3", text: "EXIT3"))) { error in
            guard case .exited(_, "doc-exit3", 3, let stderr)? = error as? PluginError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(stderr, "faulty: giving up on purpose\n")
            XCTAssertTrue("\(error)".contains("giving up on purpose"))
        }
        healthy(plugin, "after")
        plugin.shutdown()
    }

    func testReportedErrorAndBadReference_failOneDocument_andKeepTheWorker() throws {
        let plugin = try faulty()
        healthy(plugin, "before")
        let worker = plugin.workerPID
        XCTAssertThrowsError(try plugin.extract(ExtractionRequest(id: "doc-err", text: "ERROR"))) { error in
            XCTAssertEqual(
                error as? PluginError,
                .reportedError(plugin: plugin.label, document: "doc-err", message: "cannot read this one"))
        }
        XCTAssertThrowsError(try plugin.extract(ExtractionRequest(id: "doc-ref", text: "BADREF"))) { error in
            guard case .invalidResponse(_, "doc-ref", let reason)? = error as? PluginError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(reason.problems.map(\.path), ["relations[0].source", "relations[0].target"])
        }
        healthy(plugin, "after")
        XCTAssertEqual(plugin.workerPID, worker, "answers that are JSON keep the conversation in step")
        plugin.shutdown()
    }

    /// Neither side can block the other: a large request is written while the plug-in's
    /// standard error and output are read, and its standard error is kept bounded.
    func testLargeRequest_andMuchStandardError_doNotDeadlock() throws {
        let plugin = try faulty(timeout: 20)
        let big = "Alpha " + String(repeating: "x", count: 5_000_000) + " Beta"
        let extraction = try plugin.extract(ExtractionRequest(id: "big", text: big))
        XCTAssertEqual(extraction.entities.map(\.name), ["Alpha", "Beta"])
        XCTAssertEqual(extraction.entities[1].mentions, [Span(start: 5_000_007, end: 5_000_011)])
        XCTAssertEqual(
            try plugin.extract(ExtractionRequest(id: "noisy", text: "NOISY")).entities.map(\.name), ["Noisy"])
        XCTAssertThrowsError(try plugin.extract(ExtractionRequest(id: "exit", text: "EXIT3"))) { error in
            guard case .exited(_, _, 3, let stderr)? = error as? PluginError else { return XCTFail("\(error)") }
            XCTAssertLessThanOrEqual(stderr.utf8.count, ProcessExtractor.stderrLimit)
            XCTAssertTrue(stderr.hasSuffix("last words\nfaulty: giving up on purpose\n"), String(stderr.suffix(80)))
        }
        plugin.shutdown()
    }

    func testTwoLinesForOneRequest_isAProtocolError() throws {
        let plugin = try faulty()
        XCTAssertThrowsError(try plugin.extract(ExtractionRequest(id: "doc-two", text: "TWOLINES"))) { error in
            guard case .invalidResponse(_, "doc-two", _)? = error as? PluginError else { return XCTFail("\(error)") }
        }
        healthy(plugin, "after")
        plugin.shutdown()
    }

    func testManyDocuments_mixedFailures_eachReported_othersGoThrough() throws {
        let plugin = try faulty(timeout: 1)
        // Each failure is followed by a document that a fresh worker (with its start-up grace) must answer.
        let texts = [
            "Alpha and Beta", "CRASH", "Alpha and Beta", "GARBAGE", "Alpha and Beta", "HANG", "Alpha and Beta", "EXIT3",
            "Alpha and Beta",
        ]
        var succeeded = 0
        var failed: [String] = []
        for (i, text) in texts.enumerated() {
            do {
                let extraction = try plugin.extract(ExtractionRequest(id: "d\(i)", text: text))
                XCTAssertEqual(extraction.entities.map(\.name), ["Alpha", "Beta"])
                succeeded += 1
            } catch let error as PluginError {
                XCTAssertTrue(error.description.contains("d\(i)"), error.description)
                failed.append("d\(i)")
            }
        }
        XCTAssertEqual(succeeded, 5)
        XCTAssertEqual(failed, ["d1", "d3", "d5", "d7"])
        plugin.shutdown()
    }

    func testDeinit_stopsTheWorker_noZombie() throws {
        var pid: pid_t?
        do {
            let plugin = try faulty()
            healthy(plugin, "only")
            pid = plugin.workerPID
        }
        let worker = try XCTUnwrap(pid)
        XCTAssertFalse(PluginTestSupport.isAlive(worker))
    }

    func testDescribe_failures_areClearErrors() throws {
        let python = try PluginTestSupport.python()
        XCTAssertThrowsError(try ProcessExtractor(command: "/no/such/program --flag")) { error in
            guard case .launchFailed(_, let reason)? = error as? PluginError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("/no/such/program"), reason)
        }
        XCTAssertThrowsError(
            try ProcessExtractor(command: "\(python) -c 'import sys; sys.stderr.write(\"nope\\n\"); sys.exit(4)'")
        ) { error in
            guard case .invalidDescription(_, let reason)? = error as? PluginError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("status 4"), reason)
            XCTAssertTrue(reason.contains("nope"), reason)
        }
        XCTAssertThrowsError(try ProcessExtractor(command: "\(python) -c 'print(\"hello\")'")) { error in
            guard case .invalidDescription(_, let reason)? = error as? PluginError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("not valid JSON"), reason)
        }
        let start = Date()
        XCTAssertThrowsError(try ProcessExtractor(command: "\(python) -c 'import time; time.sleep(60)'", timeout: 1)) {
            error in
            guard case .invalidDescription(_, let reason)? = error as? PluginError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("no answer within 6.0 s"), reason)
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 1 + ProcessExtractor.startupGrace + 5)
        XCTAssertThrowsError(try ProcessExtractor(command: "python3 'unterminated")) { error in
            guard case .badCommandLine? = error as? PluginError else { return XCTFail("\(error)") }
        }
    }
}
