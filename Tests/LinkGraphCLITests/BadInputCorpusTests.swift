import Foundation
import XCTest

/// Runs the built `linkgraph` on every malformed input of `Tests/BadInputs` (listed with the
/// command to run and the expected message in `Tests/BadInputs/manifest.tsv`) and checks that
/// each fails cleanly: exit status 1 (not a crash, not a usage error, not success), the
/// expected message naming the file and the line, field or JSON path on standard error,
/// nothing on standard output, no output file left behind, and an answer within a time limit.
final class BadInputCorpusTests: XCTestCase {
    static let directory = CLIRunner.repositoryRoot.appendingPathComponent("Tests/BadInputs")
    /// Files of the corpus directory that are not bad inputs.
    static let support: Set<String> = ["manifest.tsv", "README.md", "doc.txt", "respond.sh"]
    /// Seconds one run may take (a debug build on a busy machine).
    static let timeLimit: TimeInterval = 60

    struct Entry {
        let file: String
        let command: String
        let status: Int32
        let expected: String
        let line: Int
    }

    /// The manifest: tab-separated `file`, `command`, `status`, `expected stderr`; `#` lines are comments.
    static func manifest() throws -> [Entry] {
        let text = try String(contentsOf: directory.appendingPathComponent("manifest.tsv"), encoding: .utf8)
        var entries: [Entry] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, let status = Int32(fields[2]) else {
                throw NSError(
                    domain: "manifest.tsv", code: 1,
                    userInfo: [NSLocalizedDescriptionKey: "line \(index + 1): expected 4 tab-separated fields"])
            }
            entries.append(
                Entry(file: fields[0], command: fields[1], status: status, expected: fields[3], line: index + 1))
        }
        return entries
    }

    /// Splits a manifest command into words: spaces separate, single quotes group.
    static func words(_ command: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var started = false
        for c in command {
            if c == "'" {
                quoted.toggle()
                started = true
            } else if c == " " && !quoted {
                if started { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(c)
                started = true
            }
        }
        if started { words.append(current) }
        return words
    }

    func testManifest_listsEveryBadInput_forEveryReader() throws {
        let entries = try Self.manifest()
        let listed = Set(entries.map(\.file))
        let present = Set(try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)).subtracting(
            Self.support)
        XCTAssertEqual(
            present.subtracting(listed).sorted(), [], "files in Tests/BadInputs that manifest.tsv does not list")
        XCTAssertEqual(listed.subtracting(present).sorted(), [], "manifest.tsv lists files that do not exist")
        XCTAssertGreaterThanOrEqual(entries.count, 60)
        for prefix in [
            "case-", "dot-", "graphml-", "gexf-", "csv-", "nodelink-", "edges-", "rules-", "gazetteer-", "response-",
            "extract-",
        ] {
            XCTAssertTrue(listed.contains { $0.hasPrefix(prefix) }, "no bad input for \(prefix)*")
        }
    }

    func testEveryBadInput_exits1_withItsMessage_andWritesNothing() throws {
        let entries = try Self.manifest()
        for entry in entries {
            try check(entry)
        }
    }

    func check(_ entry: Entry) throws {
        let output = try TemporaryDirectory()
        let input = Self.directory.appendingPathComponent(entry.file).path
        let arguments = Self.words(entry.command).map {
            $0.replacingOccurrences(of: "{file}", with: input)
                .replacingOccurrences(of: "{dir}", with: Self.directory.path)
                .replacingOccurrences(of: "{out}", with: output.path("out"))
        }
        let label = "manifest.tsv:\(entry.line) \(entry.file): linkgraph \(arguments.joined(separator: " "))"
        let result = try TimedRun.run(arguments, limit: Self.timeLimit)
        guard !result.timedOut else {
            XCTFail("\(label): no answer within \(Int(Self.timeLimit)) s")
            return
        }
        XCTAssertFalse(result.signaled, "\(label): ended by signal \(result.status)\n\(result.stderr)")
        XCTAssertEqual(result.status, entry.status, "\(label): exit status\n\(result.stderr)")
        let expected = entry.expected.replacingOccurrences(of: "{file}", with: input)
        XCTAssertTrue(result.stderr.contains(expected), "\(label): stderr lacks \"\(expected)\":\n\(result.stderr)")
        XCTAssertFalse(
            result.stderr.contains("Usage:"), "\(label): a bad input is not a usage error:\n\(result.stderr)")
        XCTAssertEqual(result.stdout, "", "\(label): nothing belongs on standard output")
        let left = try FileManager.default.contentsOfDirectory(atPath: output.url.path)
        XCTAssertEqual(left, [], "\(label): files were written")
    }
}
