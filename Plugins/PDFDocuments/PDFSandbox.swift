import Foundation
import LinkGraphProcess

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads PDFs in a worker process (`PDFWorker`) with a time limit and a memory limit, as the
/// Graphviz sandbox does: a crash of poppler or Tesseract (a signal), a hang or runaway memory
/// becomes a `PDFError` naming the file and the page being read, never the end of the caller.
///
/// Each call starts one worker (`WorkerProcess` in LinkGraphProcess) with the PDF on its
/// standard input: at `Limits.seconds` of wall clock it is killed; it limits its own address
/// space, CPU time and output (`WorkerLimits`). What poppler says about damage it repaired
/// (its `Syntax error` and `Internal error` log lines) comes back in `PDFText.warnings`.
/// - Complexity: as reading in process, plus starting a process (a few milliseconds) and
///   the text as JSON.
public struct PDFSandbox: Sendable {
    /// What a worker may use.
    public struct Limits: Sendable, Equatable {
        /// Wall-clock seconds for one PDF; the worker's CPU limit is the same, rounded up.
        public var seconds: Double
        /// The worker's address-space limit in bytes (`RLIMIT_AS`).
        public var memoryBytes: Int
        /// The largest answer in bytes.
        public var outputBytes: Int

        public init(seconds: Double = 300, memoryBytes: Int = 4 << 30, outputBytes: Int = 256 << 20) {
            precondition(seconds > 0 && seconds.isFinite && memoryBytes > 0 && outputBytes > 0)
            self.seconds = seconds
            self.memoryBytes = memoryBytes
            self.outputBytes = outputBytes
        }

        /// 300 s, 4 GiB of address space, 256 MiB of answer.
        public static let `default` = Limits()
    }

    /// The worker executable, and the arguments that make it the worker (`["pdf-worker"]`).
    public var executable: String
    public var arguments: [String]
    public var limits: Limits

    public init(executable: String, arguments: [String] = [PDFWorker.commandName], limits: Limits = .default) {
        self.executable = executable
        self.arguments = arguments
        self.limits = limits
    }

    /// A sandbox whose worker is the running program (which must call `PDFWorker.run` when
    /// started with `pdf-worker`); nil when its path cannot be found.
    public static func currentExecutable(limits: Limits = .default) -> PDFSandbox? {
        CurrentExecutable.path.map { PDFSandbox(executable: $0, limits: limits) }
    }

    /// Reads `bytes` in a worker.
    /// - Throws: `PDFError` naming `file`: the reader's own (`.encrypted`, `.damaged`,
    ///   `.limit`), or `.crash`, `.timeout`, `.limit`, `.worker` when the worker fails.
    func read(_ bytes: [UInt8], file: String, pdfLimits: PDFLimits) throws(PDFError) -> PDFText {
        let cpu = Int(min(limits.seconds.rounded(.up), 1e9)) + 1
        let workerLimits = WorkerLimits(
            memoryBytes: limits.memoryBytes, cpuSeconds: cpu, outputBytes: limits.outputBytes + (1 << 20))
        let encodedLimits = (try? JSONEncoder().encode(pdfLimits)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        let command = [executable] + arguments + workerLimits.arguments + ["--limits", encodedLimits]
        let outcome: WorkerProcess.Outcome
        do {
            outcome = try WorkerProcess.run(
                arguments: command, request: Data(bytes), seconds: limits.seconds,
                channelLimit: limits.outputBytes + (2 << 20), name: "pdf")
        } catch {
            throw PDFError(file: file, kind: .worker, message: "the PDF worker could not be started: \(error)")
        }
        let answer = WorkerChannel(outcome.channel)
        let activity = answer.lastPage.map { "while reading page \($0)" } ?? "while opening it"
        let fail = { (kind: PDFError.Kind, message: String) in PDFError(file: file, kind: kind, message: message) }
        if outcome.timedOut {
            throw fail(
                .timeout,
                "reading the PDF took longer than \(Self.seconds(limits.seconds)) s \(activity) and was stopped")
        }
        let outOfMemory =
            outcome.diagnostics.lowercased().contains("memory") || outcome.maxResidentBytes >= limits.memoryBytes / 2
        switch outcome.status {
        case .signaled(let signal)
        where signal == SIGXCPU || (signal == SIGKILL && outcome.cpuSeconds >= limits.seconds):
            throw fail(
                .timeout,
                "reading the PDF used its \(Self.seconds(limits.seconds)) s of CPU time \(activity) and was stopped")
        case .signaled(let signal) where signal == SIGXFSZ:
            throw fail(.limit, "the PDF's text \(activity) is larger than the limit of \(limits.outputBytes >> 20) MB")
        case .signaled(let signal):
            if outOfMemory {
                throw fail(
                    .limit, "reading the PDF ran out of memory (limit \(limits.memoryBytes >> 20) MB) \(activity)")
            }
            throw fail(
                .crash,
                "the PDF reader (poppler) crashed with signal \(signal) (\(Self.signalName(signal))) \(activity); the file is damaged or hostile"
            )
        case .exited(let code) where code != 0:
            if outOfMemory {
                throw fail(
                    .limit, "reading the PDF ran out of memory (limit \(limits.memoryBytes >> 20) MB) \(activity)")
            }
            let said = Self.lastLine(outcome.diagnostics).map { ": \($0)" } ?? ""
            throw fail(.worker, "the PDF worker exited with status \(code) \(activity)\(said)")
        case .exited:
            break
        }
        guard let body = answer.result,
            let decoded = try? JSONDecoder().decode(PDFWorker.Answer.self, from: Data(body))
        else {
            throw fail(.worker, "the PDF worker ended without a readable answer \(activity)")
        }
        if let failure = decoded.failure { throw fail(failure.kind, failure.message) }
        guard var text = decoded.text else { throw fail(.worker, "the PDF worker answered without text") }
        text.warnings = Self.popplerComplaints(outcome.diagnostics)
        return text
    }

    /// Poppler's own error lines, as GLib logs them in the worker
    /// (`Poppler-INFO: 19:48:40.994: Syntax error at position 334: Illegal character ')'`),
    /// without the prefix and time, without repeats, at most 10.
    static func popplerComplaints(_ diagnostics: String) -> [String] {
        var seen: Set<String> = []
        var lines: [String] = []
        for line in diagnostics.split(whereSeparator: \.isNewline) where line.hasPrefix("Poppler-") {
            // Drop "Poppler-LEVEL: " and the time "hh:mm:ss.mmm: ".
            let fields = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
            guard fields.count == 5 else { continue }
            var text = fields[4].trimmingCharacters(in: .whitespaces)
            if text.hasSuffix("<0a>") { text.removeLast(4) }
            text = printable(String(text.prefix(300)))
            guard text.lowercased().contains("error"), seen.insert(text).inserted else { continue }
            lines.append(text)
        }
        return Array(lines.prefix(10))
    }

    private static func lastLine(_ text: String) -> String? {
        text.split(whereSeparator: \.isNewline).last.map { printable(String($0.prefix(300))) }
    }

    /// `text` without control characters (the worker's output could hold terminal escapes).
    static func printable(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGSEGV: return "SIGSEGV"
        case SIGABRT: return "SIGABRT, a failed assertion or a double free"
        case SIGBUS: return "SIGBUS"
        case SIGFPE: return "SIGFPE"
        case SIGILL: return "SIGILL"
        case SIGKILL: return "SIGKILL"
        default: return "signal \(signal)"
        }
    }
}

/// The worker's channel: `page N` lines, then `result` and the answer.
struct WorkerChannel {
    private(set) var lastPage: Int?
    private(set) var result: ArraySlice<UInt8>?

    init(_ bytes: [UInt8]) {
        var start = 0
        while start < bytes.count, let newline = bytes[start...].firstIndex(of: 0x0A) {
            let line = String(decoding: bytes[start..<newline], as: UTF8.self)
            start = newline + 1
            if line.hasPrefix(PDFWorker.pagePrefix) {
                lastPage = Int(line.dropFirst(PDFWorker.pagePrefix.count))
            } else {
                if line == PDFWorker.resultLine { result = bytes[start...] }
                break
            }
        }
    }
}
