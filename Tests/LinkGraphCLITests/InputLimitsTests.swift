import Foundation
import XCTest

/// `--max-input-bytes`, `--max-depth` and `--max-entities`: over a limit, the error names the
/// file, the limit and the flag that raises it; raising the limit lets the same input through.
final class InputLimitsTests: XCTestCase {
    static let badInputs = CLIRunner.repositoryRoot.appendingPathComponent("Tests/BadInputs")

    func fixture(_ name: String) -> String { Self.badInputs.appendingPathComponent(name).path }

    /// A valid case whose one entity has an attribute nested `depth` arrays deep (plus the 3
    /// levels of the case itself: top object, entities array, entity object, attributes object).
    func deepCase(_ depth: Int, in dir: TemporaryDirectory) throws -> String {
        let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        return try dir.write(
            "deep.json",
            #"{"version": 1, "entities": [{"id": "a", "name": "A", "kind": "person", "attributes": {"x": "# + nested
                + "}}]}")
    }

    func testMaxInputBytes_overTheLimit_namesFileLimitAndFlag_raisedItReads() throws {
        let file = fixture("case-padded.json")
        let refused = try CLIRunner.run(["stats", "--max-input-bytes", "100", file])
        XCTAssertEqual(refused.status, 1, refused.stderr)
        XCTAssertTrue(
            refused.stderr.contains("\(file): larger than the limit of 100 bytes (raise it with --max-input-bytes)"),
            refused.stderr)
        let raised = try CLIRunner.run(["stats", "--max-input-bytes", "1K", file])
        XCTAssertEqual(raised.status, 0, raised.stderr)
        XCTAssertTrue(raised.stdout.contains("entities: 0"), raised.stdout)
    }

    func testMaxInputBytes_appliesToEveryReader() throws {
        let dir = try TemporaryDirectory()
        let edges = try dir.write("g.edges", "1 2\n2 3\n3 1\n")
        let dot = try dir.write("g.gv", "digraph { a -> b; b -> c; c -> a; d }\n")
        let csv = try dir.write("r.relations.csv", "source,target,kind\nana,bo,pays\nbo,cy,pays\n")
        for arguments in [
            ["centrality", edges], ["import", dot, "-o", dir.path("a.json")],
            ["import", csv, "-o", dir.path("b.json")],
            ["render", dot, "-o", dir.path("c.svg")], ["extract", dot, "-o", dir.path("d.json")],
        ] {
            let result = try CLIRunner.run(arguments + ["--max-input-bytes", "10"])
            XCTAssertEqual(result.status, 1, "\(arguments): \(result.stderr)")
            XCTAssertTrue(
                result.stderr.contains("larger than the limit of 10 bytes (raise it with --max-input-bytes)"),
                "\(arguments): \(result.stderr)")
        }
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted(),
            ["g.edges", "g.gv", "r.relations.csv"])
    }

    func testMaxInputBytes_badValues_areUsageErrors() throws {
        for value in ["0", "-5", "ten", "5T", "2048G"] {
            let result = try CLIRunner.run(["validate", "--max-input-bytes", value, fixture("case-padded.json")])
            XCTAssertEqual(result.status, 64, "\(value): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("--max-input-bytes"), result.stderr)
        }
    }

    func testMaxDepth_defaultRefuses257Levels_raisedAccepts_ceilingIsUsable() throws {
        let dir = try TemporaryDirectory()
        let file = try deepCase(260, in: dir)
        let refused = try CLIRunner.run(["validate", file])
        XCTAssertEqual(refused.status, 1, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("\(file):1:"), refused.stderr)
        XCTAssertTrue(
            refused.stderr.contains("nesting deeper than 256 levels (raise it with --max-depth)"), refused.stderr)
        let raised = try CLIRunner.run(["validate", "--max-depth", "300", file])
        XCTAssertEqual(raised.status, 0, raised.stderr)
        XCTAssertEqual(raised.stdout, "valid\n")

        // The deepest limit allowed is read, written and read back without running out of stack.
        let deepest = try deepCase(2_040, in: dir)
        for arguments in [
            ["validate", deepest], ["export", deepest, "--to", "json", "-o", dir.path("out.json")], ["stats", deepest],
        ] {
            let result = try CLIRunner.run(arguments + ["--max-depth", "2048"])
            XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr.prefix(2000))")
        }
        let reread = try CLIRunner.run(["validate", dir.path("out.json"), "--max-depth", "2048"])
        XCTAssertEqual(reread.status, 0, String(reread.stderr.prefix(2000)))
    }

    func testMaxDepth_outsideItsRange_isAUsageError() throws {
        for value in ["0", "2049", "1000000"] {
            let result = try CLIRunner.run(["validate", "--max-depth", value, fixture("case-padded.json")])
            XCTAssertEqual(result.status, 64, "\(value): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("--max-depth must be between 1 and 2048"), result.stderr)
        }
    }

    func testMaxDepth_nodeLinkImport_namesTheFlag_raisedImports() throws {
        let dir = try TemporaryDirectory()
        let file = fixture("nodelink-deep.json")
        let refused = try CLIRunner.run(["import", file, "-o", dir.path("out.json")])
        XCTAssertEqual(refused.status, 1, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("(raise it with --max-depth)"), refused.stderr)
        let raised = try CLIRunner.run(["import", file, "--max-depth", "400", "-o", dir.path("out.json")])
        XCTAssertEqual(raised.status, 0, raised.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.path("out.json")))
    }

    func testMaxEntities_caseFileEdgeListAndImport() throws {
        let dir = try TemporaryDirectory()
        let caseFile = fixture("case-three-entities.json")
        let refused = try CLIRunner.run(["stats", caseFile, "--max-entities", "2"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(
            refused.stderr.contains("\(caseFile): 3 entities, more than the limit of 2 (raise it with --max-entities)"),
            refused.stderr)
        XCTAssertEqual(try CLIRunner.run(["stats", caseFile, "--max-entities", "3"]).status, 0)

        let edges = fixture("edges-four-vertices.edges")
        let refusedEdges = try CLIRunner.run(["components", edges, "--max-entities", "3"])
        XCTAssertEqual(refusedEdges.status, 1)
        XCTAssertTrue(
            refusedEdges.stderr.contains(
                "\(edges): 4 vertices, more than the limit of 3 (raise it with --max-entities)"), refusedEdges.stderr)
        XCTAssertEqual(try CLIRunner.run(["components", edges, "--max-entities", "4"]).status, 0)

        let dot = try dir.write("g.gv", "digraph { a -> b; c -> d }\n")
        let refusedImport = try CLIRunner.run(["import", dot, "-o", dir.path("out.json"), "--max-entities", "3"])
        XCTAssertEqual(refusedImport.status, 1)
        XCTAssertTrue(
            refusedImport.stderr.contains(
                "\(dot): 4 entities, more than the limit of 3 (raise it with --max-entities)"), refusedImport.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("out.json")))

        let zero = try CLIRunner.run(["stats", caseFile, "--max-entities", "0"])
        XCTAssertEqual(zero.status, 64, zero.stderr)
    }

    func testLimits_areListedInTheHelpOfEveryCommandThatReadsFiles() throws {
        for command in [
            "render", "export", "import", "stats", "validate", "demo", "path", "chain", "centrality", "communities",
            "components",
            "extract", "score", "merge",
        ] {
            let help = try CLIRunner.run([command, "--help"])
            for flag in ["--max-input-bytes", "--max-depth", "--max-entities"] {
                XCTAssertTrue(help.stdout.contains(flag), "linkgraph \(command) --help lacks \(flag)")
            }
        }
    }
}
