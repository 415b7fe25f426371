import CLinkGraphProcess

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// File descriptors for talking to child processes. Every descriptor made here is
/// close-on-exec, so a child started by another thread never inherits it.
package enum Descriptors {
    /// A new pipe, both ends close-on-exec (atomically, with `pipe2`, on Linux), each numbered
    /// `minimum` or above (so that a child's `dup2`s onto lower numbers never overwrite one
    /// another's source).
    /// - Throws: `ProcessFailure`.
    package static func pipe(minimum: Int32 = 0) throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        guard fds.withUnsafeMutableBufferPointer({ lgp_pipe_cloexec($0.baseAddress!) }) == 0 else {
            throw ProcessFailure("cannot create a pipe", errno: errno)
        }
        do {
            return (try raise(fds[0], to: minimum), try raise(fds[1], to: minimum))
        } catch {
            for fd in fds { close(fd) }
            throw error
        }
    }

    /// An anonymous read-write file, close-on-exec, numbered `minimum` or above: in memory
    /// (`memfd_create`) where the system has it, else an unlinked temporary file.
    /// - Throws: `ProcessFailure`.
    package static func anonymousFile(_ name: String, minimum: Int32 = 0) throws -> Int32 {
        var fd = lgp_memfd_create(name)
        if fd < 0 {
            let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
            var template = Array("\(directory)/\(name)-XXXXXX".utf8CString)
            fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            if fd >= 0 {
                template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        }
        guard fd >= 0 else { throw ProcessFailure("cannot create a temporary file", errno: errno) }
        return try raise(fd, to: minimum)
    }

    /// `fd`, or a close-on-exec copy numbered `minimum` or above (closing `fd`).
    private static func raise(_ fd: Int32, to minimum: Int32) throws -> Int32 {
        guard fd < minimum else { return fd }
        let moved = fcntl(fd, F_DUPFD_CLOEXEC, minimum)
        let code = errno
        close(fd)
        guard moved >= 0 else { throw ProcessFailure("cannot move a descriptor", errno: code) }
        return moved
    }

    /// Makes reads and writes on `fd` return `EAGAIN` instead of blocking.
    package static func setNonBlocking(_ fd: Int32) {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }

    /// Writes all of `bytes` to a blocking descriptor.
    /// - Throws: `ProcessFailure`.
    package static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws {
        guard var pointer = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let written = write(fd, pointer, left)
            if written < 0 {
                if errno == EINTR { continue }
                throw ProcessFailure("cannot write", errno: errno)
            }
            pointer += written
            left -= written
        }
    }

    /// A file from its start, at most `limit` bytes.
    package static func readAll(_ fd: Int32, limit: Int) -> [UInt8] {
        lseek(fd, 0, SEEK_SET)
        return readRest(fd, limit: limit)
    }

    /// The last `limit` bytes of a file.
    package static func readTail(_ fd: Int32, limit: Int) -> [UInt8] {
        let size = lseek(fd, 0, SEEK_END)
        guard size > 0 else { return [] }
        lseek(fd, max(0, size - off_t(limit)), SEEK_SET)
        return readRest(fd, limit: limit)
    }

    /// From the file's offset to its end, at most `limit` bytes.
    private static func readRest(_ fd: Int32, limit: Int) -> [UInt8] {
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
}
