import LinkGraph
import LinkGraphPlugin
import XCTest

@testable import TextPatterns

/// Runs every worked example of the extractor's self-description (as SwiftLint runs each
/// rule's triggering examples).
final class ExamplesTests: XCTestCase {
    func testExamples_allBuiltInExamples_yieldTheirEntitiesAndRelations() throws {
        let extractor = try TextPatternsExtractor()
        XCTAssertFalse(extractor.description.examples.isEmpty)
        for (n, example) in extractor.description.examples.enumerated() {
            let found = try extractor.extract(ExtractionRequest(id: "example-\(n)", text: example.text))
            let byName = Dictionary(found.entities.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            func entity(_ name: String) -> ExtractedEntity? {
                byName[name] ?? found.entities.first { $0.aliases.contains(name) }
            }
            for (name, kind) in example.entities {
                guard let e = entity(name) else {
                    XCTFail("example \(n): no entity '\(name)' in \(found.entities.map(\.name)) — \(example.text)")
                    continue
                }
                XCTAssertEqual(e.kind, kind, "example \(n): kind of \(name)")
            }
            for (source, kind, target) in example.relations {
                let s = entity(source)?.id
                let t = entity(target)?.id
                let ok = found.relations.contains { r in
                    r.kind == kind
                        && ((r.source == s && r.target == t) || (kind.isSymmetric && r.source == t && r.target == s))
                }
                XCTAssertTrue(
                    ok,
                    "example \(n): missing \(source) \(kind) \(target); found \(found.relations.map { "\($0.source) \($0.kind) \($0.target)" }) — \(example.text)"
                )
            }
        }
    }
}
