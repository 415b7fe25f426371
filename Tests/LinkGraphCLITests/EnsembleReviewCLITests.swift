import Foundation
import LinkGraph
import LinkGraphPlugin
import XCTest

@testable import linkgraph

/// Whether the spaCy plug-in can run here, by its own `--check`.
enum SpacyAvailability {
    /// Why the spaCy plug-in cannot run (its `--check` answer), or nil when it can.
    static func unavailableReason() throws -> String? {
        try ExtractorCommandsTests.requirePython()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", BuiltInExtractors.spacyScript, "--check"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : said.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func require() throws {
        if let reason = try unavailableReason() { throw XCTSkip(reason) }
    }
}

/// Ensembles (`--with A --with B`), `--min-confidence`, and review decisions that survive the
/// next `extract --into` and `merge`, through the `linkgraph` binary.
final class EnsembleReviewCLITests: XCTestCase {
    /// The contributions of a relation: extractor (or source) and confidence.
    static func contributions(_ relation: Relation) -> [(String, Double)] {
        relation.provenance.map { ($0.extractor ?? $0.file ?? "?", $0.confidence ?? 1) }
    }

    func testExtract_textPatternsAndSpacy_agreementRaisesConfidenceByNoisyOr() throws {
        try SpacyAvailability.require()
        let dir = try TemporaryDirectory()
        let text = try dir.write(
            "memo.txt",
            "Mara Quill, a member of the Harbor Trust, was recruited by the Iron Council. "
                + "Victor Lang heads the Harbor Trust.\n"
        )
        let output = dir.path("case.json")
        let result = try CLIRunner.run([
            "extract", text, "--with", "TextPatterns", "--with", "SpacyExtractor", "-o", output,
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        let caseFile = try CaseFile.read(from: output)
        let extractors = Set(caseFile.relations.flatMap { Self.contributions($0).map(\.0) })
        XCTAssertEqual(extractors, ["text-patterns", "spacy-extractor"])
        var agreed = 0
        for relation in caseFile.relations {
            let parts = Self.contributions(relation)
            let noisyOr = 1 - parts.reduce(1.0) { $0 * (1 - $1.1) }
            XCTAssertEqual(relation.effectiveConfidence, noisyOr, accuracy: 1e-9, "\(relation)")
            if parts.count == 2 {
                agreed += 1
                XCTAssertGreaterThan(relation.effectiveConfidence, parts.map(\.1).max()!)
            }
        }
        XCTAssertGreaterThanOrEqual(agreed, 1, "the two modules agree on at least one relation of this text")
        let spacyOnly = try CLIRunner.run(["extract", text, "--with", "spacy-extractor", "-o", dir.path("spacy.json")])
        XCTAssertEqual(spacyOnly.status, 0, spacyOnly.stderr)
        let spacyCase = try CaseFile.read(from: dir.path("spacy.json"))
        XCTAssertEqual(
            Set(spacyCase.relations.map { "\($0.source) \($0.kind) \($0.target)" }),
            [
                "mara-quill memberOf harbor-trust", "mara-quill reportsTo iron-council",
                "victor-lang controls harbor-trust",
            ])
    }

    /// Without --with, text goes to TextPatterns alone: the spaCy plug-in runs only when named.
    /// A binary installed away from its source tree finds the script through `LINKGRAPH_SPACY_SCRIPT`.
    func testExtract_spacyScriptFromTheEnvironment_isTheOneRun() throws {
        let dir = try TemporaryDirectory()
        let text = try dir.write("memo.txt", "Mara Quill heads the Harbor Trust.\n")
        let elsewhere = dir.path("elsewhere/spacy_extractor.py")
        let result = try CLIRunner.run(
            executable: URL(fileURLWithPath: "/usr/bin/env"),
            [
                "LINKGRAPH_SPACY_SCRIPT=\(elsewhere)", CLIRunner.executable.path, "extract", text, "--with",
                "SpacyExtractor", "-o", dir.path("case.json"),
            ])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("can't open file '\(elsewhere)'"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("case.json")))
    }

    func testExtract_default_doesNotRunSpacy_andPluginsListsIt() throws {
        let dir = try TemporaryDirectory()
        let text = try dir.write("memo.txt", "Victor Lang heads the Harbor Trust.\n")
        let output = dir.path("case.json")
        XCTAssertEqual(try CLIRunner.run(["extract", text, "-o", output]).status, 0)
        let extractors = Set(try CaseFile.read(from: output).relations.flatMap { Self.contributions($0).map(\.0) })
        XCTAssertFalse(extractors.contains("spacy-extractor"), "\(extractors)")
        let plugins = try CLIRunner.run(["plugins"])
        XCTAssertTrue(
            plugins.stdout.split(separator: "\n").contains {
                $0.hasPrefix("spacy-extractor ") && $0.contains(" process ")
            },
            plugins.stdout)
    }

    /// The threshold applies after merging: two 0.4 tables agree to 0.64 and pass 0.6; a lone
    /// 0.5 does not; a relation of the --into case stays whatever its confidence.
    func testExtract_minConfidence_filtersAfterMerging_keepsTheBaseCase() throws {
        let dir = try TemporaryDirectory()
        let one = try dir.write(
            "one.csv",
            "source,target,kind,confidence\nHarbor Trust,Mara Quill,pays,0.4\nIron Council,Mara Quill,pays,0.5\n")
        let two = try dir.write("two.csv", "source,target,kind,confidence\nHarbor Trust,Mara Quill,pays,0.4\n")
        let output = dir.path("case.json")
        let result = try CLIRunner.run(["extract", one, two, "--min-confidence", "0.6", "-o", output])
        XCTAssertEqual(result.status, 0, result.stderr)
        let caseFile = try CaseFile.read(from: output)
        XCTAssertEqual(caseFile.relations.map { "\($0.source) \($0.target)" }, ["harbor-trust mara-quill"])
        XCTAssertEqual(caseFile.relations[0].effectiveConfidence, 0.64, accuracy: 1e-9)

        let low = try dir.write("low.csv", "source,target,kind,confidence\nNova Relief,Mara Quill,pays,0.1\n")
        let base = dir.path("base.json")
        XCTAssertEqual(try CLIRunner.run(["extract", low, "-o", base]).status, 0)
        XCTAssertEqual(
            try CLIRunner.run(["extract", one, "--into", base, "--min-confidence", "0.45", "-o", output]).status, 0)
        XCTAssertEqual(
            try CaseFile.read(from: output).relations.map { "\($0.source) \($0.target)" },
            ["nova-relief mara-quill", "iron-council mara-quill"])

        let bad = try CLIRunner.run(["extract", one, "--min-confidence", "1.5", "-o", output])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("--min-confidence must be between 0 and 1, not 1.5"), bad.stderr)
    }

    /// Decisions taken with `linkgraph review` survive the next `extract --into` and `merge`:
    /// the rejected relation is not brought back, the accepted one keeps its confidence (even
    /// when another source agrees) and passes a threshold above it.
    func testReview_decisionsSurviveExtractIntoAndMerge() throws {
        let dir = try TemporaryDirectory()
        let table = try dir.write(
            "pay.csv",
            "source,target,kind,confidence\nHarbor Trust,Mara Quill,pays,0.4\nIron Council,Mara Quill,pays,0.5\n")
        let caseFile = dir.path("case.json")
        XCTAssertEqual(try CLIRunner.run(["extract", table, "-o", caseFile]).status, 0)

        let listing = try CLIRunner.run(["review", caseFile])
        XCTAssertEqual(listing.status, 0, listing.stderr)
        XCTAssertEqual(
            listing.stdout,
            """
            #1 Harbor Trust —pays→ Mara Quill  confidence 0.4
                "[[Harbor Trust]],{{Mara Quill}},pays,0.4"
            #2 Iron Council —pays→ Mara Quill  confidence 0.5
                "[[Iron Council]],{{Mara Quill}},pays,0.5"

            """)

        let decided = try CLIRunner.run(["review", caseFile, "--accept", "1", "--reject", "2", "--reviewer", "ana"])
        XCTAssertEqual(decided.status, 0, decided.stderr)
        let reviewed = try CaseFile.read(from: caseFile)
        XCTAssertEqual(reviewed.relations.map(\.source), ["harbor-trust"])
        XCTAssertEqual(reviewed.reviews.map(\.decision), [.accepted, .rejected])
        XCTAssertEqual(reviewed.reviews.map(\.reviewer), ["ana", "ana"])
        XCTAssertNotNil(reviewed.reviews[0].date)

        let again = try dir.write(
            "again.csv",
            "source,target,kind,confidence\nHarbor Trust,Mara Quill,pays,0.7\nIron Council,Mara Quill,pays,0.9\n")
        let result = try CLIRunner.run([
            "extract", table, again, "--into", caseFile, "--min-confidence", "0.5", "-o", caseFile,
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        let after = try CaseFile.read(from: caseFile)
        XCTAssertEqual(after.relations.map(\.source), ["harbor-trust"], "the rejected relation stays out")
        XCTAssertEqual(after.relations[0].confidence, 0.4, "the accepted relation keeps its confidence")
        XCTAssertEqual(after.reviews, reviewed.reviews)

        let other = dir.path("other.json")
        XCTAssertEqual(try CLIRunner.run(["extract", again, "-o", other]).status, 0)
        let merged = dir.path("merged.json")
        XCTAssertEqual(try CLIRunner.run(["merge", caseFile, other, "-o", merged]).status, 0)
        XCTAssertEqual(try CaseFile.read(from: merged).relations.map(\.source), ["harbor-trust"])
        XCTAssertEqual(try CaseFile.read(from: merged).relations[0].confidence, 0.4)
    }

    func testReview_badDecisions_clearErrors_caseUntouched() throws {
        let dir = try TemporaryDirectory()
        let table = try dir.write("pay.csv", "source,target,kind\nHarbor Trust,Mara Quill,pays\n")
        let caseFile = dir.path("case.json")
        XCTAssertEqual(try CLIRunner.run(["extract", table, "-o", caseFile]).status, 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: caseFile))
        let wrong = try CLIRunner.run(["review", caseFile, "--reject", "7"])
        XCTAssertEqual(wrong.status, 1)
        XCTAssertTrue(
            wrong.stderr.contains("there is no relation #7: the case has 1 relation, numbered from 1"), wrong.stderr)
        let decisions = try dir.write("decisions.txt", "accept 1\nthrow 1\n")
        let badFile = try CLIRunner.run(["review", caseFile, "--decisions", decisions])
        XCTAssertEqual(badFile.status, 1)
        XCTAssertTrue(
            badFile.stderr.contains(#"\#(decisions):2: expected "accept N" or "reject N", found "throw 1""#),
            badFile.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: caseFile)), before)

        let good = try dir.write("good.txt", "# keep it\naccept 1\n")
        let output = dir.path("out.json")
        XCTAssertEqual(try CLIRunner.run(["review", caseFile, "--decisions", good, "-o", output]).status, 0)
        XCTAssertEqual(try CaseFile.read(from: output).reviews.map(\.decision), [.accepted])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: caseFile)), before, "-o leaves the case itself alone")
    }

    /// On a terminal (a pseudo-terminal made by util-linux's `script`), `review` asks about each
    /// relation and records the answers.
    func testReview_onATerminal_asksAndRecords() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            throw XCTSkip("util-linux's script, which gives the command a terminal, is not installed")
        }
        let dir = try TemporaryDirectory()
        let table = try dir.write(
            "pay.csv",
            "source,target,kind,confidence\nHarbor Trust,Mara Quill,pays,0.4\nIron Council,Mara Quill,pays,0.5\n")
        let caseFile = dir.path("case.json")
        XCTAssertEqual(try CLIRunner.run(["extract", table, "-o", caseFile]).status, 0)
        let binary = try CLIRunner.executable.path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "'\(binary)' review '\(caseFile)' --reviewer ana", "/dev/null"]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("r\na\n".utf8))
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let reviewed = try CaseFile.read(from: caseFile)
        XCTAssertEqual(reviewed.relations.map(\.source), ["iron-council"])
        XCTAssertEqual(reviewed.reviews.map(\.decision), [.rejected, .accepted])
        XCTAssertEqual(reviewed.reviews.map(\.reviewer), ["ana", "ana"])
    }

    /// `extract --review` without a terminal lists the relations for `linkgraph review`.
    func testExtract_review_withoutATerminal_listsRelations() throws {
        let dir = try TemporaryDirectory()
        let table = try dir.write("pay.csv", "source,target,kind,confidence\nHarbor Trust,Mara Quill,pays,0.4\n")
        let result = try CLIRunner.run(["extract", table, "--review", "-o", dir.path("case.json")])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("#1 Harbor Trust —pays→ Mara Quill  confidence 0.4\n"), result.stdout)
        XCTAssertEqual(try CaseFile.read(from: dir.path("case.json")).reviews, [])
    }
}
