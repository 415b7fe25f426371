import Foundation
import XCTest

/// The analysis commands end to end: values against the NetworkX fixtures, paths and chains
/// explained, and clear errors.
final class CLIAnalysisTests: XCTestCase {
    static let karate = CLIRunner.repositoryRoot.appendingPathComponent("Graphs/karate").path

    /// A reporting structure with a cycle and two ways up.
    static let office = """
        {"version": 1, "documents": [{"id": "memo"}],
         "entities": [
           {"id": "clerk", "name": "Clerk", "kind": "person", "aliases": ["the clerk"]},
           {"id": "deputy", "name": "Deputy", "kind": "person"},
           {"id": "chief", "name": "Chief", "kind": "person"},
           {"id": "bureau", "name": "Bureau", "kind": "organization"},
           {"id": "ministry", "name": "Ministry", "kind": "organization"},
           {"id": "loop-a", "name": "Loop A", "kind": "person"},
           {"id": "loop-b", "name": "Loop B", "kind": "person"},
           {"id": "outsider", "name": "Outsider", "kind": "person"},
           {"id": "twin1", "name": "Twin", "kind": "person"},
           {"id": "twin2", "name": "Twin", "kind": "person"}
         ],
         "relations": [
           {"source": "clerk", "target": "deputy", "kind": "reportsTo", "confidence": 0.5,
            "evidence": [{"document": "memo", "start": 0, "end": 10}]},
           {"source": "deputy", "target": "chief", "kind": "reportsTo"},
           {"source": "clerk", "target": "bureau", "kind": "memberOf"},
           {"source": "ministry", "target": "bureau", "kind": "controls"},
           {"source": "chief", "target": "loop-a", "kind": "advises"},
           {"source": "loop-a", "target": "loop-b", "kind": "reportsTo"},
           {"source": "loop-b", "target": "loop-a", "kind": "reportsTo"},
           {"source": "outsider", "target": "clerk", "kind": "meetsWith"}
         ]}
        """

    private func json(_ result: CLIRunner.Result, file: StaticString = #filePath, line: UInt = #line) throws -> [String:
        Any]
    {
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        return try XCTUnwrap(
            JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any], file: file, line: line)
    }

    func testCentrality_everyMeasure_matchesNetworkX() throws {
        let expected = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.karate + "/expected.json")))
                as? [String: Any])
        let measures = [
            "betweenness": "betweenness", "closeness": "closeness", "harmonic": "harmonic", "pagerank": "pagerank",
            "eigenvector": "eigenvector", "katz": "katz", "degree": "degree_centrality",
        ]
        for (measure, key) in measures {
            var arguments = [
                "centrality", Self.karate + "/graph.edgelist", "--undirected", "--measure", measure, "--json",
            ]
            if measure == "katz" { arguments += ["--alpha", "\(try XCTUnwrap(expected["katz_alpha"] as? Double))"] }
            let output = try json(CLIRunner.run(arguments))
            XCTAssertEqual(output["measure"] as? String, measure)
            let values = try XCTUnwrap(output["values"] as? [String: Double])
            let oracle = try XCTUnwrap(expected[key] as? [String: Double], key)
            XCTAssertEqual(values.count, 34)
            for (vertex, value) in oracle {
                let ours = try XCTUnwrap(values[vertex], "\(measure): no value for \(vertex)")
                XCTAssertEqual(ours, value, accuracy: max(1e-12, abs(value) * 1e-9), "\(measure)[\(vertex)]")
            }
        }
    }

    func testPath_lengthsMatchNetworkX() throws {
        let expected = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.karate + "/expected.json")))
                as? [String: Any])
        let lengths = try XCTUnwrap((expected["hop_lengths"] as? [String: [String: Int]])?["0"])
        for target in ["14", "16", "26", "33"] {
            let output = try json(
                CLIRunner.run(["path", Self.karate + "/graph.edgelist", "0", target, "--undirected", "--json"]))
            let path = try XCTUnwrap((output["paths"] as? [[String: Any]])?.first)
            XCTAssertEqual((path["vertices"] as? [String])?.count, lengths[target].map { $0 + 1 }, "0 → \(target)")
            XCTAssertEqual(path["cost"] as? Double, lengths[target].map(Double.init))
        }
    }

    func testPath_case_explainedHopsInJSONAndText() throws {
        let dir = try TemporaryDirectory()
        let casePath = try dir.write("office.json", Self.office)
        let output = try json(CLIRunner.run(["path", casePath, "THE CLERK", "chief", "--json"]))
        let path = try XCTUnwrap((output["paths"] as? [[String: Any]])?.first)
        XCTAssertEqual(path["vertices"] as? [String], ["clerk", "deputy", "chief"])
        let hops = try XCTUnwrap(path["hops"] as? [[String: Any]])
        XCTAssertEqual(hops.map { $0["kind"] as? String }, ["reportsTo", "reportsTo"])
        XCTAssertEqual((hops[0]["evidence"] as? [[String: Any]])?.first?["document"] as? String, "memo")

        let text = try CLIRunner.run(["path", casePath, "clerk", "chief", "--reliable"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("Clerk → Deputy → Chief"), text.stdout)
        XCTAssertTrue(text.stdout.contains("reliability 0.5"), text.stdout)
        XCTAssertTrue(
            text.stdout.contains("Clerk —reportsTo→ Deputy  [confidence 0.5; evidence memo[0..<10]]"), text.stdout)
    }

    func testPath_noPath_exit1WithMessage() throws {
        let dir = try TemporaryDirectory()
        let result = try CLIRunner.run(["path", try dir.write("office.json", Self.office), "chief", "clerk"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("no path from 'Chief' to 'Clerk'"), result.stderr)
    }

    func testPath_unknownAndAmbiguousNames_listCandidates() throws {
        let dir = try TemporaryDirectory()
        let casePath = try dir.write("office.json", Self.office)
        let unknown = try CLIRunner.run(["path", casePath, "Depty", "chief"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(
            unknown.stderr.contains("no entity is named 'Depty'")
                && unknown.stderr.contains("did you mean 'Deputy' (deputy)"), unknown.stderr)
        let ambiguous = try CLIRunner.run(["path", casePath, "twin", "chief"])
        XCTAssertEqual(ambiguous.status, 1)
        XCTAssertTrue(
            ambiguous.stderr.contains("'twin' names 2 entities: 'Twin' (twin1), 'Twin' (twin2); use an id"),
            ambiguous.stderr)
    }

    func testChain_up_everyBranchAndTops_cycleHandled() throws {
        let dir = try TemporaryDirectory()
        let output = try json(CLIRunner.run(["chain", try dir.write("office.json", Self.office), "clerk", "--json"]))
        XCTAssertEqual(Set(output["tops"] as? [String] ?? []), ["ministry", "loop-a", "loop-b"])
        let branches = try XCTUnwrap(output["branches"] as? [[String: Any]])
        let routes = Set(branches.compactMap { $0["vertices"] as? [String] })
        XCTAssertTrue(routes.contains(["clerk", "bureau", "ministry"]), "\(routes)")
        XCTAssertTrue(routes.contains(["clerk", "deputy", "chief", "loop-a", "loop-b"]), "\(routes)")
        let above = Dictionary(
            uniqueKeysWithValues: (output["above"] as? [[String: Any]] ?? []).map {
                ($0["id"] as! String, $0["distance"] as! Int)
            })
        XCTAssertEqual(above, ["deputy": 1, "bureau": 1, "chief": 2, "ministry": 2, "loop-a": 3, "loop-b": 4])
    }

    func testChain_down_distances() throws {
        let dir = try TemporaryDirectory()
        let output = try json(
            CLIRunner.run(["chain", try dir.write("office.json", Self.office), "Chief", "--down", "--json"]))
        let below = Dictionary(
            uniqueKeysWithValues: (output["below"] as? [[String: Any]] ?? []).map {
                ($0["id"] as! String, $0["distance"] as! Int)
            })
        XCTAssertEqual(below, ["deputy": 1, "clerk": 2])
    }

    func testComponents_weakAndStrong() throws {
        let dir = try TemporaryDirectory()
        let casePath = try dir.write("office.json", Self.office)
        let weak = try json(CLIRunner.run(["components", casePath, "--json"]))
        XCTAssertEqual((weak["components"] as? [[String]])?.map(\.count), [8, 1, 1])
        let strong = try json(CLIRunner.run(["components", casePath, "--strong", "--json"]))
        let groups = try XCTUnwrap(strong["components"] as? [[String]])
        XCTAssertEqual(groups.first.map(Set.init), ["clerk", "outsider"], "meetsWith goes both ways")
        XCTAssertTrue(groups.contains { Set($0) == ["loop-a", "loop-b"] })
        XCTAssertEqual(groups.count, 8)
    }

    func testCommunities_karate_modularityNearNetworkX_andSeedRepeatable() throws {
        let first = try json(CLIRunner.run(["communities", Self.karate + "/graph.edgelist", "--json", "--seed", "7"]))
        let again = try json(CLIRunner.run(["communities", Self.karate + "/graph.edgelist", "--json", "--seed", "7"]))
        XCTAssertEqual(first["communities"] as? [[String]], again["communities"] as? [[String]])
        let modularity = try XCTUnwrap(first["modularity"] as? Double)
        XCTAssertGreaterThan(modularity, 0.40, "Louvain on the karate club reaches about 0.42–0.44")
        XCTAssertLessThan(modularity, 0.45)
    }

    func testEdgeList_syntaxError_namesLine() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("bad.edges", "a b\nb c 1.5\nc d x y z\n")
        let result = try CLIRunner.run(["centrality", path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("\(path):"), result.stderr)
    }
}
