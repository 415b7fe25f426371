import Foundation
import XCTest

/// Path and chain output: the documented JSON shapes (docs/JSON.md), evidence quoted from the
/// document's text, and tab-separated edge lists with multi-word names.
final class CLIPathEvidenceTests: XCTestCase {
    /// 167 bytes; SHA-256 by Python's hashlib.
    static let ledger = """
        Mara Quill passed the harbour ledgers to Tomas Venn every Friday, first by courier and later in person \
        at the customs house on the east quay, until the audit of 2016.

        """
    static let ledgerSHA256 = "4b78f3e54a4728bcce5fee2a1e1db374d6ad13f1ce35dfa1d2026f9743adf862"

    static func caseFile(source: String, sha256: String) -> String {
        """
        {"version": 1, "documents": [{"id": "ledger", "source": "\(source)", "sha256": "\(sha256)"}],
         "entities": [
           {"id": "mara", "name": "Mara Quill", "kind": "person"},
           {"id": "tomas", "name": "Tomas Venn", "kind": "person"},
           {"id": "customs", "name": "Customs House", "kind": "organization"}],
         "relations": [
           {"source": "mara", "target": "tomas", "kind": "reportsTo", "from": "2014",
            "evidence": [{"document": "ledger", "start": 0, "end": 51}]},
           {"source": "tomas", "target": "customs", "kind": "memberOf",
            "evidence": [{"document": "ledger", "start": 0, "end": 166}]}]}
        """
    }

    private func object(
        _ result: CLIRunner.Result, file: StaticString = #filePath, line: UInt = #line
    ) throws -> [String: Any] {
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        let parsed = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
        return try XCTUnwrap(parsed, file: file, line: line)
    }

    func testPath_documentBesideCase_evidenceQuotedAndShortened() throws {
        let dir = try TemporaryDirectory()
        _ = try dir.write("ledger.txt", Self.ledger)
        let casePath = try dir.write("case.json", Self.caseFile(source: "ledger.txt", sha256: Self.ledgerSHA256))
        let result = try CLIRunner.run(["path", casePath, "Mara Quill", "Customs House"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(
            result.stdout.contains("evidence ledger[0..<51] “Mara Quill passed the harbour ledgers to Tomas Venn”"),
            result.stdout)
        let long = try XCTUnwrap(result.stdout.split(separator: "\n").first { $0.contains("ledger[0..<166]") })
        let opening = "“Mara Quill passed the harbour ledgers to Tomas Venn every Friday, first by courier and"
        XCTAssertTrue(long.contains(opening), "\(long)")
        XCTAssertTrue(long.hasSuffix("…”]"), "\(long)")
        XCTAssertFalse(long.contains("audit of 2016"), "\(long)")
    }

    func testPath_documentsFolder_foundByFileName_shaMismatchWarnsAndCites() throws {
        let cases = try TemporaryDirectory(), texts = try TemporaryDirectory()
        _ = try texts.write("ledger.txt", Self.ledger)
        let elsewhere = Self.caseFile(source: "elsewhere/ledger.txt", sha256: Self.ledgerSHA256)
        let casePath = try cases.write("case.json", elsewhere)
        let cited = try CLIRunner.run(["path", casePath, "mara", "tomas"])
        XCTAssertTrue(
            cited.stdout.contains("evidence ledger[0..<51]]"), "no text known: the citation alone\n" + cited.stdout)
        let quoted = try CLIRunner.run(["path", casePath, "mara", "tomas", "--documents", texts.url.path])
        XCTAssertTrue(quoted.stdout.contains("ledger[0..<51] “Mara Quill passed"), quoted.stdout + quoted.stderr)

        let zeros = String(repeating: "0", count: 64)
        let wrong = try cases.write("wrong.json", Self.caseFile(source: "ledger.txt", sha256: zeros))
        let mismatch = try CLIRunner.run(["path", wrong, "mara", "tomas", "--documents", texts.url.path])
        XCTAssertEqual(mismatch.status, 0, mismatch.stderr)
        XCTAssertTrue(mismatch.stdout.contains("evidence ledger[0..<51]]"), mismatch.stdout)
        XCTAssertTrue(
            mismatch.stderr.contains("not the text of document 'ledger' (its SHA-256 differs)"), mismatch.stderr)

        let missing = try CLIRunner.run(["path", casePath, "mara", "tomas", "--documents", cases.path("nowhere")])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains("--documents \(cases.path("nowhere")): no such folder"), missing.stderr)
    }

    func testChain_quotesEvidence() throws {
        let dir = try TemporaryDirectory()
        _ = try dir.write("ledger.txt", Self.ledger)
        let casePath = try dir.write("case.json", Self.caseFile(source: "ledger.txt", sha256: Self.ledgerSHA256))
        let result = try CLIRunner.run(["chain", casePath, "mara"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(
            result.stdout.contains("“Mara Quill passed the harbour ledgers to Tomas Venn”"), result.stdout)
    }

    func testPathAndChainJSON_documentedShapes() throws {
        let dir = try TemporaryDirectory()
        let casePath = try dir.write("case.json", Self.caseFile(source: "ledger.txt", sha256: Self.ledgerSHA256))
        let output = try object(CLIRunner.run(["path", casePath, "mara", "customs", "--json"]))
        XCTAssertEqual(Set(output.keys), ["paths"])
        let path = try XCTUnwrap((output["paths"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(path.keys), ["vertices", "cost", "hops"])
        let hops = try XCTUnwrap(path["hops"] as? [[String: Any]])
        XCTAssertEqual(
            Set(hops[0].keys),
            ["source", "target", "kind", "evidence", "againstRelation", "relation", "confidence", "from"])
        XCTAssertEqual(hops[0]["source"] as? String, "mara")
        XCTAssertEqual(hops[0]["from"] as? String, "2014")
        XCTAssertEqual((hops[1]["evidence"] as? [[String: Any]])?.first?["end"] as? Int, 166)

        let chain = try object(CLIRunner.run(["chain", casePath, "mara", "--json"]))
        XCTAssertEqual(Set(chain.keys), ["entity", "above", "tops", "branches", "truncated"])
        let above = try XCTUnwrap(chain["above"] as? [[String: Any]])
        XCTAssertEqual(above.first?["name"] as? String, "Tomas Venn")
        let branch = try XCTUnwrap((chain["branches"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(branch.keys), ["vertices", "endsInCycle"])
        let down = try object(CLIRunner.run(["chain", casePath, "customs", "--down", "--json"]))
        XCTAssertEqual(Set(down.keys), ["entity", "below"])
    }

    func testPath_tsvEdgeListWithMultiWordNames() throws {
        let list = CLIRunner.repositoryRoot
            .appendingPathComponent("Tests/LinkGraphAlgorithmsTests/Fixtures/hijackers.tsv").path
        let result = try CLIRunner.run(["path", list, "Ziad Jarrah", "Khalid al-Mihdhar", "--undirected"])
        XCTAssertEqual(result.status, 0, result.stderr)
        // networkx.shortest_path(read_edgelist(path, delimiter="\t"), "Ziad Jarrah", "Khalid al-Mihdhar")
        XCTAssertTrue(
            result.stdout.hasPrefix(
                "Ziad Jarrah → Marwan al-Shehhi → Mohamed Atta → Hani Hanjour → Nawaf al-Hazmi → "
                    + "Khalid al-Mihdhar  (5 hops)"),
            result.stdout)
        let dir = try TemporaryDirectory()
        let spaced = try dir.write("names.edges", "Hani Hanjour Majed Moqed\n")
        let error = try CLIRunner.run(["centrality", spaced])
        XCTAssertEqual(error.status, 1)
        let expected = "\(spaced):1: expected 'u v' or 'u v weight' but found 4 fields (fields split at spaces and tabs"
        XCTAssertTrue(error.stderr.contains(expected), error.stderr)
    }
}
