import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What Ctrl-C (SIGINT) does to a running command: stop at once, cleanly.
///
/// `install` blocks SIGINT in the calling thread, so in every thread started after it, and
/// starts one watcher thread that waits for the signal with `sigwait`. The clean-up therefore
/// runs as ordinary code, not in a signal handler: it removes every temporary output file
/// still registered (`StagedFile` registers each until its rename), erases the progress line
/// (a carriage return and erase-line on standard error when it is a terminal), runs the
/// caller's own step (passing the signal on to child processes), and ends the process with
/// status 130 (128 + SIGINT). An output is either renamed into place whole or never
/// appears; a child started with a parent-death signal ends with this process.
public enum Interruption {
    /// The exit status after Ctrl-C.
    public static let status: Int32 = 130

    private static let lock = NSLock()
    nonisolated(unsafe) private static var temporaries: Set<String> = []
    nonisolated(unsafe) private static var installed = false

    /// Installs the watcher; call once, early in `main`, before other threads start (threads
    /// started earlier would still take SIGINT's default action). Later calls do nothing.
    /// - Parameter onInterrupt: Runs after the files are removed, before the exit (pass the
    ///   signal on to child processes here).
    public static func install(onInterrupt: @escaping @Sendable () -> Void = {}) {
        lock.lock()
        defer { lock.unlock() }
        guard !installed else { return }
        installed = true
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_BLOCK, &set, nil)
        let blocked = set
        let watcher = Thread {
            var waited = blocked
            var signal: Int32 = 0
            while sigwait(&waited, &signal) != 0 || signal != SIGINT {}
            cleanUp()
            onInterrupt()
            _exit(status)
        }
        watcher.name = "linkgraph-interrupt"
        watcher.start()
    }

    /// Removes the registered temporary files and erases the progress line.
    static func cleanUp() {
        lock.lock()
        for path in temporaries { unlink(path) }
        temporaries.removeAll()
        lock.unlock()
        if ProgressMeter.standardErrorIsTerminal {
            let erase: [UInt8] = Array("\r\u{1B}[K".utf8)
            _ = erase.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        }
    }

    /// Registers a temporary file to remove if the run is interrupted before it is renamed.
    static func register(temporary path: String) {
        lock.lock()
        temporaries.insert(path)
        lock.unlock()
    }

    /// Forgets a temporary file (renamed into place or removed).
    static func unregister(temporary path: String) {
        lock.lock()
        temporaries.remove(path)
        lock.unlock()
    }
}
