import Foundation

/// Betweenness estimated by sampling shortest paths, with the sample size that guarantees
/// every estimate's error (Riondato and Kornaropoulos).
public struct ApproximateBetweenness: Sendable {
    /// The estimates, on the scale of `betweenness(normalized: true)`: divided by (n−1)(n−2),
    /// as `centrality --measure betweenness` prints and NetworkX normalises.
    public let scores: VertexScores
    /// The largest error allowed for every vertex at once.
    public let epsilon: Double
    /// The probability that some vertex misses by more than `epsilon`.
    public let delta: Double
    /// The seed the pairs were drawn with (the same seed gives the same estimates).
    public let seed: UInt64
    /// The number of shortest paths sampled.
    public let samples: Int
    /// The upper bound on the vertex diameter (vertices on a longest shortest path) used
    /// for the sample size.
    public let vertexDiameterBound: Int

    /// The guarantee as one sentence, for output.
    public var guarantee: String {
        "every value is within \(epsilon) of the exact normalized betweenness with probability at least "
            + "\(1 - delta) (\(samples) sampled shortest paths, vertex diameter at most \(vertexDiameterBound); "
            + "Riondato–Kornaropoulos)"
    }
}

/// How many shortest paths `approximateBetweenness` samples for a guarantee, and why.
public struct BetweennessSamplePlan: Sendable, Equatable {
    public let epsilon: Double
    public let delta: Double
    /// c of r = ⌈c/ε′² (⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉.
    public let constant: Double
    /// VD: the upper bound on the vertices of a shortest path.
    public let vertexDiameterBound: Int
    /// r (0 when no shortest path has an inner vertex: every betweenness is exactly 0).
    public let samples: Int
}

extension Digraph {
    /// The universal constant c of the Riondato–Kornaropoulos sample size: 1, as NetworKit's
    /// `ApproxBetweenness`. Riondato and Kornaropoulos quote c ≈ 0.5 from Löffler and
    /// Phillips' experiments, an estimate rather than a proven value; 1 keeps the guarantee
    /// on the safe side at twice the samples.
    public static let riondatoKornaropoulosConstant = 1.0

    /// Betweenness of every vertex estimated from uniformly sampled shortest paths, within
    /// `epsilon` of `betweenness(normalized: true)` for every vertex at once with probability
    /// at least 1 − `delta`.
    ///
    /// Draws r = ⌈c/ε′² (⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉ ordered pairs (s, t), s ≠ t, uniformly,
    /// finds the shortest s–t paths with a balanced bidirectional breadth-first search (the
    /// side whose frontier has fewer arcs grows next), picks one of them uniformly and credits
    /// each of its inner vertices with 1/r. VD is an upper bound on the vertex diameter: for an
    /// undirected graph 2·ecc(u) + 1 from one search per component; for a directed graph the
    /// size of the largest weakly connected component. The estimates estimate betweenness over
    /// n(n−1); they are rescaled by n/(n−2) to the exact measure's scale, and ε′ = ε(n−2)/n so
    /// that the bound holds on that scale. A graph whose shortest paths have no inner vertex
    /// (VD ≤ 2) gets exact zeros without sampling.
    /// - Parameters:
    ///   - epsilon: The additive error, in (0, 1).
    ///   - delta: The failure probability, in (0, 1).
    ///   - seed: The seed of the pair draws (SplitMix64 streams, one per chunk of samples).
    ///   - constant: c of the bound (`riondatoKornaropoulosConstant`).
    ///   - threads: Worker threads (nil: every core). The samples are split into 64 fixed
    ///     chunks with their own streams, so the estimates do not depend on the thread count.
    ///   - progress: Called with the number of samples just finished (from worker threads).
    /// - Returns: The estimates with the guarantee.
    /// - Throws: `invalidArgument` for ε or δ outside (0, 1) or threads < 1.
    /// - Complexity: O(r · E) time in the worst case, far less on graphs whose balanced searches
    ///   meet early (O(√E) expected arcs per sample on many random graphs); O(V) space per thread.
    ///
    /// ## References
    /// - M. Riondato and E. M. Kornaropoulos, "Fast approximation of betweenness centrality
    ///   through sampling", 2016. <https://doi.org/10.1007/s10618-015-0423-0>
    /// - M. Borassi and E. Natale, "KADABRA is an ADaptive Algorithm for Betweenness via Random
    ///   Approximation", 2019 (the balanced bidirectional search). <https://doi.org/10.1145/3284359>
    public func approximateBetweenness(
        epsilon: Double, delta: Double, seed: UInt64 = 0, constant: Double = Digraph.riondatoKornaropoulosConstant,
        threads: Int? = nil, progress: (@Sendable (Int) -> Void)? = nil
    ) throws -> ApproximateBetweenness {
        let plan = try betweennessSamplePlan(epsilon: epsilon, delta: delta, constant: constant)
        return try approximateBetweenness(plan, seed: seed, threads: threads, progress: progress)
    }

    /// The sample size of `approximateBetweenness(epsilon:delta:...)` for this graph, to
    /// show or to size a progress line before sampling.
    /// - Throws: `invalidArgument` for ε or δ outside (0, 1) or a constant ≤ 0.
    /// - Complexity: O(V + E) (the vertex-diameter bound).
    public func betweennessSamplePlan(
        epsilon: Double, delta: Double, constant: Double = Digraph.riondatoKornaropoulosConstant
    ) throws -> BetweennessSamplePlan {
        guard epsilon > 0, epsilon < 1 else {
            throw AlgorithmError.invalidArgument("epsilon must be in (0, 1), got \(epsilon)")
        }
        guard delta > 0, delta < 1 else {
            throw AlgorithmError.invalidArgument("delta must be in (0, 1), got \(delta)")
        }
        guard constant > 0, constant.isFinite else {
            throw AlgorithmError.invalidArgument("the sample-size constant must be positive, got \(constant)")
        }
        let n = vertexCount
        let diameter = vertexDiameterUpperBound()
        var samples = 0
        if n >= 3, diameter > 2 {
            let inner = epsilon * Double(n - 2) / Double(n)
            let logTerm = Double(Int(log2(Double(diameter - 2)).rounded(.down))) + 1 + log(1 / delta)
            samples = Int((constant / (inner * inner) * logTerm).rounded(.up))
        }
        return BetweennessSamplePlan(
            epsilon: epsilon, delta: delta, constant: constant, vertexDiameterBound: diameter, samples: samples)
    }

    /// Samples as `plan` says (made for this graph by `betweennessSamplePlan`).
    /// - Throws: `invalidArgument` for threads < 1 or a plan made for another graph size.
    public func approximateBetweenness(
        _ plan: BetweennessSamplePlan, seed: UInt64 = 0, threads: Int? = nil,
        progress: (@Sendable (Int) -> Void)? = nil
    ) throws -> ApproximateBetweenness {
        let workers = try workerCount(threads)
        let n = vertexCount
        var values = [Double](repeating: 0, count: n)
        if plan.samples > 0 {
            guard n >= 3 else { throw AlgorithmError.invalidArgument("a sample plan for another graph") }
            let counts = sampleShortestPaths(plan.samples, seed: seed, workers: workers, progress: progress)
            let scale = 1 / Double(plan.samples) * Double(n) / Double(n - 2)
            values = counts.map { $0 * scale }
        }
        return ApproximateBetweenness(
            scores: VertexScores(values), epsilon: plan.epsilon, delta: plan.delta, seed: seed,
            samples: plan.samples, vertexDiameterBound: plan.vertexDiameterBound)
    }

    /// An upper bound on the number of vertices of any shortest path (hop counts).
    /// - Complexity: O(V + E).
    func vertexDiameterUpperBound() -> Int {
        let n = vertexCount
        guard n > 0 else { return 0 }
        var component = [Int32](repeating: -1, count: n)
        var queue = [Int32](repeating: 0, count: n)
        var best = 1
        if isDirected {
            // Weak components: the arcs both ways.
            var label: Int32 = 0
            for root in 0..<n where component[root] < 0 {
                component[root] = label
                queue[0] = Int32(root)
                var head = 0, tail = 1
                while head < tail {
                    let v = Int(queue[head])
                    head += 1
                    for a in offsets[v]..<offsets[v + 1] where component[Int(targets[a])] < 0 {
                        component[Int(targets[a])] = label
                        queue[tail] = targets[a]
                        tail += 1
                    }
                    for a in inOffsets[v]..<inOffsets[v + 1] where component[Int(inSources[a])] < 0 {
                        component[Int(inSources[a])] = label
                        queue[tail] = inSources[a]
                        tail += 1
                    }
                }
                best = Swift.max(best, tail)
                label += 1
            }
            return best
        }
        // Undirected: from each component's vertex of highest degree, every path is at most
        // 2·ecc hops long, so at most 2·ecc + 1 vertices.
        var depth = [Int32](repeating: -1, count: n)
        for root in 0..<n where component[root] < 0 {
            component[root] = 0
            queue[0] = Int32(root)
            var head = 0, tail = 1, hub = root
            while head < tail {
                let v = Int(queue[head])
                head += 1
                if offsets[v + 1] - offsets[v] > offsets[hub + 1] - offsets[hub] { hub = v }
                for a in offsets[v]..<offsets[v + 1] where component[Int(targets[a])] < 0 {
                    component[Int(targets[a])] = 0
                    queue[tail] = targets[a]
                    tail += 1
                }
            }
            let size = tail
            depth[hub] = 0
            queue[0] = Int32(hub)
            head = 0
            tail = 1
            var eccentricity: Int32 = 0
            while head < tail {
                let v = Int(queue[head])
                head += 1
                eccentricity = depth[v]
                for a in offsets[v]..<offsets[v + 1] where depth[Int(targets[a])] < 0 {
                    depth[Int(targets[a])] = depth[v] + 1
                    queue[tail] = targets[a]
                    tail += 1
                }
            }
            best = Swift.max(best, Swift.min(size, 2 * Int(eccentricity) + 1))
        }
        return best
    }

    /// The number of sampled paths through each vertex as an inner vertex.
    private func sampleShortestPaths(
        _ samples: Int, seed: UInt64, workers: Int, progress: (@Sendable (Int) -> Void)?
    ) -> [Double] {
        let n = vertexCount
        var total = [Double](repeating: 0, count: n)
        let chunks = Swift.min(64, samples)
        let slots = Swift.min(workers, chunks)
        let samplers = (0..<slots).map { _ in PathSampler(n: n) }
        offsets.withUnsafeBufferPointer { off in
            targets.withUnsafeBufferPointer { tg in
                inOffsets.withUnsafeBufferPointer { inOff in
                    inSources.withUnsafeBufferPointer { inSrc in
                        let g = BidirectionalView(out: off, targets: tg, inOffsets: inOff, sources: inSrc)
                        deterministicWaves(
                            chunks: chunks, threads: slots,
                            compute: { chunk, slot in
                                let sampler = samplers[slot]
                                var random = SeededGenerator(seed: seed &+ UInt64(chunk) &* 0xD1B5_4A32_D192_ED03)
                                let first = samples * chunk / chunks
                                let last = samples * (chunk + 1) / chunks
                                var pending = 0
                                for _ in first..<last {
                                    sampler.sample(g, n: n, random: &random)
                                    pending += 1
                                    if pending == 256 {
                                        progress?(pending)
                                        pending = 0
                                    }
                                }
                                if pending > 0 { progress?(pending) }
                            },
                            reduce: { _, slot in
                                let c = samplers[slot].counts.pointer
                                for i in 0..<n {
                                    total[i] += c[i]
                                    c[i] = 0
                                }
                            })
                    }
                }
            }
        }
        return total
    }
}

/// Borrowed out- and in-rows for a search from both ends.
struct BidirectionalView {
    let out: UnsafeBufferPointer<Int>
    let targets: UnsafeBufferPointer<Int32>
    let inOffsets: UnsafeBufferPointer<Int>
    let sources: UnsafeBufferPointer<Int32>
}
