import Foundation
import LinkGraph
import XCTest

/// Issue 16 ("Hardening, round 2"), items 3, 7, 8, 9 and the parallel-edge drawing: the
/// commands a careless or hostile user ran, checked end to end through the built binary.
final class HardeningRound2CLITests: XCTestCase {
    // MARK: Item 3: a case file's own entities stay apart

    /// `extract` of the example case lost U.S. Army into United States (acronym USA, another
    /// kind); every entity of the file must come out, with every relation.
    func testExtract_ofACaseFile_keepsEveryEntityItHolds() throws {
        let source = CLIRunner.repositoryRoot.appendingPathComponent("Graphs/iran-iraq-2014/case.json").path
        let original = try CaseFile.read(from: source)
        let dir = try TemporaryDirectory()
        let output = dir.path("out.json")
        let result = try CLIRunner.run(["extract", source, "-o", output, "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let extracted = try CaseFile.read(from: output)
        XCTAssertEqual(extracted.entities.map(\.id), original.entities.map(\.id))
        XCTAssertTrue(extracted.entities.contains { $0.id == "us-army" })
        XCTAssertEqual(extracted.relations.count, original.relations.count)
    }

    /// `merge` of a file with "United States" (alias USA) and "United States Army", and with
    /// "Hadi al-Amiri" and "Amiri", related: four entities and both relations.
    func testMerge_entitiesTheFileSaysAreDifferent_stayDifferent() throws {
        let dir = try TemporaryDirectory()
        let base = try dir.write("base.json", #"{"version": 1, "entities": []}"#)
        let other = try dir.write(
            "other.json",
            """
            {"version": 1, "entities": [
              {"id": "us", "name": "United States", "kind": "country", "aliases": ["USA"]},
              {"id": "army", "name": "United States Army", "kind": "organization"},
              {"id": "amiri", "name": "Hadi al-Amiri", "kind": "person"},
              {"id": "amiri-2", "name": "Amiri", "kind": "person"}],
             "relations": [{"source": "army", "target": "us", "kind": "memberOf"},
                           {"source": "amiri-2", "target": "amiri", "kind": "reportsTo"}]}
            """)
        let output = dir.path("out.json")
        let result = try CLIRunner.run(["merge", base, other, "-o", output])
        XCTAssertEqual(result.status, 0, result.stderr)
        let merged = try CaseFile.read(from: output)
        XCTAssertEqual(merged.entities.map(\.id), ["us", "army", "amiri", "amiri-2"])
        XCTAssertEqual(merged.relations.map { "\($0.source)>\($0.target)" }, ["army>us", "amiri-2>amiri"])
    }

    // MARK: Item 7: `path --all` says when it stopped

    /// a → 3 → 3 → z: nine tied shortest paths.
    static let layered = """
        a b1\na b2\na b3\nb1 c1\nb1 c2\nb1 c3\nb2 c1\nb2 c2\nb2 c3\nb3 c1\nb3 c2\nb3 c3\nc1 z\nc2 z\nc3 z
        """

    func testPathAll_overTheLimit_saysItStopped_andListsThatMany() throws {
        let dir = try TemporaryDirectory()
        let graph = try dir.write("layered.edges", Self.layered + "\n")
        let stopped = try CLIRunner.run(["path", graph, "a", "z", "--all", "--limit", "5"])
        XCTAssertEqual(stopped.status, 0, stopped.stderr)
        XCTAssertEqual(stopped.stdout.split(separator: "\n").filter { $0.first?.isNumber == true }.count, 5)
        XCTAssertTrue(stopped.stderr.contains("stopped after 5 shortest paths"), stopped.stderr)
        XCTAssertTrue(stopped.stderr.contains("--limit"), stopped.stderr)
        let json = try CLIRunner.run(["path", graph, "a", "z", "--all", "--limit", "5", "--json"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        XCTAssertEqual((object["paths"] as? [Any])?.count, 5)
        XCTAssertEqual(object["truncated"] as? Bool, true)
        // Exactly as many as the limit: complete, and no note.
        let complete = try CLIRunner.run(["path", graph, "a", "z", "--all", "--limit", "9", "--json"])
        XCTAssertEqual(complete.status, 0, complete.stderr)
        let all = try XCTUnwrap(JSONSerialization.jsonObject(with: complete.stdoutData) as? [String: Any])
        XCTAssertEqual((all["paths"] as? [Any])?.count, 9)
        XCTAssertNil(all["truncated"])
        XCTAssertFalse(complete.stderr.contains("stopped"), complete.stderr)
        XCTAssertNotEqual(try CLIRunner.run(["path", graph, "a", "z", "--all", "--limit", "0"]).status, 0)
    }

    // MARK: Item 8: weights whose sums overflow are refused

    func testWeightsThatOverflow_refusedWithTheEdge_notReadAsNoPath() throws {
        let dir = try TemporaryDirectory()
        let huge = try dir.write("huge.edges", "a b 1e308\nb c 1e308\n")
        for arguments in [["path", huge, "a", "c"], ["centrality", huge, "--measure", "betweenness"]] {
            let result = try CLIRunner.run(arguments + ["--weight", "weight"])
            XCTAssertEqual(result.status, 1, "\(arguments): \(result.stdout)")
            XCTAssertTrue(result.stderr.contains("\(huge): the edge 'a' -> 'b' has weight 1e+308"), result.stderr)
            XCTAssertTrue(result.stderr.contains("cannot overflow"), result.stderr)
            XCTAssertFalse(result.stdout.contains("inf"), result.stdout)
        }
        // A case file: the relation's ends are named.
        let caseFile = try dir.write(
            "huge.json",
            """
            {"version": 1, "entities": [{"id": "a", "name": "A", "kind": "person"},
              {"id": "b", "name": "B", "kind": "person"}, {"id": "c", "name": "C", "kind": "person"}],
             "relations": [{"source": "a", "target": "b", "kind": "pays", "weight": 1e308},
                           {"source": "b", "target": "c", "kind": "pays", "weight": 1e308}]}
            """)
        let refused = try CLIRunner.run(["path", caseFile, "A", "C", "--weight", "weight"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("\(caseFile): the edge 'a' -> 'b' has weight 1e+308"), refused.stderr)
        // Large but safe weights give the sum NetworkX gives, printed as a number; on the huge
        // ones NetworkX answers a path of length inf, which we refuse to print as an answer.
        let large = try dir.write("large.edges", "a b 2e307\nb c 2e307\n")
        let fine = try CLIRunner.run(["path", large, "a", "c", "--weight", "weight", "--json"])
        XCTAssertEqual(fine.status, 0, fine.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: fine.stdoutData) as? [String: Any])
        let paths = object["paths"] as? [[String: Any]]
        let cost = try XCTUnwrap(paths?.first?["cost"] as? Double)
        XCTAssertEqual(cost, try networkXLength(large), "NetworkX")
        XCTAssertEqual(try networkXLength(huge), .infinity, "NetworkX sums to infinity")
        let text = try CLIRunner.run(["path", large, "a", "c", "--weight", "weight"])
        XCTAssertTrue(text.stdout.contains("cost 4e+307"), text.stdout)
    }

    /// NetworkX's weighted shortest-path length from a to c of a directed edge list.
    func networkXLength(_ edges: String) throws -> Double {
        let script = """
            import sys, networkx as nx
            g = nx.read_weighted_edgelist(sys.argv[1], create_using=nx.DiGraph)
            print(repr(nx.shortest_path_length(g, "a", "c", weight="weight")))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, edges]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw XCTSkip("python3 with networkx is not available") }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text == "inf" ? .infinity : try XCTUnwrap(Double(text), text)
    }

    // MARK: Item 9: a `--via` typo is pointed out

    static let base = """
        {"version": 1, "entities": [{"id": "alice", "name": "Alice", "kind": "person"},
          {"id": "bob", "name": "Bob", "kind": "person"}, {"id": "carol", "name": "Carol", "kind": "organization"}],
         "relations": [{"source": "alice", "target": "bob", "kind": "reportsTo"},
                       {"source": "bob", "target": "carol", "kind": "memberOf"}]}
        """

    func testVia_kindWithNoRelation_warnsWithTheCloseKind() throws {
        let dir = try TemporaryDirectory()
        let base = try dir.write("base.json", Self.base)
        let chain = try CLIRunner.run(["chain", base, "Alice", "--via", "reportTo"])
        let typo = "warning: --via 'reportTo' matches no relation in \(base); did you mean 'reportsTo'?"
        XCTAssertTrue(chain.stderr.contains(typo), chain.stderr)
        let centrality = try CLIRunner.run(["centrality", base, "--via", "reportsto,memberOf"])
        XCTAssertTrue(centrality.stderr.contains("--via 'reportsto' matches no relation"), centrality.stderr)
        XCTAssertTrue(centrality.stderr.contains("did you mean 'reportsTo'?"), centrality.stderr)
        XCTAssertFalse(centrality.stderr.contains("'memberOf' matches"), centrality.stderr)
        // A well-known kind the case lacks is suggested from the well-known list; nothing close, no hint.
        let path = try CLIRunner.run(["path", base, "Alice", "Bob", "--via", "payz,zzzzzzzz"])
        let wellKnown = "--via 'payz' matches no relation in \(base); did you mean 'pays'?"
        XCTAssertTrue(path.stderr.contains(wellKnown), path.stderr)
        XCTAssertTrue(path.stderr.contains("--via 'zzzzzzzz' matches no relation in \(base)\n"), path.stderr)
        let render = try CLIRunner.run(
            ["render", base, "-o", dir.path("c.svg"), "--highlight-chain", "Alice", "--via", "memberof"])
        XCTAssertTrue(render.stderr.contains("--via 'memberof' matches no relation"), render.stderr)
        XCTAssertTrue(render.stderr.contains("did you mean 'memberOf'?"), render.stderr)
        // The right kind, and the default chain kinds (some absent here): no warning.
        XCTAssertFalse(try CLIRunner.run(["chain", base, "Alice", "--via", "reportsTo"]).stderr.contains("warning"))
        XCTAssertFalse(try CLIRunner.run(["chain", base, "Alice"]).stderr.contains("warning"))
    }

    // MARK: Item 10: DOT charsets and invalid UTF-8

    func testDOT_latin1_importedAsTwoEntities_renderedUngarbled_invalidUTF8Refused() throws {
        let dir = try TemporaryDirectory()
        let latin1 = dir.path("latin1.gv")
        try Data(
            Array("digraph {\n  charset=latin1\n  \"caf".utf8) + [0xE9] + Array("\" -> \"caf".utf8) + [0xE8]
                + Array("\" [kind=pays]\n}\n".utf8)
        ).write(to: URL(fileURLWithPath: latin1))
        let output = dir.path("out.json")
        let imported = try CLIRunner.run(["import", latin1, "-o", output])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let caseFile = try CaseFile.read(from: output)
        XCTAssertEqual(caseFile.entities.map(\.name), ["café", "cafè"])
        XCTAssertEqual(caseFile.relations.map { "\($0.source)>\($0.target)" }.count, 1)
        XCTAssertNotEqual(caseFile.relations[0].source, caseFile.relations[0].target)
        let svg = dir.path("out.svg")
        let rendered = try CLIRunner.run(["render", latin1, "-o", svg])
        XCTAssertEqual(rendered.status, 0, rendered.stderr)
        let drawing = try String(contentsOfFile: svg, encoding: .utf8)
        XCTAssertTrue(drawing.contains(">café<") && drawing.contains(">cafè<"), "labels as written")
        XCTAssertFalse(drawing.contains("Ã"), "converted twice")
        // The same bytes without the charset: refused, with the place, for every reader of DOT.
        let bare = dir.path("bare.gv")
        try Data(Array("digraph {\n  \"caf".utf8) + [0xE9] + Array("\" -> \"caf".utf8) + [0xE8] + Array("\"\n}\n".utf8))
            .write(to: URL(fileURLWithPath: bare))
        let commands = [
            ["import", bare, "-o", output], ["render", bare, "-o", svg], ["extract", bare, "-o", output],
        ]
        for arguments in commands {
            let refused = try CLIRunner.run(arguments)
            XCTAssertEqual(refused.status, 1, "\(arguments)")
            XCTAssertTrue(refused.stderr.contains("\(bare):2:7: invalid UTF-8"), refused.stderr)
        }
    }

    // MARK: Also: parallel relations drawn as one edge

    /// 20,000 parallel `pays` made `dot` run for minutes; drawn as one edge, the render is quick.
    func testRender_20000ParallelRelations_oneEdgeWithCount() throws {
        let dir = try TemporaryDirectory()
        let relation = #"{"source": "harbor", "target": "quill", "kind": "pays"}"#
        let text =
            #"{"version": 1, "entities": [{"id": "harbor", "name": "Harbor Trust", "kind": "organization"}, "#
            + #"{"id": "quill", "name": "Mara Quill", "kind": "person"}], "relations": ["#
            + Array(repeating: relation, count: 20_000).joined(separator: ", ") + "]}"
        let input = try dir.write("parallel.json", text)
        let svg = dir.path("parallel.svg")
        let start = Date()
        let result = try CLIRunner.run(["render", input, "-o", svg, "--timeout", "60"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(start), 60)
        let drawing = try String(contentsOfFile: svg, encoding: .utf8)
        XCTAssertEqual(drawing.components(separatedBy: "class=\"edge\"").count - 1, 1)
        XCTAssertTrue(drawing.contains("pays ×20000"), "the count is drawn")
        XCTAssertTrue(drawing.contains("… and 19980 more"), "the tooltip counts what it does not list")
    }
}
