import Foundation
import LinkGraph

extension ExtractionSession {
    /// Reads every document of a walk, one after the other, with a progress line, and returns
    /// the summary: the loop behind `linkgraph extract FILE... DIR...`.
    ///
    /// One bad file never stops the rest: its failures are collected and the next file read.
    /// A file found in a folder that no extractor reads is skipped (listed, not an error); a
    /// file given by name stays an error, as it was asked for.
    /// - Parameters:
    ///   - walk: The documents (`DocumentWalk`); its problems count as failures.
    ///   - progress: Advanced by one file per document, its detail the pages and messages so
    ///     far (`ExtractionProgress`); finished (its line erased) before this returns. Build it
    ///     with `total: walk.files.count` and `unit: "files"`.
    ///   - read: Reads a file's bytes within the caller's limits.
    /// - Complexity: the sum of `extract(path:skipUnaccepted:read:)` over the files.
    public mutating func extract(
        _ walk: DocumentWalk, progress: ProgressMeter, read: (String) throws -> [UInt8]
    ) -> ExtractionReport {
        let tally = UnitTally(progress: progress)
        let previous = unitObserver
        unitObserver = { unit, count in
            previous?(unit, count)
            tally.add(unit, count)
        }
        defer { unitObserver = previous }
        var report = ExtractionReport(problems: walk.problems, skipped: walk.skipped.map(\.description))
        for file in walk.files {
            let outcome = extract(path: file.path, skipUnaccepted: file.fromFolder, read: read)
            report.add(outcome)
            progress.advance(detail: tally.detail)
        }
        progress.finish()
        return report
    }
}

/// Pages and messages counted as extractors report them, for the progress line's detail.
private final class UnitTally: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [ExtractionUnit: Int] = [:]
    private let progress: ProgressMeter

    init(progress: ProgressMeter) { self.progress = progress }

    func add(_ unit: ExtractionUnit, _ count: Int) {
        let text = lock.withLock {
            counts[unit, default: 0] += count
            return ExtractionReport.describe(counts)
        }
        progress.advance(by: 0, detail: text)
    }

    var detail: String { lock.withLock { ExtractionReport.describe(counts) } }
}

/// What a run of `ExtractionSession.extract(_:progress:read:)` did: per file, what failed
/// and in which extractor; what was skipped; how many pages and messages were read.
public struct ExtractionReport: Sendable {
    /// Files and folders of the walk that could not be read at all (broken links, folders
    /// that cannot be listed).
    public var problems: [DocumentWalk.Problem]
    /// Files not read, with the reason (`path: reason`), in walk order.
    public var skipped: [String]
    /// The outcome of every document read (not of the skipped ones), in order.
    public var outcomes: [DocumentOutcome] = []
    /// Pages, messages and other units the extractors reported, over all documents.
    public var units: [ExtractionUnit: Int] = [:]

    public init(problems: [DocumentWalk.Problem] = [], skipped: [String] = []) {
        self.problems = problems
        self.skipped = skipped
    }

    /// Adds one document's outcome (a skipped one goes to `skipped`).
    public mutating func add(_ outcome: DocumentOutcome) {
        if let reason = outcome.skipped {
            skipped.append(reason.description)
            return
        }
        outcomes.append(outcome)
        units.merge(outcome.units, uniquingKeysWith: +)
    }

    /// Documents read or tried, walk problems included.
    public var documentCount: Int { outcomes.count + problems.count }
    /// Documents with at least one failure, walk problems included.
    public var failedDocumentCount: Int { outcomes.filter { !$0.succeeded }.count + problems.count }
    /// Bad parts (messages) of documents whose other parts were read.
    public var failedPartCount: Int { outcomes.reduce(0) { $0 + $1.partFailures.count } }
    /// Whether anything failed: the run's exit status is 1 then.
    public var hasFailures: Bool { failedDocumentCount > 0 || failedPartCount > 0 }
    /// Whether no document was read (the case is then not written).
    public var nothingRead: Bool { outcomes.allSatisfy { !$0.succeeded } }

    /// The summary's lines, one per failure, in file order: `FILE: EXTRACTOR: what failed`
    /// (no extractor when the file was not read), each bad message of a mailbox on its own
    /// line; then one line per skipped file. `message` words each failure (the CLI adds the
    /// option that helps).
    public func summaryLines(message: (ExtractionFailure) -> String = { $0.reason(withFile: false) }) -> [String] {
        var lines: [String] = problems.map { "error: \($0)" }
        for outcome in outcomes {
            for failure in outcome.failures {
                let by = failure.extractor.map { " \($0):" } ?? ""
                lines.append("error: \(outcome.path):\(by) \(message(failure))")
            }
            for error in outcome.partFailures {
                let text = "\(error)"
                lines.append(text.hasPrefix(outcome.path + ":") ? "error: \(text)" : "error: \(outcome.path): \(text)")
            }
        }
        lines += skipped.map { "skipped: \($0)" }
        return lines
    }

    /// `"12 pages, 340 messages"`, units in name order; empty without any.
    static func describe(_ counts: [ExtractionUnit: Int]) -> String {
        counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    }

    /// The units read, as the summary line shows them (`"12 pages, 340 messages"`).
    public var unitsDescription: String { Self.describe(units) }
}

extension ExtractionFailure {
    /// What failed, with the file named once: the message of an error that names the file
    /// itself (with its line), else the bare reason.
    public func reason(withFile: Bool) -> String {
        let text = description
        guard !withFile, text.hasPrefix(file + ": ") else { return text }
        return String(text.dropFirst(file.count + 2))
    }
}
