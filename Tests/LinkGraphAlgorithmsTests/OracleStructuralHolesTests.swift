import Foundation
import XCTest

@testable import LinkGraphAlgorithms

/// Burt's constraint and effective size against NetworkX (expected-cuts.json per fixture).
final class OracleStructuralHolesTests: XCTestCase {
    private func assertEqualWithNaN(
        _ ours: VertexScores, _ expected: [String: Any], _ f: Fixtures.Fixture, _ measure: String
    ) {
        XCTAssertEqual(ours.count, expected.count, "\(f.name) \(measure)")
        var failures = 0
        for (label, value) in expected {
            let mine = ours[f.v(label)]
            let ok: Bool
            if value is NSNull { ok = mine.isNaN } else { ok = close(mine, (value as! NSNumber).doubleValue) }
            if !ok {
                failures += 1
                if failures <= 3 { XCTFail("\(f.name) \(measure) at \(label): ours \(mine), NetworkX \(value)") }
            }
        }
    }

    func testConstraintAndEffectiveSize_allFixtures_equalNetworkX() throws {
        var nanSeen = 0
        for f in try Fixtures.all() {
            let expected = try OracleCutStructureTests.expectedCuts(f.name)
            let holes = try f.graph.structuralHoles()
            assertEqualWithNaN(holes.constraint, expected["constraint"] as! [String: Any], f, "constraint")
            assertEqualWithNaN(holes.effectiveSize, expected["effective_size"] as! [String: Any], f, "effective_size")
            nanSeen += holes.constraint.values.filter(\.isNaN).count
        }
        XCTAssertGreaterThan(nanSeen, 0, "random-disconnected has isolated vertices")
    }

    func testConstraintAndEffectiveSize_weightedFixtures_equalNetworkX() throws {
        var compared = 0
        for f in try Fixtures.all() where f.weighted {
            let expected = try OracleCutStructureTests.expectedCuts(f.name)
            let holes = try f.graph.structuralHoles(weighted: true)
            let constraint = expected["constraint_weighted"] as! [String: Any]
            let effectiveSize = expected["effective_size_weighted"] as! [String: Any]
            assertEqualWithNaN(holes.constraint, constraint, f, "constraint_weighted")
            assertEqualWithNaN(holes.effectiveSize, effectiveSize, f, "effective_size_weighted")
            compared += 1
        }
        XCTAssertEqual(compared, 3)
    }

    func testStructuralHoles_negativeWeight_throwsNamingTheEdge() throws {
        let g = try Digraph(
            labels: ["a", "b"], edges: [.init(source: 0, target: 1, weight: -1)], directed: false, weighting: .given)
        XCTAssertThrowsError(try g.structuralHoles(weighted: true)) {
            guard case .invalidWeight(let from, let to, _, _) = $0 as? AlgorithmError else { return XCTFail("\($0)") }
            XCTAssertEqual([from, to], ["a", "b"])
        }
    }
}
