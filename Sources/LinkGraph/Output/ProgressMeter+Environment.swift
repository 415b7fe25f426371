import Foundation

extension ProgressMeter {
    /// The environment variable that overrides when a command's progress line is drawn:
    /// `always` (from the first update, no delay: for logs and tests), `never`; unset or
    /// anything else leaves the default (only on a terminal, after two seconds).
    public static let environmentVariable = "LINKGRAPH_PROGRESS"

    /// The meter of a command's run: silent with `--quiet` or `LINKGRAPH_PROGRESS=never`;
    /// drawn at once with `LINKGRAPH_PROGRESS=always`; else drawn when standard error is a
    /// terminal and the run lasts more than two seconds.
    /// - Parameters:
    ///   - label: What runs (`"extract"`).
    ///   - total: How many units there are, or nil.
    ///   - unit: The units' plural name (`"files"`).
    ///   - quiet: `--quiet`: nothing is drawn, whatever the environment says.
    ///   - environment: Where `LINKGRAPH_PROGRESS` is read (the process's by default).
    ///   - sink: Where lines go (standard error).
    public convenience init(
        label: String, total: Int?, unit: String, quiet: Bool,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        sink: @escaping @Sendable (String) -> Void = { StandardError.write($0) }
    ) {
        switch environment[Self.environmentVariable] {
        case "always":
            self.init(
                label: label, total: total, unit: unit, enabled: !quiet, delay: .zero, interval: .zero, sink: sink)
        case "never":
            self.init(label: label, total: total, unit: unit, enabled: false, sink: sink)
        default:
            self.init(
                label: label, total: total, unit: unit, enabled: !quiet && Self.standardErrorIsTerminal, sink: sink)
        }
    }
}
