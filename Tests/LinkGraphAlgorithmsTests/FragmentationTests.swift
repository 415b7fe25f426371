import XCTest

@testable import LinkGraphAlgorithms

/// Borgatti's fragmentation and the reach a removal cuts, on graphs small enough to count
/// by hand.
final class FragmentationTests: XCTestCase {
    /// a - b - c - d
    private func path4() throws -> Digraph {
        try Digraph(
            labels: ["a", "b", "c", "d"],
            edges: [.init(source: 0, target: 1), .init(source: 1, target: 2), .init(source: 2, target: 3)],
            directed: false)
    }

    func testPath_nothingRemoved_connectedWithDistanceWeightFiveEighteenths() throws {
        let f = try path4().fragmentation()
        XCTAssertEqual(f.componentSizes, [4])
        XCTAssertEqual(f.fragmentation, 0)
        // Ordered pairs: 6 at distance 1, 4 at 2, 2 at 3: Σ 1/d = 6 + 2 + 2/3 over 12 pairs.
        XCTAssertEqual(f.distanceWeighted, 5.0 / 18.0, accuracy: 1e-12)
    }

    func testPath_removeB_isolatesA() throws {
        let f = try path4().fragmentation(removing: [1])
        XCTAssertEqual(f.vertexCount, 3)
        XCTAssertEqual(f.componentSizes, [2, 1])
        // Of 6 ordered pairs among a, c, d only c↔d (2) connect, both at distance 1.
        XCTAssertEqual(f.fragmentation, 2.0 / 3.0, accuracy: 1e-12)
        XCTAssertEqual(f.distanceWeighted, 2.0 / 3.0, accuracy: 1e-12)
    }

    func testStar_removeCentre_fullyFragmented() throws {
        let g = try Digraph(
            labels: ["hub", "x", "y", "z"],
            edges: [.init(source: 1, target: 0), .init(source: 2, target: 0), .init(source: 0, target: 3)],
            directed: true)
        let before = try g.fragmentation()
        XCTAssertEqual(before.fragmentation, 0, "direction is ignored")
        // 6 pairs at 1 (hub↔leaf), 6 at 2 (leaf↔leaf): 1 − (6 + 3)/12.
        XCTAssertEqual(before.distanceWeighted, 0.25, accuracy: 1e-12)
        let after = try g.fragmentation(removing: [0, 0])
        XCTAssertEqual(after.componentSizes, [1, 1, 1])
        XCTAssertEqual(after.fragmentation, 1)
        XCTAssertEqual(after.distanceWeighted, 1)
    }

    func testRemovingAllButOne_conventionIsOne() throws {
        let f = try path4().fragmentation(removing: [0, 1, 2])
        XCTAssertEqual(f.vertexCount, 1)
        XCTAssertEqual(f.fragmentation, 1)
    }

    func testUnknownVertex_throws() throws {
        XCTAssertThrowsError(try path4().fragmentation(removing: [7])) {
            XCTAssertEqual($0 as? AlgorithmError, .vertexNotFound("#7"))
        }
    }

    /// x → m → boss, y → m; removing m cuts x and y from boss (and from m).
    func testReachLost_removeMiddleManager_cutsChainsToTheBoss() throws {
        let g = try Digraph(
            labels: ["x", "y", "m", "boss", "z"],
            edges: [
                .init(source: 0, target: 2), .init(source: 1, target: 2), .init(source: 2, target: 3),
                .init(source: 4, target: 3),
            ],
            directed: true)
        let lost = try g.reachLost(removing: [2])
        XCTAssertEqual(lost.map(\.vertex), [0, 1])
        XCTAssertEqual(lost.map(\.lost), [[3], [3]])
        XCTAssertTrue(try g.reachLost(removing: [4]).isEmpty)
    }

    /// Fragmentation agrees with the component sizes of weakComponents on every fixture,
    /// with the cut points of each fixture removed.
    func testFragmentation_fixturesWithCutPointsRemoved_matchesComponentCount() throws {
        for fixture in try Fixtures.all() {
            let g = fixture.graph
            let removed = g.cutStructure().articulationPoints
            let f = try g.fragmentation(removing: removed)
            let keep = Set(g.vertices).subtracting(removed)
            var sizes: [Int] = []
            var seen = Set<Digraph.Vertex>()
            let u = g.undirected()
            for s in keep where !seen.contains(s) {
                var stack = [s]
                seen.insert(s)
                var size = 0
                while let v = stack.popLast() {
                    size += 1
                    for w in u.successors(of: v) where keep.contains(w) && seen.insert(w).inserted { stack.append(w) }
                }
                sizes.append(size)
            }
            XCTAssertEqual(f.componentSizes, sizes.sorted(by: >), fixture.name)
            let n = Double(keep.count)
            let expected = 1 - sizes.reduce(0.0) { $0 + Double($1 * ($1 - 1)) } / (n * (n - 1))
            XCTAssertEqual(f.fragmentation, expected, accuracy: 1e-12, fixture.name)
        }
    }
}
