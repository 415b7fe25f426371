import Foundation
import LinkGraph
import XCTest

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `linkgraph extract DIR/`: a folder tree made here (text, CSV, an mbox and a message without
/// extensions, an .eml, junk, an unreadable file, a broken link, a link loop, hidden files) is
/// read as the same files extracted one by one and merged with `linkgraph merge`; each bad
/// file is named in the summary; the progress line shows only when forced.
final class FolderExtractCLITests: XCTestCase {
    static let mbox = """
        From mara@harbor-trust.org Tue May  3 09:12:00 2016
        From: Mara Quill <mara@harbor-trust.org>
        To: Ivo Brandt <ivo@example.org>
        Date: Tue, 3 May 2016 09:12:00 +0200
        Message-ID: <m1@harbor-trust.org>
        Subject: dues

        Petra Lindqvist met Anton Sorel in Vienna.

        From ivo@example.org Wed May  4 10:00:00 2016
        From: Ivo Brandt <ivo@example.org>
        To: Mara Quill <mara@harbor-trust.org>, Lena Sorel <lena@sorel-freight.com>
        Date: Wed, 4 May 2016 10:00:00 +0200
        Message-ID: <m2@example.org>
        Subject: Re: dues

        Fine.

        """

    static let message = """
        From: Anton Sorel <anton@sorel-freight.com>
        To: Petra Lindqvist <petra@nova-relief.org>
        Date: Fri, 1 Jul 2016 10:00:00 +0000
        Message-ID: <e1@sorel-freight.com>
        Subject: shipment

        Omar al-Rashid met with French officials in Paris in March 2016.

        """

    struct Tree {
        let dir: TemporaryDirectory
        let root: String
        /// The files that must be read, as the walk names them, in walk order.
        let readable: [String]
        let bad: [String]
        let skipped: [String]
    }

    /// Builds the tree under `docs/`.
    func makeTree() throws -> Tree {
        let dir = try TemporaryDirectory()
        let root = dir.path("docs")
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/mail/old", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/.cache", withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + name))
        }
        try write("memo.txt", "Omar al-Rashid met with French officials in Paris in March 2016.\n")
        try write("notes", "Mara Quill, a member of the Harbor Trust, was recruited by the Iron Council.\n")
        try write("payments.csv", "source,target,kind,confidence\nHarbor Trust,Mara Quill,pays,0.7\n")
        try write("bad.csv", "source,target,kind,confidence\nA,B,pays,2\n")
        try write("mail/archive", Self.mbox)
        try write("mail/old/fwd", Self.message)
        try write("mail/shipment.eml", Self.message.replacingOccurrences(of: "e1@", with: "e2@"))
        try write("locked.txt", "Lena Sorel joined Nova Relief in 2015.\n")
        try write(".hidden.txt", "Hidden Person met Nobody.\n")
        try write(".cache/x.txt", "Cached Person met Nobody.\n")
        try Data((0..<400).map { UInt8(truncatingIfNeeded: $0 &* 97 &+ 3) }).write(
            to: URL(fileURLWithPath: root + "/blob.bin"))
        try Data([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: root + "/core"))
        try fm.createSymbolicLink(atPath: root + "/mail/old/loop", withDestinationPath: "../..")
        try fm.createSymbolicLink(atPath: root + "/gone.txt", withDestinationPath: "nowhere.txt")
        XCTAssertEqual(chmod(root + "/locked.txt", 0), 0)
        // Root reads any file: then the locked file is read like the others (the OS decides).
        let lockedReadable = access(root + "/locked.txt", R_OK) == 0
        var readable = ["memo.txt", "notes", "payments.csv", "mail/archive", "mail/old/fwd", "mail/shipment.eml"]
        var bad = ["bad.csv", "gone.txt"]
        if lockedReadable { readable.append("locked.txt") } else { bad.append("locked.txt") }
        return Tree(
            dir: dir, root: root, readable: readable.map { root + "/" + $0 }, bad: bad.map { root + "/" + $0 },
            skipped: ["blob.bin", "core", "mail/old/loop"].map { root + "/" + $0 })
    }

    /// What a case says, without ids and provenance: entities, relations by names, documents.
    struct Content: Equatable {
        var entities: Set<String>
        var relations: [String]
        var documents: Set<String>

        init(_ caseFile: CaseFile) {
            let names = Dictionary(
                caseFile.entities.map { ($0.id, "\($0.name) (\($0.kind))") }, uniquingKeysWith: { a, _ in a })
            entities = Set(names.values)
            relations = caseFile.relations.map {
                let confidence = String(format: "%.6f", $0.effectiveConfidence)
                return "\(names[$0.source] ?? $0.source) \($0.kind) \(names[$0.target] ?? $0.target) "
                    + "w=\($0.weight ?? 1) c=\(confidence) from=\($0.from?.description ?? "-")"
            }.sorted()
            documents = Set(caseFile.documents.compactMap(\.source))
        }
    }

    func testFolder_equalsFilesOneByOneMerged_summaryNamesEachBadFile() throws {
        let tree = try makeTree()
        let output = tree.dir.path("all.json")
        let result = try CLIRunner.run(["extract", tree.root + "/", "-o", output])
        XCTAssertEqual(result.status, 1, result.stderr)

        // One by one, then merged in the same order.
        var parts: [String] = []
        for (i, file) in tree.readable.enumerated() {
            let part = tree.dir.path("part\(i).json")
            let single = try CLIRunner.run(["extract", file, "-o", part])
            XCTAssertEqual(single.status, 0, "\(file): \(single.stderr)")
            parts.append(part)
        }
        let merged = tree.dir.path("merged.json")
        let merge = try CLIRunner.run(["merge"] + parts + ["-o", merged])
        XCTAssertEqual(merge.status, 0, merge.stderr)
        let folder = try CaseFile.read(from: output)
        XCTAssertEqual(Content(folder), Content(try CaseFile.read(from: merged)))
        XCTAssertEqual(Set(folder.documents.compactMap(\.source)), Set(tree.readable))
        XCTAssertTrue(folder.relations.contains { $0.kind == .emailed }, "the extensionless mbox was read as mail")
        XCTAssertTrue(folder.entities.contains { $0.name == "Petra Lindqvist" })

        // The summary: each bad file with what failed (and the extractor), each skipped one.
        let lines = result.stderr.split(separator: "\n").map(String.init)
        for file in tree.bad {
            XCTAssertEqual(lines.filter { $0.hasPrefix("error: \(file): ") }.count, 1, "\(file)\n\(result.stderr)")
        }
        XCTAssertTrue(
            lines.contains {
                $0.hasPrefix("error: \(tree.root)/bad.csv: csv-tables: \(tree.root)/bad.csv:2:10: confidence")
            }, result.stderr)
        XCTAssertTrue(
            lines.contains("error: \(tree.root)/gone.txt: a symbolic link to nowhere.txt, which does not exist"),
            result.stderr)
        if tree.bad.contains(tree.root + "/locked.txt") {
            XCTAssertTrue(
                lines.contains { $0.hasPrefix("error: \(tree.root)/locked.txt: ") && $0.contains("ermission") },
                result.stderr)
        }
        for file in tree.skipped {
            XCTAssertEqual(lines.filter { $0.hasPrefix("skipped: \(file): ") }.count, 1, "\(file)\n\(result.stderr)")
        }
        XCTAssertFalse(result.stderr.contains(".hidden") || result.stderr.contains(".cache"), result.stderr)
        let total = tree.readable.count + tree.bad.count
        XCTAssertTrue(
            result.stderr.contains("(4 messages); \(tree.bad.count) of \(total) documents failed; 3 files skipped"),
            result.stderr)
        XCTAssertFalse(result.stderr.contains("\r"), "no progress line on a pipe")
    }

    func testNamedFileNobodyReads_staysAnError_folderOfOnlyJunk_writesNothing() throws {
        let tree = try makeTree()
        let output = tree.dir.path("out.json")
        let named = try CLIRunner.run(["extract", tree.root + "/blob.bin", tree.root + "/memo.txt", "-o", output])
        XCTAssertEqual(named.status, 1, named.stderr)
        XCTAssertTrue(named.stderr.contains("error: \(tree.root)/blob.bin: cannot tell the media type"), named.stderr)
        XCTAssertTrue(named.stderr.contains("1 of 2 documents failed"), named.stderr)

        let junk = tree.dir.path("junk")
        try FileManager.default.createDirectory(atPath: junk, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: tree.root + "/blob.bin", toPath: junk + "/blob.bin")
        let empty = try CLIRunner.run(["extract", junk, "-o", tree.dir.path("none.json")])
        XCTAssertEqual(empty.status, 1, empty.stderr)
        XCTAssertTrue(
            empty.stderr.contains("no document to read; \(tree.dir.path("none.json")) was not written"), empty.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: tree.dir.path("none.json")))
    }

    func testOutputInsideTheFolder_isNotReadBack() throws {
        let tree = try makeTree()
        let output = tree.root + "/case.json"
        let first = try CLIRunner.run(["extract", tree.root, "-o", output])
        XCTAssertEqual(first.status, 1, first.stderr)
        let before = try CaseFile.read(from: output)
        let second = try CLIRunner.run(["extract", tree.root, "-o", output])
        XCTAssertTrue(second.stderr.contains("skipped: \(output): the case this run reads or writes"), second.stderr)
        XCTAssertEqual(Content(try CaseFile.read(from: output)), Content(before))
    }

    /// The progress line: drawn (with files, messages, rate and time left) when forced with
    /// LINKGRAPH_PROGRESS=always, never with --quiet, and not on a pipe by default.
    func testProgress_onlyWhenForced() throws {
        let tree = try makeTree()
        let linkgraph = try CLIRunner.executable.path
        let env = URL(fileURLWithPath: "/usr/bin/env")
        let forced = try CLIRunner.run(
            executable: env,
            ["LINKGRAPH_PROGRESS=always", linkgraph, "extract", tree.root, "-o", tree.dir.path("a.json")])
        XCTAssertEqual(forced.status, 1, forced.stderr)
        // Ten files: the broken link is not one, the junk is (it is skipped once read).
        XCTAssertTrue(forced.stderr.contains("\rextract: 1/10 files (10%)"), forced.stderr)
        XCTAssertTrue(forced.stderr.contains(" messages · "), "mail reports its messages: \(forced.stderr)")
        XCTAssertTrue(forced.stderr.contains(" files/s · "), forced.stderr)
        XCTAssertTrue(forced.stderr.contains(" left\u{1B}[K"), forced.stderr)
        XCTAssertTrue(forced.stderr.contains("\r\u{1B}[Kerror: "), "the line is erased before the summary")

        let quiet = try CLIRunner.run(
            executable: env,
            ["LINKGRAPH_PROGRESS=always", linkgraph, "extract", "--quiet", tree.root, "-o", tree.dir.path("b.json")])
        XCTAssertEqual(quiet.status, 1, quiet.stderr)
        XCTAssertFalse(quiet.stderr.contains("\r"), quiet.stderr)
        XCTAssertFalse(quiet.stderr.contains("files/s"), quiet.stderr)
    }
}
