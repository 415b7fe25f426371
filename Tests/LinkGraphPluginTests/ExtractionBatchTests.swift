import Foundation
import LinkGraph
import LinkGraphPlugin
import XCTest

/// `ExtractionSession.extract(_:progress:read:)` over a folder: skipped and failed files in the
/// report, pages reported through `ExtractionProgress` shown on a forced progress line (a
/// hand-driven clock and sink), nothing drawn when the meter is off.
final class ExtractionBatchTests: XCTestCase {
    /// Reads text documents whose pages are separated by form feeds (as `pdftotext` writes
    /// them), reporting each page through the hook and finding the capitalized word pairs.
    struct PagedTextExtractor: Extractor {
        var description: ExtractorDescription {
            ExtractorDescription(name: "paged-text", version: "1", accepts: ["text/plain"])
        }

        func extract(_ request: ExtractionRequest) throws -> Extraction {
            var entities: [ExtractedEntity] = []
            for page in request.text.split(separator: "\u{0C}", omittingEmptySubsequences: false) {
                ExtractionProgress.report(.pages)
                for line in page.split(separator: "\n") where !line.isEmpty {
                    entities.append(ExtractedEntity(id: "e\(entities.count)", name: String(line), kind: .person))
                }
            }
            return Extraction(entities: entities)
        }
    }

    final class Harness: @unchecked Sendable {
        let origin = ContinuousClock.now
        var offset: Duration = .zero
        var lines: [String] = []
        let lock = NSLock()
        func now() -> ContinuousClock.Instant { lock.withLock { origin + offset } }
        func write(_ text: String) { lock.withLock { lines.append(text) } }
        func wait(_ duration: Duration) { lock.withLock { offset += duration } }
    }

    func makeFolder() throws -> String {
        let dir = try PluginTestSupport.scratchDirectory().appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        func write(_ name: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: dir.appendingPathComponent(name))
        }
        try write("a-scan", Array("Mara Quill\u{0C}Ivo Brandt\u{0C}Zoe Lind\n".utf8))  // 3 pages, no extension
        try write("b.txt", Array("Omar Haddad\u{0C}Lena Sorel\n".utf8))  // 2 pages
        try write("c.json", Array(#"{"version": 1, "entities": [{"id": "a"}]}"#.utf8))  // a bad case
        try write("d.bin", (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 131) })  // junk: skipped
        try write(
            "e.json", Array(#"{"version": 1, "entities": [{"id": "x", "name": "Xu Lin", "kind": "person"}]}"#.utf8))
        return dir.path
    }

    func testBatch_forcedProgress_showsFilesPagesRateAndTimeLeft_reportNamesEachBadFile() throws {
        let folder = try makeFolder()
        let walk = DocumentWalk([folder])
        XCTAssertEqual(walk.files.count, 5)
        let harness = Harness()
        let meter = ProgressMeter(
            label: "extract", total: walk.files.count, unit: "files", enabled: true, sink: { harness.write($0) },
            now: { harness.now() })
        var session = ExtractionSession(registry: try ExtractorRegistry([PagedTextExtractor(), CaseFileExtractor()]))
        let report = session.extract(walk, progress: meter) { path in
            harness.wait(.seconds(1))  // every file takes a second
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        XCTAssertEqual(report.units, [.pages: 5])
        XCTAssertEqual(report.outcomes.map { $0.units[.pages] ?? 0 }, [3, 2, 0, 0])
        XCTAssertEqual(report.documentCount, 4)
        XCTAssertEqual(report.failedDocumentCount, 1)
        XCTAssertTrue(report.hasFailures)
        XCTAssertFalse(report.nothingRead)
        let summary = report.summaryLines()
        XCTAssertEqual(summary.count, 2, "\(summary)")
        XCTAssertTrue(summary[0].hasPrefix("error: \(folder)/c.json: case-file: 2 problems"), summary[0])
        XCTAssertTrue(summary[1].hasPrefix("skipped: \(folder)/d.bin: cannot tell the media type"), summary[1])
        XCTAssertEqual(
            Set(session.caseFile.entities.map(\.name)),
            ["Mara Quill", "Ivo Brandt", "Zoe Lind", "Omar Haddad", "Lena Sorel", "Xu Lin"])

        // Two seconds in (the second read), the first page of the second file draws the first
        // line; later updates within 0.1 s are not drawn; each later file done draws again; the
        // line is erased at the end.
        let drawn = harness.lines.filter { $0 != "\r\u{1B}[K" }
        XCTAssertFalse(drawn.isEmpty)
        XCTAssertTrue(
            drawn.contains("\rextract: 1/5 files (20%) · 4 pages · 0.50 files/s · 0:08 left\u{1B}[K"), "\(drawn)")
        XCTAssertTrue(
            drawn.contains("\rextract: 3/5 files (60%) · 5 pages · 1.00 files/s · 0:02 left\u{1B}[K"), "\(drawn)")
        XCTAssertEqual(drawn.last, "\rextract: 5/5 files (100%) · 5 pages · 1.00 files/s · 0:00 left\u{1B}[K")
        XCTAssertEqual(harness.lines.last, "\r\u{1B}[K")
    }

    func testBatch_meterOff_drawsNothing_namedFileNobodyReadsFails() throws {
        let folder = try makeFolder()
        let harness = Harness()
        let meter = ProgressMeter(
            label: "extract", total: 6, unit: "files", enabled: false, sink: { harness.write($0) },
            now: { harness.now() })
        var session = ExtractionSession(registry: try ExtractorRegistry([PagedTextExtractor(), CaseFileExtractor()]))
        // The junk file named on its own is an error; found in the folder, it is skipped.
        let walk = DocumentWalk([folder + "/d.bin", folder])
        let report = session.extract(walk, progress: meter) { path in
            harness.wait(.seconds(5))
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        XCTAssertEqual(harness.lines, [])
        XCTAssertEqual(report.failedDocumentCount, 2)
        XCTAssertEqual(report.skipped.count, 1)
        XCTAssertTrue(report.summaryLines()[0].hasPrefix("error: \(folder)/d.bin: cannot tell the media type"))
    }
}
