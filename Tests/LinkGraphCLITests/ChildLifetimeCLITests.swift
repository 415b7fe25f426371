import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// A Graphviz worker and a subprocess plug-in end with the `linkgraph` that started them,
/// whether it is killed (SIGKILL: the children's parent-death signal) or asked to stop
/// (SIGTERM: passed on to them before linkgraph ends).
final class ChildLifetimeCLITests: XCTestCase {
    func testRender_killedWithSIGKILL_workerEndsToo() throws {
        try checkRenderWorkerEnds(after: SIGKILL)
    }

    func testRender_stoppedWithSIGTERM_workerEndsToo() throws {
        try checkRenderWorkerEnds(after: SIGTERM)
    }

    func testExtract_killedWithSIGKILL_subprocessPluginEndsToo() throws {
        try checkPluginEnds(after: SIGKILL)
    }

    func testExtract_stoppedWithSIGTERM_subprocessPluginEndsToo() throws {
        try checkPluginEnds(after: SIGTERM)
    }

    // MARK: Helpers

    private func checkRenderWorkerEnds(after signal: Int32, file: StaticString = #filePath, line: UInt = #line) throws {
        #if !os(Linux)
            throw XCTSkip("reads /proc")
        #else
            let dir = try TemporaryDirectory()
            // 1,500 nodes and 3,000 random edges: dot takes minutes (RenderSafetyCLITests).
            var seed: UInt64 = 7
            func next() -> Int {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int(seed >> 33) % 1500
            }
            let slow = try dir.write(
                "slow.gv", "digraph {" + (0..<3000).map { _ in "n\(next()) -> n\(next());" }.joined() + "}")
            let process = try start(["render", slow, "--layout", "dot", "--timeout", "600", "-o", dir.path("slow.svg")])
            let worker = try child(
                of: process.processIdentifier, commandContains: "graphviz-worker", file: file, line: line)
            try assertEnds(worker, after: signal, sentTo: process, file: file, line: line)
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("slow.svg")), file: file, line: line)
        #endif
    }

    private func checkPluginEnds(after signal: Int32, file: StaticString = #filePath, line: UInt = #line) throws {
        #if !os(Linux)
            throw XCTSkip("reads /proc")
        #else
            try ExtractorCommandsTests.requirePython()
            let dir = try TemporaryDirectory()
            let fixture = CLIRunner.repositoryRoot.appendingPathComponent(
                "Tests/LinkGraphPluginTests/Fixtures/faulty_plugin.py"
            ).path
            // With SIGTERM, the plug-in starts a child of its own (`sleep 987`), which must end too:
            // the signal goes to the plug-in's whole process group.
            let hang = try dir.write("hang.txt", signal == SIGTERM ? "HANGKIDS" : "HANG")
            let process = try start([
                "extract", hang, "--plugin-exec", "python3 '\(fixture)'", "--plugin-timeout", "600", "-o",
                dir.path("case.json"),
            ])
            let plugin = try child(
                of: process.processIdentifier, commandContains: "faulty_plugin.py", file: file, line: line)
            let grandchild =
                signal == SIGTERM ? try child(of: plugin, commandContains: "987", file: file, line: line) : nil
            try assertEnds(plugin, after: signal, sentTo: process, file: file, line: line)
            if let grandchild {
                let deadline = Date().addingTimeInterval(2)
                while Self.isAlive(grandchild), Date() < deadline { usleep(20_000) }
                let alive = Self.isAlive(grandchild)
                if alive { kill(grandchild, SIGKILL) }
                XCTAssertFalse(alive, "the plug-in's own child still runs", file: file, line: line)
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("case.json")), file: file, line: line)
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

    /// Sends `signal` to `parent`, waits for it, then checks that `child` is gone within 2 s.
    private func assertEnds(
        _ child: Int32, after signal: Int32, sentTo parent: Process, file: StaticString, line: UInt
    ) throws {
        XCTAssertTrue(Self.isAlive(child), "the child is running before the signal", file: file, line: line)
        kill(parent.processIdentifier, signal)
        parent.waitUntilExit()
        XCTAssertEqual(parent.terminationReason, .uncaughtSignal, file: file, line: line)
        XCTAssertEqual(parent.terminationStatus, signal, file: file, line: line)
        let deadline = Date().addingTimeInterval(2)
        while Self.isAlive(child), Date() < deadline { usleep(20_000) }
        let alive = Self.isAlive(child)
        if alive { kill(child, SIGKILL) }
        XCTAssertFalse(
            alive, "child \(child) still runs 2 s after its parent got signal \(signal)", file: file, line: line)
    }

    /// A child of `parent` whose command line contains `text` and that still runs 0.3 s after
    /// it is seen (not a short job before it: the parse before a render, `--describe` before
    /// the plug-in's worker), waiting up to 60 s for it (a busy machine starts slowly).
    private func child(of parent: Int32, commandContains text: String, file: StaticString, line: UInt) throws -> Int32 {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
                guard let pid = Int32(entry), Self.parent(of: pid) == parent,
                    let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
                    case let command = String(decoding: data, as: UTF8.self), command.contains(text),
                    !command.contains("--describe")
                else { continue }
                usleep(300_000)
                if Self.isAlive(pid) { return pid }
            }
            usleep(20_000)
        }
        XCTFail("no child running \(text) appeared", file: file, line: line)
        throw XCTSkip("no child to watch")
    }

    private static func parent(of pid: Int32) -> Int32? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else {
            return nil
        }
        let fields = stat[stat.index(close, offsetBy: 2)...].split(separator: " ")
        return fields.count > 1 ? Int32(fields[1]) : nil
    }

    /// Whether a process exists and is not a zombie (an orphan may wait for a reaper).
    private static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else {
            return false
        }
        return stat[stat.index(close, offsetBy: 2)] != "Z"
    }
}
