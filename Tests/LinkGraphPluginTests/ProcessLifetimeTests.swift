import Foundation
import LinkGraph
import XCTest

@testable import LinkGraphPlugin

/// A plug-in worker started from a thread that then ends keeps running: the parent-death
/// signal is tied to the forking thread on Linux, and every fork happens on one long-lived
/// thread (`Spawner`).
final class ProcessLifetimeTests: XCTestCase {
    func testWorker_startedFromThreadThatEnds_keepsRunning() throws {
        let python = try PluginTestSupport.python()
        let plugin = try ProcessExtractor(
            command: "'\(python)' '\(PluginTestSupport.fixture("faulty_plugin.py"))'", timeout: 10)
        defer { plugin.shutdown() }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var names: [String] = []
        let thread = Thread {
            names = (try? plugin.extract(ExtractionRequest(id: "a", text: "Alpha and Beta")).entities.map(\.name)) ?? []
            done.signal()
        }
        thread.start()
        done.wait()
        while !thread.isFinished { usleep(10_000) }
        usleep(300_000)
        XCTAssertEqual(names, ["Alpha", "Beta"])
        let worker = try XCTUnwrap(plugin.workerPID)
        XCTAssertTrue(PluginTestSupport.isAlive(worker), "the worker outlives the thread that started it")
        XCTAssertEqual(try plugin.extract(ExtractionRequest(id: "b", text: "Gamma")).entities.map(\.name), ["Gamma"])
        XCTAssertEqual(plugin.workerPID, worker, "the same worker answers")
        XCTAssertEqual(plugin.launches, 2, "--describe, then one worker")
    }
}
