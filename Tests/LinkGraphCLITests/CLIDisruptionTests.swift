import Foundation
import XCTest

/// cuts, disrupt, keyplayers and brokers end to end: NetworkX values and hand-counted cases.
final class CLIDisruptionTests: XCTestCase {
    static let kite = CLIRunner.repositoryRoot.appendingPathComponent("Graphs/kite").path

    /// a → b → boss, c → b, d meets c; teams x, x, y and z for a, b, c and boss; d has none.
    static let cell = """
        {"version": 1, "documents": [],
         "entities": [
           {"id": "a", "name": "Agent A", "kind": "person", "attributes": {"team": "x"}},
           {"id": "b", "name": "Handler B", "kind": "person", "attributes": {"team": "x"}},
           {"id": "c", "name": "Agent C", "kind": "person", "attributes": {"team": "y"}},
           {"id": "d", "name": "Contact D", "kind": "person"},
           {"id": "boss", "name": "The Boss", "kind": "person", "attributes": {"team": "z"}}
         ],
         "relations": [
           {"source": "a", "target": "b", "kind": "reportsTo"},
           {"source": "b", "target": "boss", "kind": "reportsTo"},
           {"source": "c", "target": "b", "kind": "reportsTo"},
           {"source": "d", "target": "c", "kind": "meetsWith"}
         ]}
        """

    private func json(
        _ result: CLIRunner.Result, file: StaticString = #filePath, line: UInt = #line
    ) throws -> [String: Any] {
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        let object = try JSONSerialization.jsonObject(with: result.stdoutData)
        return try XCTUnwrap(object as? [String: Any], file: file, line: line)
    }

    func testCuts_kite_equalNetworkX() throws {
        let output = try json(CLIRunner.run(["cuts", Self.kite + "/graph.edgelist", "--undirected", "--json"]))
        let expected = try XCTUnwrap(
            JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: Self.kite + "/expected-cuts.json"))) as? [String: Any])
        XCTAssertEqual((output["cutPoints"] as? [String])?.sorted(), expected["articulation_points"] as? [String])
        XCTAssertEqual(
            (output["bridges"] as? [[String]]).map { Set($0.map { $0.sorted() }) },
            (expected["bridges"] as? [[String]]).map(Set.init))
        XCTAssertEqual((output["blocks"] as? [[String]])?.count, 3)
    }

    func testDisrupt_removeHandler_handCounted() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("cell.json", Self.cell)
        let output = try json(CLIRunner.run(["disrupt", path, "--remove", "Handler B", "--json"]))
        XCTAssertEqual(output["removed"] as? [String], ["b"])
        let before = try XCTUnwrap(output["before"] as? [String: Any])
        let after = try XCTUnwrap(output["after"] as? [String: Any])
        XCTAssertEqual(before["components"] as? Int, 1)
        XCTAssertEqual(before["fragmentation"] as? Double, 0)
        // A tree of five: Σ 1/d over the 10 pairs is 20/3, so 1 − (40/3)/20 = 1/3.
        XCTAssertEqual(try XCTUnwrap(before["distanceWeightedFragmentation"] as? Double), 1.0 / 3.0, accuracy: 1e-12)
        XCTAssertEqual(after["sizes"] as? [Int], [2, 1, 1])
        // Of 12 ordered pairs only c↔d connect (at distance 1): 1 − 2/12.
        XCTAssertEqual(try XCTUnwrap(after["fragmentation"] as? Double), 5.0 / 6.0, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(after["distanceWeightedFragmentation"] as? Double), 5.0 / 6.0, accuracy: 1e-12)
        let cut = try XCTUnwrap(output["chainsCut"] as? [[String: Any]])
        XCTAssertEqual(cut.map { $0["entity"] as? String }, ["a", "c"])
        XCTAssertEqual(cut.map { $0["noLongerReaches"] as? [String] }, [["boss"], ["boss"]])

        // --undirected changes the components, never the direction of the reporting lines.
        let undirected = try json(CLIRunner.run(["disrupt", path, "--remove", "b", "--undirected", "--json"]))
        XCTAssertEqual((undirected["chainsCut"] as? [[String: Any]])?.map { $0["entity"] as? String }, ["a", "c"])

        let text = try CLIRunner.run(["disrupt", path, "--remove", "b"])
        XCTAssertTrue(text.stdout.contains("Agent A no longer reaches The Boss"), text.stdout)
        let bad = try CLIRunner.run(["disrupt", path, "--remove", "b,nobody"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("nobody"), bad.stderr)
    }

    /// Removing 7 from the kite leaves 7 + 2 (F = 1 − 44/72); removing 8 leaves 8 + 1 (1 − 56/72).
    func testKeyPlayers_kite_k1_handCounted() throws {
        let output = try json(
            CLIRunner.run(
                ["keyplayers", Self.kite + "/graph.edgelist", "--undirected", "--k", "1", "--json"]))
        XCTAssertEqual(output["members"] as? [String], ["7"])
        XCTAssertEqual(try XCTUnwrap(output["value"] as? Double), 28.0 / 72.0, accuracy: 1e-12)
        let betweenness = try XCTUnwrap(output["betweenness"] as? [String: Any])
        XCTAssertEqual(betweenness["members"] as? [String], ["7"])
        let reach = try json(
            CLIRunner.run(
                [
                    "keyplayers", Self.kite + "/graph.edgelist", "--k", "2", "--objective", "reach", "--seed", "3",
                    "--json",
                ]))
        XCTAssertEqual(try XCTUnwrap(reach["value"] as? Double), 1, accuracy: 1e-12)
        let tooMany = try CLIRunner.run(["keyplayers", Self.kite + "/graph.edgelist", "--k", "9"])
        XCTAssertNotEqual(tooMany.status, 0)
        XCTAssertTrue(tooMany.stderr.contains("--k 9"), tooMany.stderr)
    }

    func testBrokers_kiteConstraint_equalNetworkX_andRolesByAttribute() throws {
        let output = try json(CLIRunner.run(["brokers", Self.kite + "/graph.edgelist", "--undirected", "--json"]))
        let expected = try XCTUnwrap(
            JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: Self.kite + "/expected-cuts.json"))) as? [String: Any])
        let constraint = try XCTUnwrap(expected["constraint"] as? [String: Double])
        for entity in try XCTUnwrap(output["entities"] as? [[String: Any]]) {
            let id = try XCTUnwrap(entity["id"] as? String)
            let ours = try XCTUnwrap(entity["constraint"] as? Double)
            XCTAssertEqual(ours, try XCTUnwrap(constraint[id]), accuracy: 1e-12, id)
        }

        let directory = try TemporaryDirectory()
        let path = try directory.write("cell.json", Self.cell)
        let roles = try json(CLIRunner.run(["brokers", path, "--group-by", "attribute:team", "--json"]))
        let byID = Dictionary(
            uniqueKeysWithValues: try XCTUnwrap(roles["entities"] as? [[String: Any]]).map {
                ($0["id"] as! String, $0)
            })
        // a → b → boss: x, x, z (representative); c → b → boss: y, x, z (liaison).
        XCTAssertEqual(
            byID["b"]?["roles"] as? [String: Int],
            ["coordinator": 0, "itinerant": 0, "representative": 1, "gatekeeper": 0, "liaison": 1])
        XCTAssertEqual(
            byID["c"]?["roles"] as? [String: Int],
            ["coordinator": 0, "itinerant": 0, "representative": 0, "gatekeeper": 0, "liaison": 0])
        XCTAssertTrue(byID["d"]?["group"] is NSNull)
        let bad = try CLIRunner.run(["brokers", path, "--group-by", "colour"])
        XCTAssertNotEqual(bad.status, 0)
        let edgeList = try CLIRunner.run(["brokers", Self.kite + "/graph.edgelist", "--group-by", "country"])
        XCTAssertNotEqual(edgeList.status, 0)
        XCTAssertTrue(edgeList.stderr.contains("needs a case file"), edgeList.stderr)
    }
}
