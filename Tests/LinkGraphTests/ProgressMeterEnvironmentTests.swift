import Foundation
import LinkGraph
import XCTest

/// `ProgressMeter(label:total:unit:quiet:environment:sink:)`: LINKGRAPH_PROGRESS forces the
/// line on (at once) or off; --quiet wins over it.
final class ProgressMeterEnvironmentTests: XCTestCase {
    final class Lines: @unchecked Sendable {
        let lock = NSLock()
        var all: [String] = []
        func add(_ line: String) { lock.withLock { all.append(line) } }
    }

    func run(_ environment: [String: String], quiet: Bool) -> [String] {
        let lines = Lines()
        let meter = ProgressMeter(
            label: "extract", total: 4, unit: "files", quiet: quiet, environment: environment,
            sink: { lines.add($0) })
        meter.advance(detail: "3 pages")
        meter.advance()
        meter.finish()
        return lines.all
    }

    func testAlways_drawsFromTheFirstUpdate_everyUpdate_thenErases() {
        let lines = run([ProgressMeter.environmentVariable: "always"], quiet: false)
        XCTAssertEqual(lines.count, 3, "\(lines)")
        XCTAssertTrue(lines[0].hasPrefix("\rextract: 1/4 files (25%) · 3 pages"), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("\rextract: 2/4 files (50%) · 3 pages"), lines[1])
        XCTAssertEqual(lines[2], "\r\u{1B}[K")
    }

    func testQuietOrNever_drawNothing() {
        XCTAssertEqual(run([ProgressMeter.environmentVariable: "always"], quiet: true), [])
        XCTAssertEqual(run([ProgressMeter.environmentVariable: "never"], quiet: false), [])
    }

    func testUnset_followsTheTerminal_andWaitsTwoSeconds() {
        // Under the test runner standard error is a file or pipe, or a terminal: either way a
        // run of microseconds draws nothing.
        XCTAssertEqual(run([:], quiet: false), [])
    }
}
