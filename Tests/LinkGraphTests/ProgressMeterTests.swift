import Foundation
import LinkGraph
import XCTest

/// `ProgressMeter`: silent for short runs and when disabled, throttled, with rate and time left.
final class ProgressMeterTests: XCTestCase {
    /// A hand-driven clock and a sink that keeps what was drawn.
    final class Harness: @unchecked Sendable {
        let origin = ContinuousClock.now
        var offset: Duration = .zero
        var lines: [String] = []
        let lock = NSLock()
        func now() -> ContinuousClock.Instant { lock.withLock { origin + offset } }
        func write(_ text: String) { lock.withLock { lines.append(text) } }
        func wait(_ duration: Duration) { lock.withLock { offset += duration } }
    }

    func meter(_ harness: Harness, total: Int?, enabled: Bool = true) -> ProgressMeter {
        ProgressMeter(
            label: "extract", total: total, unit: "files", enabled: enabled,
            sink: { harness.write($0) }, now: { harness.now() })
    }

    func testNothingIsDrawnBeforeTheDelayNorWhenDisabled() {
        let harness = Harness()
        let progress = meter(harness, total: 10)
        progress.advance()
        harness.wait(.milliseconds(1900))
        progress.advance()
        progress.finish()
        XCTAssertEqual(harness.lines, [], "a run under two seconds shows nothing, not even an erase")

        let quiet = Harness()
        let silent = meter(quiet, total: 10, enabled: false)
        quiet.wait(.seconds(10))
        silent.advance(by: 5)
        silent.finish()
        XCTAssertEqual(quiet.lines, [])
    }

    func testLineShowsCountRateAndTimeLeftThenIsErased() {
        let harness = Harness()
        let progress = meter(harness, total: 100)
        harness.wait(.seconds(4))
        progress.advance(by: 20, detail: "31 pages")
        XCTAssertEqual(harness.lines, ["\rextract: 20/100 files (20%) · 31 pages · 5.00 files/s · 0:16 left\u{1B}[K"])
        progress.advance()  // within the interval: not redrawn
        XCTAssertEqual(harness.lines.count, 1)
        harness.wait(.milliseconds(200))
        progress.set(done: 50)
        XCTAssertEqual(harness.lines.count, 2)
        XCTAssertTrue(harness.lines[1].contains("50/100 files (50%) · 31 pages"), harness.lines[1])
        progress.finish()
        XCTAssertEqual(harness.lines.last, "\r\u{1B}[K")
        harness.wait(.seconds(1))
        progress.advance()
        XCTAssertEqual(harness.lines.count, 3, "nothing after finish")
    }

    func testUnknownTotalHasNoTimeLeft() {
        let harness = Harness()
        let progress = meter(harness, total: nil)
        harness.wait(.seconds(2))
        progress.advance(by: 3)
        XCTAssertEqual(progress.line(), "extract: 3 files · 1.50 files/s")
    }

    func testConcurrentUpdatesAreAllCounted() {
        let harness = Harness()
        let progress = meter(harness, total: 8000)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<1000 { progress.advance() }
        }
        XCTAssertTrue(progress.line().hasPrefix("extract: 8000/8000 files (100%)"), progress.line())
    }
}
