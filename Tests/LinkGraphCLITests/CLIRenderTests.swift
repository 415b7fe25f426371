import Foundation
import FoundationXML
import XCTest

/// `linkgraph render` and `linkgraph demo` end to end: real files, checked by content.
final class CLIRenderTests: XCTestCase {
    func testRender_caseToSVG_PNG_PDF_byExtension() throws {
        let dir = try TemporaryDirectory()
        let casePath = try dir.write("case.json", CLIEndToEndTests.validCase)
        for (name, check) in [
            (
                "out.svg",
                { (data: Data) in
                    let text = try XMLDocument(data: data, options: []).rootElement()?.stringValue ?? ""
                    for label in ["The Courier", "Bureau \"Nine\" <b>", "Rival Service", "Capital City"] {
                        XCTAssertTrue(text.contains(label), "SVG lacks \(label)")
                    }
                }
            ),
            ("out.png", { data in XCTAssertEqual(Array(data.prefix(4)), [0x89, 0x50, 0x4E, 0x47]) }),
            ("out.pdf", { data in XCTAssertEqual(String(decoding: data.prefix(5), as: UTF8.self), "%PDF-") }),
        ] as [(String, (Data) throws -> Void)] {
            let result = try CLIRunner.run(["render", casePath, "-o", dir.path(name)])
            XCTAssertEqual(result.status, 0, "\(name): \(result.stderr)")
            try check(Data(contentsOf: URL(fileURLWithPath: dir.path(name))))
        }
    }

    func testRender_defectionView_explicitFormatAndLayout() throws {
        let dir = try TemporaryDirectory()
        let casePath = try dir.write("case.json", CLIEndToEndTests.validCase)
        let result = try CLIRunner.run([
            "render", casePath, "--view", "defection", "--layout", "neato", "--format", "json", "-o",
            dir.path("out.data"),
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path("out.data"))))
            as? [String: Any]
        let names = (json?["objects"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        XCTAssertTrue(Set(names).isSuperset(of: ["courier", "bureau", "rivals"]), "\(names)")
        XCTAssertFalse(names.contains("capital"), "the defection view leaves out a place with no defection")
    }

    func testRender_dotFile_isLaidOutAsItIs() throws {
        let dir = try TemporaryDirectory()
        let dotPath = try dir.write("g.gv", "digraph { a -> b; b -> \"Зеленский\" }")
        let result = try CLIRunner.run(["render", dotPath, "--layout", "circo", "-o", dir.path("g.svg")])
        XCTAssertEqual(result.status, 0, result.stderr)
        let svg = try String(contentsOfFile: dir.path("g.svg"), encoding: .utf8)
        XCTAssertTrue(svg.contains(">Зеленский</text>"))
    }

    func testRender_badDOT_namesFileAndLine_noOutputWritten() throws {
        let dir = try TemporaryDirectory()
        let dotPath = try dir.write("bad.dot", "digraph {\n a -> b\n c -> -> d\n}")
        let result = try CLIRunner.run(["render", dotPath, "-o", dir.path("bad.svg")])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("\(dotPath): "), result.stderr)
        XCTAssertTrue(result.stderr.contains("line 3"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("bad.svg")))
    }

    func testRender_unknownExtension_asksForFormat() throws {
        let dir = try TemporaryDirectory()
        let casePath = try dir.write("case.json", CLIEndToEndTests.validCase)
        let result = try CLIRunner.run(["render", casePath, "-o", dir.path("out.xyz")])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("cannot tell the format from"), result.stderr)
    }

    func testRender_keepsOldOutputWhenInputIsInvalid() throws {
        let dir = try TemporaryDirectory()
        let out = try dir.write("out.svg", "old contents")
        let casePath = try dir.write("bad.json", #"{"version": 1, "entities": [{"id": "a"}]}"#)
        let result = try CLIRunner.run(["render", casePath, "-o", out])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "old contents")
    }

    func testDemo_writesInfluenceAndDefectionDiagrams() throws {
        let dir = try TemporaryDirectory()
        let result = try CLIRunner.run(["demo", "--output", dir.path("out")], in: CLIRunner.repositoryRoot)
        XCTAssertEqual(result.status, 0, result.stderr)
        for view in ["influence", "defection"] {
            let svg = try Data(contentsOf: URL(fileURLWithPath: dir.path("out/\(view).svg")))
            let text = try XMLDocument(data: svg, options: []).rootElement()?.stringValue ?? ""
            XCTAssertTrue(text.contains(view == "influence" ? "Influence network" : "Defection network"))
            XCTAssertTrue(text.contains("Iran"))
            let png = try Data(contentsOf: URL(fileURLWithPath: dir.path("out/\(view).png")))
            XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
            let dot = try String(contentsOfFile: dir.path("out/\(view).dot"), encoding: .utf8)
            XCTAssertTrue(dot.hasPrefix("digraph \"\(view)\" {"))
        }
        XCTAssertTrue(result.stdout.contains("influence:"), result.stdout)
        // The longest reporting chain of a person, highlighted, and one frame per change of loyalty.
        let chain = try String(contentsOfFile: dir.path("out/chain.svg"), encoding: .utf8)
        XCTAssertTrue(chain.contains("reporting chain of al&#45;Jabouri&#39;s adviser"))
        let frames = try FileManager.default.contentsOfDirectory(atPath: dir.path("out/timeline")).sorted()
        XCTAssertEqual(frames, ["frame-1-2014.dot", "frame-1-2014.png", "frame-2-2019-10.dot", "frame-2-2019-10.png"])
    }

    /// `demo` draws in Graphviz worker processes: a time limit no process start can meet
    /// stops it with the sandbox's message, and nothing is written.
    func testDemo_drawsInTheSandbox_timeLimitApplies() throws {
        let dir = try TemporaryDirectory()
        let result = try CLIRunner.run(
            ["demo", "--output", dir.path("out"), "--timeout", "0.000001"], in: CLIRunner.repositoryRoot)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("Graphviz did not finish within"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("out/influence.svg")))
    }
}
