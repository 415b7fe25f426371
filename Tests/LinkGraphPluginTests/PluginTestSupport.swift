import Foundation
import XCTest

/// Paths, scratch directories, compilers and process inspection for the plug-in tests.
enum PluginTestSupport {
    /// The repository root, found from this file's path.
    static let repositoryRoot = SharedData.repositoryRoot

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    static let headerDirectory = repositoryRoot.appendingPathComponent("Plugins/Examples/include").path

    /// A new empty directory under the system's temporary directory.
    static func scratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "linkgraph-plugin-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The first executable named `name` in `PATH`, or nil.
    static func which(_ name: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Python 3, or a skip.
    static func python() throws -> String {
        guard let python = which("python3") else { throw XCTSkip("python3 is not installed") }
        return python
    }

    /// Runs a program to its end; fails the test with its output when it exits non-zero.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line)
        throws -> String
    {
        let result = try CLIRunner.run(executable: URL(fileURLWithPath: executable), arguments)
        let text = result.stdout + result.stderr
        if result.status != 0 {
            XCTFail("\(executable) \(arguments.joined(separator: " ")) failed:\n\(text)", file: file, line: line)
            throw XCTSkip("the build step failed")
        }
        return text
    }

    /// Compiles `Fixtures/test_plugin.c` as a shared library with extra `-D` flags.
    static func compileCPlugin(defines: [String] = [], in directory: URL) throws -> String {
        guard let cc = which("cc") ?? which("gcc") ?? which("clang") else { throw XCTSkip("no C compiler") }
        let suffix = defines.isEmpty ? "good" : defines.joined(separator: "-").lowercased()
        let output = directory.appendingPathComponent("libctest-\(suffix).so").path
        try run(
            cc,
            ["-shared", "-fPIC", "-O1", "-Wall", "-I", headerDirectory] + defines.map { "-D\($0)" }
                + [fixture("test_plugin.c"), "-o", output])
        return output
    }

    /// The built example Swift plug-in: beside the test bundle when `swift build` made it,
    /// else compiled here with `swiftc` (no SwiftPM run, so no build-directory lock is needed).
    static func swiftKeywordPlugin() throws -> String {
        let name = "libSwiftKeywordExtractor.so"
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        let built = FileManager.default.temporaryDirectory.appendingPathComponent("linkgraph-swift-plugin-\(getpid())")
        let output = built.appendingPathComponent(name).path
        if FileManager.default.fileExists(atPath: output) { return output }
        try FileManager.default.createDirectory(at: built, withIntermediateDirectories: true)
        guard let swiftc = which("swiftc") else { throw XCTSkip("swiftc not found to build the example plug-in") }
        let source = repositoryRoot.appendingPathComponent(
            "Plugins/Examples/SwiftKeywordExtractor/KeywordExtractor.swift"
        ).path
        try run(
            swiftc,
            ["-emit-library", "-module-name", "SwiftKeywordExtractor", "-parse-as-library", source, "-o", output])
        return output
    }

    /// Processes whose parent is this process, with their state letter (`Z` for a zombie).
    static func childProcesses() -> [(pid: Int32, state: Character, command: String)] {
        let me = getpid()
        var out: [(Int32, Character, String)] = []
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(entry),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            let command = String(stat[stat.index(after: stat.firstIndex(of: "(")!)..<close])
            let fields = stat[stat.index(close, offsetBy: 2)...].split(separator: " ")
            guard fields.count > 2, let ppid = Int32(fields[1]), ppid == me else { continue }
            out.append((pid, fields[0].first!, command))
        }
        return out
    }

    /// Live processes whose command line is exactly `arguments`.
    static func liveProcesses(commandLine arguments: [String]) -> [Int32] {
        let wanted = arguments.joined(separator: "\u{0}") + "\u{0}"
        var out: [Int32] = []
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(entry),
                let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
                String(decoding: data, as: UTF8.self) == wanted
            else { continue }
            out.append(pid)
        }
        return out
    }

    /// Whether a process exists and is not a zombie.
    static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else {
            return false
        }
        return stat[stat.index(close, offsetBy: 2)] != "Z"
    }
}
