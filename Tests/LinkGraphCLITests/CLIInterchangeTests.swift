import Foundation
import XCTest

/// `linkgraph export --to graphml|gexf|csv|nodelink|cypher|neo4j-csv` and `linkgraph import`
/// run end to end on the bundled example.
final class CLIInterchangeTests: XCTestCase {
    static let example = CLIRunner.repositoryRoot.appendingPathComponent("Graphs/iran-iraq-2014/case.json").path

    /// The case normalised by `export --to json`, for comparing two case files.
    func normalizedJSON(_ path: String) throws -> String {
        let result = try CLIRunner.run(["export", path, "--to", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    func run(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> CLIRunner.Result {
        let result = try CLIRunner.run(arguments)
        XCTAssertEqual(
            result.status, 0, "linkgraph \(arguments.joined(separator: " ")): \(result.stderr)", file: file, line: line)
        return result
    }

    func testExportThenImport_graphmlNodelinkCSV_giveTheCaseBack() throws {
        let dir = try TemporaryDirectory()
        let original = try normalizedJSON(Self.example)
        for (format, output, input) in [
            ("graphml", dir.path("c.graphml"), dir.path("c.graphml")),
            ("nodelink", dir.path("c.json"), dir.path("c.json")),
            ("csv", dir.path("tables") + "/", dir.path("tables/entities.csv")),
            ("csv", dir.path("x"), dir.path("x.relations.csv")),
        ] {
            _ = try run(["export", Self.example, "--to", format, "-o", output])
            let imported = try run(["import", input, "-o", dir.path("back-\(format).json")])
            XCTAssertTrue(imported.stderr.contains("imported 36 entities and 72 relations"), imported.stderr)
            XCTAssertEqual(try normalizedJSON(dir.path("back-\(format).json")), original, "\(format) via \(input)")
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.path("tables/documents.csv")))
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.path("x.documents.csv")))
    }

    func testExportThenImport_gexfAndDot_keepEntitiesAndRelations() throws {
        let dir = try TemporaryDirectory()
        for format in ["gexf", "dot"] {
            _ = try run(["export", Self.example, "--to", format, "-o", dir.path("c.\(format)")])
            let imported = try run(["import", dir.path("c.\(format)"), "-o", dir.path("back.json")])
            XCTAssertTrue(imported.stderr.contains("imported 36 entities and 72 relations"), imported.stderr)
            XCTAssertTrue(
                imported.stderr.contains("1 documents named by evidence were not in the file"), imported.stderr)
            let stats = try run(["validate", dir.path("back.json")])
            XCTAssertEqual(stats.stdout, "valid\n")
        }
    }

    func testExport_cypherAndNeo4jCSV() throws {
        let dir = try TemporaryDirectory()
        let cypher = try run(["export", Self.example, "--to", "cypher"])
        XCTAssertTrue(
            cypher.stdout.contains("MERGE (n:Entity {id: 'iran'}) SET n:Country, n += {`name`: 'Iran'"),
            String(cypher.stdout.prefix(600)))
        XCTAssertEqual(cypher.stdout.components(separatedBy: "CREATE (a)-[:").count - 1, 72)
        _ = try run(["export", Self.example, "--to", "neo4j-csv", "-o", dir.path("neo")])
        for name in ["nodes.csv", "relationships.csv", "import.sh"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.path("neo/\(name)")), name)
        }
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: dir.path("neo/import.sh")))
        let nodes = try String(contentsOfFile: dir.path("neo/nodes.csv"), encoding: .utf8)
        XCTAssertTrue(nodes.hasPrefix("id:ID,:LABEL,name,kind,aliases:string[]"), String(nodes.prefix(100)))
        let relationships = try String(contentsOfFile: dir.path("neo/relationships.csv"), encoding: .utf8)
        XCTAssertTrue(relationships.hasPrefix(":START_ID,:END_ID,:TYPE,kind"), String(relationships.prefix(100)))
        XCTAssertEqual(relationships.split(separator: "\n").count, 73)
    }

    func testExport_severalFilesNeedAnOutput() throws {
        for format in ["csv", "neo4j-csv"] {
            let result = try CLIRunner.run(["export", Self.example, "--to", format])
            XCTAssertNotEqual(result.status, 0)
            XCTAssertTrue(result.stderr.contains("writes several files: give -o DIR"), result.stderr)
        }
        let help = try CLIRunner.run(["export", "--help"])
        for format in ["graphml", "gexf", "csv", "nodelink", "cypher", "neo4j-csv", "PREFIX.entities.csv"] {
            XCTAssertTrue(help.stdout.contains(format), "--help lacks \(format)")
        }
    }

    func testImport_malformedGraphML_namesFileAndLine_leavesNoFile() throws {
        let dir = try TemporaryDirectory()
        let input = try dir.write("bad.graphml", "<graphml>\n<graph>\n<node id=\"a\">\n</graph>\n</graphml>\n")
        let result = try CLIRunner.run(["import", input, "-o", dir.path("out.json")])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("\(input):4:"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("out.json")))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted(), ["bad.graphml"])
    }

    func testImport_errorKeepsAnExistingOutputUntouched() throws {
        let dir = try TemporaryDirectory()
        let existing = try dir.write("case.json", "{\"version\": 1, \"entities\": []}\n")
        let input = try dir.write(
            "g.json", "{\"nodes\": [{\"id\": \"a\"}], \"links\": [{\"source\": \"a\", \"target\": \"b\"}]}")
        let result = try CLIRunner.run(["import", input, "-o", existing])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("links[0], target: no node has the id \"b\""), result.stderr)
        XCTAssertEqual(try String(contentsOfFile: existing, encoding: .utf8), "{\"version\": 1, \"entities\": []}\n")
    }

    func testImport_externalEntity_refused() throws {
        let dir = try TemporaryDirectory()
        let secret = try dir.write("secret.txt", "TOP-SECRET")
        let input = try dir.write(
            "x.gexf",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE gexf [<!ENTITY s SYSTEM \"file://\(secret)\">]>\n<gexf><graph><nodes><node id=\"a\" label=\"&s;\"/></nodes></graph></gexf>\n"
        )
        let result = try CLIRunner.run(["import", input, "-o", dir.path("out.json")])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("\(input):2: refused"), result.stderr)
        XCTAssertFalse(result.stderr.contains("TOP-SECRET"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("out.json")))
    }

    func testImport_csvTables_siblingOrRelationsOption() throws {
        let dir = try TemporaryDirectory()
        let people = try dir.write("people.csv", "id,name,kind\nann,Ann,person\nbob,Bob,person\n")
        let links = try dir.write("links.csv", "source,target,kind\nann,bob,reportsTo\n")
        let missing = try CLIRunner.run(["import", people, "-o", dir.path("c.json")])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(
            missing.stderr.contains("the relations table is needed too: give --relations FILE"), missing.stderr)
        _ = try run(["import", people, "--relations", links, "-o", dir.path("c.json")])
        let json = try normalizedJSON(dir.path("c.json"))
        XCTAssertTrue(json.contains("\"kind\": \"reportsTo\""), json)
        // A relations table alone: an entity per endpoint.
        let alone = try run(["import", links, "-o", dir.path("d.json")])
        XCTAssertTrue(alone.stderr.contains("imported 2 entities and 1 relations"), alone.stderr)
        // Named X.entities.csv / X.relations.csv, the sibling is found.
        _ = try dir.write("net.entities.csv", "id,name,kind\nann,Ann,person\nbob,Bob,person\n")
        _ = try dir.write("net.relations.csv", "source,target,kind,confidence\nann,bob,pays,1.5\n")
        let bad = try CLIRunner.run(["import", dir.path("net.entities.csv"), "-o", dir.path("e.json")])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(
            bad.stderr.contains("net.relations.csv:2: confidence: confidence 1.5 is outside 0...1"), bad.stderr)
    }

    func testImport_formatFromExtensionOrFrom() throws {
        let dir = try TemporaryDirectory()
        let odd = try dir.write("graph.txt", "digraph { a -> b [kind=pays] }")
        let unknown = try CLIRunner.run(["import", odd, "-o", dir.path("c.json")])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.stderr.contains("give --from"), unknown.stderr)
        _ = try run(["import", odd, "--from", "dot", "-o", dir.path("c.json")])
        XCTAssertTrue(try normalizedJSON(dir.path("c.json")).contains("\"kind\": \"pays\""))
        // A .json case file is read as a case; other JSON is refused with a reason.
        _ = try run(["import", Self.example, "-o", dir.path("same.json")])
        XCTAssertEqual(try normalizedJSON(dir.path("same.json")), try normalizedJSON(Self.example))
        let neither = try CLIRunner.run(["import", try dir.write("x.json", "{\"a\": 1}"), "-o", dir.path("n.json")])
        XCTAssertNotEqual(neither.status, 0)
        XCTAssertTrue(neither.stderr.contains("version"), neither.stderr)
        let badDOT = try CLIRunner.run([
            "import", try dir.write("bad.gv", "digraph {\n a -> \n}"), "-o", dir.path("b.json"),
        ])
        XCTAssertNotEqual(badDOT.status, 0)
        XCTAssertTrue(badDOT.stderr.contains("bad.gv:3"), badDOT.stderr)
    }
}
