import Foundation
import LinkGraph
import LinkGraphFormats
import XCTest

final class CypherAndNeo4jTests: XCTestCase {
    func testCypher_snapshot() {
        let caseFile = CaseFile(
            entities: [
                Entity(
                    id: "a", name: "Ann's \"cell\"", kind: .person, aliases: ["A"],
                    attributes: ["age": 41, "in kind": "car"]),
                Entity(id: "b", name: "B", kind: "armed group"),
            ],
            relations: [
                Relation(
                    source: "a", target: "b", kind: .reportsTo, confidence: 0.9, from: PartialDate("2014"),
                    until: PartialDate("2015-02"))
            ])
        XCTAssertEqual(
            CypherWriter.write(caseFile),
            """
            // LinkGraph case: 2 entities, 1 relations.
            // Entities are merged on :Entity(id); relations are created: run once, on an empty database.
            CREATE CONSTRAINT linkgraph_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
            MERGE (n:Entity {id: 'a'}) SET n:Person, n += {`name`: 'Ann\\'s "cell"', `kind`: 'person', `aliases`: ['A'], `attr_age`: 41, `attr_in_kind`: 'car'};
            MERGE (n:Entity {id: 'b'}) SET n:ArmedGroup, n += {`name`: 'B', `kind`: 'armed group'};
            MATCH (a:Entity {id: 'a'}), (b:Entity {id: 'b'}) CREATE (a)-[:REPORTS_TO {`kind`: 'reportsTo', `directed`: true, `confidence`: 0.9, `from`: '2014', `until`: '2015-02', `from_date`: date('2014-01-01'), `until_date`: date('2015-02-28')}]->(b);

            """)
    }

    func testNames_labelsAndTypes() {
        XCTAssertEqual(
            EntityKind.wellKnown.map { PropertyNames.label($0.rawValue) },
            ["Person", "Organization", "Country", "Place", "Event", "Other"])
        XCTAssertEqual(PropertyNames.label("armed group"), "ArmedGroup")
        XCTAssertEqual(PropertyNames.label("`) DETACH DELETE n //"), "DETACHDELETEN")
        XCTAssertEqual(PropertyNames.label("мафия"), "Other")
        XCTAssertEqual(PropertyNames.label("3rd party"), "K3rdParty")
        XCTAssertEqual(
            RelationKind.wellKnown.map { PropertyNames.relationshipType($0.rawValue) },
            [
                "REPORTS_TO", "MEMBER_OF", "ADVISES", "CONTROLS", "INFLUENCES", "PAYS", "DEFECTED_FROM", "DEFECTED_TO",
                "MEETS_WITH",
                "ALLIED_WITH", "OPPOSES", "MONITORS", "LOCATED_IN",
            ])
        XCTAssertEqual(PropertyNames.relationshipType("works-for"), "WORKS_FOR")
        XCTAssertEqual(PropertyNames.relationshipType("}]->(x) //"), "X")
        XCTAssertEqual(PropertyNames.relationshipType("связь"), "RELATED_TO")
        XCTAssertEqual(PropertyNames.relationshipType("2hop"), "R_2HOP")
        XCTAssertEqual(PropertyNames.keys(["a b", "a_b", "a-b"]), ["a b": "a_b", "a_b": "a_b_2", "a-b": "a_b_3"])
    }

    /// Splits a Cypher script the way a Cypher lexer does: string literals (with escapes)
    /// apart from the code around them. Fails on an unterminated string.
    static func lex(_ script: String) throws -> (code: String, strings: [String]) {
        var code = ""
        var strings: [String] = []
        var scalars = Array(script.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            guard c == "'" else {
                code.unicodeScalars.append(c)
                continue
            }
            var s = String.UnicodeScalarView()
            var closed = false
            while let d = scalars.popFirst() {
                if d == "'" {
                    closed = true
                    break
                }
                if d == "\\" {
                    guard let e = scalars.popFirst() else { break }
                    switch e {
                    case "n": s.append("\n")
                    case "r": s.append("\r")
                    case "t": s.append("\t")
                    case "\\", "'", "\"": s.append(e)
                    case "u":
                        let hex = String(String.UnicodeScalarView(scalars.prefix(4)))
                        scalars = scalars.dropFirst(4)
                        s.append(Unicode.Scalar(UInt32(hex, radix: 16)!)!)
                    default:
                        throw NSError(
                            domain: "lex", code: 1, userInfo: [NSLocalizedDescriptionKey: "bad escape \\\(e)"])
                    }
                    continue
                }
                s.append(d)
            }
            guard closed else {
                throw NSError(domain: "lex", code: 2, userInfo: [NSLocalizedDescriptionKey: "unterminated string"])
            }
            code += "'S'"
            strings.append(String(s))
        }
        return (code, strings)
    }

    func testCypher_hostileNames_cannotInject() throws {
        let caseFile = InterchangeFixtures.hostile
        let script = CypherWriter.write(caseFile)
        let (code, strings) = try Self.lex(script)
        // Outside string literals the script is only the fixed statements: one per line,
        // nothing but ASCII, no comment after the header.
        let statements = code.split(separator: "\n")
        XCTAssertEqual(statements.count, 3 + caseFile.entities.count + caseFile.relations.count)
        for statement in statements.dropFirst(2) {
            XCTAssertTrue(statement.hasSuffix(";"), String(statement))
            XCTAssertFalse(statement.dropLast().contains(";"), String(statement))
            XCTAssertFalse(statement.contains("//"), String(statement))
            XCTAssertTrue(statement.unicodeScalars.allSatisfy { $0.isASCII }, String(statement))
            XCTAssertTrue(
                statement.hasPrefix("MERGE (n:Entity {id: 'S'}) SET n:")
                    || statement.hasPrefix("MATCH (a:Entity {id: 'S'}), (b:Entity {id: 'S'}) CREATE (a)-[:")
                    || statement.hasPrefix("CREATE CONSTRAINT"), String(statement))
        }
        // Every hostile string comes back exactly from the literals.
        let literals = Set(strings)
        for s in InterchangeFixtures.hostileStrings {
            XCTAssertTrue(literals.contains(s), "missing literal \(s.debugDescription)")
        }
    }

    func testNeo4jCSV_headersTypesAndValuesParseBack() throws {
        let files = Neo4jCSVWriter.write(InterchangeFixtures.small)
        let nodes = try CSVTable.parse(Data(files.nodes.utf8), file: "nodes.csv")
        XCTAssertEqual(
            nodes.header,
            [
                "id:ID", ":LABEL", "name", "kind", "aliases:string[]", "attr_role", "attrjson_age", "unknown_fields",
                "attr_active:boolean",
                "attrjson_tags",
            ])
        XCTAssertEqual(
            nodes.rows[0],
            ["courier", "Entity;Person", "The Courier", "person", "C.;the man", "go-between", "41", nil, nil, nil])
        XCTAssertEqual(nodes.rows[3][1], "Entity;ArmedGroup")
        XCTAssertEqual(nodes.rows[3][8], "true")
        let relationships = try CSVTable.parse(Data(files.relationships.utf8), file: "relationships.csv")
        XCTAssertEqual(
            relationships.header,
            [
                ":START_ID", ":END_ID", ":TYPE", "kind", "directed:boolean", "confidence:double", "from", "until",
                "evidence", "attrjson_channel",
                "weight:double", "unknown_fields", "from_date:date", "until_date:date",
            ])
        XCTAssertEqual(
            relationships.rows[0][0...7],
            ["courier", "bureau", "REPORTS_TO", "reportsTo", "true", "0.8", "2014", "2015-02"])
        XCTAssertEqual(relationships.rows[0][12...13], ["2014-01-01", "2015-02-28"])
        XCTAssertEqual(relationships.rows[4][2], "SMUGGLES")
        XCTAssertEqual(files.arrayDelimiter, ";")
        XCTAssertTrue(files.importScript.contains("--array-delimiter=';' --multiline-fields=true"), files.importScript)
    }

    func testNeo4jCSV_hostileNames_delimiterAvoidsValuesAndCellsParseBack() throws {
        let files = Neo4jCSVWriter.write(InterchangeFixtures.hostile)
        XCTAssertEqual(files.arrayDelimiter, "\u{1F}", "the aliases hold ; and |")
        XCTAssertTrue(files.importScript.contains("--array-delimiter='\\031'"), files.importScript)
        let nodes = try CSVTable.parse(Data(files.nodes.utf8), file: "nodes.csv")
        XCTAssertEqual(nodes.rows.count, InterchangeFixtures.hostile.entities.count)
        for (row, entity) in zip(nodes.rows, InterchangeFixtures.hostile.entities) {
            XCTAssertEqual(row[0], entity.id)
            XCTAssertEqual(row[2], entity.name)
            XCTAssertEqual(
                row[4]?.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init), entity.aliases)
            XCTAssertTrue(
                row[1]!.unicodeScalars.allSatisfy {
                    $0.isASCII && ($0.properties.isAlphabetic || $0 == "\u{1F}" || ("0"..."9").contains($0))
                }, row[1]!)
        }
        for name in nodes.header { XCTAssertFalse(name.contains(" "), name) }
    }
}
