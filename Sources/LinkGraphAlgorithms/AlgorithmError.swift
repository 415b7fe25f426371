/// Why a graph algorithm could not give an answer.
///
/// Every case names what the caller can change: the vertex, the weight, the line of an
/// edge list, or the iteration budget.
public enum AlgorithmError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No path leads from `from` to `to` in the graph as projected (labels).
    case noPath(from: String, to: String)
    /// No vertex has this label (or this id is out of range).
    case vertexNotFound(String)
    /// An edge weight that the algorithm cannot use (negative, zero where it must be
    /// positive, NaN or infinite), with the edge's endpoints as labels.
    case invalidWeight(from: String, to: String, weight: Double, requirement: String)
    /// A power iteration did not reach the tolerance within the iteration budget.
    case failedToConverge(iterations: Int, tolerance: Double)
    /// A parameter outside its domain (a damping factor of 1.5, k = 0, ...).
    case invalidArgument(String)
    /// An edge list that cannot be read, with the 1-based line number.
    case edgeListSyntax(file: String?, line: Int, message: String)

    public var description: String {
        switch self {
        case .noPath(let from, let to):
            return "no path from '\(from)' to '\(to)' in this projection; check the relation kinds, "
                + "the direction and the as-of date that the graph was built with"
        case .vertexNotFound(let label):
            return "no vertex '\(label)' in the graph; check the spelling or the entity id"
        case .invalidWeight(let from, let to, let weight, let requirement):
            return "the edge '\(from)' -> '\(to)' has weight \(weight), but this algorithm needs \(requirement); "
                + "fix the weight or project with unit weights"
        case .failedToConverge(let iterations, let tolerance):
            return "did not converge within \(iterations) iterations to tolerance \(tolerance); "
                + "raise the iteration limit or the tolerance (for Katz, lower alpha)"
        case .invalidArgument(let message):
            return "invalid argument: \(message)"
        case .edgeListSyntax(let file, let line, let message):
            return "\(file ?? "edge list"):\(line): \(message)"
        }
    }
}
