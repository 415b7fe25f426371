import Foundation
import LinkGraph
import LinkGraphAlgorithms

/// The progress line of a long centrality measure: sources done for closeness, harmonic and
/// betweenness, iterations and residual for PageRank, drawn by `ProgressMeter` (after 2 s,
/// only when standard error is a terminal, never with `--quiet`: `ProgressOptions.enabled`).
struct MeasureProgress {
    private let meter: ProgressMeter?

    init(_ measure: CentralityMeasure, vertices: Int, enabled: Bool) {
        switch measure {
        case .closeness, .harmonic, .betweenness:
            meter = ProgressMeter(
                label: measure.rawValue, total: vertices, unit: "sources",
                enabled: enabled)
        case .pagerank:
            // The budget `CentralityMeasure` gives PageRank (the library's default).
            meter = ProgressMeter(
                label: measure.rawValue, total: 100, unit: "iterations",
                enabled: enabled)
        case .degree, .eigenvector, .katz:
            meter = nil
        }
    }

    /// What the algorithm calls; nil when the measure reports nothing.
    var handler: AlgorithmProgress.Handler? {
        guard let meter else { return nil }
        return { progress in
            meter.set(done: progress.done, detail: progress.residual.map { Self.residual($0) })
        }
    }

    /// `residual 3.2e-07`.
    static func residual(_ value: Double) -> String { "residual " + String(format: "%.1e", value) }

    func finish() { meter?.finish() }
}
