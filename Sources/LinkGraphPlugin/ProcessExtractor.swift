import Foundation
import LinkGraph
import LinkGraphProcess

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An extractor that is any executable, run as a child process (`--plugin-exec 'python3 x.py'`).
///
/// Protocol (docs/PLUGINS.md):
/// - `COMMAND ARGS --describe` prints the self-description JSON on standard output and exits 0.
/// - `COMMAND ARGS` is started once and kept running: the host writes one request JSON per line
///   on its standard input, and it writes one answer JSON per line on its standard output, in
///   the same order, flushing after each. It exits when its standard input ends.
/// - `{"error": "message"}` as an answer reports a failure on that document only.
/// - Standard error is free for diagnostics; the host keeps its last 64 KiB for error messages.
///
/// Isolation: each document has a time limit (`timeout`, 30 s by default; a new worker's first
/// document and `--describe` get `startupGrace` seconds more) and the answer a size
/// limit (`maxResponseBytes`, 64 MiB by default, read in bounded chunks so a runaway plug-in
/// cannot exhaust memory). A crash, a hang (the child is killed at the limit), an exit, an
/// oversized or non-JSON line becomes a `PluginError` naming the plug-in and the document; the
/// child is then stopped and a fresh one is started for the next document. An answer that is
/// JSON but not a valid extraction, or `{"error": ...}`, fails that document only and keeps the
/// child.
///
/// Processes: the child is started by `Spawner` (LinkGraphProcess), so it dies with the host
/// (SIGKILL when the host ends, however it ends) and gets the host's SIGTERM, SIGINT or
/// SIGHUP passed on to its group. It runs in its own process group, and every stop kills the
/// whole group (so a shell wrapper's children die too) and reaps the child, so neither a
/// zombie nor a stray grandchild holding the pipe open is left behind. `shutdown()` (also run
/// on deinit) closes the child's standard input, gives it a second to exit, then kills it.
/// The host ignores `SIGPIPE` (set once, process-wide, when the first `ProcessExtractor` is made)
/// so that writing to a plug-in that has died is an error rather than the end of the host;
/// children get the default disposition back.
public final class ProcessExtractor: Extractor, @unchecked Sendable {
    /// The default time limit per document, in seconds.
    public static let defaultTimeout: Double = 30
    /// The default limit of one answer line, in bytes (64 MiB).
    public static let defaultMaxResponseBytes = 64 << 20
    /// How much of the child's standard error is kept for messages.
    public static let stderrLimit = 64 << 10
    /// Seconds added to the limit of a worker's first document, and to `--describe`, for the
    /// program to start (an interpreter loading its modules on a busy machine).
    public static let startupGrace: Double = 5

    public let description: ExtractorDescription
    /// The command line as given.
    public let command: String
    /// Its words: the executable (looked up in `PATH` when it has no `/`) and its arguments.
    public let arguments: [String]
    public let timeout: Double
    public let maxResponseBytes: Int

    private let lock = NSLock()
    private var child: ChildProcess?
    /// How many children have been started so far (the first for `--describe`); for tests.
    public private(set) var launches = 0

    /// Starts `command --describe`, reads the self-description, and prepares to run the
    /// command for documents (the worker process is started on the first document).
    /// - Parameters:
    ///   - command: A command line, split with `CommandLineWords` (quotes and backslashes, no shell).
    ///   - timeout: Seconds allowed per document, and for `--describe`.
    ///   - maxResponseBytes: The largest answer line accepted.
    /// - Throws: `PluginError.badCommandLine`, `.launchFailed`, `.invalidDescription`.
    public init(
        command: String, timeout: Double = ProcessExtractor.defaultTimeout,
        maxResponseBytes: Int = ProcessExtractor.defaultMaxResponseBytes
    ) throws {
        precondition(timeout > 0 && maxResponseBytes > 0)
        ProcessExtractor.ignoreSIGPIPE
        self.command = command
        self.arguments = try CommandLineWords.split(command)
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
        description = try Self.describe(arguments: arguments, command: command, timeout: timeout)
        launches = 1
    }

    deinit { stopChild(graceful: true) }

    /// The name used in messages: the plug-in's name and its command line.
    public var label: String { "\(description.name) (\(command))" }

    /// The process id of the running worker, if one is running; for tests.
    public var workerPID: pid_t? {
        lock.lock()
        defer { lock.unlock() }
        return child?.pid
    }

    /// Stops the worker process: closes its standard input, waits up to a second, then kills it.
    /// A later `extract` starts a new one.
    public func shutdown() {
        lock.lock()
        defer { lock.unlock() }
        stopChild(graceful: true)
    }

    public func extract(_ request: ExtractionRequest) throws -> Extraction {
        lock.lock()
        defer { lock.unlock() }
        let line = try answerLine(for: request)
        return try LibraryExtractor.decodeAnswer(line, plugin: label, request: request)
    }

    // MARK: Running the worker

    private func answerLine(for request: ExtractionRequest) throws -> [UInt8] {
        if let running = child, !running.isIdleAndClean() {
            // It died or wrote something between requests: start afresh.
            stopChild(graceful: false)
        }
        if child == nil {
            do {
                child = try ChildProcess.spawn(arguments: arguments)
                launches += 1
            } catch let error as ProcessFailure {
                throw PluginError.launchFailed(plugin: label, reason: error.message)
            }
        }
        let worker = child!
        var message = Array(request.jsonLine().utf8)
        message.append(0x0A)
        let allowed = timeout + (worker.answers == 0 ? Self.startupGrace : 0)
        let outcome = worker.exchange(message, deadline: Deadline(seconds: allowed), limit: maxResponseBytes)
        switch outcome {
        case .line(let line, let leftover):
            worker.answers += 1
            if leftover {
                stopChild(graceful: false)
                throw PluginError.invalidResponse(
                    plugin: label, document: request.id,
                    reason: .syntax(line: 2, column: 1, message: "more than one line of output for one request"))
            }
            if (try? JSONParser.parse(line, maxDepth: Extraction.maxWireDepth)) == nil {
                // Not JSON: the conversation is out of step; start a new worker for the next document.
                stopChild(graceful: false)
            }
            return line
        case .timeout:
            stopChild(graceful: false)
            throw PluginError.timeout(plugin: label, document: request.id, seconds: timeout)
        case .tooLarge:
            stopChild(graceful: false)
            throw PluginError.tooLarge(plugin: label, document: request.id, limit: maxResponseBytes)
        case .endOfOutput:
            let status = worker.reap(grace: 2.0)
            let stderr = worker.stderrText
            worker.closeDescriptors()
            child = nil
            switch status {
            case .signaled(let signal):
                throw PluginError.crashed(plugin: label, document: request.id, signal: signal, stderr: stderr)
            case .exited(let code):
                throw PluginError.exited(plugin: label, document: request.id, status: code, stderr: stderr)
            }
        }
    }

    /// Stops the worker, if any, and forgets it. Graceful: close its input and wait a second first.
    private func stopChild(graceful: Bool) {
        guard let worker = child else { return }
        child = nil
        if graceful {
            worker.closeInput()
            _ = worker.reap(grace: 1.0)
        } else {
            worker.kill()
        }
        worker.closeDescriptors()
    }

    // MARK: --describe

    private static func describe(arguments: [String], command: String, timeout: Double) throws -> ExtractorDescription {
        let plugin = command
        let process: ChildProcess
        do {
            process = try ChildProcess.spawn(arguments: arguments + ["--describe"])
        } catch let error as ProcessFailure {
            throw PluginError.launchFailed(plugin: plugin, reason: error.message)
        }
        defer { process.closeDescriptors() }
        process.closeInput()
        let limit = 1 << 20
        let output = process.readAll(deadline: Deadline(seconds: timeout + startupGrace), limit: limit)
        switch output {
        case .timeout:
            process.kill()
            throw PluginError.invalidDescription(
                plugin: plugin, reason: "--describe gave no answer within \(timeout + startupGrace) s")
        case .tooLarge:
            process.kill()
            throw PluginError.invalidDescription(plugin: plugin, reason: "--describe printed more than \(limit) bytes")
        case .complete(let bytes):
            let status = process.reap(grace: timeout)
            let stderr = process.stderrText
            let detail = stderr.isEmpty ? "" : ": " + stderr.split(separator: "\n").suffix(3).joined(separator: " / ")
            switch status {
            case .signaled(let signal):
                throw PluginError.invalidDescription(
                    plugin: plugin, reason: "--describe was killed by signal \(signal)\(detail)")
            case .exited(let code) where code != 0:
                let hint = code == 127 ? " (command not found?)" : ""
                throw PluginError.invalidDescription(
                    plugin: plugin, reason: "--describe exited with status \(code)\(hint)\(detail)")
            case .exited:
                return try ExtractorDescription(jsonBytes: bytes, origin: .process(command: command), plugin: plugin)
            }
        }
    }

    private static let ignoreSIGPIPE: Void = {
        signal(SIGPIPE, SIG_IGN)
    }()
}

/// A child process with three pipes, driven by `poll` from the calling thread. Not thread-safe:
/// its owner serializes access.
final class ChildProcess {
    enum Exchange {
        /// One line (without its newline); `leftover` when more output followed in the same read.
        case line([UInt8], leftover: Bool)
        case timeout
        case tooLarge
        case endOfOutput
    }

    enum ReadAll {
        case complete([UInt8])
        case timeout
        case tooLarge
    }

    let pid: pid_t
    private var input: Int32
    private var output: Int32
    private var errors: Int32
    private var buffer: [UInt8] = []
    private var stderrTail: [UInt8] = []
    private var status: ExitStatus?
    /// How many answers it has given; the first gets `ProcessExtractor.startupGrace` more time.
    var answers = 0

    private init(pid: pid_t, input: Int32, output: Int32, errors: Int32) {
        self.pid = pid
        self.input = input
        self.output = output
        self.errors = errors
    }

    /// What the child wrote on standard error (the last `stderrLimit` bytes), read to this moment.
    var stderrText: String {
        drainErrors()
        return String(decoding: stderrTail, as: UTF8.self)
    }

    /// Starts `arguments[0]` (searched in `PATH` when it has no `/`) in a new process group with
    /// its standard streams on pipes, through `Spawner` (so it dies with this process).
    /// - Throws: `ProcessFailure`.
    static func spawn(arguments: [String]) throws -> ChildProcess {
        var made: [Int32] = []
        do {
            let input = try Descriptors.pipe(minimum: 3)
            made += [input.read, input.write]
            let output = try Descriptors.pipe(minimum: 3)
            made += [output.read, output.write]
            let errors = try Descriptors.pipe(minimum: 3)
            made += [errors.read, errors.write]
            let pid = try Spawner.spawn(
                SpawnRequest(
                    arguments: arguments, searchesPath: true,
                    descriptors: [(input.read, 0), (output.write, 1), (errors.write, 2)], newProcessGroup: true))
            for fd in [input.read, output.write, errors.write] { close(fd) }
            for fd in [input.write, output.read, errors.read] { Descriptors.setNonBlocking(fd) }
            return ChildProcess(pid: pid, input: input.write, output: output.read, errors: errors.read)
        } catch {
            for fd in made { close(fd) }
            throw error
        }
    }

    /// Whether the child is alive, silent and has nothing unread: safe to send a request.
    func isIdleAndClean() -> Bool {
        guard status == nil, output >= 0, buffer.isEmpty else { return false }
        var fd = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
        if poll(&fd, 1, 0) > 0 { return false }  // data or end of output waiting
        drainErrors()
        return true
    }

    /// Writes `message` and reads one line, all before `deadline`, reading standard error on the way.
    func exchange(_ message: [UInt8], deadline: Deadline, limit: Int) -> Exchange {
        var written = 0
        var scanned = 0
        while true {
            if let newline = Self.firstNewline(in: buffer, from: scanned) {
                var line = Array(buffer[..<newline])
                if line.last == 0x0D { line.removeLast() }
                let leftover = newline + 1 < buffer.count
                buffer.removeAll(keepingCapacity: false)
                return .line(line, leftover: leftover)
            }
            scanned = buffer.count
            if buffer.count > limit { return .tooLarge }
            if deadline.hasPassed { return .timeout }
            let waitMilliseconds = deadline.pollTimeout()

            var fds = [pollfd(fd: output, events: Int16(POLLIN), revents: 0)]
            if errors >= 0 { fds.append(pollfd(fd: errors, events: Int16(POLLIN), revents: 0)) }
            let writing = written < message.count && input >= 0
            if writing { fds.append(pollfd(fd: input, events: Int16(POLLOUT), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), waitMilliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                return .endOfOutput
            }
            if ready == 0 { continue }
            if writing, let inputIndex = fds.firstIndex(where: { $0.fd == input }), fds[inputIndex].revents != 0 {
                let n = message.withUnsafeBytes { write(input, $0.baseAddress! + written, message.count - written) }
                if n > 0 {
                    written += n
                } else if n < 0 && errno != EAGAIN && errno != EINTR {
                    closeInput()  // EPIPE: it stopped reading; its output tells the rest
                }
            }
            if errors >= 0, let errorsIndex = fds.firstIndex(where: { $0.fd == errors }), fds[errorsIndex].revents != 0
            {
                drainErrors()
            }
            if fds[0].revents != 0 {
                switch readChunk(output, maxBytes: min(1 << 16, limit + 1 - buffer.count)) {
                case .data(let chunk): buffer.append(contentsOf: chunk)
                case .again: break
                case .end:
                    drainErrors()
                    return .endOfOutput
                }
            }
        }
    }

    /// Reads standard output to its end (for `--describe`).
    func readAll(deadline: Deadline, limit: Int) -> ReadAll {
        while true {
            if buffer.count > limit { return .tooLarge }
            if deadline.hasPassed { return .timeout }
            var fds = [pollfd(fd: output, events: Int16(POLLIN), revents: 0)]
            if errors >= 0 { fds.append(pollfd(fd: errors, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), deadline.pollTimeout())
            if ready <= 0 { continue }
            if fds.count > 1, fds[1].revents != 0 { drainErrors() }
            if fds[0].revents != 0 {
                switch readChunk(output, maxBytes: 1 << 16) {
                case .data(let chunk): buffer.append(contentsOf: chunk)
                case .again: break
                case .end:
                    drainErrors()
                    let all = buffer
                    buffer = []
                    return .complete(all)
                }
            }
        }
    }

    /// The index of the first line feed in `bytes[from...]` (with `memchr`: answers can be large).
    private static func firstNewline(in bytes: [UInt8], from: Int) -> Int? {
        guard from < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let found = memchr(buffer.baseAddress! + from, 0x0A, buffer.count - from) else { return nil }
            return buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    private enum Chunk {
        case data(ArraySlice<UInt8>)
        case again
        case end
    }

    /// One reusable read buffer, so reading a large answer does not allocate per chunk.
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

    private func readChunk(_ fd: Int32, maxBytes: Int) -> Chunk {
        let count = max(1, min(maxBytes, chunk.count))
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, count) }
        if n > 0 { return .data(chunk[..<n]) }
        if n < 0 && (errno == EAGAIN || errno == EINTR) { return .again }
        return .end
    }

    /// Reads whatever standard error holds now, keeping the last `stderrLimit` bytes.
    private func drainErrors() {
        while errors >= 0 {
            switch readChunk(errors, maxBytes: 1 << 16) {
            case .data(let chunk):
                stderrTail.append(contentsOf: chunk)
                if stderrTail.count > ProcessExtractor.stderrLimit {
                    stderrTail.removeFirst(stderrTail.count - ProcessExtractor.stderrLimit)
                }
            case .again: return
            case .end:
                close(errors)
                errors = -1
            }
        }
    }

    /// Closes the child's standard input, its signal to finish.
    func closeInput() {
        if input >= 0 {
            close(input)
            input = -1
        }
    }

    /// Kills the child's process group and reaps the child.
    func kill() {
        closeInput()
        if status == nil {
            _ = killpg(pid, SIGKILL)
            _ = reap(grace: 10)
        }
    }

    /// Waits up to `grace` seconds for the child to exit, then kills its group; reaps it and
    /// kills what is left of its group (grandchildren holding our pipes).
    @discardableResult
    func reap(grace: Double) -> ExitStatus {
        if let status { return status }
        // Not our child any more (someone else reaped it): nothing left to wait for.
        let decoded = ChildWait.reap(pid, before: Deadline(seconds: grace), group: true) ?? .exited(-1)
        status = decoded
        return decoded
    }

    func closeDescriptors() {
        closeInput()
        if output >= 0 { close(output); output = -1 }
        if errors >= 0 { drainErrors() }
        if errors >= 0 { close(errors); errors = -1 }
    }

    deinit {
        if status == nil { kill() }
        closeDescriptors()
    }
}
