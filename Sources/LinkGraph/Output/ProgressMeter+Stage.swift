import Dispatch

extension ProgressMeter {
    /// Runs `work`, one stage that reports nothing while it runs (a Graphviz layout in a worker
    /// process), with `detail` and its elapsed seconds redrawn every `tick`; then counts one
    /// unit done. The line appears only past the meter's delay, as any other.
    /// - Complexity: One timer on a global queue while `work` runs.
    public func stage<T>(_ detail: String, tick: Duration = .milliseconds(250), _ work: () throws -> T) rethrows -> T {
        let start = ContinuousClock.now
        advance(by: 0, detail: detail)
        let timer = DispatchSource.makeTimerSource(queue: .global())
        let (seconds, attoseconds) = tick.components
        timer.schedule(
            deadline: .now(),
            repeating: .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)))
        timer.setEventHandler { [self] in
            let elapsed = (ContinuousClock.now - start).components.seconds
            advance(by: 0, detail: "\(detail) · \(elapsed) s")
        }
        timer.resume()
        defer { timer.cancel() }
        let result = try work()
        advance(by: 1, detail: detail)
        return result
    }
}
