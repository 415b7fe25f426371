import ArgumentParser
import LinkGraph

/// `--quiet`: no progress line on standard error. Without it the line is drawn only when
/// standard error is a terminal and the run lasts past two seconds (`ProgressMeter`).
struct ProgressOptions: ParsableArguments {
    @Flag(help: "No progress line on standard error (it is drawn only on a terminal, after 2 s).")
    var quiet = false

    /// Whether a progress line may be drawn.
    var enabled: Bool { !quiet && ProgressMeter.standardErrorIsTerminal }

    /// A meter for `label`, silent with `--quiet` or when standard error is not a terminal.
    func meter(_ label: String, total: Int?, unit: String) -> ProgressMeter {
        ProgressMeter(label: label, total: total, unit: unit, enabled: enabled)
    }
}
