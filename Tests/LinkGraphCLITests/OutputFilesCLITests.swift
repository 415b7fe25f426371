import Foundation
import XCTest

/// What `-o` does to what is already there (issue 16, items 1, 2, 4, 5 and 18): special
/// files are written in place and symbolic links followed, an input is never overwritten
/// by another format, a file keeps its mode and owner, output sets are all-or-nothing and
/// drop an earlier set's extra files, and killed runs' temporary files are cleaned.
final class OutputFilesCLITests: XCTestCase {
    static let base = """
        {"version": 1, "entities": [
          {"id": "alice", "name": "Alice", "kind": "person"},
          {"id": "bob", "name": "Bob", "kind": "person"},
          {"id": "carol", "name": "Carol", "kind": "organization"}],
         "relations": [
          {"source": "alice", "target": "bob", "kind": "reportsTo"},
          {"source": "bob", "target": "carol", "kind": "memberOf"}]}
        """

    static func fileType(_ path: String) -> mode_t? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return status.st_mode & S_IFMT
    }

    static func status(_ path: String) throws -> stat {
        var status = stat()
        guard stat(path, &status) == 0 else { throw XCTSkip("stat \(path) failed") }
        return status
    }

    /// `mknod` in the test's own directory (never the real /dev); skips where not allowed.
    static func makeDevice(_ path: String, major: UInt32, minor: UInt32) throws {
        guard mknod(path, S_IFCHR | 0o666, makedev(major, minor)) == 0 else {
            throw XCTSkip("mknod is not allowed here: \(String(cString: strerror(errno)))")
        }
    }

    static func makedev(_ major: UInt32, _ minor: UInt32) -> dev_t {
        dev_t((UInt64(major) << 8) | UInt64(minor & 0xFF) | (UInt64(minor & ~0xFF) << 12))
    }

    // MARK: 1. Not a regular file

    func testOutput_characterDevice_writtenInPlace_staysADevice() throws {
        let dir = try TemporaryDirectory()
        let input = try dir.write("base.json", Self.base)
        let null = dir.path("null")
        try Self.makeDevice(null, major: 1, minor: 3)
        let result = try CLIRunner.run(["export", input, "--to", "json", "-o", null])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(Self.fileType(null), S_IFCHR, "the device node must stay a device node")
        XCTAssertEqual(try Self.status(null).st_rdev, Self.makedev(1, 3))
    }

    func testOutput_fullDevice_errorNamesIt_staysADevice() throws {
        let dir = try TemporaryDirectory()
        let input = try dir.write("base.json", Self.base)
        let full = dir.path("full")
        try Self.makeDevice(full, major: 1, minor: 7)
        let result = try CLIRunner.run(["export", input, "--to", "dot", "-o", full])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("\(full): write failed"), result.stderr)
        XCTAssertEqual(Self.fileType(full), S_IFCHR)
    }

    func testOutput_fifo_writtenToTheReader_staysAFifo() throws {
        let dir = try TemporaryDirectory()
        let input = try dir.write("base.json", Self.base)
        let fifo = dir.path("pipe")
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let received = ReceivedData()
        let reader = Thread {
            received.data = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile()
        }
        reader.start()
        let result = try CLIRunner.run(["export", input, "--to", "json", "-o", fifo])
        XCTAssertEqual(result.status, 0, result.stderr)
        for _ in 0..<500 where received.data == nil { usleep(10_000) }
        XCTAssertEqual(Self.fileType(fifo), S_IFIFO, "the FIFO must stay a FIFO")
        let text = String(decoding: received.data ?? Data(), as: UTF8.self)
        XCTAssertTrue(text.contains("\"reportsTo\""), "the reader got: \(text.prefix(200))")
    }

    final class ReceivedData: @unchecked Sendable {
        var data: Data?
    }

    /// `-o /dev/stdout` into a pipe, through a link of our own to the same magic link
    /// (`/proc/self/fd/1`), so that a failure could only replace the test's link.
    func testOutput_linkToStandardOutputPipe_writesIntoThePipe() throws {
        let dir = try TemporaryDirectory()
        let input = try dir.write("base.json", Self.base)
        let link = dir.path("stdout")
        XCTAssertEqual(symlink("/proc/self/fd/1", link), 0)
        let process = Process()
        process.executableURL = try CLIRunner.executable
        process.arguments = ["export", input, "--to", "dot", "-o", link]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertTrue(String(decoding: output, as: UTF8.self).hasPrefix("digraph"))
        XCTAssertEqual(Self.fileType(link), S_IFLNK, "the link must stay a link")
    }

    func testOutput_symlink_targetReplaced_linkKept() throws {
        let dir = try TemporaryDirectory()
        let input = try dir.write("base.json", Self.base)
        try FileManager.default.createDirectory(atPath: dir.path("real"), withIntermediateDirectories: true)
        let target = try dir.write("real/out.dot", "old\n")
        let link = dir.path("link.dot")
        XCTAssertEqual(symlink("real/out.dot", link), 0)  // relative, as `ln -s` makes them
        let result = try CLIRunner.run(["export", input, "--to", "dot", "-o", link])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(Self.fileType(link), S_IFLNK, "the link must stay a link")
        XCTAssertTrue(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("digraph"))
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path("real"))
        XCTAssertEqual(left, ["out.dot"], "no temporary file left")
    }

    func testOutput_danglingSymlink_createsItsTarget() throws {
        let dir = try TemporaryDirectory()
        let input = try dir.write("base.json", Self.base)
        let link = dir.path("link.json")
        XCTAssertEqual(symlink(dir.path("made.json"), link), 0)
        let result = try CLIRunner.run(["export", input, "--to", "json", "-o", link])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(Self.fileType(link), S_IFLNK)
        XCTAssertEqual(Self.fileType(dir.path("made.json")), S_IFREG)
    }

    // MARK: 2. The output is an input

    func testRender_outputIsTheCase_refused_caseIntact() throws {
        let dir = try TemporaryDirectory()
        let input = try dir.write("c.json", Self.base)
        for output in [input, dir.path("./c.json")] {
            let result = try CLIRunner.run(["render", input, "--format", "json", "-o", output])
            XCTAssertEqual(result.status, 1, result.stderr)
            XCTAssertTrue(result.stderr.contains("is the input file"), result.stderr)
            XCTAssertEqual(try String(contentsOfFile: input, encoding: .utf8), Self.base)
        }
    }

    func testImport_outputIsTheDOTSource_refused_sourceIntact() throws {
        let dir = try TemporaryDirectory()
        let dot = "digraph { a -> b }\n"
        let input = try dir.write("g.dot", dot)
        let result = try CLIRunner.run(["import", input, "-o", input])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(input): is the input file"), result.stderr)
        XCTAssertEqual(try String(contentsOfFile: input, encoding: .utf8), dot)
    }

    func testExport_otherFormatOverTheCase_refused_evenThroughAHardLink() throws {
        let dir = try TemporaryDirectory()
        let input = try dir.write("c.json", Self.base)
        XCTAssertEqual(link(input, dir.path("alias.gv")), 0)
        for (format, output) in [("dot", dir.path("alias.gv")), ("graphml", input), ("csv", dir.path("c.json"))] {
            let result = try CLIRunner.run(["export", input, "--to", format, "-o", output])
            if format == "csv" {
                // -o c.json is a prefix: c.entities.csv ..., not the case itself.
                XCTAssertEqual(result.status, 0, result.stderr)
            } else {
                XCTAssertEqual(result.status, 1, "\(format): \(result.stderr)")
                XCTAssertTrue(result.stderr.contains("is the input file"), result.stderr)
            }
            XCTAssertEqual(try String(contentsOfFile: input, encoding: .utf8), Self.base)
        }
        // The same format is a normalisation in place, as before.
        let same = try CLIRunner.run(["export", input, "--to", "json", "-o", input])
        XCTAssertEqual(same.status, 0, same.stderr)
    }

    func testExtract_outputIsATextDocument_refused() throws {
        let dir = try TemporaryDirectory()
        let text = "Alice met Bob in Paris.\n"
        let document = try dir.write("notes.txt", text)
        let result = try CLIRunner.run(["extract", document, "-o", document])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("is the input file"), result.stderr)
        XCTAssertEqual(try String(contentsOfFile: document, encoding: .utf8), text)
    }

    // MARK: 4. Mode and owner

    func testRewrite_keepsModeAndOwner_newFileGetsUmaskMode() throws {
        let dir = try TemporaryDirectory()
        let input = try dir.write("base.json", Self.base)
        let privateCase = try dir.write("private.json", "{}")
        XCTAssertEqual(chmod(privateCase, 0o600), 0)
        let owned = geteuid() == 0 && chown(privateCase, 4321, 4322) == 0
        let result = try CLIRunner.run(["export", input, "--to", "json", "-o", privateCase])
        XCTAssertEqual(result.status, 0, result.stderr)
        let status = try Self.status(privateCase)
        XCTAssertEqual(status.st_mode & 0o7777, 0o600, "a private case must stay private")
        if owned {
            XCTAssertEqual(status.st_uid, 4321)
            XCTAssertEqual(status.st_gid, 4322)
        }
        XCTAssertTrue(try String(contentsOfFile: privateCase, encoding: .utf8).contains("alice"))

        let fresh = dir.path("fresh.json")
        XCTAssertEqual(try CLIRunner.run(["export", input, "--to", "json", "-o", fresh]).status, 0)
        let mask = umask(0)
        umask(mask)
        XCTAssertEqual(try Self.status(fresh).st_mode & 0o777, 0o666 & ~mask)
    }

    // MARK: 5. Output sets

    func testCSVExport_secondCaseWithoutDocuments_removesTheStaleDocumentsTable() throws {
        let dir = try TemporaryDirectory()
        let withDocuments = try dir.write("with.json", CLIEndToEndTests.validCase)
        let without = try dir.write("without.json", Self.base)
        let prefix = dir.path("out")
        XCTAssertEqual(try CLIRunner.run(["export", withDocuments, "--to", "csv", "-o", prefix]).status, 0)
        XCTAssertNotNil(Self.fileType(prefix + ".documents.csv"))
        let second = try CLIRunner.run(["export", without, "--to", "csv", "-o", prefix])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertNil(Self.fileType(prefix + ".documents.csv"), "import would read the earlier case's documents")
        // And import gives back the second case, not a mix.
        let back = try CLIRunner.run(["import", prefix + ".entities.csv", "-o", dir.path("back.json")])
        XCTAssertEqual(back.status, 0, back.stderr)
        let data = try Data(contentsOf: URL(fileURLWithPath: dir.path("back.json")))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        XCTAssertEqual((json?["documents"] as? [Any])?.count, 0, "\(String(describing: json))")
    }

    func testCSVExport_failureOnASecondTable_leavesEveryTableAsItWas() throws {
        let dir = try TemporaryDirectory()
        let input = try dir.write("base.json", Self.base)
        let prefix = dir.path("out")
        let oldEntities = try dir.write("out.entities.csv", "id,name\nold,Old\n")
        // The relations table cannot be written: a directory stands at its name.
        try FileManager.default.createDirectory(atPath: prefix + ".relations.csv", withIntermediateDirectories: false)
        let result = try CLIRunner.run(["export", input, "--to", "csv", "-o", prefix])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("relations.csv: is a directory"), result.stderr)
        let entities = try String(contentsOfFile: oldEntities, encoding: .utf8)
        XCTAssertEqual(entities, "id,name\nold,Old\n", "new entities beside old relations")
        let hidden = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(hidden, [], "no temporary file left")
    }

    func testNeo4jExport_failureOnAFile_leavesTheOthersAsTheyWere() throws {
        let dir = try TemporaryDirectory()
        let input = try dir.write("base.json", Self.base)
        try FileManager.default.createDirectory(atPath: dir.path("neo/import.sh"), withIntermediateDirectories: true)
        let nodes = try dir.write("neo/nodes.csv", "old\n")
        let result = try CLIRunner.run(["export", input, "--to", "neo4j-csv", "-o", dir.path("neo")])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(try String(contentsOfFile: nodes, encoding: .utf8), "old\n")
        XCTAssertNil(Self.fileType(dir.path("neo/relationships.csv")))
    }

    // MARK: 18. Leftovers

    func testKilledRunsTemporaryFiles_removedAtTheNextRun_liveOnesKept() throws {
        let dir = try TemporaryDirectory()
        let input = try dir.write("base.json", Self.base)
        // A process that has ended: its pid names a dead writer.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let dead = ".out.json.tmp-\(ended.processIdentifier)-12345"
        let live = ".out.json.tmp-\(getpid())-678"  // this test process is alive
        let foreign = ".out.json.tmp-notours"
        let otherName = ".other.json.tmp-\(ended.processIdentifier)-1"
        for name in [dead, live, foreign, otherName] { _ = try dir.write(name, "partial") }
        let result = try CLIRunner.run(["export", input, "--to", "json", "-o", dir.path("out.json")])
        XCTAssertEqual(result.status, 0, result.stderr)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: dir.url.path))
        XCTAssertFalse(left.contains(dead), "a dead run's temporary file is removed")
        XCTAssertTrue(left.isSuperset(of: [live, foreign, otherName]), "\(left)")
    }

    func testTimeline_secondRun_replacesTheEarlierRunsFrames() throws {
        let dir = try TemporaryDirectory()
        let first = try dir.write("first.json", CLIEndToEndTests.validCase)
        let second = try dir.write(
            "second.json",
            """
            {"version": 1, "entities": [{"id": "a", "name": "A", "kind": "person"},
              {"id": "b", "name": "B", "kind": "organization"}],
             "relations": [{"source": "a", "target": "b", "kind": "defectedFrom", "from": "2016"}]}
            """)
        let frames = dir.path("frames")
        let one = try CLIRunner.run(["render", first, "--timeline", "--format", "dot", "-o", frames])
        XCTAssertEqual(one.status, 0, one.stderr)
        let firstFrames = try FileManager.default.contentsOfDirectory(atPath: frames).sorted()
        XCTAssertEqual(firstFrames, ["frame-1-2015.dot", "frame-2-2015-03.dot"])
        _ = try dir.write("frames/notes.txt", "mine")
        let two = try CLIRunner.run(["render", second, "--timeline", "--format", "dot", "-o", frames])
        XCTAssertEqual(two.status, 0, two.stderr)
        let secondFrames = try FileManager.default.contentsOfDirectory(atPath: frames).sorted()
        XCTAssertEqual(
            secondFrames, ["frame-1-2016.dot", "notes.txt"], "the first run's frames are gone, other files kept")
    }
}
