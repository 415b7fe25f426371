import Foundation

/// Reading and writing files with errors a user can act on, and writes that never leave a
/// half-written file: the bytes go to a temporary file in the same directory, are flushed,
/// and are renamed over the target, so an interrupted run leaves the old file intact.
/// Several files that belong together go through `OutputSet`.
public enum FileIO {
    /// The largest input file read by default (256 MiB).
    public static let defaultMaxInputBytes = 256 << 20

    /// Reads a whole file.
    /// - Throws: `FileIOError` naming the file: missing, a directory, unreadable, or larger than `maxBytes`.
    public static func read(_ path: String, maxBytes: Int = defaultMaxInputBytes) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FileIOError(path: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw FileIOError(path: path, reason: "is a directory, expected a file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileIOError(path: path, reason: "permission denied")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            throw FileIOError(path: path, reason: "read failed: \(error.localizedDescription)")
        }
        if data.count > maxBytes {
            throw FileIOError(path: path, reason: "larger than the limit of \(maxBytes) bytes", sizeLimit: maxBytes)
        }
        return data
    }

    /// Writes `data` to `path` atomically: a temporary file beside it, flushed, then renamed
    /// over it. A symbolic link is followed (the link stays, its target is replaced); a
    /// character device or FIFO is written in place (`-o /dev/null`); an existing file keeps
    /// its mode (and owner and group, as root); a new one gets 0666 less the umask. Temporary
    /// files left beside `path` by killed runs are removed first (`TemporaryFiles`).
    /// - Throws: `FileIOError` for a missing directory, a directory, a block device, a
    ///   read-only target or directory, a full disk.
    /// - Complexity: O(bytes) plus one listing of the directory.
    public static func writeAtomically(_ data: Data, to path: String) throws {
        var file = try StagedFile(data, to: path)
        do {
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    /// Writes text as UTF-8, atomically.
    public static func writeAtomically(_ text: String, to path: String) throws {
        try writeAtomically(Data(text.utf8), to: path)
    }
}

/// A file that could not be read or written, and why.
public struct FileIOError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: String
    /// The size limit the file exceeded, when that is the error (a caller may say how to raise it).
    public let sizeLimit: Int?

    public init(path: String, reason: String, sizeLimit: Int? = nil) {
        self.path = path
        self.reason = reason
        self.sizeLimit = sizeLimit
    }

    public var description: String { "\(path): \(reason)" }

    /// The error of the system call that just failed: `what` and `strerror(errno)`.
    static func system(_ path: String, _ what: String) -> FileIOError {
        FileIOError(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
    }
}

extension CaseFile {
    /// Reads and validates a case file.
    /// - Throws: `FileIOError` when the file cannot be read, `CaseFileError` when it is not a
    ///   valid case file (every problem listed, each with its JSON path).
    public static func read(from path: String, maxBytes: Int = FileIO.defaultMaxInputBytes) throws -> CaseFile {
        let data = try FileIO.read(path, maxBytes: maxBytes)
        return try CaseFile(jsonBytes: data, file: path)
    }

    /// Writes the case as pretty JSON, atomically.
    public func write(to path: String) throws {
        try FileIO.writeAtomically(jsonText(), to: path)
    }
}
