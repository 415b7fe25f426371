import Foundation
import LinkGraph
import LinkGraphPlugin
import XCTest

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `DocumentWalk` on a tree made at test time: order, hidden entries, links in and out of the
/// tree, a loop, a broken link, a pipe, the output excluded.
final class DocumentWalkTests: XCTestCase {
    /// The tree: `root/` with files, a sub-folder, hidden entries and links; `outside/` beside it.
    func makeTree() throws -> (root: String, outside: String) {
        let base = try PluginTestSupport.scratchDirectory()
        let root = base.appendingPathComponent("root").path
        let outside = base.appendingPathComponent("outside").path
        let fm = FileManager.default
        for folder in ["root/b", "root/b/deep", "root/.git", "outside"] {
            try fm.createDirectory(
                at: base.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for name in [
            "root/a.txt", "root/b/c.csv", "root/b/deep/d", "root/.hidden.txt", "root/.git/config",
            "root/b.txt", "root/Z.txt", "root/case.json", "outside/secret.txt",
        ] {
            try Data("text of \(name)\n".utf8).write(to: base.appendingPathComponent(name))
        }
        try fm.createSymbolicLink(atPath: root + "/b/deep/loop", withDestinationPath: "../..")
        try fm.createSymbolicLink(atPath: root + "/again", withDestinationPath: "b")
        try fm.createSymbolicLink(atPath: root + "/a-link.txt", withDestinationPath: "a.txt")
        try fm.createSymbolicLink(atPath: root + "/escape.txt", withDestinationPath: "../outside/secret.txt")
        try fm.createSymbolicLink(atPath: root + "/gone.txt", withDestinationPath: "missing.txt")
        XCTAssertEqual(mkfifo(root + "/pipe", 0o600), 0)
        return (root, outside)
    }

    func testWalk_sortedDepthFirst_hiddenLeftOut_linksLoopsAndPipesSkipped() throws {
        let (root, _) = try makeTree()
        let walk = DocumentWalk([root + "/"], excluding: [root + "/case.json"])
        XCTAssertEqual(
            walk.files.map(\.path),
            [root + "/Z.txt", root + "/a.txt", root + "/b/c.csv", root + "/b/deep/d", root + "/b.txt"])
        XCTAssertTrue(walk.files.allSatisfy(\.fromFolder))
        let skipped = Dictionary(uniqueKeysWithValues: walk.skipped.map { ($0.path, $0.reason) })
        XCTAssertEqual(skipped[root + "/a-link.txt"], "the same file as \(root)/a.txt")
        XCTAssertEqual(skipped[root + "/again"], "the same folder as \(root)/b")
        XCTAssertEqual(skipped[root + "/b/deep/loop"], "a symbolic link loop (to ../..)")
        XCTAssertEqual(
            skipped[root + "/escape.txt"],
            "a symbolic link out of the folder (to ../outside/secret.txt); name it to read it")
        XCTAssertEqual(skipped[root + "/pipe"], "not a regular file or folder")
        XCTAssertEqual(skipped[root + "/case.json"], "the case this run reads or writes")
        XCTAssertEqual(skipped.count, 6, "\(walk.skipped)")
        XCTAssertEqual(
            walk.problems,
            [
                DocumentWalk.Problem(
                    path: root + "/gone.txt", reason: "a symbolic link to missing.txt, which does not exist")
            ])
    }

    func testWalk_filesGivenAreKeptAsGiven_andMixWithFolders() throws {
        let (root, outside) = try makeTree()
        let walk = DocumentWalk([root + "/escape.txt", root + "/b", outside + "/nothing-here.txt"])
        XCTAssertEqual(
            walk.files,
            [
                DocumentWalk.File(path: root + "/escape.txt", fromFolder: false),
                DocumentWalk.File(path: root + "/b/c.csv", fromFolder: true),
                DocumentWalk.File(path: root + "/b/deep/d", fromFolder: true),
                DocumentWalk.File(path: outside + "/nothing-here.txt", fromFolder: false),
            ])
        // Walked from b, the loop's target (root) is outside the folder given.
        XCTAssertEqual(walk.skipped.map(\.path), [root + "/b/deep/loop"])
        XCTAssertTrue(walk.skipped[0].reason.hasPrefix("a symbolic link out of the folder"), walk.skipped[0].reason)
    }

    func testWalk_sameOrderAsPythonsSortedWalk() throws {
        let python = try PluginTestSupport.python()
        let (root, _) = try makeTree()
        // os.walk without following links, names sorted as bytes, hidden entries pruned: the
        // regular files are what DocumentWalk reads (its links all resolve to skips here).
        let script = """
            import os, sys, stat
            def walk(d):
                for name in sorted(os.listdir(d), key=os.fsencode):
                    if name.startswith('.'): continue
                    p = os.path.join(d, name)
                    m = os.lstat(p).st_mode
                    if stat.S_ISDIR(m): yield from walk(p)
                    elif stat.S_ISREG(m): yield p
            for p in walk(sys.argv[1]): print(p)
            """
        let output = try PluginTestSupport.run(python, ["-c", script, root])
        let expected = output.split(separator: "\n").map(String.init)
        XCTAssertEqual(DocumentWalk([root]).files.map(\.path), expected)
    }
}
