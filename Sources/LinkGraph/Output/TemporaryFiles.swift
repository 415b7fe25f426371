import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The hidden temporary files outputs are written to before the rename:
/// `.NAME.tmp-PID-RANDOM` beside `NAME`, where PID is the writing process.
///
/// A run killed with SIGKILL cannot remove its temporary file; the next write to the same
/// name removes it: a file named exactly so, regular, owned by this user, whose writer
/// process no longer exists. A temporary file of a live process is never touched.
public enum TemporaryFiles {
    /// The name of a new temporary file for `name`, for this process.
    static func name(for name: String) -> String {
        ".\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// The writer's process id when `candidate` is a temporary file name for `name`, else nil.
    static func writer(of candidate: String, for name: String) -> pid_t? {
        let prefix = ".\(name).tmp-"
        guard candidate.hasPrefix(prefix) else { return nil }
        let parts = candidate.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
        let decimal = { (part: Substring) in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
        guard parts.count == 2, parts.allSatisfy(decimal), UInt32(parts[1]) != nil, let pid = pid_t(parts[0]), pid > 0
        else { return nil }
        return pid
    }

    /// Removes the temporary files left beside `name` in `directory` by dead processes.
    /// - Returns: The names removed.
    /// - Complexity: O(entries of `directory`).
    @discardableResult
    public static func removeStale(for name: String, in directory: String) -> [String] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var removed: [String] = []
        for entry in entries {
            guard let pid = writer(of: entry, for: name), pid != getpid(), !isAlive(pid) else { continue }
            let path = directory + "/" + entry
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_uid == geteuid()
            else { continue }
            if unlink(path) == 0 { removed.append(entry) }
        }
        return removed
    }

    /// Whether a process exists (`kill(pid, 0)`: EPERM means it exists but is another user's).
    static func isAlive(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }
}
