import Foundation
import XCTest

/// Output files are written to a temporary file and renamed (`FileIO.writeAtomically`):
/// an interrupted run leaves the old file, and a missing directory, a read-only target or
/// directory, and a full disk give errors naming the path, with the old file intact.
///
/// The tests run as root in CI, so `chmod 444` protects nothing: the read-only target is an
/// immutable file (`chattr +i`), the read-only directory a tmpfs mounted read-only, and
/// the full disk a 64 KiB tmpfs. Each is skipped when the machine does not allow it.
final class AtomicWriteCLITests: XCTestCase {
    /// A case with `entities` entities and `relations` relations (seeded), as JSON text.
    static func generatedCase(entities: Int, relations: Int) -> String {
        var generator = SplitMix(seed: 42)
        let kinds = ["reportsTo", "memberOf", "advises", "controls", "influences", "pays", "meetsWith", "monitors"]
        var text = "{\"version\": 1, \"entities\": [\n"
        text.reserveCapacity(relations * 90)
        for i in 0..<entities {
            text +=
                "{\"id\": \"e\(i)\", \"name\": \"Entity number \(i)\", \"kind\": \"person\"}"
                + (i + 1 < entities ? ",\n" : "\n")
        }
        text += "], \"relations\": [\n"
        for i in 0..<relations {
            let a = Int(generator.next() % UInt64(entities)), b = Int(generator.next() % UInt64(entities))
            text +=
                "{\"source\": \"e\(a)\", \"target\": \"e\(b)\", \"kind\": \"\(kinds[i % kinds.count])\", \"confidence\": 0.\(i % 9 + 1)}"
                + (i + 1 < relations ? ",\n" : "\n")
        }
        return text + "]}\n"
    }

    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let oldContent = Data("{\"old\": true}\n".utf8)

    /// Temporary files `FileIO` leaves beside `name` (only a kill can leave them).
    static func leftovers(in directory: String, for name: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter {
            $0.hasPrefix(".\(name).tmp-")
        }
    }

    func testKilledExport_leavesOldFileOrNewFile_neverPartial() throws {
        let dir = try TemporaryDirectory()
        let input = try dir.write("big.json", Self.generatedCase(entities: 20_000, relations: 200_000))
        // A full run: the expected output, and how long a run takes.
        let reference = dir.path("reference.json")
        let started = Date()
        let full = try CLIRunner.run(["export", input, "--to", "json", "-o", reference])
        XCTAssertEqual(full.status, 0, full.stderr)
        let duration = Date().timeIntervalSince(started)
        let expected = try Data(contentsOf: URL(fileURLWithPath: reference))
        XCTAssertGreaterThan(expected.count, 10 << 20)

        let target = dir.path("out.json")
        var outcomes: [String] = []
        var generator = SplitMix(seed: 7)
        for round in 0..<6 {
            try Self.oldContent.write(to: URL(fileURLWithPath: target))
            let process = Process()
            process.executableURL = try CLIRunner.executable
            process.arguments = ["export", input, "--to", "json", "-o", target]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let launched = Date()
            if round % 2 == 0 {
                // At a random moment of the run.
                let delay = Double(generator.next() % 1000) / 1000 * duration
                while process.isRunning && Date().timeIntervalSince(launched) < delay { usleep(1000) }
            } else {
                // While the temporary file is being written: as soon as it appears, plus 0–20 ms.
                while process.isRunning && Self.leftovers(in: dir.url.path, for: "out.json").isEmpty
                    && Date().timeIntervalSince(launched) < duration * 3
                {
                    usleep(200)
                }
                usleep(UInt32(generator.next() % 20_000))
            }
            let wasRunning = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try Data(contentsOf: URL(fileURLWithPath: target))
            let state = now == Self.oldContent ? "old" : now == expected ? "new" : "PARTIAL (\(now.count) bytes)"
            let stray = Self.leftovers(in: dir.url.path, for: "out.json")
            outcomes.append(
                "round \(round): killed \(wasRunning ? "running" : "after exit") at \(String(format: "%.2f", Date().timeIntervalSince(launched))) s → \(state), \(stray.count) temporary file(s) left"
            )
            XCTAssertTrue(
                now == Self.oldContent || now == expected,
                "round \(round): the target is neither the old nor the new file (\(now.count) bytes)")
            for file in stray {
                XCTAssertNotEqual(file, "out.json")
                try? FileManager.default.removeItem(atPath: dir.path(file))
            }
        }
        print("atomic-write\t" + outcomes.joined(separator: "\natomic-write\t"))
    }

    func testMissingDirectory_errorNamesThePath() throws {
        let dir = try TemporaryDirectory()
        let input = try dir.write("small.json", Self.generatedCase(entities: 3, relations: 2))
        let target = dir.path("missing/deeper/out.json")
        let result = try CLIRunner.run(["export", input, "--to", "json", "-o", target])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(
            result.stderr.contains("\(target): the directory \(dir.path("missing/deeper")) does not exist"),
            result.stderr)
        let rendered = try CLIRunner.run(["render", input, "-o", target])
        XCTAssertEqual(rendered.status, 1)
        XCTAssertTrue(rendered.stderr.contains(target), rendered.stderr)
    }

    func testImmutableTarget_errorNamesThePath_fileIntact() throws {
        let dir = try TemporaryDirectory()
        let input = try dir.write("small.json", Self.generatedCase(entities: 3, relations: 2))
        let target = dir.path("locked.json")
        try Self.oldContent.write(to: URL(fileURLWithPath: target))
        guard Self.shell("/usr/bin/chattr", ["+i", target]) == 0 else {
            throw XCTSkip("chattr +i is not available here")
        }
        defer { _ = Self.shell("/usr/bin/chattr", ["-i", target]) }
        for arguments in [
            ["export", input, "--to", "json", "-o", target], ["render", input, "-o", target, "--format", "svg"],
        ] {
            let result = try CLIRunner.run(arguments)
            XCTAssertEqual(result.status, 1, arguments[0])
            XCTAssertTrue(result.stderr.contains("\(target): the file is read-only"), result.stderr)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: target)), Self.oldContent)
        }
        XCTAssertEqual(Self.leftovers(in: dir.url.path, for: "locked.json"), [])
    }

    func testReadOnlyDirectory_errorNamesThePath() throws {
        let dir = try TemporaryDirectory()
        let input = try dir.write("small.json", Self.generatedCase(entities: 3, relations: 2))
        let mountPoint = dir.path("ro")
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        guard Self.shell("/usr/bin/mount", ["-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", mountPoint]) == 0 else {
            throw XCTSkip("mounting a tmpfs is not permitted here")
        }
        defer { _ = Self.shell("/usr/bin/umount", [mountPoint]) }
        let target = mountPoint + "/out.json"
        let result = try CLIRunner.run(["export", input, "--to", "json", "-o", target])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("\(target): cannot create a file in \(mountPoint)"), result.stderr)
    }

    func testFullDisk_errorNamesThePath_oldFileIntact_noTemporaryLeft() throws {
        let dir = try TemporaryDirectory()
        let input = try dir.write("medium.json", Self.generatedCase(entities: 1000, relations: 5000))
        let mountPoint = dir.path("full")
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        guard Self.shell("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint]) == 0 else {
            throw XCTSkip("mounting a tmpfs is not permitted here")
        }
        defer { _ = Self.shell("/usr/bin/umount", [mountPoint]) }
        let target = mountPoint + "/out.json"
        try Self.oldContent.write(to: URL(fileURLWithPath: target))
        for arguments in [
            ["export", input, "--to", "json", "-o", target], ["export", input, "--to", "dot", "-o", target],
        ] {
            let result = try CLIRunner.run(arguments)
            XCTAssertEqual(result.status, 1, result.stderr)
            XCTAssertTrue(result.stderr.contains("\(target): write failed (disk full?)"), result.stderr)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: target)), Self.oldContent)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: mountPoint), ["out.json"])
        }
    }

    @discardableResult
    static func shell(_ executable: String, _ arguments: [String]) -> Int32 {
        guard FileManager.default.isExecutableFile(atPath: executable) else { return -1 }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
