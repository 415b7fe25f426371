import Foundation
import LinkGraphGraphviz
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What `linkgraph render` writes is safe whatever the input: hostile names and attributes
/// in case files and DOT files, Graphviz hangs and memory use stopped at the limits.
final class RenderSafetyCLITests: XCTestCase {
    /// Names that have broken renderers and SVG readers.
    static let hostile: [String] = [
        #"He said "yes" \ back\slash \N \G \L \\"#,
        "line1\nline2\r\nline3\ttab",
        "nul\u{0}byte\u{1}control\u{1B}[31m",
        "<script>alert(1)</script>",
        "javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        #"" onload="alert(1)" x=""#,
        "' onmouseover='alert(1)",
        #"<TABLE><TR><TD HREF="javascript:alert(1)"><IMG SRC="/etc/passwd"/></TD></TR></TABLE>"#,
        "<<B>bold</B>>",
        "R&D; &nbsp; &amp; &#0; &#x1; &#xD800; &lt;",
        "\u{202E}evil\u{202C} \u{200B}\u{200D}\u{2066}rtl\u{2069} العراق",
        #"]]> --> <!-- <?xml-stylesheet href="x"?>"#,
        "\u{FFFE}\u{FFFF}",
        String(repeating: "x", count: 1 << 20),
    ]

    /// A case whose every string is hostile: ids, names, aliases, roles, attributes (links,
    /// `on*` names), relation attributes, evidence, documents.
    static func hostileCase() throws -> Data {
        let kinds = ["person", "organization", "country", "place", "event", "other"]
        let relationKinds = [
            "reportsTo", "memberOf", "advises", "controls", "influences", "pays", "defectedFrom", "defectedTo",
            "meetsWith", "monitors",
        ]
        let entities: [[String: Any]] = hostile.enumerated().map { i, name in
            [
                "id": "e\(i)", "name": name, "kind": kinds[i % kinds.count], "aliases": [String(name.prefix(100))],
                "attributes": [
                    "role": name, "url": "javascript:alert(1)", "onload": "alert(1)", "image": "/etc/passwd",
                ],
            ]
        }
        let relations: [[String: Any]] = hostile.indices.map { i in
            [
                "source": "e\(i)", "target": "e\((i + 1) % hostile.count)",
                "kind": relationKinds[i % relationKinds.count],
                "from": "2014", "until": "2015", "confidence": 0.5,
                "attributes": ["note": String(hostile[i].prefix(1000)), "href": "javascript:alert(2)"],
                "evidence": [["document": "doc", "start": 0, "end": 1, "text": String(hostile[i].prefix(1000))]],
            ]
        }
        let document: [String: Any] = [
            "version": 1, "documents": [["id": "doc", "title": hostile[3], "source": "javascript:alert(1)"]],
            "entities": entities, "relations": relations,
        ]
        return try JSONSerialization.data(withJSONObject: document)
    }

    func testHostileCase_everyViewAndFormat_safeSVG() throws {
        let dir = try TemporaryDirectory()
        let input = dir.path("hostile.json")
        try Self.hostileCase().write(to: URL(fileURLWithPath: input))
        XCTAssertEqual(try CLIRunner.run(["validate", input]).status, 0)
        for view in ["influence", "defection", "all"] {
            let output = dir.path("\(view).svg")
            let result = try CLIRunner.run(["render", input, "--view", view, "-o", output])
            XCTAssertEqual(result.status, 0, "\(view): \(result.stderr)")
            let svg = try Data(contentsOf: URL(fileURLWithPath: output))
            XCTAssertEqual(SVGInspection.problems(in: svg), [], view)
            // The hostile names are there as text.
            let texts = SVGTexts(svg).all
            if view != "defection" {
                XCTAssertTrue(texts.contains { $0.contains("<script>alert(1)</script>") }, view)
                XCTAssertTrue(texts.contains { $0.contains("evil") && $0.contains("\u{202E}") }, view)
                XCTAssertTrue(texts.contains { $0.hasPrefix("xxxxxxxxxx") }, view)
            }
        }
        for format in ["png", "pdf", "dot", "json"] {
            let result = try CLIRunner.run(["render", input, "-o", dir.path("all.\(format)")])
            XCTAssertEqual(result.status, 0, "\(format): \(result.stderr)")
        }
    }

    func testHostileDOT_attributesMadeSafe_warningsNameTheFile() throws {
        let dir = try TemporaryDirectory()
        let input = try dir.write(
            "hostile.gv",
            #"""
            digraph "g&nbsp;" {
              _background="I 0 0 10 10 \"/etc/passwd\""; stylesheet="x.css"; imagepath="/etc"; fontpath="/";
              a [label=<<TABLE><TR><TD HREF="javascript:alert(1)" ID="i&amp;nbsp;"><IMG SRC="/etc/passwd"/></TD>
                 <TD HREF="https://example.com/?a=1&amp;b=2" TARGET="&quot;x">ok</TD></TR></TABLE>> shape=plain];
              "R&D;" [URL="https://example.com/\N?q=\"<x>\"" class="c&T;" id="&#x1;" tooltip="&#x1;&#0;" fontname="a\" onload=\"x"];
              "x&#1;y" [labelfontname="b\" onclick=\"y" image="/etc/passwd" shapefile="/etc/passwd" shape=custom];
              a -> "R&D;" [labelURL="data:text/html,x" headURL="vbscript:x" tailURL="file:///etc/passwd" label="L" headlabel="H" taillabel="T" edgetooltip="&#1;"];
              "R&D;" -> "x&#1;y" [href="  javascript:alert(1)" weight=99999999999];
            }
            """#)
        let output = dir.path("out.svg")
        let result = try CLIRunner.run(["render", input, "-o", output])
        XCTAssertEqual(result.status, 0, result.stderr)
        let svg = try Data(contentsOf: URL(fileURLWithPath: output))
        XCTAssertEqual(SVGInspection.problems(in: svg), [])
        let text = String(decoding: svg, as: UTF8.self)
        XCTAssertFalse(text.contains("/etc/passwd"))
        XCTAssertTrue(text.contains(#"xlink:href="https://example.com/?a=1&amp;b=2""#), text)
        XCTAssertTrue(text.contains(#"xlink:href="https://example.com/%5CN?q=%22%3Cx%3E%22""#), text)
        for expected in [
            "_background", "stylesheet", "<IMG>", "dropped HREF", "dropped labelURL", "dropped headURL",
            "dropped tailURL", "dropped href",
            "fontname", "labelfontname", "weight", "character references",
        ] {
            XCTAssertTrue(result.stderr.contains(expected), "no warning about \(expected):\n\(result.stderr)")
        }
        for line in result.stderr.split(separator: "\n")
        where line.hasPrefix("warning: ") && !line.hasPrefix("warning: Graphviz:") {
            XCTAssertTrue(line.hasPrefix("warning: \(input): "), String(line))
        }
    }

    func testHang_stoppedAtTimeout_clearError() throws {
        let dir = try TemporaryDirectory()
        var seed: UInt64 = 1
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(seed >> 33) % 1500
        }
        // 1,500 nodes and 3,000 random edges: dot takes minutes.
        let chain = try dir.write(
            "chain.gv", "digraph {" + (0..<3000).map { _ in "n\(next()) -> n\(next());" }.joined() + "}")
        let started = Date()
        let result = try TimedRun.run(
            ["render", chain, "--layout", "dot", "--timeout", "2", "-o", dir.path("chain.svg")], limit: 60)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertFalse(result.signaled)
        XCTAssertTrue(
            result.stderr.contains("Error: Graphviz did not finish within 2 s while laying out \(chain) with dot"),
            result.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 20)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("chain.svg")))
        // Without --layout, more than 400 nodes go to sfdp.
        let steered = try TimedRun.run(["render", chain, "-o", dir.path("chain.svg")], limit: 120)
        XCTAssertEqual(steered.status, 0, steered.stderr)
        XCTAssertTrue(steered.stderr.contains(" nodes: laying out with sfdp"), steered.stderr)
    }

    func testMemoryLimit_clearError() throws {
        if GraphvizWorker.underAddressSanitizer { throw XCTSkip("no address-space limit under AddressSanitizer") }
        let dir = try TemporaryDirectory()
        let big = try dir.write(
            "big.gv", "digraph {" + (0..<200_000).map { "n\($0) -> n\(($0 * 7 + 1) % 200_000);" }.joined() + "}")
        let result = try TimedRun.run(["render", big, "--memory-limit", "400", "-o", dir.path("big.svg")], limit: 120)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("Graphviz ran out of memory (limit 400 MB, "), result.stderr)
        XCTAssertTrue(result.stderr.contains(big), result.stderr)
    }

    func testInProcess_sameSVGAsSandbox() throws {
        let dir = try TemporaryDirectory()
        let example = CLIRunner.repositoryRoot.appendingPathComponent("Graphs/iran-iraq-2014/case.json").path
        XCTAssertEqual(try CLIRunner.run(["render", example, "-o", dir.path("a.svg")]).status, 0)
        XCTAssertEqual(try CLIRunner.run(["render", example, "--in-process", "-o", dir.path("b.svg")]).status, 0)
        XCTAssertEqual(
            try Data(contentsOf: URL(fileURLWithPath: dir.path("a.svg"))),
            try Data(contentsOf: URL(fileURLWithPath: dir.path("b.svg"))))
        let help = try CLIRunner.run(["--help"])
        XCTAssertFalse(help.stdout.contains("graphviz-worker"), "the worker command is hidden")
        let byHand = try CLIRunner.run(["graphviz-worker"])
        XCTAssertEqual(byHand.status, 3)
        XCTAssertTrue(byHand.stderr.contains("descriptor 3 is not open"), byHand.stderr)
    }

    func testImport_crashingGraph_parsedInWorker() throws {
        let dir = try TemporaryDirectory()
        let input = try dir.write(
            "crash.gv", "digraph { newrank=true subgraph cluster_1 { a } subgraph cluster_2 { a -> b [kind=advises] } }"
        )
        let result = try CLIRunner.run(["import", input, "-o", dir.path("case.json")])
        XCTAssertEqual(result.status, 0, result.stderr)
        let rendered = try CLIRunner.run(["render", input, "-o", dir.path("crash.svg")])
        XCTAssertEqual(rendered.status, 0, rendered.stderr)
        XCTAssertTrue(rendered.stderr.contains("dropped newrank: node \"a\" is in two clusters"), rendered.stderr)
    }
}

/// Every `<text>` and `<title>` of an SVG, and the `xlink:title` tooltips.
struct SVGTexts {
    var all: [String] = []

    init(_ svg: Data) {
        let collector = Collector()
        let parser = XMLParser(stream: InputStream(data: svg))
        parser.delegate = collector
        _ = parser.parse()
        all = collector.texts
    }

    final class Collector: NSObject, XMLParserDelegate {
        var texts: [String] = []
        var current: String?

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if name == "text" || name == "title" { current = "" }
            if let title = attributes["xlink:title"] { texts.append(title) }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if let text = current, name == "text" || name == "title" { texts.append(text) }
            current = nil
        }
    }
}
