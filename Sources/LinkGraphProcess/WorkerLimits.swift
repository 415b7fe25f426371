import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The limits a worker process sets on itself before it reads untrusted input (the child side
/// of `WorkerProcess`): address space (`RLIMIT_AS`, not under AddressSanitizer, whose shadow
/// memory needs terabytes), CPU seconds (`RLIMIT_CPU`: SIGXCPU at the limit, SIGKILL 2 s later),
/// the size of what it writes (`RLIMIT_FSIZE`), and no core dumps.
package struct WorkerLimits: Equatable, Sendable {
    package var memoryBytes: Int?
    package var cpuSeconds: Int?
    package var outputBytes: Int?

    package init(memoryBytes: Int? = nil, cpuSeconds: Int? = nil, outputBytes: Int? = nil) {
        self.memoryBytes = memoryBytes
        self.cpuSeconds = cpuSeconds
        self.outputBytes = outputBytes
    }

    /// Whether this program runs under AddressSanitizer.
    package static let underAddressSanitizer: Bool = dlsym(nil, "__asan_init") != nil

    /// The command-line form, `--memory N --cpu N --output N` (the limits given).
    package var arguments: [String] {
        var result: [String] = []
        if let memoryBytes { result += ["--memory", String(memoryBytes)] }
        if let cpuSeconds { result += ["--cpu", String(cpuSeconds)] }
        if let outputBytes { result += ["--output", String(outputBytes)] }
        return result
    }

    /// Reads `--memory N --cpu N --output N` from the front of `arguments`; the rest is returned.
    /// - Returns: nil for a flag without a whole number.
    package static func parse(_ arguments: [String]) -> (WorkerLimits, rest: [String])? {
        var limits = WorkerLimits()
        var index = 0
        while index < arguments.count, ["--memory", "--cpu", "--output"].contains(arguments[index]) {
            guard index + 1 < arguments.count, let value = Int(arguments[index + 1]), value > 0 else { return nil }
            switch arguments[index] {
            case "--memory": limits.memoryBytes = value
            case "--cpu": limits.cpuSeconds = value
            default: limits.outputBytes = value
            }
            index += 2
        }
        return (limits, Array(arguments[index...]))
    }

    /// Sets the limits on this process.
    package func apply() {
        set(RLIMIT_CORE, soft: 0, hard: 0)
        if let memoryBytes, !Self.underAddressSanitizer { set(RLIMIT_AS, soft: memoryBytes, hard: memoryBytes) }
        if let cpuSeconds { set(RLIMIT_CPU, soft: cpuSeconds, hard: cpuSeconds + 2) }
        if let outputBytes { set(RLIMIT_FSIZE, soft: outputBytes, hard: outputBytes) }
    }

    #if os(Linux)
        private func set(_ resource: __rlimit_resource, soft: Int, hard: Int) {
            var limit = rlimit(rlim_cur: rlim_t(soft), rlim_max: rlim_t(hard))
            _ = setrlimit(__rlimit_resource_t(resource.rawValue), &limit)
        }
    #else
        private func set(_ resource: Int32, soft: Int, hard: Int) {
            var limit = rlimit(rlim_cur: rlim_t(soft), rlim_max: rlim_t(hard))
            _ = setrlimit(resource, &limit)
        }
    #endif
}
