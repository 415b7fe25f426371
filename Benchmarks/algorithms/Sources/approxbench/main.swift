// One measurement per process for the approximate-centrality benchmark (algorithms/approx.py):
//
//   approxbench approx <edgelist> <epsilon> <delta> <seed> <threads> <out>   sampled betweenness
//   approxbench exact <edgelist> <threads> <out>                             Brandes betweenness
//   approxbench top <edgelist> <k> <out>                                     top-k closeness
//   approxbench closeness <edgelist> <threads> <out>                         closeness of every vertex
//
// Graphs are undirected edge lists with integer labels. Prints {"algo_s": …, "samples": …};
// <out> gets one "label value" line per vertex (per top vertex for `top`).
import Foundation
import LinkGraphAlgorithms

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

func write(_ pairs: [(Digraph.Vertex, Double)], of graph: Digraph, to path: String) throws {
    let text = pairs.map { "\(graph.label(of: $0.0)) \($0.1)" }.joined(separator: "\n") + "\n"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
}

let args = CommandLine.arguments
do {
    let graph = try Digraph(edgeListAt: args[2], directed: false)
    let t0 = now()
    var samples = 0
    var pairs: [(Digraph.Vertex, Double)] = []
    switch args[1] {
    case "approx":
        let result = try graph.approximateBetweenness(
            epsilon: Double(args[3])!, delta: Double(args[4])!, seed: UInt64(args[5])!, threads: Int(args[6])!)
        samples = result.samples
        pairs = graph.vertices.map { ($0, result.scores[$0]) }
    case "exact":
        let scores = try graph.betweenness(threads: Int(args[3])!)
        pairs = graph.vertices.map { ($0, scores[$0]) }
    case "top":
        pairs = try graph.topCloseness(Int(args[3])!).map { ($0.vertex, $0.score) }
    case "closeness":
        let scores = try graph.closeness(threads: Int(args[3])!)
        pairs = graph.vertices.map { ($0, scores[$0]) }
    default:
        throw AlgorithmError.invalidArgument("unknown operation \(args[1])")
    }
    let seconds = now() - t0
    try write(pairs, of: graph, to: args.last!)
    print("{\"algo_s\": \(seconds), \"samples\": \(samples)}")
} catch {
    FileHandle.standardError.write("error: \(error)\n".data(using: .utf8)!)
    exit(1)
}
