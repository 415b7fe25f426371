import Foundation
import XCTest

@testable import LinkGraphAlgorithms

/// The oracle fixtures written by scripts/oracle/make_fixtures.py, found from #filePath.
enum Fixtures {
    static let graphsDirectory = SharedData.repositoryRoot.appendingPathComponent("Graphs")

    static let names = [
        "karate", "florentine", "kite", "lesmis", "davis",
        "random-directed", "random-weighted", "random-disconnected", "random-directed-weighted",
    ]

    struct Fixture {
        let name: String
        let graph: Digraph
        let expected: [String: Any]

        var weighted: Bool { expected["weighted"] as! Bool }
        var directed: Bool { expected["directed"] as! Bool }

        func scores(_ key: String) -> [String: Double]? {
            guard let d = expected[key] as? [String: Any], d["error"] == nil else { return nil }
            return d.mapValues { ($0 as! NSNumber).doubleValue }
        }

        func failed(_ key: String) -> Bool { (expected[key] as? [String: Any])?["error"] != nil }

        func v(_ label: String) -> Digraph.Vertex { try! graph.vertex(labeled: label) }

        /// The edge id for an expected (u, v) pair.
        func edge(_ u: String, _ w: String) -> Int? {
            let a = v(u), b = v(w)
            for e in 0..<graph.edgeCount {
                let s = graph.source(ofEdge: e), t = graph.target(ofEdge: e)
                if (s == a && t == b) || (!graph.isDirected && s == b && t == a) { return e }
            }
            return nil
        }
    }

    nonisolated(unsafe) static var cache: [String: Fixture] = [:]
    static let lock = NSLock()

    static func load(_ name: String) throws -> Fixture {
        lock.lock()
        defer { lock.unlock() }
        if let f = cache[name] { return f }
        let folder = graphsDirectory.appendingPathComponent(name)
        let data = try Data(contentsOf: folder.appendingPathComponent("expected.json"))
        let expected = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let graph = try Digraph(
            edgeListAt: folder.appendingPathComponent("graph.edgelist").path,
            directed: expected["directed"] as! Bool)
        let f = Fixture(name: name, graph: graph, expected: expected)
        cache[name] = f
        return f
    }

    static func all() throws -> [Fixture] { try names.map(load) }
}

/// |a − b| ≤ max(1e-12, 1e-9 · max(|a|, |b|)).
func close(_ a: Double, _ b: Double, relative: Double = 1e-9, absolute: Double = 1e-12) -> Bool {
    if a == b { return true }
    return abs(a - b) <= Swift.max(absolute, relative * Swift.max(abs(a), abs(b)))
}

/// Compares per-vertex scores to the oracle's, by label; fails on the first few mismatches.
func assertScores(
    _ ours: VertexScores, _ expected: [String: Double], in f: Fixtures.Fixture, _ measure: String,
    relative: Double = 1e-9, file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(ours.count, expected.count, "\(f.name) \(measure): vertex count", file: file, line: line)
    var failures = 0
    for (label, x) in expected {
        let mine = ours[f.v(label)]
        if !close(mine, x, relative: relative) {
            failures += 1
            if failures <= 3 {
                XCTFail("\(f.name) \(measure) at \(label): ours \(mine), NetworkX \(x)", file: file, line: line)
            }
        }
    }
}

func assertEdgeScores(
    _ ours: EdgeScores, _ expected: [[Any]], in f: Fixtures.Fixture, _ measure: String,
    file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(ours.count, expected.count, "\(f.name) \(measure): edge count", file: file, line: line)
    var failures = 0
    for row in expected {
        let u = row[0] as! String, w = row[1] as! String, x = (row[2] as! NSNumber).doubleValue
        guard let e = f.edge(u, w) else {
            XCTFail("\(f.name) \(measure): no edge \(u)-\(w)", file: file, line: line)
            continue
        }
        if !close(ours[e], x) {
            failures += 1
            if failures <= 3 {
                XCTFail("\(f.name) \(measure) at \(u)-\(w): ours \(ours[e]), NetworkX \(x)", file: file, line: line)
            }
        }
    }
}
