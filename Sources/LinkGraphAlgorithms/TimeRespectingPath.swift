/// A path whose hops happen in time order, with the day each hop is taken.
public struct TimeRespectingPath: Hashable, Sendable {
    public let path: Path
    /// The earliest day (`yyyymmdd`) each hop can be taken, non-decreasing; `Int.min`
    /// while every relation so far is undated.
    public let hopDays: [Int]
}

extension Digraph {
    /// The time-respecting path with the fewest hops from `source` to `target`: each hop's
    /// edge must hold on some day no earlier than the day of the hop before it (edges carry
    /// `Validity` from the relations' `from`/`until`). Among those, the one that arrives
    /// earliest. Undated edges hold on every day.
    /// - Parameters:
    ///   - notBefore: The first day (`yyyymmdd`) the first hop may be taken (nil: any).
    /// - Throws: `noPath` when no time-respecting path exists; `vertexNotFound`.
    /// - Complexity: O(L · (V + E)) for L the number of hops, O(V + labels) space: a
    ///   level-by-level search that keeps, per vertex, only labels that arrive strictly
    ///   earlier than any label with fewer hops (Pareto-optimal in hops and arrival day).
    ///
    /// ## References
    /// - B.-M. Bui Xuan, A. Ferreira, A. Jarry, "Computing shortest, fastest, and foremost
    ///   journeys in dynamic networks", 2003. <https://doi.org/10.1142/S0129054103001728>
    public func timeRespectingPath(from source: Vertex, to target: Vertex, notBefore: Int? = nil) throws
        -> TimeRespectingPath
    {
        try check(source)
        try check(target)
        struct Label { let vertex: Vertex; let day: Int; let parent: Int; let arc: Int }
        var labels: [Label] = [Label(vertex: source, day: notBefore ?? Int.min, parent: -1, arc: -1)]
        var best = [Int](repeating: Int.max, count: vertexCount)
        best[Int(source)] = notBefore ?? Int.min
        var frontier = [0]
        var found: Int?
        if source == target { found = 0 }
        var slot = [Int](repeating: -1, count: vertexCount)  // this level's label per vertex
        while found == nil && !frontier.isEmpty {
            var next: [Int] = []
            for li in frontier {
                let l = labels[li]
                for a in arcs(from: l.vertex) {
                    let w = Int(targets[a])
                    let validity = self.validity(ofEdge: edge(ofArc: a))
                    let day = Swift.max(l.day, validity.earliest)
                    guard day <= validity.latest, day < best[w] else { continue }
                    best[w] = day
                    let label = Label(vertex: Vertex(w), day: day, parent: li, arc: a)
                    if slot[w] >= 0 {
                        labels[slot[w]] = label
                    } else {
                        slot[w] = labels.count
                        labels.append(label)
                        next.append(labels.count - 1)
                    }
                }
            }
            for li in next { slot[Int(labels[li].vertex)] = -1 }
            for li in next where labels[li].vertex == target { found = li }
            frontier = next
        }
        guard let end = found else {
            throw AlgorithmError.noPath(from: label(of: source), to: label(of: target))
        }
        var arcs: [Int] = []
        var days: [Int] = []
        var li = end
        while labels[li].parent >= 0 {
            arcs.append(labels[li].arc)
            days.append(labels[li].day)
            li = labels[li].parent
        }
        return TimeRespectingPath(
            path: Path(graph: self, start: source, arcs: arcs.reversed()), hopDays: days.reversed())
    }
}
