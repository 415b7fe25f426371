// One measurement per process: load an edge list, run one algorithm, print JSON.
//
//   algbench <linkgraph|swiftgraph> <algorithm> <edgelist> <directed 0|1> [threads]
//
// algorithm: load, bfs, dijkstra, weak, strong, pagerank, closeness, betweenness, articulation,
// bridges, keyplayers (k = 5, fragmentation, seed 1), scale (bfs + weak + pagerank in one process)
// Prints {"load_s": …, "algo_s": …, "check": …}; "check" is a cheap checksum of the result
// so that the work cannot be optimized away and peers can be compared.
import Foundation
import LinkGraphAlgorithms
import SwiftGraph

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

func emit(_ load: Double, _ algo: Double, _ check: Double) {
    print("{\"load_s\": \(load), \"algo_s\": \(algo), \"check\": \(check)}")
}

let args = CommandLine.arguments
guard args.count >= 5 else {
    FileHandle.standardError.write(
        "usage: algbench <linkgraph|swiftgraph> <algorithm> <edgelist> <directed 0|1> [threads]\n".data(using: .utf8)!)
    exit(2)
}
let library = args[1], algorithm = args[2], path = args[3], directed = args[4] == "1"
let threads = args.count > 5 ? Int(args[5]) : nil

do {
    switch library {
    case "linkgraph": try runLinkGraph()
    case "swiftgraph": try runSwiftGraph()
    default: throw AlgorithmError.invalidArgument("unknown library \(library)")
    }
} catch {
    FileHandle.standardError.write("error: \(error)\n".data(using: .utf8)!)
    exit(1)
}

func runLinkGraph() throws {
    let t0 = now()
    let g = try Digraph(edgeListAt: path, directed: directed)
    let load = now() - t0
    let source = g.vertexIfPresent(labeled: "0") ?? 0
    let t1 = now()
    var check = 0.0
    switch algorithm {
    case "load": check = Double(g.arcCount)
    case "bfs": check = Double(try g.breadthFirstSearch(from: source).order.count)
    case "dijkstra": check = try g.dijkstra(from: source).distances.reduce(0) { $1.isFinite ? $0 + $1 : $0 }
    case "weak": check = Double(g.weakComponents().count)
    case "strong": check = Double(g.strongComponents().count)
    // An L1 threshold of 1e-6 overall (NetworkX's rule is n·tol, which at n = 10⁶ stops at once).
    case "pagerank":
        check = try g.pageRank(tolerance: 1e-6 / Double(g.vertexCount), maxIterations: 1000).values.max() ?? 0
    case "closeness": check = try g.closeness(threads: threads).values.reduce(0, +)
    case "betweenness": check = try g.betweenness(weighted: true, threads: threads).values.reduce(0, +)
    // Both come from one depth-first search; each row times the whole search.
    case "articulation": check = Double(g.cutStructure().articulationPoints.count)
    case "bridges": check = Double(g.cutStructure().bridges.count)
    case "keyplayers": check = try g.keyPlayers(k: 5, objective: .fragmentation, seed: 1).value
    // The scale row: BFS, weak components and PageRank in one process after one load, each
    // timed on standard error, so that the peak RSS covers all three.
    case "scale":
        var t = now()
        let reached = try g.breadthFirstSearch(from: source).order.count
        var parts = ["bfs \(now() - t)"]
        t = now()
        let components = g.weakComponents().count
        parts.append("weak \(now() - t)")
        t = now()
        let rank = try g.pageRank(tolerance: 1e-6 / Double(g.vertexCount), maxIterations: 1000)
        parts.append("pagerank \(now() - t) (\(rank.iterations ?? 0) iterations)")
        FileHandle.standardError.write((parts.joined(separator: ", ") + "\n").data(using: .utf8)!)
        check = Double(reached + components) + (rank.values.max() ?? 0)
    default: throw AlgorithmError.invalidArgument("unknown algorithm \(algorithm)")
    }
    emit(load, now() - t1, check)
}

/// SwiftGraph has no file reader: the edge list is parsed with LinkGraph's reader and the
/// graph built edge by edge; load time is that build.
func runSwiftGraph() throws {
    let g = try Digraph(edgeListAt: path, directed: directed)
    let n = g.vertexCount
    let source = Int(g.vertexIfPresent(labeled: "0") ?? 0)
    var check = 0.0
    if g.isWeighted && algorithm != "bfs" {
        let t0 = now()
        let s = WeightedGraph<Int32, Double>(vertices: (0..<n).map { Int32($0) })
        for e in 0..<g.edgeCount {
            s.addEdge(
                fromIndex: Int(g.source(ofEdge: e)), toIndex: Int(g.target(ofEdge: e)), weight: g.weight(ofEdge: e),
                directed: directed)
        }
        let load = now() - t0
        let t1 = now()
        switch algorithm {
        case "load": check = Double(s.edgeCount)
        case "dijkstra": check = s.dijkstra(root: source, startDistance: 0).0.reduce(0) { $0 + ($1 ?? 0) }
        default: throw AlgorithmError.invalidArgument("SwiftGraph has no \(algorithm)")
        }
        emit(load, now() - t1, check)
    } else {
        let t0 = now()
        let s = UnweightedGraph<Int32>(vertices: (0..<n).map { Int32($0) })
        for e in 0..<g.edgeCount {
            s.addEdge(fromIndex: Int(g.source(ofEdge: e)), toIndex: Int(g.target(ofEdge: e)), directed: directed)
        }
        let load = now() - t0
        let t1 = now()
        switch algorithm {
        case "load": check = Double(s.edgeCount)
        case "bfs":
            var visited = 1
            _ = s.bfs(
                fromIndex: source, goalTest: { _ in false }, visitOrder: { $0 },
                reducer: { _ in
                    visited += 1; return true
                })
            check = Double(visited)
        default: throw AlgorithmError.invalidArgument("SwiftGraph has no \(algorithm)")
        }
        emit(load, now() - t1, check)
    }
}
