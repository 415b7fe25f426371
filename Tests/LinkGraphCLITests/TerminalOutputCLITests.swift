import Foundation
import XCTest

/// What the commands print (issue 16, items 6 and 13): a failed write to standard output is
/// an error with a non-zero exit, and names from a hostile case cannot control the terminal.
final class TerminalOutputCLITests: XCTestCase {
    /// Names an attacker could plant in documents: screen clear, window title, an OSC 8 link,
    /// a fake line, a right-to-left override, an 8-bit CSI (C1), a backslash.
    static let hostileNames = [
        "Clear\u{1B}[2J\u{1B}[H", "Title\u{1B}]0;pwned\u{07}",
        "\u{1B}]8;;http://evil.example\u{1B}\\Link\u{1B}]8;;\u{1B}\\", "Fake\r\nroot: everything is fine",
        "\u{202E}lanigiro", "Csi\u{9B}31m", "Back\\slash",
    ]

    /// A case of the hostile names, each reporting to the next (e0 → e1 → ...), written by
    /// Foundation's JSON writer.
    static func hostileCase() throws -> String {
        let entities = hostileNames.enumerated().map { i, name in ["id": "e\(i)", "name": name, "kind": "person"] }
        let relations = hostileNames.indices.dropFirst().map { i in
            ["source": "e\(i - 1)", "target": "e\(i)", "kind": "reportsTo"]
        }
        let object: [String: Any] = ["version": 1, "entities": entities, "relations": relations]
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    /// The scalars that must never reach a terminal from a name: C0 but line feed, DEL, C1,
    /// and the bidirectional controls.
    static func unsafeScalars(in text: String) -> [String] {
        text.unicodeScalars.filter { s in
            (s.value < 0x20 && s != "\n") || (0x7F...0x9F).contains(s.value)
                || [0x061C, 0x200E, 0x200F].contains(s.value) || (0x202A...0x202E).contains(s.value)
                || (0x2066...0x2069).contains(s.value)
        }.map { String($0.value, radix: 16) }
    }

    func testAnalysisCommands_hostileNames_printedEscaped() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("hostile.json", try Self.hostileCase())
        let last = "e\(Self.hostileNames.count - 1)"
        let commands: [[String]] = [
            ["path", path, "e0", last], ["chain", path, "e0"], ["chain", path, last, "--down"], ["stats", path],
            ["centrality", path], ["communities", path], ["components", path],
        ]
        for command in commands {
            let result = try CLIRunner.run(command)
            XCTAssertEqual(result.status, 0, "\(command[0]): \(result.stderr)")
            XCTAssertEqual(Self.unsafeScalars(in: result.stdout), [], "\(command[0]) printed: \(result.stdout)")
            XCTAssertEqual(Self.unsafeScalars(in: result.stderr), [], "\(command[0]) said: \(result.stderr)")
            XCTAssertFalse(result.stdout.contains("\nroot: everything is fine"), "a name made a fake line")
        }
        let path1 = try CLIRunner.run(["path", path, "e0", last])
        XCTAssertTrue(path1.stdout.contains("Clear\\u{1b}[2J"), path1.stdout)
        XCTAssertTrue(path1.stdout.contains("\\u{202e}lanigiro"), path1.stdout)
        XCTAssertTrue(path1.stdout.contains("Back\\\\slash"), path1.stdout)
    }

    func testJSONOutput_hostileNames_escapedAsJSON_readBackUnchanged() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("hostile.json", try Self.hostileCase())
        let result = try CLIRunner.run(["chain", path, "e0", "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(Self.unsafeScalars(in: result.stdout), [])
        let object = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
        let names = (object?["above"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        XCTAssertEqual(names, Array(Self.hostileNames.dropFirst()))
    }

    func testErrorMessages_hostileNames_escaped() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("hostile.json", try Self.hostileCase())
        let missing = try CLIRunner.run(["path", path, "e0", "Nobody\u{1B}]0;owned\u{07}"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(Self.unsafeScalars(in: missing.stderr), [], missing.stderr)
        XCTAssertTrue(missing.stderr.contains("Nobody\\u{1b}]0;owned\\u{7}"), missing.stderr)
        let duplicate = try dir.write(
            "dup.json",
            """
            {"version": 1, "entities": [{"id": "x\\u001b[2J", "name": "A", "kind": "person"},
             {"id": "x\\u001b[2J", "name": "B\\u202e", "kind": "person"}], "relations": []}
            """)
        let invalid = try CLIRunner.run(["validate", duplicate])
        XCTAssertEqual(invalid.status, 1)
        XCTAssertEqual(Self.unsafeScalars(in: invalid.stderr), [], invalid.stderr)
    }

    // MARK: 6. Standard output errors

    /// Runs `linkgraph ARGUMENTS` with standard output on `/dev/full` (every write fails with ENOSPC).
    static func runToFullDevice(_ arguments: [String]) throws -> (status: Int32, stderr: String, signaled: Bool) {
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { throw XCTSkip("no /dev/full here") }
        let scratch = try TemporaryDirectory()
        let errPath = scratch.path("stderr")
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let process = Process()
        process.executableURL = try CLIRunner.executable
        process.arguments = arguments
        process.standardOutput = full
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try err.close()
        let stderr = String(decoding: try Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self)
        return (process.terminationStatus, stderr, process.terminationReason == .uncaughtSignal)
    }

    func testEveryCommand_standardOutputFull_exits1WithAMessage() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("case.json", CLIEndToEndTests.validCase)
        let commands: [[String]] = [
            ["export", path, "--to", "json"], ["export", path, "--to", "dot"], ["validate", path], ["stats", path],
            ["path", path, "courier", "rivals"], ["path", path, "courier", "rivals", "--json"],
            ["chain", path, "courier"],
            ["centrality", path], ["communities", path], ["components", path], ["score", path, path], ["plugins"],
        ]
        for command in commands {
            let result = try Self.runToFullDevice(command)
            XCTAssertFalse(result.signaled, "\(command): crashed")
            XCTAssertEqual(result.status, 1, "\(command): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("standard output: write failed"), "\(command): \(result.stderr)")
        }
    }
}
