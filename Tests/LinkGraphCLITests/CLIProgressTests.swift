import Foundation
import XCTest

/// The progress line of long measures stays off standard error when it is not a terminal and
/// with `--quiet`, and neither changes the values (checked against the NetworkX fixture).
final class CLIProgressTests: XCTestCase {
    func testCentrality_quietOrPiped_noProgressLineAndNetworkXValues() throws {
        let karate = CLIRunner.repositoryRoot.appendingPathComponent("Graphs/karate").path
        let expected = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: karate + "/expected.json")))
                as? [String: Any])
        for (measure, key) in [("betweenness", "betweenness"), ("closeness", "closeness"), ("pagerank", "pagerank")] {
            for quiet in [true, false] {
                var arguments = [
                    "centrality", karate + "/graph.edgelist", "--undirected", "--measure", measure, "--json",
                ]
                if quiet { arguments.append("--quiet") }
                let result = try CLIRunner.run(arguments)
                XCTAssertEqual(result.status, 0, result.stderr)
                XCTAssertEqual(result.stderr, "", "\(measure): standard error is a pipe, so no progress line")
                let output = try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
                let values = try XCTUnwrap(output["values"] as? [String: Double])
                let oracle = try XCTUnwrap(expected[key] as? [String: Double])
                XCTAssertEqual(values.count, oracle.count)
                for (vertex, value) in oracle {
                    XCTAssertEqual(
                        try XCTUnwrap(values[vertex]), value, accuracy: max(1e-12, abs(value) * 1e-9),
                        "\(measure)[\(vertex)]")
                }
            }
        }
    }
}
