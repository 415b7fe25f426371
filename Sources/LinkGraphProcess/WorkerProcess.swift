import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Starting one worker process and waiting for it (the spawning itself is `Spawner`'s, shared
/// with subprocess plug-ins): the Graphviz sandbox and the PDF reader's worker use it.
///
/// The worker's standard input, its answer channel (descriptor 3) and its standard output
/// and error are anonymous files (`memfd_create`, or unlinked temporary files), not pipes:
/// the request is written before the worker starts and the answer read after it ends, so
/// neither side can block on the other, and writing never raises SIGPIPE in the caller. A
/// pipe whose write end only the worker holds (descriptor 4) ends when the worker does,
/// which wakes the waiting `poll` at once; at the time limit the worker is killed
/// (SIGKILL) and reaped. The worker also dies with the calling process (see `Spawner`).
package struct WorkerProcess {
    /// The descriptor a worker writes its answer to.
    package static let channel: Int32 = 3

    package struct Outcome {
        package var status: ExitStatus
        /// Whether the worker was killed at the time limit.
        package var timedOut: Bool
        /// What the worker wrote on descriptor 3 (at most `channelLimit` bytes).
        package var channel: [UInt8]
        /// The last 16 KiB of its standard output and error.
        package var diagnostics: String
        /// Its CPU time (user + system) and peak resident memory.
        package var cpuSeconds: Double
        package var maxResidentBytes: Int
    }

    package static let diagnosticsLimit = 16 << 10

    /// The environment of a worker: the caller's, without the Swift runtime's crash
    /// backtracer (it starts another process and prints pages of frames when a library
    /// crashes in the worker).
    package static var environment: [String] {
        ProcessInfo.processInfo.environment.filter { $0.key != "SWIFT_BACKTRACE" }.map { "\($0.key)=\($0.value)" }
            + ["SWIFT_BACKTRACE=enable=no"]
    }

    /// Runs `arguments[0]` (an absolute or relative path, not searched in `PATH`) with
    /// `request` on its standard input, kills it after `seconds`, and returns what it left.
    /// - Parameter name: Names the anonymous files and messages (`graphviz`, `pdf`).
    /// - Throws: `ProcessFailure` when it cannot be started.
    package static func run(
        arguments: [String], request: Data, seconds: Double, channelLimit: Int, name: String = "graphviz"
    ) throws -> Outcome {
        let deadline = Deadline(seconds: seconds)
        // Numbered 5 or above, so that the child's dup2s onto 0...4 never overwrite a source.
        let input = try Descriptors.anonymousFile("lg-\(name)-request", minimum: 5)
        defer { close(input) }
        let channel = try Descriptors.anonymousFile("lg-\(name)-answer", minimum: 5)
        defer { close(channel) }
        let diagnostics = try Descriptors.anonymousFile("lg-\(name)-stderr", minimum: 5)
        defer { close(diagnostics) }
        try request.withUnsafeBytes { try Descriptors.writeAll(input, $0) }
        lseek(input, 0, SEEK_SET)
        let lifeline = try Descriptors.pipe(minimum: 5)
        defer { close(lifeline.read) }
        let pid: pid_t
        do {
            defer { close(lifeline.write) }
            pid = try Spawner.spawn(
                SpawnRequest(
                    arguments: arguments, environment: environment,
                    descriptors: [
                        (input, 0), (diagnostics, 1), (diagnostics, 2), (channel, Self.channel),
                        (lifeline.write, 4),
                    ]))
        }

        // Wait for the lifeline to end (the worker exited or was killed) or the time limit.
        var timedOut = false
        while true {
            if deadline.hasPassed {
                timedOut = true
                kill(pid, SIGKILL)
                break
            }
            var fd = pollfd(fd: lifeline.read, events: Int16(POLLIN), revents: 0)
            let ready = poll(&fd, 1, deadline.pollTimeout())
            if ready < 0 && errno != EINTR { break }
            if ready > 0 { break }
        }
        guard let reaped = ChildWait.reap(pid) else {
            throw ProcessFailure("the \(name) worker \(pid) was reaped elsewhere")
        }
        let answer = Descriptors.readAll(channel, limit: channelLimit)
        let errors = Descriptors.readTail(diagnostics, limit: diagnosticsLimit)
        return Outcome(
            status: reaped.status, timedOut: timedOut, channel: answer,
            diagnostics: String(decoding: errors, as: UTF8.self),
            cpuSeconds: reaped.cpuSeconds, maxResidentBytes: reaped.maxResidentBytes)
    }
}
