import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One output on its way to its path: for a regular file, the complete bytes in a flushed
/// temporary file beside the target, with the old file's mode (and owner, as root), waiting
/// for `commit()` to rename it over the target; for a device or FIFO, the bytes to write
/// there in place at `commit()`.
struct StagedFile {
    /// The path as the user gave it (for messages).
    let path: String
    private let target: OutputTarget
    /// The temporary file (regular targets), nil once committed or discarded.
    private(set) var temporary: String?
    /// The bytes for a special file, written at commit.
    private var pending: Data?

    /// Writes `data` to a temporary file beside `path`'s target (or keeps it for a device).
    /// - Parameter newFileMode: The mode of a new file, before the umask (0o666, or 0o777
    ///   for a script). An existing file keeps its own mode.
    /// - Throws: `FileIOError` naming `path`; no temporary file is left behind.
    init(_ data: Data, to path: String, newFileMode: mode_t = 0o666) throws {
        self.path = path
        target = try OutputTarget.resolve(path)
        guard case .regular(let resolved, let existing) = target else {
            pending = data
            return
        }
        let url = URL(fileURLWithPath: resolved)
        let directory = url.deletingLastPathComponent().path
        TemporaryFiles.removeStale(for: url.lastPathComponent, in: directory)
        let temporary = directory + "/" + TemporaryFiles.name(for: url.lastPathComponent)
        // Registered before it exists, so Ctrl-C between open and rename removes it.
        Interruption.register(temporary: temporary)
        // Private until the old file's mode is copied: a 0600 case is never readable by others.
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, existing == nil ? newFileMode : 0o600)
        guard fd >= 0 else {
            Interruption.unregister(temporary: temporary)
            let reason =
                errno == EACCES || errno == EROFS || errno == EPERM
                ? "cannot create a file in \(directory) (read-only or no permission)" : String(cString: strerror(errno))
            throw FileIOError(path: path, reason: reason)
        }
        do {
            if let existing { try Self.copyOwnership(existing, to: fd, path: path) }
            try Self.writeAll(data, to: fd, path: path)
            if fsync(fd) != 0 { throw FileIOError.system(path, "write failed (disk full?)") }
        } catch {
            close(fd)
            unlink(temporary)
            Interruption.unregister(temporary: temporary)
            throw error
        }
        if close(fd) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            Interruption.unregister(temporary: temporary)
            throw FileIOError(path: path, reason: "write failed (disk full?): \(reason)")
        }
        self.temporary = temporary
    }

    /// Puts the bytes at the target: renames the temporary file over it, or writes the device.
    /// - Throws: `FileIOError`; a failed rename removes the temporary file.
    mutating func commit() throws {
        switch target {
        case .regular(let resolved, _):
            guard let temporary else { return }
            self.temporary = nil
            defer { Interruption.unregister(temporary: temporary) }
            if rename(temporary, resolved) != 0 {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw FileIOError(path: path, reason: reason)
            }
        case .special(let device):
            guard let data = pending else { return }
            pending = nil
            // Blocks until a FIFO has a reader, as a shell's `>` does.
            let fd = open(device, O_WRONLY | O_NOCTTY | O_CLOEXEC)
            guard fd >= 0 else { throw FileIOError(path: path, reason: String(cString: strerror(errno))) }
            defer { close(fd) }
            try Self.writeAll(data, to: fd, path: path)
        }
    }

    /// Removes the temporary file of an uncommitted output.
    mutating func discard() {
        if let temporary {
            unlink(temporary)
            Interruption.unregister(temporary: temporary)
        }
        temporary = nil
        pending = nil
    }

    /// Writes every byte, retrying after signals and short writes.
    /// - Throws: `FileIOError` with the system's reason (ENOSPC: disk full).
    static func writeAll(
        _ data: Data, to fd: Int32, path: String, failure: String = "write failed (disk full?)"
    ) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw FileIOError.system(path, failure)
                }
                offset += written
            }
        }
    }

    /// Gives the temporary file the old file's permission bits and, when run as root, its
    /// owner and group (`fchown` clears set-id bits, so the mode is set after it).
    private static func copyOwnership(_ old: stat, to fd: Int32, path: String) throws {
        if geteuid() == 0, old.st_uid != geteuid() || old.st_gid != getegid() {
            if fchown(fd, old.st_uid, old.st_gid) != 0 {
                throw FileIOError.system(path, "cannot keep the file's owner")
            }
        }
        if fchmod(fd, old.st_mode & 0o7777) != 0 {
            throw FileIOError.system(path, "cannot keep the file's mode")
        }
    }
}
