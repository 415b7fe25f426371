import Foundation
import LinkGraph
import XCTest

/// `OutputSet` directly: nothing reaches a target before `commit`, a discarded set leaves no
/// temporary file, `commit(removing:)` removes only regular files; `TemporaryFiles` removes
/// a dead writer's temporary file and nothing else.
final class OutputSetTests: XCTestCase {
    var directory: String = ""

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("outputset-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func path(_ name: String) -> String { directory + "/" + name }

    func contents(_ name: String) -> String? {
        FileManager.default.contents(atPath: path(name)).map { String(decoding: $0, as: UTF8.self) }
    }

    func entries() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: directory).sorted() }

    func testAdd_thenDiscard_targetsUntouched_noTemporaryLeft() throws {
        try Data("old".utf8).write(to: URL(fileURLWithPath: path("a.csv")))
        let set = OutputSet()
        try set.add("new a", to: path("a.csv"))
        try set.add("new b", to: path("b.csv"))
        XCTAssertEqual(contents("a.csv"), "old", "nothing reaches a target before commit")
        XCTAssertEqual(try entries().filter { !$0.hasPrefix(".") }, ["a.csv"])
        set.discard()
        XCTAssertEqual(try entries(), ["a.csv"])
    }

    func testCommit_renamesAll_removesOnlyRegularStaleFiles() throws {
        try Data("stale".utf8).write(to: URL(fileURLWithPath: path("old.csv")))
        try FileManager.default.createDirectory(atPath: path("keep.csv"), withIntermediateDirectories: false)
        let set = OutputSet()
        try set.add("A", to: path("a.csv"))
        try set.add("B", to: path("b.csv"))
        try set.commit(removing: [path("old.csv"), path("keep.csv"), path("missing.csv")])
        XCTAssertEqual(try entries(), ["a.csv", "b.csv", "keep.csv"])
        XCTAssertEqual(contents("a.csv"), "A")
        XCTAssertEqual(contents("b.csv"), "B")
    }

    func testAdd_failure_discardsTheWholeSet() throws {
        try FileManager.default.createDirectory(atPath: path("b.csv"), withIntermediateDirectories: false)
        let set = OutputSet()
        try set.add("A", to: path("a.csv"))
        XCTAssertThrowsError(try set.add("B", to: path("b.csv"))) { error in
            XCTAssertEqual((error as? FileIOError)?.reason, "is a directory, expected a file")
        }
        XCTAssertEqual(try entries(), ["b.csv"], "the first file's temporary is gone too")
    }

    func testRemoveStale_deadWriterOnly() throws {
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let dead = ".x.json.tmp-\(ended.processIdentifier)-1"
        let names = [
            dead, ".x.json.tmp-\(getpid())-2", ".x.json.tmp-1-", ".x.json.tmp-+5-3",
            ".y.json.tmp-\(ended.processIdentifier)-1",
        ]
        for name in names { try Data().write(to: URL(fileURLWithPath: path(name))) }
        XCTAssertEqual(TemporaryFiles.removeStale(for: "x.json", in: directory), [dead])
        XCTAssertEqual(try entries(), names.dropFirst().sorted())
    }
}
