import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// `centrality --approximate` and the pruned top-k closeness against the NetworkX fixture;
/// bad parameters; Ctrl-C (a real SIGINT) during a long analysis and during a render.
final class CLIApproximateCentralityTests: XCTestCase {
    static let karate = CLIRunner.repositoryRoot.appendingPathComponent("Graphs/karate").path

    private func networkX(_ key: String) throws -> [String: Double] {
        let expected = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.karate + "/expected.json")))
                as? [String: Any])
        return try XCTUnwrap(expected[key] as? [String: Double])
    }

    func testApproximate_json_withinEpsilonOfNetworkXAndStatesGuarantee() throws {
        let result = try CLIRunner.run([
            "centrality", Self.karate + "/graph.edgelist", "--undirected", "--approximate", "--epsilon", "0.03",
            "--delta", "0.05", "--seed", "3", "--json",
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        let output = try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        let values = try XCTUnwrap(output["values"] as? [String: Double])
        let exact = try networkX("betweenness")
        XCTAssertEqual(Set(values.keys), Set(exact.keys))
        for (label, value) in values { XCTAssertEqual(value, exact[label]!, accuracy: 0.03, label) }
        let approximate = try XCTUnwrap(output["approximate"] as? [String: Any])
        XCTAssertEqual(approximate["epsilon"] as? Double, 0.03)
        XCTAssertEqual(approximate["delta"] as? Double, 0.05)
        XCTAssertGreaterThan(try XCTUnwrap(approximate["samples"] as? Int), 1000)
        XCTAssertTrue((approximate["guarantee"] as? String)?.contains("probability at least 0.95") == true)
        // The same seed gives the same values.
        let again = try CLIRunner.run([
            "centrality", Self.karate + "/graph.edgelist", "--undirected", "--approximate", "--epsilon", "0.03",
            "--delta", "0.05", "--seed", "3", "--json",
        ])
        XCTAssertEqual(again.stdout, result.stdout)
    }

    func testApproximate_text_printsTopAndGuarantee() throws {
        let result = try CLIRunner.run([
            "centrality", Self.karate + "/graph.edgelist", "--undirected", "--approximate", "--top", "3",
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "betweenness, approximate (top 3 of 34):")
        // NetworkX's top vertex of karate is 0, far ahead of the next (0.438 against 0.304).
        XCTAssertTrue(lines[1].hasSuffix("  0"), lines[1])
        XCTAssertTrue(lines.last?.hasPrefix("guarantee: every value is within 0.01 ") == true, result.stdout)
    }

    func testApproximate_badParameters_clearErrors() throws {
        let cases: [([String], String)] = [
            (["--approximate", "--epsilon", "0"], "--epsilon must be greater than 0 and less than 1"),
            (["--approximate", "--epsilon=-0.5"], "--epsilon must be greater than 0 and less than 1"),
            (["--approximate", "--delta", "1"], "--delta must be greater than 0 and less than 1"),
            (["--approximate", "--delta", "0"], "--delta must be greater than 0 and less than 1"),
            (["--approximate", "--measure", "closeness"], "--approximate estimates betweenness only"),
            (["--epsilon", "0.1"], "--epsilon, --delta and --seed go with --approximate"),
        ]
        for (extra, message) in cases {
            let result = try CLIRunner.run(["centrality", Self.karate + "/graph.edgelist", "--undirected"] + extra)
            XCTAssertNotEqual(result.status, 0, "\(extra)")
            XCTAssertTrue(result.stderr.contains(message), "\(extra): \(result.stderr)")
        }
    }

    func testCloseness_text_topKEqualsNetworkXTopK() throws {
        let exact = try networkX("closeness")
        let sorted = exact.sorted { $0.value > $1.value || ($0.value == $1.value && Int($0.key)! < Int($1.key)!) }
        let result = try CLIRunner.run([
            "centrality", Self.karate + "/graph.edgelist", "--undirected", "--measure", "closeness", "--top", "5",
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        let rows = result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: " ") }
        XCTAssertEqual(rows.count, 5)
        for (row, oracle) in zip(rows, sorted.prefix(5)) {
            XCTAssertEqual(String(row.last!), oracle.key)
            XCTAssertEqual(Double(row[1])!, oracle.value, accuracy: 1e-6)
        }
    }

    // MARK: Ctrl-C

    /// A long sampled betweenness (ε = 0.001 on 20,000 vertices) stopped by SIGINT: exit 130.
    func testApproximate_interruptedWithSIGINT_exits130() throws {
        let dir = try TemporaryDirectory()
        var random = UInt64(5)
        var lines: [String] = []
        for v in 1..<20_000 {
            for _ in 0..<3 {
                random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                lines.append("\(v) \(Int(random >> 33) % v)")
            }
        }
        let graph = try dir.write("big.edges", lines.joined(separator: "\n") + "\n")
        let process = try start([
            "centrality", graph, "--undirected", "--approximate", "--epsilon", "0.001", "--json",
        ])
        usleep(1_500_000)
        XCTAssertTrue(process.isRunning, "finished before the signal: make the run longer")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 130)
    }

    /// A render stopped by SIGINT while Graphviz lays out: exit 130, the worker gone, no drawing
    /// and no temporary file left.
    func testRender_interruptedWithSIGINT_exits130_workerGone_noFilesLeft() throws {
        #if !os(Linux)
            throw XCTSkip("reads /proc")
        #else
            let dir = try TemporaryDirectory()
            var seed: UInt64 = 7
            func next() -> Int {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int(seed >> 33) % 1500
            }
            let slow = try dir.write(
                "slow.gv", "digraph {" + (0..<3000).map { _ in "n\(next()) -> n\(next());" }.joined() + "}")
            let process = try start(["render", slow, "--layout", "dot", "--timeout", "600", "-o", dir.path("slow.svg")])
            let worker = try workerOf(process.processIdentifier)
            kill(process.processIdentifier, SIGINT)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationReason, .exit)
            XCTAssertEqual(process.terminationStatus, 130)
            let deadline = Date().addingTimeInterval(2)
            while kill(worker, 0) == 0, Date() < deadline { usleep(20_000) }
            let alive = kill(worker, 0) == 0 && !Self.isZombie(worker)
            if alive { kill(worker, SIGKILL) }
            XCTAssertFalse(alive, "the Graphviz worker still runs")
            let left = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted()
            XCTAssertEqual(left, ["slow.gv"])
        #endif
    }

    private func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = try CLIRunner.executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        addTeardownBlock { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        return process
    }

    /// The pid of the Graphviz worker `parent` started (waiting up to 60 s on a busy machine).
    private func workerOf(_ parent: Int32) throws -> Int32 {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
                guard let pid = Int32(entry),
                    let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                    let close = stat.lastIndex(of: ")"),
                    stat[stat.index(close, offsetBy: 2)...].split(separator: " ").dropFirst().first == "\(parent)"[...],
                    let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
                    String(decoding: data, as: UTF8.self).contains("graphviz-worker")
                else { continue }
                usleep(300_000)
                if kill(pid, 0) == 0 { return pid }
            }
            usleep(20_000)
        }
        throw XCTSkip("no Graphviz worker appeared")
    }

    private static func isZombie(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return true }
        return stat[stat.index(close, offsetBy: 2)...].hasPrefix("Z")
    }
}
