import Foundation

/// A unit of work inside one document that an extractor can report as it goes: the pages of
/// a PDF, the messages of a mailbox.
public struct ExtractionUnit: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The plural name shown in the progress line and the summary (`"pages"`).
    public let name: String

    public init(_ name: String) { self.name = name }

    /// Pages of a document (PDF text or OCR).
    public static let pages = ExtractionUnit("pages")
    /// Messages of a mailbox or `.eml` file.
    public static let messages = ExtractionUnit("messages")

    public var description: String { name }
    public static func < (a: ExtractionUnit, b: ExtractionUnit) -> Bool { a.name < b.name }
}

/// The hook through which a built-in extractor reports the pages or messages it has read,
/// so that `linkgraph extract` can show them in its progress line and summary.
///
/// An extractor calls `ExtractionProgress.report(.pages)` once per page (or
/// `report(.messages, count: n)`) from the thread that runs its `extract`. The session binds
/// `current` (a task-local value, so nothing in the extractor's signature changes) while it
/// runs the extractors on a document; outside a session the call does nothing. Subprocess and
/// dynamic-library plug-ins cannot report (their wire form has no place for it); they count as
/// files only.
///
/// - Complexity: a report costs a task-local read and a lock.
public final class ExtractionProgress: @unchecked Sendable {
    /// The progress of the document being read, while a session runs its extractors.
    @TaskLocal public static var current: ExtractionProgress?

    /// Adds `count` units to the document being read; nothing when no session listens.
    public static func report(_ unit: ExtractionUnit, count: Int = 1) {
        current?.add(unit, count: count)
    }

    private let lock = NSLock()
    private var tally: [ExtractionUnit: Int] = [:]
    private let observer: (@Sendable (ExtractionUnit, Int) -> Void)?

    /// - Parameter observer: Called on every report with the unit and the count added (the
    ///   session forwards it to the run's progress line).
    public init(observer: (@Sendable (ExtractionUnit, Int) -> Void)? = nil) {
        self.observer = observer
    }

    /// Adds `count` units and tells the observer.
    public func add(_ unit: ExtractionUnit, count: Int = 1) {
        guard count > 0 else { return }
        lock.withLock { tally[unit, default: 0] += count }
        observer?(unit, count)
    }

    /// The units reported so far.
    public var counts: [ExtractionUnit: Int] { lock.withLock { tally } }

    /// Runs `body` with this object as `current`.
    public func collecting<T>(_ body: () throws -> T) rethrows -> T {
        try Self.$current.withValue(self) { try body() }
    }
}
