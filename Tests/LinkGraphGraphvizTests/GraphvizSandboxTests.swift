import Foundation
import LinkGraphFormats
import LinkGraphGraphviz
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `GraphvizSandbox`: the same results as in process, crashes, hangs and the memory and
/// output limits turned into errors, no descriptors or zombies left, concurrent use.
/// The worker is the built `linkgraph` binary (`linkgraph graphviz-worker`).
final class GraphvizSandboxTests: XCTestCase {
    /// The `linkgraph` executable beside the test bundle.
    static var worker: String {
        get throws {
            var directory = Bundle.main.bundleURL
            for _ in 0..<3 {
                let candidate = directory.appendingPathComponent("linkgraph")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
                directory = directory.deletingLastPathComponent()
            }
            throw XCTSkip(
                "the linkgraph binary (the sandbox's worker) was not found near \(Bundle.main.bundleURL.path)")
        }
    }

    func sandbox(_ limits: GraphvizSandbox.Limits = .init(seconds: 60)) throws -> GraphvizSandbox {
        GraphvizSandbox(executable: try Self.worker, limits: limits)
    }

    /// DOT inputs from Graphviz's issue tracker that crash Graphviz 2.43 in layout
    /// (rtest/167.dot, 1221.dot, 1783.dot, 1408.dot of the shared corpus, inlined).
    static let crashers: [(name: String, dot: String, signal: Int32)] = [
        ("concentrate", "digraph G {\n concentrate=true;\n  a -> 4 -> b\n  a -> b\n  a -> b\n  b -> a\n}\n", SIGSEGV),
        (
            "newrank, node in two clusters",
            "digraph { newrank=true subgraph cluster_1 { 1 } subgraph cluster_2 { 1 } }", SIGSEGV
        ),
        ("weight 2^30", "digraph code {\nedge [weight=1073741824];\n  \"1\" -> \"0\";\n}\n", SIGSEGV),
        (
            "ortho with clusters",
            """
            digraph map { splines=ortho; rankdir="LR";
              subgraph "cluster_1" { node [style=filled]; style=filled; label="Cluster 1"; "node1" [shape=house] }
              subgraph "cluster_2" { node [style=filled]; style=filled; label="Cluster 2"; "node2" [shape=box3d] }
              "node2" -> "node1" [arrowhead=dot] }
            """, SIGABRT
        ),
    ]

    // MARK: Same results as in process

    func testRendering_sameBytesAsInProcess() throws {
        let (graph, _) = Hostile.graph()
        for format in [GraphvizFormat.svg, .json, .dot] {
            let inside = try Graphviz.shared.rendering(graph, format: format)
            let outside = try sandbox().rendering(graph, format: format)
            XCTAssertEqual(outside.data, inside.data, "\(format)")
            XCTAssertEqual(outside.warnings, inside.warnings)
        }
        let png = try sandbox().rendering(graph, format: .png)
        XCTAssertEqual(Array(png.data.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    func testParse_sameGraphAsInProcess() throws {
        let text = DOTWriter.write(Hostile.graph().graph)
        XCTAssertEqual(try sandbox().parse(text), try GraphvizDOTParser.parse(text))
    }

    func testRenderingDOT_sameBytesAsInProcess() throws {
        // Named: an anonymous graph is called %N after a process-wide count.
        let text = "digraph G { a -> b [label=\"x\"]; subgraph cluster_c { c; d } c -> a }"
        XCTAssertEqual(
            try sandbox().rendering(dot: text, format: .svg).data,
            try Graphviz.shared.rendering(dot: text, format: .svg).data)
    }

    // MARK: Errors as in process

    func testSyntaxAndLayoutErrors_comeBackWithGraphvizMessage() throws {
        XCTAssertThrowsError(try sandbox().parse("digraph {\n a -> \n}")) { error in
            let error = error as? GraphvizError
            XCTAssertEqual(error?.kind, .syntax)
            XCTAssertEqual(error?.line, 3)
            XCTAssertTrue(error?.message.contains("syntax error in line 3") ?? false, "\(String(describing: error))")
        }
        XCTAssertThrowsError(try sandbox().rendering(dot: "digraph { a [label=<<script>x</script>>] }", format: .svg)) {
            error in
            XCTAssertEqual((error as? GraphvizError)?.kind, .layout)
            XCTAssertTrue("\(error)".contains("Unknown HTML element <script>"), "\(error)")
        }
    }

    // MARK: Crashes, hangs, limits

    func testCrashingGraphs_becomeCrashErrors_callerAlive() throws {
        for crasher in Self.crashers {
            XCTAssertThrowsError(
                try sandbox().rendering(dot: crasher.dot, format: .svg, source: "crash.gv"), crasher.name
            ) { error in
                guard let error = error as? GraphvizError else { return XCTFail("\(crasher.name): \(error)") }
                XCTAssertEqual(error.kind, .crash, "\(crasher.name): \(error)")
                XCTAssertTrue(error.message.hasPrefix("Graphviz crashed (signal \(crasher.signal)"), error.message)
                XCTAssertTrue(error.message.contains("while laying out crash.gv with dot"), error.message)
                XCTAssertEqual("\(error)", error.message)
            }
        }
        // The failed assertion is quoted from Graphviz's last words.
        XCTAssertThrowsError(try sandbox().rendering(dot: Self.crashers[3].dot, format: .svg)) { error in
            XCTAssertTrue("\(error)".contains("Assertion"), "\(error)")
        }
        // The same graphs drawn after DOTSanitizer: no crash.
        for crasher in Self.crashers {
            let graph = try GraphvizDOTParser.parse(crasher.dot)
            let safe = DOTSanitizer.sanitize(graph)
            XCTAssertFalse(safe.warnings.isEmpty, crasher.name)
            let svg = try sandbox().rendering(safe.graph, format: .svg)
            XCTAssertTrue(svg.data.count > 100, crasher.name)
        }
    }

    func testHang_stoppedAtTimeLimit() throws {
        // 1,500 nodes and 3,000 random edges: parsed in milliseconds, but dot's crossing
        // minimisation takes minutes on it.
        var seed: UInt64 = 1
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(seed >> 33) % 1500
        }
        let chain = "digraph {" + (0..<3000).map { _ in "n\(next()) -> n\(next());" }.joined() + "}"
        let started = Date()
        XCTAssertThrowsError(try sandbox(.init(seconds: 2)).rendering(dot: chain, format: .svg, source: "chain.gv")) {
            error in
            guard let error = error as? GraphvizError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.kind, .timeout)
            XCTAssertTrue(
                error.message.hasPrefix("Graphviz did not finish within 2 s while laying out chain.gv with dot"),
                error.message)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }

    func testMemoryLimit_becomesLimitError() throws {
        if GraphvizWorker.underAddressSanitizer { throw XCTSkip("no address-space limit under AddressSanitizer") }
        // 200,000 nodes need more than 400 MB of address space.
        let big = "digraph {" + (0..<200_000).map { "n\($0) -> n\(($0 * 7 + 1) % 200_000);" }.joined() + "}"
        XCTAssertThrowsError(
            try sandbox(.init(seconds: 60, memoryBytes: 400 << 20)).rendering(dot: big, layout: .sfdp, format: .svg)
        ) { error in
            guard let error = error as? GraphvizError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.kind, .limit, "\(error)")
            XCTAssertTrue(error.message.contains("out of memory (limit 400 MB"), error.message)
        }
    }

    func testOutputLimit_becomesLimitError() throws {
        // Over the limit: refused after the worker answers.
        let graph = DOTGraph(nodes: (0..<200).map { DOTNode("node number \($0)") })
        XCTAssertThrowsError(try sandbox(.init(seconds: 60, outputBytes: 4 << 10)).rendering(graph, format: .svg)) {
            error in
            guard let error = error as? GraphvizError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.kind, .limit, "\(error)")
            XCTAssertTrue(error.message.contains("is larger than the limit of 4096 bytes"), error.message)
        }
        // Far over it (past the 1 MiB the worker's file-size limit allows for the answer's
        // header): the worker is stopped by SIGXFSZ while it writes.
        let big = DOTGraph(
            nodes: (0..<2_000).map {
                DOTNode("n\($0)", attributes: ["label": .plain(String(repeating: "x", count: 700))])
            })
        XCTAssertThrowsError(try sandbox(.init(seconds: 60, outputBytes: 4 << 10)).rendering(big, format: .svg)) {
            error in
            guard let error = error as? GraphvizError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.kind, .limit, "\(error)")
            XCTAssertTrue(error.message.contains("larger than the limit"), error.message)
        }
    }

    func testWorker_missingOrNotAWorker_becomesWorkerError() throws {
        let missing = GraphvizSandbox(executable: "/nonexistent/linkgraph")
        XCTAssertThrowsError(try missing.rendering(DOTGraph(), format: .svg)) { error in
            XCTAssertEqual((error as? GraphvizError)?.kind, .worker, "\(error)")
            XCTAssertTrue("\(error)".contains("/nonexistent/linkgraph"), "\(error)")
        }
        let notAWorker = GraphvizSandbox(executable: "/bin/true", arguments: [])
        XCTAssertThrowsError(try notAWorker.rendering(DOTGraph(), format: .svg)) { error in
            XCTAssertEqual((error as? GraphvizError)?.kind, .worker, "\(error)")
        }
    }

    // MARK: Resources

    func testManyRuns_leaveNoDescriptorsNorChildren() throws {
        let sandbox = try sandbox()
        _ = try sandbox.rendering(DOTGraph(nodes: [DOTNode("warm")]), format: .svg)
        let descriptors = Self.openDescriptors()
        for i in 0..<40 {
            if i % 4 == 0 {
                XCTAssertThrowsError(try sandbox.rendering(dot: Self.crashers[0].dot, format: .svg))
            } else {
                _ = try sandbox.rendering(DOTGraph(nodes: [DOTNode("n\(i)")]), format: .svg)
            }
        }
        XCTAssertEqual(Self.openDescriptors(), descriptors)
        XCTAssertEqual(Self.children(), [])
    }

    func testConcurrentRuns_allSucceed() throws {
        let sandbox = try sandbox()
        let results = Results(count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            let graph = DOTGraph(nodes: [DOTNode("only-\(i)")])
            results.set(
                i, (try? sandbox.rendering(graph, format: .svg)).map { String(decoding: $0.data, as: UTF8.self) })
        }
        for i in 0..<8 {
            XCTAssertTrue(results.get(i)?.contains("only&#45;\(i)") ?? false, "run \(i)")
        }
    }

    final class Results: @unchecked Sendable {
        private var values: [String?]
        private let lock = NSLock()
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: String?) { lock.withLock { values[i] = value } }
        func get(_ i: Int) -> String? { lock.withLock { values[i] } }
    }

    static func openDescriptors() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).sorted()
    }

    /// The ids of this process's children (every thread's), from /proc.
    static func children() -> [String] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        return tasks.flatMap { task -> [String] in
            let text = (try? String(contentsOfFile: "/proc/self/task/\(task)/children", encoding: .utf8)) ?? ""
            return text.split(separator: " ").map(String.init)
        }
    }
}
