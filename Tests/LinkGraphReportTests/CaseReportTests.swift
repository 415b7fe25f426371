import Foundation
import LinkGraph
import LinkGraphFormats
import LinkGraphGraphviz
import XCTest

@testable import LinkGraphReport

final class CaseReportTests: XCTestCase {
    /// Names that would run a script if any of them reached the page as markup.
    static let hostileCase = CaseFile(
        documents: [Document(id: "doc</script>", title: "<img src=x onerror=alert(1)>")],
        entities: [
            Entity(
                id: "a", name: "</script><script>alert(1)</script>", kind: .person,
                aliases: ["<img src=x onerror=alert(2)>"], attributes: ["role": "<svg onload=alert(3)>"]),
            Entity(id: "b\"><script>", name: "<!-- x --> {{script}}", kind: .organization),
            Entity(id: "c", name: "line\u{2028}separator & \u{1F600}", kind: .place),
        ],
        relations: [
            Relation(
                source: "a", target: "b\"><script>", kind: .reportsTo, confidence: 0.5, from: PartialDate("2014"),
                evidence: [Evidence(document: "doc</script>", start: 0, end: 4, text: "</script><b>bold</b>")]),
            Relation(source: "b\"><script>", target: "c", kind: RelationKind(rawValue: "<i>owns</i>")),
        ])

    static func html(of caseFile: CaseFile, options: ReportOptions = ReportOptions()) throws -> String {
        let report = try CaseReport(caseFile, options: options)
        // As `linkgraph report` draws: attributes through the allowlist, the SVG checked after.
        var sanitizing = DOTSanitizer.Options()
        sanitizing.xmlEscapes = true
        let graph = DOTSanitizer.sanitize(report.drawing, options: sanitizing).graph
        let svg = try SVGSafety.sanitize(try Graphviz.shared.render(graph, format: .svg)).data
        return String(decoding: try report.html(svg: svg), as: UTF8.self)
    }

    /// The text between the start tag that ends with `open` and the next `</script>`.
    static func element(_ html: String, after open: String) throws -> String {
        let start = try XCTUnwrap(html.range(of: open), "no \(open)")
        let end = try XCTUnwrap(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        return String(html[start.upperBound..<end.lowerBound])
    }

    func testHTML_hostileNames_onlyOurTwoScriptsAndJSONReadsBackTheCase() throws {
        let html = try Self.html(of: Self.hostileCase)
        XCTAssertEqual(html.components(separatedBy: "<script").count - 1, 2, "exactly the data and our script")
        XCTAssertEqual(html.components(separatedBy: "</script>").count - 1, 2)
        for tag in ["<img", "<svg onload", "<b>", "<i>owns"] {
            XCTAssertFalse(html.contains(tag), "\(tag) became markup")
        }
        let json = try Self.element(html, after: "<script type=\"application/json\" id=\"case-data\">")
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let entities = try XCTUnwrap(object["entities"] as? [[String: Any]])
        XCTAssertEqual(entities.map { $0["name"] as? String }, Self.hostileCase.entities.map(\.name))
        XCTAssertEqual(entities[0]["aliases"] as? [String], ["<img src=x onerror=alert(2)>"])
        let relations = try XCTUnwrap(object["relations"] as? [[String: Any]])
        XCTAssertEqual(relations[1]["kind"] as? String, "<i>owns</i>")
        let evidence = try XCTUnwrap((relations[0]["evidence"] as? [[String: Any]])?.first)
        XCTAssertEqual(evidence["text"] as? String, "</script><b>bold</b>")
        XCTAssertEqual(evidence["document"] as? String, "doc</script>")
        // The placeholder-looking name was not filled in with the script.
        XCTAssertTrue(json.contains("{{script}}"))
    }

    func testContentSecurityPolicy_hashesAreThoseOfTheInlineScriptAndStyle_andNothingRemote() throws {
        let html = try Self.html(of: Self.hostileCase)
        let policyStart = try XCTUnwrap(html.range(of: "http-equiv=\"Content-Security-Policy\" content=\""))
        let policyEnd = try XCTUnwrap(html.range(of: "\"", range: policyStart.upperBound..<html.endIndex))
        let policy = String(html[policyStart.upperBound..<policyEnd.lowerBound])
            .replacingOccurrences(of: "&apos;", with: "'")
        let directives = Dictionary(
            policy.split(separator: ";").map { part -> (String, String) in
                let words = part.split(separator: " ", maxSplits: 1).map(String.init)
                return (words[0], words.count > 1 ? words[1] : "")
            }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(directives["default-src"], "'none'")
        XCTAssertEqual(directives["base-uri"], "'none'")
        let script = try Self.element(html, after: "<script>")
        let styleStart = try XCTUnwrap(html.range(of: "<style>"))
        let styleEnd = try XCTUnwrap(html.range(of: "</style>"))
        let style = String(html[styleStart.upperBound..<styleEnd.lowerBound])
        XCTAssertEqual(directives["script-src"], "'sha256-\(try Self.hashlibBase64SHA256(script))'")
        XCTAssertEqual(directives["style-src"], "'sha256-\(try Self.hashlibBase64SHA256(style))'")
        for directive in directives.values {
            XCTAssertFalse(directive.contains("http"), "a remote source: \(directive)")
        }
    }

    /// SHA-256 in base64 by another implementation: Python's hashlib.
    static func hashlibBase64SHA256(_ text: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import sys, hashlib, base64; "
                + "print(base64.b64encode(hashlib.sha256(sys.stdin.buffer.read()).digest()).decode())",
        ]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        do { try process.run() } catch { throw XCTSkip("python3 is not available: \(error)") }
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testSHA256_publishedVectors() {
        XCTAssertEqual(SHA256.hex(Array("".utf8)), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(
            SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(
            SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testScript_passesNodeSyntaxCheck() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/LinkGraphReport/Resources/report.js")
        XCTAssertEqual(
            try String(contentsOf: file, encoding: .utf8), ReportPage.script, "the embedded script is the file")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["node", "--check", file.path]
        let errors = Pipe()
        process.standardError = errors
        do { try process.run() } catch { throw XCTSkip("node is not available for the syntax check: \(error)") }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 127 { throw XCTSkip("node is not installed: \(message)") }
        XCTAssertEqual(process.terminationStatus, 0, message)
    }

    func testLargeCase_drawsTheMostConnectedOnly_andSaysSo() throws {
        var entities: [Entity] = []
        var relations: [Relation] = []
        for i in 0..<300 { entities.append(Entity(id: "e\(i)", name: "Entity \(i)", kind: .person)) }
        // e0...e9 are hubs: each is linked to every other entity.
        for hub in 0..<10 {
            for j in 10..<300 { relations.append(Relation(source: "e\(j)", target: "e\(hub)", kind: .reportsTo)) }
        }
        let caseFile = CaseFile(entities: entities, relations: relations)
        let report = try CaseReport(caseFile, options: ReportOptions(view: .all, maxDrawnEntities: 40))
        let drawn = CaseReport.entityIDs(of: report.drawing)
        XCTAssertEqual(drawn.count, 40)
        for hub in 0..<10 { XCTAssertTrue(drawn.contains("entity-e\(hub)"), "hub e\(hub) not drawn") }
        XCTAssertEqual(report.summary.viewEntities, 300)
        XCTAssertEqual(report.summary.drawnRelations, 30 * 10)
        XCTAssertTrue(report.summary.note?.contains("300 entities") ?? false, report.summary.note ?? "no note")
        let small = try CaseReport(caseFile, options: ReportOptions(view: .all, maxDrawnEntities: 300))
        XCTAssertNil(small.summary.note)
        XCTAssertEqual(small.summary.drawnEntities, 300)
    }

    func testDocuments_fromDirectory_bySourceNameAndID_checkedAgainstSHA256() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("report-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("Ünïcode text".utf8).write(to: directory.appendingPathComponent("article.txt"))
        try Data("by id".utf8).write(to: directory.appendingPathComponent("notes.txt"))
        let good = SHA256.hex(Array("Ünïcode text".utf8))
        var caseFile = CaseFile(documents: [
            Document(id: "article", source: "some/where/article.txt", sha256: good), Document(id: "notes"),
            Document(id: "stored", unknownFields: ["text": "kept in the case"]), Document(id: "absent"),
        ])
        let texts = try ReportDocuments.texts(of: caseFile, directory: directory.path)
        XCTAssertEqual(texts, ["article": "Ünïcode text", "notes": "by id", "stored": "kept in the case"])
        caseFile.documents[0].sha256 = String(repeating: "0", count: 64)
        XCTAssertThrowsError(try ReportDocuments.texts(of: caseFile, directory: directory.path)) { error in
            guard case ReportError.documentMismatch(let path, "article", _) = error else {
                return XCTFail("\(error)")
            }
            XCTAssertTrue(path.hasSuffix("article.txt"))
        }
        XCTAssertThrowsError(try ReportDocuments.texts(of: caseFile, directory: directory.path + "/nothing")) { error in
            XCTAssertEqual(error as? ReportError, .missingDirectory(directory.path + "/nothing"))
        }
    }

    func testTemplateFill_onePass_unknownPlaceholdersKept() {
        XCTAssertEqual(ReportPage.fill("a{{x}}b{{y}}c{{z}}", with: ["x": "{{y}}", "y": "2"]), "a{{y}}b2c{{z}}")
    }
}
