import Foundation
import LinkGraph
import LinkGraphFormats
import XCTest

/// Cases shared by the interchange tests: a small one with every field, the bundled
/// example, and one full of hostile names.
enum InterchangeFixtures {
    static let repositoryRoot = SharedData.repositoryRoot

    /// The bundled example case (Graphs/iran-iraq-2014/case.json).
    static func exampleCase() throws -> CaseFile {
        try CaseFile.read(from: repositoryRoot.appendingPathComponent("Graphs/iran-iraq-2014/case.json").path)
    }

    /// A small case with every field: documents, aliases, typed and mixed attributes,
    /// parallel relations, a symmetric relation, an explicit direction, dates, evidence,
    /// unknown fields.
    static let small: CaseFile = CaseFile(
        documents: [
            Document(id: "memo", title: "A memo", source: "memo.txt", sha256: String(repeating: "ab", count: 32)),
            Document(id: "notes", unknownFields: ["pages": 3]),
        ],
        entities: [
            Entity(
                id: "courier", name: "The Courier", kind: .person, aliases: ["C.", "the man"],
                attributes: ["role": "go-between", "age": 41]),
            Entity(
                id: "bureau", name: "Bureau Nine", kind: .organization, attributes: ["role": "service", "age": "old"]),
            Entity(id: "capital", name: "Capital", kind: .place, unknownFields: ["x_new": true]),
            Entity(
                id: "cell-7", name: "Cell 7", kind: "armed group", attributes: ["active": true, "tags": ["a", "b"]]),
        ],
        relations: [
            Relation(
                source: "courier", target: "bureau", kind: .reportsTo, confidence: 0.8, from: PartialDate("2014"),
                until: PartialDate("2015-02"),
                evidence: [Evidence(document: "memo", start: 10, end: 42, text: "he reported")],
                attributes: ["channel": "dead drop"]),
            Relation(
                source: "courier", target: "bureau", kind: .pays, weight: 2.5, evidence: [Evidence(document: "notes")],
                attributes: ["channel": 7]),
            Relation(source: "bureau", target: "cell-7", kind: .meetsWith, from: PartialDate("2014-12-03")),
            Relation(
                source: "cell-7", target: "capital", kind: .locatedIn, directed: false, until: PartialDate("2016")),
            Relation(source: "capital", target: "courier", kind: "smuggles", unknownFields: ["extra": ["n": 1]]),
        ],
        unknownFields: ["producer": "tests"])

    /// Names, attribute keys and values that break naive writers: quotes, markup, `&`,
    /// line breaks, NUL and controls, non-Latin scripts, RTL marks, Cypher and DOT syntax.
    static let hostileStrings: [String] = [
        "quote \" inside", "apostrophe ' inside", "<b>not html</b>", "a & b &amp; c", "new\nline", "cr\rreturn",
        "crlf\r\nend",
        "tab\there", "nul\u{0}byte", "bell\u{7}", "سلیم الجبوری", "Нечирван Барзани", "中文名字",
        "\u{202E}rtl override\u{202C}",
        "zero\u{200B}width", "}) DETACH DELETE n //", "'); MATCH (n) DETACH DELETE n; //", "back\\slash",
        "\\u0027 escape",
        "`backtick`", "comma, semicolon; pipe|", " leading and trailing ", "", "=HYPERLINK(\"x\")", "emoji 🕵️",
        "]]> cdata end",
        "<!DOCTYPE x>", "&#0; &lt;",
    ]

    /// A case whose names, aliases, attributes, kinds, evidence texts and document titles
    /// are the hostile strings. Ids are valid slugs (ids that are not are tested apart).
    static let hostile: CaseFile = {
        var entities: [Entity] = []
        var relations: [Relation] = []
        let strings = hostileStrings
        for (i, s) in strings.enumerated() {
            entities.append(
                Entity(
                    id: "e\(i)", name: s.isEmpty ? "(empty)" : s,
                    kind: i % 5 == 0 ? EntityKind(s.isEmpty ? "x" : s) : .person,
                    aliases: [s, "alias \(i)"], attributes: ["note": .string(s), "hostile key \(s)": .string(s)]))
            if i > 0 {
                relations.append(
                    Relation(
                        source: "e\(i - 1)", target: "e\(i)",
                        kind: i % 4 == 0 && !s.isEmpty ? RelationKind(s) : .reportsTo,
                        evidence: [Evidence(document: "doc", start: i, end: i + 1, text: s)],
                        attributes: ["note": .string(s)]))
            }
        }
        return CaseFile(
            documents: [Document(id: "doc", title: strings.joined(separator: "|"))], entities: entities,
            relations: relations)
    }()

    /// The case as a reader gives it back: an explicit `directed` equal to the kind's
    /// default is the same as none.
    static func normalized(_ caseFile: CaseFile) -> CaseFile {
        var result = caseFile
        for i in result.relations.indices where result.relations[i].directed == !result.relations[i].kind.isSymmetric {
            result.relations[i].directed = nil
        }
        return result
    }

    /// Every string of the case passed through `transform` (what a format does to text).
    /// With `plainTextOnly`, the strings that flat formats carry inside JSON text (aliases,
    /// evidence, documents, unknown fields) are left as they are: JSON escapes keep them.
    static func mapStrings(_ caseFile: CaseFile, plainTextOnly: Bool = false, _ transform: @escaping (String) -> String)
        -> CaseFile
    {
        let jsonTransform: (String) -> String = plainTextOnly ? { $0 } : transform
        func value(_ v: JSONValue) -> JSONValue {
            switch v {
            case .string(let s): return .string(transform(s))
            case .array(let a): return .array(a.map(value))
            case .object(let o): return .object(object(o))
            default: return v
            }
        }
        func object(_ o: JSONObject) -> JSONObject { JSONObject(o.map { (transform($0.key), value($0.value)) }) }
        var result = caseFile
        result.documents = result.documents.map {
            var d = $0
            d.title = d.title.map(jsonTransform)
            d.source = d.source.map(jsonTransform)
            d.unknownFields = plainTextOnly ? d.unknownFields : object(d.unknownFields)
            return d
        }
        result.entities = result.entities.map {
            var e = $0
            e.name = transform(e.name)
            e.kind = EntityKind(transform(e.kind.rawValue))
            e.aliases = e.aliases.map(jsonTransform)
            e.attributes = object(e.attributes)
            e.unknownFields = plainTextOnly ? e.unknownFields : object(e.unknownFields)
            return e
        }
        result.relations = result.relations.map {
            var r = $0
            r.kind = RelationKind(transform(r.kind.rawValue))
            r.evidence = r.evidence.map {
                var e = $0
                e.text = e.text.map(jsonTransform)
                return e
            }
            r.attributes = object(r.attributes)
            r.unknownFields = plainTextOnly ? r.unknownFields : object(r.unknownFields)
            return r
        }
        return result
    }

    /// The case with documents reduced to their ids (what GEXF and DOT can carry).
    static func documentsAsIDs(_ caseFile: CaseFile) -> CaseFile {
        var result = caseFile
        result.documents = caseFile.documents.map { Document(id: $0.id) }
        result.unknownFields = [:]
        return result
    }

    /// Asserts two cases are equal, naming the first entity or relation that differs.
    static func assertEqual(
        _ actual: CaseFile, _ expected: CaseFile, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(actual.entities.count, expected.entities.count, "entity count", file: file, line: line)
        XCTAssertEqual(actual.relations.count, expected.relations.count, "relation count", file: file, line: line)
        for (a, e) in zip(actual.entities, expected.entities) where a != e {
            XCTFail(
                "entity differs:\n  actual:   \(JSONWriter.compact(a.jsonValue()))\n  expected: \(JSONWriter.compact(e.jsonValue()))",
                file: file, line: line)
            return
        }
        for (a, e) in zip(actual.relations, expected.relations) where a != e {
            XCTFail(
                "relation differs:\n  actual:   \(JSONWriter.compact(a.jsonValue()))\n  expected: \(JSONWriter.compact(e.jsonValue()))",
                file: file, line: line)
            return
        }
        XCTAssertEqual(actual.documents, expected.documents, "documents", file: file, line: line)
        XCTAssertEqual(actual.unknownFields, expected.unknownFields, "case unknown fields", file: file, line: line)
        XCTAssertEqual(actual, expected, file: file, line: line)
    }
}
