import Foundation
import LinkGraph
import LinkGraphPlugin
import XCTest

@testable import linkgraph

/// The built-in extractor list, every built-in's worked examples, and the `extract`,
/// `plugins`, `score` and `merge` commands run end to end.
final class ExtractorCommandsTests: XCTestCase {
    // MARK: The built-in list

    /// The module each built-in extractor's type is defined in; for a subprocess built-in, the
    /// `Plugins/` folder its command runs from.
    func builtInModules() throws -> Set<String> {
        Set(
            try BuiltInExtractors.all().map { extractor in
                if let bundled = extractor as? BundledProcessExtractor {
                    let words = try CommandLineWords.split(bundled.command).flatMap {
                        $0.split(separator: "/").map(String.init)
                    }
                    return words.firstIndex(of: "Plugins").map { words[$0 + 1] } ?? bundled.command
                }
                return String(String(reflecting: type(of: extractor)).split(separator: ".")[0])
            })
    }

    func testEveryPluginsFolder_isABuiltIn() throws {
        let plugins = CLIRunner.repositoryRoot.appendingPathComponent("Plugins")
        let folders = try FileManager.default.contentsOfDirectory(atPath: plugins.path).filter { name in
            var isDirectory: ObjCBool = false
            return name != "Examples" && !name.hasPrefix(".")
                && FileManager.default.fileExists(
                    atPath: plugins.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
        XCTAssertTrue(folders.contains("CSVTables") && folders.contains("TextPatterns"), "\(folders)")
        let modules = try builtInModules()
        for folder in folders {
            XCTAssertTrue(
                modules.contains(folder),
                "Plugins/\(folder) is not registered in BuiltInExtractors.all (registered: \(modules.sorted()))")
        }
    }

    func testBuiltIns_haveUniqueNames_andCoverTheDefaultMediaTypes() throws {
        let registry = try BuiltInExtractors.registry()
        XCTAssertEqual(
            registry.names,
            [
                "text-patterns", "csv-tables", "mail-archives", "pdf-documents", "html-pages", "case-file",
                "graphviz-dot",
                "spacy-extractor",
            ])
        for (path, name) in [
            ("a.txt", "text-patterns"), ("a.md", "text-patterns"), ("a.csv", "csv-tables"), ("a.json", "case-file"),
            ("a.gv", "graphviz-dot"), ("a.mbox", "mail-archives"), ("a.mbx", "mail-archives"),
            ("a.eml", "mail-archives"), ("a.pdf", "pdf-documents"),
            ("a.html", "html-pages"), ("a.htm", "html-pages"),
        ] {
            let type = try XCTUnwrap(ExtractorRegistry.mediaType(forPath: path))
            XCTAssertEqual(try registry.choose(for: path, mediaType: type).map(\.description.name), [name], path)
        }
    }

    /// One generic test runs every built-in's worked examples (as SwiftLint runs each rule's).
    func testEveryBuiltIn_passesItsOwnExamples() throws {
        var unavailable: String?
        for extractor in try BuiltInExtractors.all() {
            let description = extractor.description
            XCTAssertFalse(description.examples.isEmpty, "\(description.name) has no examples")
            if let bundled = extractor as? BundledProcessExtractor {
                // A subprocess shipped with LinkGraph, run through ProcessExtractor; skipped when spaCy is missing.
                XCTAssertEqual(description.origin, .process(command: bundled.command))
                if let reason = try SpacyAvailability.unavailableReason() {
                    unavailable = reason
                    continue
                }
                defer { bundled.shutdown() }
            } else {
                XCTAssertEqual(description.origin, .builtIn)
            }
            for (i, example) in description.examples.enumerated() {
                let request = ExtractionRequest(
                    id: "example-\(i)", mediaType: description.accepts[0], text: example.text)
                let extraction = try extractor.extract(request)
                XCTAssertNoThrow(
                    try extraction.validate(document: request.id, documentLength: request.bytes.count), description.name
                )
                let byID = Dictionary(extraction.entities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
                func names(_ entity: ExtractedEntity) -> Set<String> {
                    Set(([entity.name] + entity.aliases).map(NameNormalizer.key))
                }
                func has(_ name: String, _ entity: ExtractedEntity?) -> Bool {
                    entity.map { names($0).contains(NameNormalizer.key(name)) } ?? false
                }
                for (name, kind) in example.entities {
                    XCTAssertTrue(
                        extraction.entities.contains { has(name, $0) && $0.kind == kind },
                        "\(description.name) example \(i): missing \(name) (\(kind)) in \(extraction.entities.map { "\($0.name):\($0.kind)" })"
                    )
                }
                for (source, kind, target) in example.relations {
                    XCTAssertTrue(
                        extraction.relations.contains { r in
                            r.kind == kind
                                && ((has(source, byID[r.source]) && has(target, byID[r.target]))
                                    || (kind.isSymmetric && has(source, byID[r.target]) && has(target, byID[r.source])))
                        },
                        "\(description.name) example \(i): missing \(source) \(kind) \(target)")
                }
            }
        }
        if let unavailable { throw XCTSkip("the spaCy plug-in's examples did not run: \(unavailable)") }
    }

    // MARK: End to end

    func testExtract_mixedInputs_failuresIsolated_exit1_outputWritten() throws {
        let dir = try TemporaryDirectory()
        let text = try dir.write("memo.txt", "Omar al-Rashid met with French officials in Paris in March 2016.\n")
        let table = try dir.write("pay.csv", "source,target,kind,confidence\nHarbor Trust,Omar al-Rashid,pays,0.7\n")
        let graph = try dir.write(
            "g.gv",
            #"digraph { a [label="Omar al-Rashid", kind=person]; b [label="Nova Relief", kind=organization]; a -> b [kind=memberOf] }"#
        )
        let badTable = try dir.write("bad.csv", "source,target,kind,confidence\nA,B,pays,2\n")
        let unknown = try dir.write("photo.jpeg", "not text")
        let output = dir.path("case.json")
        let result = try CLIRunner.run(["extract", text, table, graph, badTable, unknown, "-o", output])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(badTable):2:10: confidence \"2\""), result.stderr)
        XCTAssertTrue(result.stderr.contains("\(unknown): cannot tell the media type"), result.stderr)
        XCTAssertTrue(result.stderr.contains("2 of 5 documents failed"), result.stderr)

        let merged = try CaseFile.read(from: output)
        let omar = try XCTUnwrap(merged.entities.first { NameNormalizer.key($0.name) == "omar rashid" })
        XCTAssertEqual(
            merged.entities.filter { NameNormalizer.key($0.name) == "omar rashid" }.count, 1,
            "one entity from three documents")
        let kinds = Set(merged.relations.filter { $0.source == omar.id || $0.target == omar.id }.map(\.kind))
        XCTAssertTrue(kinds.isSuperset(of: [.pays, .memberOf]), "\(kinds)")
        XCTAssertEqual(Set(merged.documents.compactMap(\.source)).intersection([text, table]), [text, table])
        let pays = try XCTUnwrap(merged.relations.first { $0.kind == .pays })
        XCTAssertEqual(pays.confidence, 0.7)
        XCTAssertEqual(pays.evidence.first?.text, "Harbor Trust,Omar al-Rashid,pays,0.7")
    }

    /// DOT documents are parsed by Graphviz in a worker process (a time limit no process start
    /// can meet stops it, and the other documents go through), or in process with --in-process.
    func testExtract_dotDocuments_parsedInTheSandbox_orInProcess() throws {
        let dir = try TemporaryDirectory()
        let graph = try dir.write(
            "g.gv",
            #"digraph { a [label="AT&amp;T", kind=organization]; b [label="Nova Relief", kind=organization]; a -> b [kind=pays] }"#
        )
        let text = try dir.write("memo.txt", "Omar al-Rashid met with French officials in Paris in March 2016.\n")
        let stopped = try CLIRunner.run([
            "extract", graph, text, "-o", dir.path("stopped.json"), "--timeout", "0.000001",
        ])
        XCTAssertEqual(stopped.status, 1, stopped.stderr)
        XCTAssertTrue(stopped.stderr.contains("Graphviz did not finish within"), stopped.stderr)
        XCTAssertTrue(stopped.stderr.contains(graph), stopped.stderr)
        XCTAssertTrue(stopped.stderr.contains("1 of 2 documents failed"), stopped.stderr)

        for mode in [[], ["--in-process"]] {
            let output = dir.path("case\(mode.count).json")
            let result = try CLIRunner.run(["extract", graph, "-o", output] + mode)
            XCTAssertEqual(result.status, 0, result.stderr)
            let caseFile = try CaseFile.read(from: output)
            // Graphviz draws the label AT&amp;T as AT&T: that is the name.
            XCTAssertEqual(Set(caseFile.entities.map(\.name)), ["AT&T", "Nova Relief"], "\(mode)")
            XCTAssertEqual(caseFile.relations.map(\.kind), [.pays])
        }
    }

    func testExtract_intoAnEditedCase_keepsEdits_andSuppressedStayDeleted() throws {
        let dir = try TemporaryDirectory()
        let table = try dir.write(
            "pay.csv",
            "source,target,kind,confidence\nHarbor Trust,Mara Quill,pays,0.7\nHarbor Trust,Nova Relief,pays,0.4\n")
        let first = dir.path("first.json")
        XCTAssertEqual(try CLIRunner.run(["extract", table, "-o", first]).status, 0)
        var edited = try CaseFile.read(from: first)
        let harbor = try XCTUnwrap(edited.entities.firstIndex { $0.name == "Harbor Trust" })
        edited.entities[harbor].name = "Harbor Trust Company"
        edited.entities[harbor].aliases = ["Harbor Trust"]
        edited.entities[harbor].kind = .organization
        edited.entities.removeAll { $0.name == "Nova Relief" }
        edited.relations.removeAll { $0.target == "nova-relief" }
        edited.relations[0].confidence = 0.2
        edited.suppressed.entities = ["Nova Relief"]
        let editedPath = dir.path("edited.json")
        try edited.write(to: editedPath)

        let result = try CLIRunner.run(["extract", table, "--into", editedPath, "-o", editedPath])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(
            try CaseFile.read(from: editedPath), edited, "re-extracting the same table changes nothing the user edited")
    }

    func testExtract_subprocessPlugin_crashOnOneDocument_othersGoThrough() throws {
        try Self.requirePython()
        let dir = try TemporaryDirectory()
        let fixture = CLIRunner.repositoryRoot.appendingPathComponent(
            "Tests/LinkGraphPluginTests/Fixtures/faulty_plugin.py"
        ).path
        let good = try dir.write("good.txt", "Alpha and Beta")
        let crash = try dir.write("crash.txt", "CRASH")
        let hang = try dir.write("hang.txt", "HANG")
        let after = try dir.write("after.txt", "Gamma")
        let output = dir.path("case.json")
        // The hang comes to a worker that has answered once already, so the limit is 1 s, not 1 s + start-up grace.
        let result = try CLIRunner.run([
            "extract", good, crash, after, hang, "--plugin-exec", "python3 '\(fixture)'", "--plugin-timeout", "1", "-o",
            output,
        ])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("crashed on document crash (signal 11, SIGSEGV)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("gave no answer for document hang within 1 s"), result.stderr)
        let merged = try CaseFile.read(from: output)
        XCTAssertEqual(merged.entities.map(\.name), ["Alpha", "Beta", "Gamma"])
        XCTAssertEqual(merged.documents.map(\.id), ["good", "after"])
    }

    static func requirePython() throws {
        let found = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/python3")
        }
        if !found { throw XCTSkip("python3 is not installed") }
    }

    func testPlugins_listsBuiltInsAndLoadedPlugins() throws {
        try Self.requirePython()
        let script = CLIRunner.repositoryRoot.appendingPathComponent("Plugins/Examples/python/keyword_extractor.py")
            .path
        let result = try CLIRunner.run(["plugins", "--plugin-exec", "python3 '\(script)'"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("NAME"))
        for (name, kind) in [
            ("text-patterns", "built-in"), ("csv-tables", "built-in"), ("case-file", "built-in"),
            ("graphviz-dot", "built-in"), ("python-keywords", "process"),
        ] {
            XCTAssertTrue(
                lines.contains { $0.hasPrefix(name + " ") && $0.contains(" \(kind) ") },
                "\(name) \(kind) in\n\(result.stdout)")
        }
        let missing = try CLIRunner.run(["plugins", "--plugin", "/nonexistent/libx.so"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(
            missing.stderr.contains("plug-in /nonexistent/libx.so: cannot load the library: no such file"),
            missing.stderr)
    }

    func testScore_printsTableAndSummary() throws {
        let dir = try TemporaryDirectory()
        let gold = try dir.write(
            "gold.json",
            """
            {"version": 1, "entities": [{"id": "a", "name": "Alpha", "kind": "person"}, {"id": "b", "name": "Beta", "kind": "person"}],
             "relations": [{"source": "a", "target": "b", "kind": "pays"}]}
            """)
        let predicted = try dir.write(
            "pred.json",
            """
            {"version": 1, "entities": [{"id": "x", "name": "the ALPHA", "kind": "person"}, {"id": "y", "name": "Gamma", "kind": "person"}],
             "relations": [{"source": "x", "target": "y", "kind": "pays"}]}
            """)
        let result = try CLIRunner.run(["score", gold, predicted])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasSuffix("entityF1=0.50 relF1=0.00 relUnlabeledF1=0.00\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("entities                   1     1     1"), result.stdout)
        let summary = try CLIRunner.run(["score", gold, predicted, "--summary"])
        XCTAssertEqual(summary.stdout, "entityF1=0.50 relF1=0.00 relUnlabeledF1=0.00\n")
    }

    func testMerge_command() throws {
        let dir = try TemporaryDirectory()
        let a = try dir.write(
            "a.json",
            """
            {"version": 1, "entities": [{"id": "pmf", "name": "Popular Mobilization Forces", "kind": "organization"}]}
            """)
        let b = try dir.write(
            "b.json",
            """
            {"version": 1, "entities": [{"id": "x", "name": "PMF", "kind": "organization"}, {"id": "y", "name": "Hadi al-Amiri", "kind": "person"}],
             "relations": [{"source": "y", "target": "x", "kind": "controls", "confidence": 0.5}]}
            """)
        let output = dir.path("out.json")
        let result = try CLIRunner.run(["merge", a, b, "-o", output])
        XCTAssertEqual(result.status, 0, result.stderr)
        let merged = try CaseFile.read(from: output)
        XCTAssertEqual(merged.entities.map(\.id), ["pmf", "y"])
        XCTAssertEqual(merged.entities[0].aliases, ["PMF"])
        XCTAssertEqual(merged.relations.map { "\($0.source) \($0.kind) \($0.target)" }, ["y controls pmf"])
        XCTAssertEqual(merged.relations[0].confidence, 0.5)
    }
}
