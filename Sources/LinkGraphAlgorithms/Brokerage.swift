/// Gould and Fernandez's brokerage roles of every vertex, by group.
///
/// A vertex b brokers for the open two-path a → b → c (a ≠ c, no arc a → c). The role
/// depends on the groups of a, b and c:
/// - coordinator: all three in one group;
/// - itinerant (consultant): a and c in one group, b in another;
/// - representative: a and b in one group, c in another;
/// - gatekeeper: b and c in one group, a in another;
/// - liaison: three different groups.
/// An undirected graph counts each open two-path in both directions.
public struct Brokerage: Sendable {
    public enum Role: String, CaseIterable, Sendable {
        case coordinator, itinerant, representative, gatekeeper, liaison
    }

    /// `counts[v][role.index]`: how many open two-paths v brokers in that role.
    public let counts: [[Int]]

    /// How many times `v` brokers in `role`.
    public func count(_ v: Digraph.Vertex, _ role: Role) -> Int { counts[Int(v)][role.index] }

    /// All roles together for `v`.
    public func total(_ v: Digraph.Vertex) -> Int { counts[Int(v)].reduce(0, +) }
}

extension Brokerage.Role {
    /// The position of the role in `Brokerage.Role.allCases`.
    public var index: Int {
        switch self {
        case .coordinator: 0
        case .itinerant: 1
        case .representative: 2
        case .gatekeeper: 3
        case .liaison: 4
        }
    }
}

extension Digraph {
    /// Gould–Fernandez brokerage counts.
    /// - Parameter groups: The group of each vertex (any integers); a negative group means
    ///   unknown, and two-paths through a vertex of unknown group are not counted.
    /// - Throws: `invalidArgument` when `groups` does not have one entry per vertex.
    /// - Complexity: O(Σ_b Σ_{a → b} (deg⁺(a) + deg⁺(b))) time, O(V) extra space.
    ///
    /// ## References
    /// - R. V. Gould and R. M. Fernandez, "Structures of mediation: a formal approach to
    ///   brokerage in transaction networks", 1989. <https://doi.org/10.2307/270949>
    public func brokerage(groups: [Int]) throws -> Brokerage {
        let n = vertexCount
        guard groups.count == n else {
            throw AlgorithmError.invalidArgument(
                "brokerage needs one group per vertex: \(groups.count) for \(n) vertices")
        }
        var counts = [[Int]](repeating: [0, 0, 0, 0, 0], count: n)
        var linked = [Int32](repeating: -1, count: n)  // linked[c] == a: there is an arc a → c
        var seenIn = [Int32](repeating: -1, count: n)
        var seenOut = [Int32](repeating: -1, count: n)
        for b in 0..<n where groups[b] >= 0 {
            let gb = groups[b]
            for i in inOffsets[b]..<inOffsets[b + 1] {
                let a = Int(inSources[i])
                if a == b || groups[a] < 0 || seenIn[a] == Int32(b) { continue }
                seenIn[a] = Int32(b)
                for x in offsets[a]..<offsets[a + 1] { linked[Int(targets[x])] = Int32(a) }
                let ga = groups[a]
                for y in offsets[b]..<offsets[b + 1] {
                    let c = Int(targets[y])
                    if c == a || c == b || groups[c] < 0 || linked[c] == Int32(a) { continue }
                    if seenOut[c] == Int32(a) { continue }  // parallel arcs b → c count once
                    seenOut[c] = Int32(a)
                    let gc = groups[c]
                    let role: Brokerage.Role
                    if ga == gb && gb == gc {
                        role = .coordinator
                    } else if ga == gc {
                        role = .itinerant
                    } else if ga == gb {
                        role = .representative
                    } else if gb == gc {
                        role = .gatekeeper
                    } else {
                        role = .liaison
                    }
                    counts[b][role.index] += 1
                }
                for x in offsets[a]..<offsets[a + 1] { linked[Int(targets[x])] = -1 }
            }
            for y in offsets[b]..<offsets[b + 1] { seenOut[Int(targets[y])] = -1 }
        }
        return Brokerage(counts: counts)
    }
}
