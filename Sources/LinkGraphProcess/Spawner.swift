import CLinkGraphProcess
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What to start: the one place in the package where child processes are made (the Graphviz
/// sandbox's workers and subprocess plug-ins).
package struct SpawnRequest: Sendable {
    /// The program and its arguments; `arguments[0]` is looked up in `PATH` when it has no `/`
    /// and `searchesPath` is true, else taken as a path.
    package var arguments: [String]
    package var searchesPath: Bool
    /// The child's environment; `nil` for this process's.
    package var environment: [String]?
    /// The child's descriptors: `source` (ours, close-on-exec) becomes `target` (the child's).
    package var descriptors: [(source: Int32, target: Int32)]
    /// A process group of its own (so that killing the group reaches its children too).
    package var newProcessGroup: Bool

    package init(
        arguments: [String], searchesPath: Bool = false, environment: [String]? = nil,
        descriptors: [(source: Int32, target: Int32)], newProcessGroup: Bool = false
    ) {
        precondition(!arguments.isEmpty)
        self.arguments = arguments
        self.searchesPath = searchesPath
        self.environment = environment
        self.descriptors = descriptors
        self.newProcessGroup = newProcessGroup
    }
}

/// Starts child processes that end with this one.
///
/// - Every child gets SIGKILL when this process ends, however it ends (`PR_SET_PDEATHSIG` on
///   Linux). Linux sends that signal when the *thread* that forked the child ends, so every
///   child is forked from one thread that lives as long as the process: a child started from
///   a short-lived thread (a task, a dispatch queue) is not killed when that thread goes.
/// - SIGTERM, SIGINT and SIGHUP, when this process has not chosen its own handling of them,
///   are passed on to every running child (its whole process group with `newProcessGroup`)
///   before this process ends with the signal, so a plug-in's own children stop too.
/// - Signals have their default dispositions in the child, none blocked.
/// - Complexity: one `fork` and `execve` (a few milliseconds), plus a hand-over between two
///   threads.
package enum Spawner {
    /// Starts `request` and returns the child's pid. The caller reaps it (`ChildWait`).
    /// - Throws: `ProcessFailure` naming the program when it cannot be started.
    package static func spawn(_ request: SpawnRequest) throws -> pid_t {
        let path: String
        if request.searchesPath && !request.arguments[0].contains("/") {
            guard let found = lookUp(request.arguments[0]) else {
                throw ProcessFailure("no such command: \(request.arguments[0])")
            }
            path = found
        } else {
            path = request.arguments[0]
        }
        lgp_forward_termination_signals()
        let result = SpawnThread.shared.perform { () -> Result<pid_t, ProcessFailure> in
            Self.start(request, path: path)
        }
        return try result.get()
    }

    /// Sends `signal` to every running child (its whole process group with
    /// `newProcessGroup`), as the forwarding does; for a caller that handles the signal itself.
    package static func signalChildren(_ signal: Int32) {
        lgp_signal_tracked_children(signal)
    }

    /// Runs on the spawn thread.
    private static func start(_ request: SpawnRequest, path: String) -> Result<pid_t, ProcessFailure> {
        let argv: [UnsafeMutablePointer<CChar>?] = request.arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var environment: [UnsafeMutablePointer<CChar>?] = []
        if let variables = request.environment {
            environment = variables.map { strdup($0) }
        } else {
            var entry = environ
            while let variable = entry.pointee {
                environment.append(strdup(variable))
                entry += 1
            }
        }
        environment.append(nil)
        defer { for pointer in environment { free(pointer) } }
        let mappings = request.descriptors.map { lgp_fd_mapping(source: $0.source, target: $0.target) }
        var pid: pid_t = 0
        #if os(Linux)
            let deathSignal = SIGKILL
        #else
            let deathSignal: Int32 = 0
        #endif
        let code = lgp_spawn(
            path, argv, environment, mappings, Int32(mappings.count), request.newProcessGroup ? 1 : 0, deathSignal, &pid
        )
        guard code == 0 else {
            return .failure(ProcessFailure("cannot start \(request.arguments[0])", errno: code))
        }
        ProcessTracking.track(pid, group: request.newProcessGroup)
        return .success(pid)
    }

    /// The first executable file named `name` in `PATH`.
    private static func lookUp(_ name: String) -> String? {
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (directory.isEmpty ? "." : String(directory)) + "/" + name
            var info = stat()
            if access(candidate, X_OK) == 0, stat(candidate, &info) == 0, info.st_mode & S_IFMT != S_IFDIR {
                return candidate
            }
        }
        return nil
    }
}

/// The children a termination signal is passed on to (see `Spawner`).
package enum ProcessTracking {
    static func track(_ pid: pid_t, group: Bool) { lgp_track_child(pid, group ? 1 : 0) }

    /// Called when a child is reaped, so that its pid, which the system may reuse, is not
    /// signalled later.
    package static func untrack(_ pid: pid_t) { lgp_untrack_child(pid) }
}

/// One thread that lives as long as the process and runs every `fork` (see `Spawner`).
private final class SpawnThread: @unchecked Sendable {
    static let shared = SpawnThread()

    private let condition = NSCondition()
    /// Jobs waiting, in order; each runs on the thread and signals its caller itself.
    private var jobs: [() -> Void] = []

    private init() {
        let thread = Thread { [unowned self] in self.loop() }
        thread.name = "LinkGraph process spawner"
        thread.start()
    }

    private func loop() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
    }

    /// Runs `body` on the spawn thread and returns its result.
    func perform<T>(_ body: @escaping () -> T) -> T {
        let done = NSCondition()
        var result: T?
        condition.lock()
        jobs.append {
            let value = body()
            done.lock()
            result = value
            done.signal()
            done.unlock()
        }
        condition.signal()
        condition.unlock()
        done.lock()
        while result == nil { done.wait() }
        done.unlock()
        return result!
    }
}
