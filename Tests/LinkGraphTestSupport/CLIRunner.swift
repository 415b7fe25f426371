import Foundation
import XCTest

/// Runs the built `linkgraph` binary as a user would (or any other program), capturing its
/// output and exit status.
public struct CLIRunner {
    public struct Result {
        public let status: Int32
        public let stdout: String
        public let stderr: String
        public let stdoutData: Data
    }

    /// The `linkgraph` executable beside the test bundle (the test target depends on it, so
    /// SwiftPM builds it first).
    public static var executable: URL {
        get throws {
            var directory = Bundle.main.bundleURL
            for _ in 0..<3 {
                let candidate = directory.appendingPathComponent("linkgraph")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                directory = directory.deletingLastPathComponent()
            }
            throw XCTSkip("the linkgraph binary was not found near \(Bundle.main.bundleURL.path)")
        }
    }

    /// The repository root.
    public static var repositoryRoot: URL { SharedData.repositoryRoot }

    /// Runs `linkgraph ARGUMENTS` in `directory` and waits for it to end. Standard output and
    /// error go to temporary files, so a large output can never block the child.
    public static func run(_ arguments: [String], in directory: URL? = nil, stdin: Data? = nil) throws -> Result {
        try run(executable: executable, arguments, in: directory, stdin: stdin)
    }

    /// Runs any program the same way (`dot`, a compiler, a plug-in host) and waits for it.
    public static func run(
        executable: URL, _ arguments: [String], in directory: URL? = nil, stdin: Data? = nil
    ) throws -> Result {
        let scratch = try TemporaryDirectory()
        let outPath = scratch.path("stdout"), errPath = scratch.path("stderr"), inPath = scratch.path("stdin")
        for path in [outPath, errPath] { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        _ = FileManager.default.createFile(atPath: inPath, contents: stdin ?? Data())
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
        defer {
            try? out.close()
            try? err.close()
            try? input.close()
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        process.waitUntilExit()
        let outData = try Data(contentsOf: URL(fileURLWithPath: outPath))
        let errData = try Data(contentsOf: URL(fileURLWithPath: errPath))
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), stdoutData: outData)
    }
}

/// A temporary directory removed when the test ends.
public final class TemporaryDirectory {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("linkgraph-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    public func write(_ name: String, _ text: String) throws -> String {
        let path = path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Runs the built `linkgraph` with a time limit, standard output and error going to files (so
/// a large output cannot block it), reporting a signal, a timeout and the time taken. At the
/// limit it is sent SIGTERM, and SIGKILL 5 s later.
public enum TimedRun {
    public struct Result {
        public let status: Int32
        public let signaled: Bool
        public let timedOut: Bool
        public let seconds: Double
        public let stdout: String
        public let stderr: String
    }

    public static func run(_ arguments: [String], limit: TimeInterval) throws -> Result {
        let scratch = try TemporaryDirectory()
        let outPath = scratch.path("stdout"), errPath = scratch.path("stderr")
        for path in [outPath, errPath] { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        defer {
            try? out.close()
            try? err.close()
        }
        let process = Process()
        process.executableURL = try CLIRunner.executable
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        let started = Date()
        try process.run()
        var timedOut = false
        if done.wait(timeout: .now() + limit) == .timedOut {
            timedOut = true
            process.terminate()
            if done.wait(timeout: .now() + 5) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                done.wait()
            }
        }
        return Result(
            status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
            timedOut: timedOut,
            seconds: Date().timeIntervalSince(started),
            stdout: String(decoding: try Data(contentsOf: URL(fileURLWithPath: outPath)), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self))
    }
}
