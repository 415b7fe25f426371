#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a child process ended: the one decoder of `wait` statuses for the package.
package enum ExitStatus: Equatable, Sendable {
    /// It called `exit` with this status.
    case exited(Int32)
    /// A signal ended it.
    case signaled(Int32)

    /// The status `waitpid` and `wait4` report (`WIFEXITED`, `WEXITSTATUS`, `WTERMSIG`).
    package init(waitStatus raw: Int32) {
        self = raw & 0x7F == 0 ? .exited((raw >> 8) & 0xFF) : .signaled(raw & 0x7F)
    }
}

/// A reaped child: its status and what it used.
package struct ReapedChild: Sendable {
    package var status: ExitStatus
    /// User plus system CPU time in seconds.
    package var cpuSeconds: Double
    /// Peak resident memory in bytes.
    package var maxResidentBytes: Int
}

/// Waiting for children.
package enum ChildWait {
    /// Waits for `pid` to end and reaps it.
    /// - Returns: `nil` when `pid` is not (or no longer) a child of this process.
    package static func reap(_ pid: pid_t) -> ReapedChild? {
        var raw: Int32 = 0
        var usage = rusage()
        while true {
            if wait4(pid, &raw, 0, &usage) == pid { break }
            if errno != EINTR { return nil }
        }
        ProcessTracking.untrack(pid)
        return ReapedChild(
            status: ExitStatus(waitStatus: raw), cpuSeconds: usage.cpuSeconds, maxResidentBytes: usage.maxResidentBytes)
    }

    /// Reaps `pid` if it has ended.
    /// - Returns: `.ended` with the status, `.running`, or `.gone` when it is not our child.
    package static func poll(_ pid: pid_t) -> PollResult {
        var raw: Int32 = 0
        while true {
            let result = waitpid(pid, &raw, WNOHANG)
            if result == pid {
                ProcessTracking.untrack(pid)
                return .ended(ExitStatus(waitStatus: raw))
            }
            if result == 0 { return .running }
            if errno != EINTR { return .gone }
        }
    }

    package enum PollResult: Equatable {
        case running
        case ended(ExitStatus)
        case gone
    }

    /// Waits until `deadline` for `pid` to end; then sends SIGKILL (to its process group when
    /// `group`) and reaps it. Afterwards kills what is left of the group, if `group`
    /// (grandchildren that would hold the child's pipes open).
    /// - Returns: its status, or `nil` when it is not our child.
    package static func reap(_ pid: pid_t, before deadline: Deadline, group: Bool) -> ExitStatus? {
        var status: ExitStatus?
        while true {
            switch poll(pid) {
            case .ended(let ended): status = ended
            case .gone: return nil
            case .running:
                if deadline.hasPassed {
                    _ = group ? killpg(pid, SIGKILL) : kill(pid, SIGKILL)
                    status = reap(pid)?.status
                } else {
                    usleep(5_000)
                    continue
                }
            }
            break
        }
        if group { _ = killpg(pid, SIGKILL) }
        return status
    }
}

extension rusage {
    var cpuSeconds: Double {
        Double(ru_utime.tv_sec) + Double(ru_utime.tv_usec) / 1e6 + Double(ru_stime.tv_sec) + Double(ru_stime.tv_usec)
            / 1e6
    }

    var maxResidentBytes: Int {
        #if canImport(Darwin)
            Int(ru_maxrss)
        #else
            Int(ru_maxrss) * 1024
        #endif
    }
}
