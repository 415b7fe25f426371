import Dispatch
import Foundation

/// The number of worker threads to use: `requested`, or every active core.
func workerCount(_ requested: Int?) throws -> Int {
    if let r = requested {
        guard r >= 1 else { throw AlgorithmError.invalidArgument("threads must be at least 1, got \(r)") }
        return r
    }
    return Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)
}

/// Runs `compute(chunk, slot)` for every chunk in `0 ..< chunks`, at most `threads` at a
/// time, and after each wave calls `reduce(chunk, slot)` in chunk order on the calling
/// thread. Because the reduction order depends only on the chunk numbers, the result
/// is bit-identical whatever the number of threads.
func deterministicWaves(
    chunks: Int, threads: Int, compute: (_ chunk: Int, _ slot: Int) -> Void,
    reduce: (_ chunk: Int, _ slot: Int) -> Void
) {
    var start = 0
    while start < chunks {
        let width = Swift.min(threads, chunks - start)
        if width == 1 {
            compute(start, 0)
        } else {
            let base = start
            withoutActuallyEscaping(compute) { body in
                let box = UncheckedBox(body)
                DispatchQueue.concurrentPerform(iterations: width) { slot in box.value(base + slot, slot) }
            }
        }
        for slot in 0..<width { reduce(start + slot, slot) }
        start += width
    }
}

/// The number of sources in `chunk` when sources `chunk`, `chunk + chunks`, … below
/// `vertices` make up a chunk (the split `deterministicWaves` callers use).
func sourcesIn(chunk: Int, of chunks: Int, vertices: Int) -> Int {
    chunk < vertices ? (vertices - chunk + chunks - 1) / chunks : 0
}

/// Carries a non-Sendable value into `concurrentPerform`, whose workers only touch
/// disjoint data (their own slot) while the caller waits.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// A fixed-size buffer owned by one worker; freed with its owner.
final class ScratchBuffer<Element>: @unchecked Sendable {
    let pointer: UnsafeMutableBufferPointer<Element>
    init(count: Int, repeating value: Element) {
        pointer = .allocate(capacity: Swift.max(count, 1))
        pointer.initialize(repeating: value)
    }
    deinit { pointer.deallocate() }
}
