import Foundation
import LinkGraphFormats
import LinkGraphProcess

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Graphviz run in a child process, with a time limit and a memory limit, so that a crash
/// (SIGSEGV, a failed assertion, a double free) or a hang inside Graphviz becomes a
/// `GraphvizError` and never ends the calling program.
///
/// Graphviz 2.43 crashes or hangs in layout on inputs found by its own issue tracker and
/// by fuzzers (`concentrate=true` with records and clusters, `newrank` with a node in two
/// clusters, `splines=ortho`, edge weights near 2³⁰, ...). `Graphviz.shared` runs in the
/// calling process; this runs the same C API in a worker process per job: the worker is an
/// executable that calls `GraphvizWorker.run(arguments:)` when started with
/// `GraphvizWorker.commandName` (`linkgraph graphviz-worker`), so a program that links this
/// library passes its own path (`currentExecutable()`) or the `linkgraph` binary's.
///
/// Each call starts one worker, sends it the request, and waits:
/// - at `Limits.seconds` (wall clock) the worker is killed: `GraphvizError.Kind.timeout`;
/// - the worker limits its own address space to `Limits.memoryBytes` (`RLIMIT_AS`), its CPU
///   time to the time limit (`RLIMIT_CPU`), and what it writes to `Limits.outputBytes`
///   (`RLIMIT_FSIZE`): `.limit`;
/// - a signal or an exit without an answer is `.crash`, with the signal, the step
///   (parsing, building, laying out, rendering) and Graphviz's last words (an assertion).
///
/// The worker ends with the calling process, however that ends (see `Spawner` in
/// LinkGraphProcess). For the whole safe path (sanitizer, worker, SVG check) use
/// `GraphvizRenderer`.
///
/// Errors Graphviz reports (syntax, layout, render) come back as they do in process.
/// Calls are independent: concurrent calls run concurrent workers.
/// - Complexity: as `Graphviz.shared`, plus starting a process (a few milliseconds; see
///   docs/HARDENING.md) and sending the graph and the result through anonymous files.
public struct GraphvizSandbox: Sendable {
    /// What a worker may use.
    public struct Limits: Sendable, Equatable {
        /// Wall-clock seconds for one job; the worker's CPU limit is the same, rounded up.
        public var seconds: Double
        /// The worker's address-space limit in bytes (`RLIMIT_AS`). The worker process alone,
        /// before Graphviz allocates anything, maps about 300 MB of address space.
        public var memoryBytes: Int
        /// The largest result in bytes.
        public var outputBytes: Int

        public init(seconds: Double = 120, memoryBytes: Int = 4 << 30, outputBytes: Int = 512 << 20) {
            precondition(seconds > 0 && seconds.isFinite && memoryBytes > 0 && outputBytes > 0)
            self.seconds = seconds
            self.memoryBytes = memoryBytes
            self.outputBytes = outputBytes
        }

        /// 120 s, 4 GiB of address space, 512 MiB of output.
        public static let `default` = Limits()
    }

    /// The worker executable.
    public var executable: String
    /// The arguments that make it a worker, before the limits (`["graphviz-worker"]`).
    public var arguments: [String]
    public var limits: Limits

    /// A sandbox whose workers are `executable arguments... --memory N --cpu N --output N`.
    public init(executable: String, arguments: [String] = [GraphvizWorker.commandName], limits: Limits = .default) {
        self.executable = executable
        self.arguments = arguments
        self.limits = limits
    }

    /// A sandbox whose worker is the running program itself (`/proc/self/exe` on Linux),
    /// for programs that call `GraphvizWorker.run` when given `graphviz-worker`; `nil` when
    /// the program's path cannot be found.
    public static func currentExecutable(limits: Limits = .default) -> GraphvizSandbox? {
        guard let path = CurrentExecutable.path else { return nil }
        return GraphvizSandbox(executable: path, limits: limits)
    }

    // MARK: Jobs

    /// The first graph of a DOT text, read by cgraph in a worker (`GraphvizDOTParser.parse`).
    /// - Parameter source: The file the text came from, for messages.
    /// - Throws: `GraphvizError`: `.syntax` as in process; `.crash`, `.timeout`, `.limit` or
    ///   `.worker` when the worker fails.
    public func parse(_ text: String, source: String? = nil) throws -> DOTGraph {
        let request = GraphvizWire.WorkerRequest(operation: .parse, dot: text)
        let (response, _) = try run(request, source: source, layout: nil, format: nil)
        guard let graph = response.graph else {
            throw GraphvizError(kind: .worker, message: "the Graphviz worker answered without a graph")
        }
        return try graph.graph()
    }

    /// Lays out and renders `graph` in a worker, as `Graphviz.shared.rendering(_:layout:format:)`.
    /// - Throws: `GraphvizError`, as in process, or `.crash`, `.timeout`, `.limit`, `.worker`.
    public func rendering(
        _ graph: DOTGraph, layout: GraphvizLayout = .dot, format: GraphvizFormat, source: String? = nil
    ) throws -> GraphvizRendering {
        let request = GraphvizWire.WorkerRequest(
            operation: .renderGraph, graph: GraphvizWire.WireGraph(graph), layout: layout.rawValue,
            format: format.rawValue)
        let (response, data) = try run(request, source: source, layout: layout, format: format)
        return GraphvizRendering(data: data, warnings: response.warnings)
    }

    /// Lays out and renders the first graph of a DOT text in a worker, as
    /// `Graphviz.shared.rendering(dot:layout:format:)` (nothing is removed from the graph:
    /// for DOT from elsewhere, parse, `DOTSanitizer.sanitize` and render the graph instead).
    /// - Throws: `GraphvizError`, as in process, or `.crash`, `.timeout`, `.limit`, `.worker`.
    public func rendering(
        dot text: String, layout: GraphvizLayout = .dot, format: GraphvizFormat, source: String? = nil
    ) throws -> GraphvizRendering {
        let request = GraphvizWire.WorkerRequest(
            operation: .renderDOT, dot: text, layout: layout.rawValue, format: format.rawValue)
        let (response, data) = try run(request, source: source, layout: layout, format: format)
        return GraphvizRendering(data: data, warnings: response.warnings)
    }

    // MARK: Running a worker

    private func run(
        _ request: GraphvizWire.WorkerRequest, source: String?, layout: GraphvizLayout?, format: GraphvizFormat?
    ) throws -> (GraphvizWire.WorkerResponse, Data) {
        let body: Data
        do {
            body = try JSONEncoder().encode(request)
        } catch {
            throw GraphvizError(kind: .worker, message: "cannot encode the request for the Graphviz worker: \(error)")
        }
        let cpu = Int(min(limits.seconds.rounded(.up), 1e9)) + 1
        let command =
            [executable] + arguments + [
                "--memory", String(limits.memoryBytes), "--cpu", String(cpu), "--output",
                String(limits.outputBytes + (1 << 20)),
            ]
        let outcome: WorkerProcess.Outcome
        do {
            outcome = try WorkerProcess.run(
                arguments: command, request: body, seconds: limits.seconds, channelLimit: limits.outputBytes + (2 << 20)
            )
        } catch let failure as ProcessFailure {
            throw GraphvizError(kind: .worker, message: "the Graphviz worker could not be started: \(failure.message)")
        }
        let answer = WorkerAnswer(outcome.channel)
        let explanation = Explanation(
            source: source, layout: layout, format: format, stage: answer.lastStage, limits: limits, outcome: outcome)
        if outcome.timedOut { throw explanation.timeout() }
        switch outcome.status {
        case .signaled(let signal):
            throw explanation.signaled(signal)
        case .exited(let code) where code != 0:
            throw explanation.exited(code)
        case .exited:
            break
        }
        guard let (header, data) = answer.result() else {
            throw GraphvizError(
                kind: .worker, message: "the Graphviz worker ended without an answer\(explanation.lastWords)")
        }
        let response: GraphvizWire.WorkerResponse
        do {
            response = try JSONDecoder().decode(GraphvizWire.WorkerResponse.self, from: header)
        } catch {
            throw GraphvizError(kind: .worker, message: "the Graphviz worker's answer is not readable: \(error)")
        }
        if !response.ok {
            let kind = response.errorKind.flatMap(GraphvizError.Kind.init(rawValue:)) ?? .worker
            throw GraphvizError(
                kind: kind, message: response.errorMessage ?? "Graphviz failed", line: response.errorLine)
        }
        if data.count > limits.outputBytes {
            throw explanation.tooLarge(data.count)
        }
        return (response, data)
    }
}

/// The worker's answer channel: stage lines, then the result.
struct WorkerAnswer {
    let bytes: [UInt8]
    private(set) var lastStage: String?
    private var resultStart: Int?

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var start = 0
        while start < bytes.count, let newline = bytes[start...].firstIndex(of: 0x0A) {
            let line = String(decoding: bytes[start..<newline], as: UTF8.self)
            if line.hasPrefix(GraphvizWire.stagePrefix) {
                lastStage = String(line.dropFirst(GraphvizWire.stagePrefix.count))
                start = newline + 1
            } else {
                if line.hasPrefix(GraphvizWire.resultPrefix) { resultStart = start }
                break
            }
        }
    }

    /// The header and the data of a complete result, or `nil`.
    func result() -> (Data, Data)? {
        guard let start = resultStart, let newline = bytes[start...].firstIndex(of: 0x0A) else { return nil }
        let fields = String(decoding: bytes[start..<newline], as: UTF8.self).dropFirst(GraphvizWire.resultPrefix.count)
            .split(separator: " ")
        guard fields.count == 2, let headerCount = Int(fields[0]), let dataCount = Int(fields[1]), headerCount >= 0,
            dataCount >= 0,
            newline + 1 + headerCount + dataCount == bytes.count
        else { return nil }
        let headerEnd = newline + 1 + headerCount
        return (Data(bytes[(newline + 1)..<headerEnd]), Data(bytes[headerEnd...]))
    }
}

/// Messages for a worker that did not answer.
struct Explanation {
    let source: String?
    let layout: GraphvizLayout?
    let format: GraphvizFormat?
    let stage: String?
    let limits: GraphvizSandbox.Limits
    let outcome: WorkerProcess.Outcome

    /// `while laying out FILE with dot`.
    var activity: String {
        let what = source ?? "the graph"
        switch stage {
        case "parse": return "while parsing \(what)"
        case "build": return "while building \(what)"
        case "layout": return "while laying out \(what) with \(layout?.rawValue ?? "its layout")"
        case "render": return "while rendering \(what) as \(format?.rawValue ?? "output")"
        default: return "before it read \(what)"
        }
    }

    /// Graphviz's last message on standard error (an assertion, "out of memory"), quoted.
    var lastWords: String {
        let lines = outcome.diagnostics.split(whereSeparator: \.isNewline).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        .filter { !$0.isEmpty }
        let telling =
            lines.last { $0.contains("Assertion") || $0.contains("memory") || $0.contains("overflow") } ?? lines.last
        guard let telling else { return "" }
        return " (Graphviz said: \(Self.printable(String(telling.prefix(300)))))"
    }

    var megabytes: String { "\(limits.memoryBytes >> 20) MB" }

    var seconds: String {
        limits.seconds == limits.seconds.rounded() ? String(Int(limits.seconds)) : String(limits.seconds)
    }

    /// What to try after a timeout.
    var timeoutHint: String {
        stage == "layout" && layout != .sfdp
            ? "try the sfdp layout for a large graph, or allow more time" : "allow more time"
    }

    func timeout() -> GraphvizError {
        GraphvizError(
            kind: .timeout,
            message: "Graphviz did not finish within \(seconds) s \(activity) and was stopped; \(timeoutHint)")
    }

    func signaled(_ signal: Int32) -> GraphvizError {
        let overCPU = signal == SIGXCPU || (signal == SIGKILL && outcome.cpuSeconds >= limits.seconds)
        switch signal {
        case _ where overCPU:
            return GraphvizError(
                kind: .timeout,
                message: "Graphviz used its \(seconds) s of CPU time \(activity) and was stopped; \(timeoutHint)")
        case SIGXFSZ:
            return tooLarge(nil)
        default:
            if outOfMemory {
                return GraphvizError(
                    kind: .limit,
                    message: "Graphviz ran out of memory (limit \(megabytes)\(resident)) \(activity)\(lastWords)")
            }
            return GraphvizError(
                kind: .crash,
                message: "Graphviz crashed (signal \(signal), \(Self.signalName(signal))) \(activity)\(lastWords); "
                    + "Graphviz 2.43 crashes on some graphs: try another layout, or simplify the graph")
        }
    }

    /// The output is over `Limits.outputBytes` (`size` when known).
    func tooLarge(_ size: Int?) -> GraphvizError {
        let limit = limits.outputBytes >= 1 << 20 ? "\(limits.outputBytes >> 20) MB" : "\(limits.outputBytes) bytes"
        let actual = size.map { " (\($0) bytes)" } ?? ""
        return GraphvizError(
            kind: .limit, message: "Graphviz's output\(actual) \(activity) is larger than the limit of \(limit)")
    }

    func exited(_ code: Int32) -> GraphvizError {
        if outOfMemory {
            return GraphvizError(
                kind: .limit,
                message: "Graphviz ran out of memory (limit \(megabytes)\(resident)) \(activity)\(lastWords)")
        }
        if let own = workerMessage {
            return GraphvizError(kind: .worker, message: "the Graphviz worker failed \(activity): \(own)")
        }
        if stage == nil {
            return GraphvizError(
                kind: .worker,
                message:
                    "the Graphviz worker \(outcome.status == .exited(127) ? "could not be run" : "exited with status \(code)") \(activity)\(lastWords)"
            )
        }
        return GraphvizError(kind: .crash, message: "Graphviz exited with status \(code) \(activity)\(lastWords)")
    }

    /// The worker's own last complaint (`graphviz-worker: ...`, an unreadable request or an
    /// answer it could not encode), without its prefix.
    private var workerMessage: String? {
        let prefix = "graphviz-worker: "
        let lines = outcome.diagnostics.split(whereSeparator: \.isNewline)
        guard let line = lines.last(where: { $0.hasPrefix(prefix) }) else { return nil }
        return Self.printable(String(line.dropFirst(prefix.count).prefix(300)))
    }

    /// Whether the worker ran out of memory: it said so, or it died with half its address
    /// space or more resident (a failed `malloc` that Graphviz does not check ends in
    /// SIGSEGV; the worker alone keeps under 100 MB resident).
    private var outOfMemory: Bool {
        let text = outcome.diagnostics.lowercased()
        let said =
            text.contains("out of memory") || text.contains("cannot allocate") || text.contains("bad_alloc")
            || text.contains("memory exhausted") || text.contains("allocate memory")
        return said || outcome.maxResidentBytes >= limits.memoryBytes / 2
    }

    /// `, 227 MB resident at the end` (the worker's peak resident memory).
    private var resident: String { ", \(outcome.maxResidentBytes >> 20) MB resident at the end" }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGSEGV: return "SIGSEGV"
        case SIGABRT: return "SIGABRT, a failed assertion or a double free"
        case SIGBUS: return "SIGBUS"
        case SIGFPE: return "SIGFPE"
        case SIGILL: return "SIGILL"
        case SIGTRAP: return "SIGTRAP"
        case SIGKILL: return "SIGKILL"
        case SIGTERM: return "SIGTERM"
        default: return "signal \(signal)"
        }
    }

    /// `text` without control characters (a worker's output could hold terminal escapes).
    static func printable(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
                        ? "?" : scalar
                }))
    }
}
