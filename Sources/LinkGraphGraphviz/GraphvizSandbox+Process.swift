import Foundation
import LinkGraph

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starting the worker process and waiting for it: all the descriptor and `posix_spawn`
/// code of the sandbox is here.
///
/// The worker's standard input, its answer channel (descriptor 3) and its standard output
/// and error are anonymous files (`memfd_create`, or unlinked temporary files), not pipes:
/// the request is written before the worker starts and the answer read after it ends, so
/// neither side can block on the other, and writing never raises SIGPIPE in the caller. A
/// pipe whose write end only the worker holds (descriptor 4) ends when the worker does,
/// which wakes the waiting `poll` at once; at the time limit the worker is killed
/// (SIGKILL) and reaped. Every descriptor made here is close-on-exec, so workers started
/// by concurrent calls never inherit each other's files.
struct WorkerProcess {
    enum Status: Equatable {
        case exited(Int32)
        case signaled(Int32)
    }

    struct Outcome {
        var status: Status
        /// Whether the worker was killed at the time limit.
        var timedOut: Bool
        /// What the worker wrote on descriptor 3 (at most `channelLimit` bytes).
        var channel: [UInt8]
        /// The last 16 KiB of its standard output and error.
        var diagnostics: String
        /// Its CPU time (user + system) and peak resident memory.
        var cpuSeconds: Double
        var maxResidentBytes: Int
        /// Wall-clock seconds from start to reaping.
        var seconds: Double
    }

    struct SpawnFailure: Error {
        var message: String
    }

    static let diagnosticsLimit = 16 << 10

    /// Runs `arguments[0]` (an absolute or relative path, not searched in `PATH`) with
    /// `request` on its standard input, kills it after `seconds`, and returns what it left.
    static func run(arguments: [String], request: Data, seconds: Double, channelLimit: Int) throws -> Outcome {
        let started = Date()
        let input = try anonymousFile("lg-graphviz-request")
        defer { close(input) }
        let channel = try anonymousFile("lg-graphviz-answer")
        defer { close(channel) }
        let diagnostics = try anonymousFile("lg-graphviz-stderr")
        defer { close(diagnostics) }
        try writeAll(input, request)
        lseek(input, 0, SEEK_SET)
        var lifeline: [Int32] = [-1, -1]
        guard makePipe(&lifeline) else { throw SpawnFailure(message: "cannot create a pipe: \(String(cString: strerror(errno)))") }
        defer { if lifeline[0] >= 0 { close(lifeline[0]) } }
        let lifelineWrite = lifeline[1]

        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input, 0)
        posix_spawn_file_actions_adddup2(&actions, diagnostics, 1)
        posix_spawn_file_actions_adddup2(&actions, diagnostics, 2)
        posix_spawn_file_actions_adddup2(&actions, channel, GraphvizWorker.channel)
        posix_spawn_file_actions_adddup2(&actions, lifelineWrite, 4)
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Default dispositions for every signal (the caller may ignore SIGPIPE or SIGXCPU)
        // and none blocked.
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        // The caller's environment, without the Swift runtime's crash backtracer (it starts
        // another process and prints pages of frames when Graphviz crashes in the worker).
        var environment: [UnsafeMutablePointer<CChar>?] = []
        var entry = environ
        while let variable = entry.pointee {
            if strncmp(variable, "SWIFT_BACKTRACE=", 16) != 0 { environment.append(strdup(variable)) }
            entry += 1
        }
        environment += [strdup("SWIFT_BACKTRACE=enable=no"), nil]
        defer { for pointer in environment { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environment)
        close(lifelineWrite)
        guard spawned == 0 else {
            throw SpawnFailure(message: "cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }

        // Wait for the lifeline to end (the worker exited or was killed) or the time limit.
        let deadline = started.addingTimeInterval(seconds)
        var timedOut = false
        while true {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 {
                timedOut = true
                kill(pid, SIGKILL)
                break
            }
            var fd = pollfd(fd: lifeline[0], events: Int16(POLLIN), revents: 0)
            let ready = poll(&fd, 1, Int32(min(left * 1000 + 1, 1000)))
            if ready < 0 && errno != EINTR { break }
            if ready > 0 { break }
        }
        var raw: Int32 = 0
        var usage = rusage()
        while wait4(pid, &raw, 0, &usage) < 0 && errno == EINTR {}
        let status: Status = raw & 0x7F == 0 ? .exited((raw >> 8) & 0xFF) : .signaled(raw & 0x7F)
        let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        #if canImport(Darwin)
        let maxResident = Int(usage.ru_maxrss)
        #else
        let maxResident = Int(usage.ru_maxrss) * 1024
        #endif
        let answer = readAll(channel, limit: channelLimit)
        let errors = readTail(diagnostics, limit: diagnosticsLimit)
        return Outcome(
            status: status, timedOut: timedOut, channel: answer, diagnostics: String(decoding: errors, as: UTF8.self),
            cpuSeconds: cpu, maxResidentBytes: maxResident, seconds: Date().timeIntervalSince(started))
    }

    // MARK: Descriptors

    /// An anonymous read-write file, close-on-exec, numbered 5 or above (so that the
    /// `dup2`s onto 0...4 in the child never overwrite one another's source).
    private static func anonymousFile(_ name: String) throws -> Int32 {
        var fd: Int32 = -1
        if let memfd = memfdCreate {
            fd = name.withCString { memfd($0, 1 /* MFD_CLOEXEC */) }
        }
        if fd < 0 {
            var template = Array((NSTemporaryDirectory() + "/\(name)-XXXXXX").utf8CString)
            fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            if fd >= 0 {
                template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        }
        guard fd >= 0 else { throw SpawnFailure(message: "cannot create a temporary file: \(String(cString: strerror(errno)))") }
        if fd < 5 {
            let moved = fcntl(fd, F_DUPFD_CLOEXEC, 5)
            close(fd)
            guard moved >= 0 else { throw SpawnFailure(message: "cannot move a descriptor: \(String(cString: strerror(errno)))") }
            fd = moved
        }
        return fd
    }

    private typealias MemfdCreate = @convention(c) (UnsafePointer<CChar>?, UInt32) -> Int32

    /// `memfd_create`, looked up at run time: Swift's Glibc module does not declare it.
    private static let memfdCreate: MemfdCreate? = {
        #if os(Linux)
        guard let symbol = dlsym(nil, "memfd_create") else { return nil }
        return unsafeBitCast(symbol, to: MemfdCreate.self)
        #else
        return nil
        #endif
    }()

    /// A close-on-exec pipe whose ends are numbered 5 or above.
    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        guard CloseOnExecPipe.make(&fds) else { return false }
        for i in fds.indices where fds[i] < 5 {
            let moved = fcntl(fds[i], F_DUPFD_CLOEXEC, 5)
            close(fds[i])
            fds[i] = moved
        }
        return fds.allSatisfy { $0 >= 0 }
    }

    private static func writeAll(_ fd: Int32, _ data: Data) throws {
        try data.withUnsafeBytes { buffer in
            guard var pointer = buffer.baseAddress else { return }
            var left = buffer.count
            while left > 0 {
                let written = write(fd, pointer, left)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw SpawnFailure(message: "cannot write the request: \(String(cString: strerror(errno)))")
                }
                pointer += written
                left -= written
            }
        }
    }

    /// The file from its start, at most `limit` bytes.
    private static func readAll(_ fd: Int32, limit: Int) -> [UInt8] {
        lseek(fd, 0, SEEK_SET)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count < limit {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, min($0.count, limit - bytes.count)) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            bytes += chunk[..<count]
        }
        return bytes
    }

    /// The last `limit` bytes of the file.
    private static func readTail(_ fd: Int32, limit: Int) -> [UInt8] {
        let size = lseek(fd, 0, SEEK_END)
        guard size > 0 else { return [] }
        lseek(fd, max(0, size - off_t(limit)), SEEK_SET)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 14)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            bytes += chunk[..<count]
        }
        return bytes
    }
}
