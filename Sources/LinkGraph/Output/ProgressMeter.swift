import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One progress line on standard error for a long run: how much of how many is done, the
/// rate, the time left and a free detail (`"312 pages"`, `"residual 3.2e-7"`).
///
/// The one owner of progress display: extraction over folders, long analyses and renders all
/// report through it. It is silent unless enabled (by default: standard error is a terminal),
/// it draws nothing before `delay` has passed (short runs never show a line), and it redraws
/// at most once per `interval`. Updates from several threads are safe; each costs a lock and a
/// clock read, so call it per unit of real work (a file, a source vertex), not per edge.
///
/// The line is drawn with a carriage return and erased by `finish()`, so the next message
/// starts on a clean line.
public final class ProgressMeter: @unchecked Sendable {
    /// Whether standard error is a terminal: the default for `enabled`.
    public static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    private let label: String
    private let unit: String
    private let total: Int?
    private let enabled: Bool
    private let delay: Duration
    private let interval: Duration
    private let sink: @Sendable (String) -> Void
    private let now: @Sendable () -> ContinuousClock.Instant
    private let lock = NSLock()
    private let started: ContinuousClock.Instant
    private var lastDrawn: ContinuousClock.Instant?
    private var done = 0
    private var detail = ""
    private var drewSomething = false
    private var finished = false

    /// - Parameters:
    ///   - label: What runs (`"extract"`, `"betweenness"`).
    ///   - total: How many units there are, or nil when unknown (no time left is shown).
    ///   - unit: The unit's plural name (`"files"`, `"sources"`).
    ///   - enabled: Whether to draw at all; pass false for `--quiet`.
    ///   - delay: How long the run must have lasted before the first line (2 s).
    ///   - interval: The least time between two redraws (0.1 s).
    ///   - sink: Where lines go (standard error); tests pass their own.
    ///   - now: The clock (tests pass their own).
    public init(
        label: String, total: Int?, unit: String, enabled: Bool = ProgressMeter.standardErrorIsTerminal,
        delay: Duration = .seconds(2), interval: Duration = .milliseconds(100),
        sink: @escaping @Sendable (String) -> Void = { StandardError.write($0) },
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.label = label
        self.total = total
        self.unit = unit
        self.enabled = enabled
        self.delay = delay
        self.interval = interval
        self.sink = sink
        self.now = now
        self.started = now()
    }

    /// Adds `count` units done, with an optional new detail.
    public func advance(by count: Int = 1, detail: String? = nil) {
        update { state in
            state.done += count
            if let detail { state.detail = detail }
        }
    }

    /// Sets the units done, with an optional new detail (for runs that know their position,
    /// such as iterations).
    public func set(done: Int, detail: String? = nil) {
        update { state in
            state.done = done
            if let detail { state.detail = detail }
        }
    }

    /// Erases the line, if one was drawn. Later updates draw nothing.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        finished = true
        if drewSomething { sink("\r\u{1B}[K") }
    }

    /// The line as it would be drawn now: `label: done/total unit · detail · rate/s · m:ss left`.
    public func line() -> String {
        lock.lock()
        defer { lock.unlock() }
        return render(at: now())
    }

    private func update(_ change: (ProgressMeter) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        change(self)
        guard enabled, !finished else { return }
        let instant = now()
        guard instant - started >= delay else { return }
        if let lastDrawn, instant - lastDrawn < interval { return }
        lastDrawn = instant
        drewSomething = true
        sink("\r" + render(at: instant) + "\u{1B}[K")
    }

    private func render(at instant: ContinuousClock.Instant) -> String {
        let elapsed = Self.seconds(instant - started)
        var parts: [String] = []
        if let total {
            let percent = total > 0 ? min(100, done * 100 / total) : 100
            parts.append("\(done)/\(total) \(unit) (\(percent)%)")
        } else {
            parts.append("\(done) \(unit)")
        }
        if !detail.isEmpty { parts.append(detail) }
        if elapsed > 0, done > 0 {
            let rate = Double(done) / elapsed
            parts.append(Self.formatRate(rate) + " \(unit)/s")
            if let total, total >= done {
                parts.append(Self.formatClock(Double(total - done) / rate) + " left")
            }
        }
        return "\(label): " + parts.joined(separator: " · ")
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (whole, attoseconds) = duration.components
        return Double(whole) + Double(attoseconds) / 1e18
    }

    /// A rate with three significant digits at most (`0.42`, `12.3`, `2855`).
    static func formatRate(_ rate: Double) -> String {
        if rate >= 100 { return String(Int(rate.rounded())) }
        if rate >= 10 { return String(format: "%.1f", rate) }
        return String(format: "%.2f", rate)
    }

    /// Seconds as `m:ss`, or `h:mm:ss` past an hour.
    static func formatClock(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        let whole = Int(seconds.rounded(.up))
        let (hours, minutes, secs) = (whole / 3600, whole / 60 % 60, whole % 60)
        return hours > 0
            ? String(format: "%d:%02d:%02d", hours, minutes, secs) : String(format: "%d:%02d", minutes, secs)
    }
}
