#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Pipes for starting child processes, shared by the Graphviz sandbox and subprocess plug-ins.
public enum CloseOnExecPipe {
    /// Fills `fds` with a new pipe (read end, write end) whose two ends are close-on-exec:
    /// atomically with `pipe2` where the C library has it, so that a process another thread
    /// spawns meanwhile cannot inherit them, else with `fcntl` after `pipe`.
    /// - Returns: false with `errno` set when no pipe could be made.
    public static func make(_ fds: inout [Int32]) -> Bool {
        precondition(fds.count == 2)
        if let pipe2 = pipe2Function {
            return fds.withUnsafeMutableBufferPointer { pipe2($0.baseAddress!, O_CLOEXEC) } == 0
        }
        guard fds.withUnsafeMutableBufferPointer({ pipe($0.baseAddress!) }) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32

    /// `pipe2`, looked up at run time: Swift's Glibc module does not declare it.
    private static let pipe2Function: Pipe2? = {
        #if os(Linux)
        guard let symbol = dlsym(nil, "pipe2") else { return nil }
        return unsafeBitCast(symbol, to: Pipe2.self)
        #else
        return nil
        #endif
    }()
}
