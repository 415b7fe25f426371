import Foundation
import LinkGraph
import LinkGraphPlugin
import XCTest

@testable import TextPatterns

/// Extraction quality against hand-made gold case files, scored as FORMAT.md says.
final class QualityTests: XCTestCase {
    private func run(_ text: URL, _ gold: URL) throws -> Scorer.Scores {
        let bytes = try Array(Data(contentsOf: text))
        let found = try sharedExtractor.extract(ExtractionRequest(id: "doc", mediaType: "text/plain", bytes: bytes))
        return try Scorer.score(found, goldURL: gold)
    }

    func testQuality_seedArticle_meetsTargets() throws {
        guard let text = sharedFile("seeds/iran-cables-analysis-2019.txt"), let gold = sharedFile("eval/seed.gold.json")
        else {
            throw XCTSkip("the seed article is not beside the repository")
        }
        let s = try run(text, gold)
        XCTAssertGreaterThanOrEqual(s.entityF1, 0.98, "entity F1")
        XCTAssertGreaterThanOrEqual(s.relationF1, 0.7, "labeled relation F1")
    }

    /// The tuning texts of the evaluation split (Benchmarks/extract/SPLIT.md): the means stay at
    /// least where the rules brought them. The held-out texts are not run here.
    func testQuality_devTuneSplit_meansHold() throws {
        let names = ["hanssen_fbi", "sinaloa_cartel", "kgb_defectors", "wagner_crs"]
        var scores: [Scorer.Scores] = []
        for name in names {
            guard let text = sharedFile("eval/dev/\(name).txt"), let gold = sharedFile("eval/dev/\(name).gold.json")
            else {
                throw XCTSkip("the evaluation texts are not beside the repository (set LINKGRAPH_SHARED)")
            }
            scores.append(try run(text, gold))
        }
        let n = Double(scores.count)
        let entity = scores.map(\.entityF1).reduce(0, +) / n
        let labeled = scores.map(\.relationF1).reduce(0, +) / n
        let unlabeled = scores.map(\.unlabeledF1).reduce(0, +) / n
        XCTAssertGreaterThanOrEqual(entity, 0.9, "mean entity F1")
        XCTAssertGreaterThanOrEqual(labeled, 0.5, "mean labeled relation F1")
        XCTAssertGreaterThanOrEqual(unlabeled, 0.55, "mean unlabeled relation F1")
    }

    func testQuality_ownFixtures_meetTargets() throws {
        for name in ["militia", "defector", "bank"] {
            let s = try run(fixture("\(name).txt"), fixture("\(name).gold.json"))
            XCTAssertGreaterThanOrEqual(s.entityF1, 0.85, "\(name): entity F1")
            XCTAssertGreaterThanOrEqual(s.relationF1, 0.5, "\(name): labeled relation F1")
        }
    }

    /// Every mention span slices exactly the entity's name or one of its aliases, and every
    /// evidence span lies inside the document on token boundaries.
    func testSpans_everyMentionSlicesItsNameOrAlias() throws {
        var texts = ["militia", "defector", "bank"].map { fixture("\($0).txt") }
        if let seed = sharedFile("seeds/iran-cables-analysis-2019.txt") { texts.append(seed) }
        for url in texts {
            let bytes = try Array(Data(contentsOf: url))
            let found = try sharedExtractor.extract(ExtractionRequest(id: "doc", mediaType: "text/plain", bytes: bytes))
            XCTAssertFalse(found.entities.isEmpty)
            for e in found.entities {
                XCTAssertFalse(e.mentions.isEmpty, "\(e.name) has no mention")
                for m in e.mentions {
                    XCTAssert(m.start >= 0 && m.start < m.end && m.end <= bytes.count)
                    let text = String(decoding: bytes[m.start..<m.end], as: UTF8.self)
                    XCTAssert(
                        text == e.name || e.aliases.contains(text),
                        "\(url.lastPathComponent): span '\(text)' is not a form of \(e.name) \(e.aliases)")
                }
            }
            for r in found.relations {
                XCTAssertFalse(r.evidence.isEmpty)
                for span in r.evidence {
                    XCTAssert(span.start >= 0 && span.start < span.end && span.end <= bytes.count, "evidence \(span)")
                    XCTAssertNotNil(
                        String(validating: bytes[span.start..<span.end], as: UTF8.self), "evidence is not whole UTF-8")
                }
            }
        }
    }
}
