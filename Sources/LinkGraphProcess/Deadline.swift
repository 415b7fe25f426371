/// A moment after which a wait gives up, on the monotonic `ContinuousClock` (never the wall
/// clock, which can jump).
package struct Deadline: Sendable {
    package let instant: ContinuousClock.Instant

    /// `seconds` from now.
    package init(seconds: Double) {
        instant = ContinuousClock.now + .nanoseconds(Int64(min(max(seconds, 0), 1e9) * 1e9))
    }

    package var hasPassed: Bool { ContinuousClock.now >= instant }

    /// Milliseconds left, rounded up, at most `cap`, for `poll`; 0 once passed.
    package func pollTimeout(cap: Int32 = 1000) -> Int32 {
        let left = instant - ContinuousClock.now
        guard left > .zero else { return 0 }
        let (seconds, attoseconds) = left.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1
        return Int32(min(milliseconds, Int64(cap)))
    }
}
