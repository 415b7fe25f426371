import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where an output path really leads, decided before anything is written: symbolic links
/// are followed (the link stays, its target is written), a regular file (or nothing yet) is
/// replaced by a temporary file renamed over it, and a character device or a FIFO (`-o
/// /dev/null`, `-o >(cmd)`) is written in place, never replaced.
enum OutputTarget {
    /// A regular file, or a new one: `existing` is its status when it exists.
    case regular(path: String, existing: stat?)
    /// A character device or a FIFO, written in place.
    case special(path: String)

    /// Symbolic links followed before giving up (as the kernel's own limit, `ELOOP`).
    static let maxLinks = 40

    /// Resolves `path` for writing.
    /// - Throws: `FileIOError` naming `path` for a directory, a block device or socket, a
    ///   loop of links, a missing parent directory, or a read-only file.
    /// - Complexity: O(number of links followed) system calls.
    static func resolve(_ path: String) throws -> OutputTarget {
        // A device or FIFO at the end of the links, such as /dev/stdout → /proc/self/fd/1 →
        // "pipe:[…]" (a name no `readlink` walk can follow), is opened through the path itself.
        var followed = stat()
        if stat(path, &followed) == 0, followed.st_mode & S_IFMT == S_IFCHR || followed.st_mode & S_IFMT == S_IFIFO {
            return .special(path: path)
        }
        var current = path
        for _ in 0...maxLinks {
            var status = stat()
            if lstat(current, &status) != 0 {
                guard errno == ENOENT else { throw FileIOError(path: path, reason: String(cString: strerror(errno))) }
                try checkDirectory(of: current, for: path)
                return .regular(path: current, existing: nil)
            }
            switch status.st_mode & S_IFMT {
            case S_IFLNK:
                current = try linkTarget(of: current, for: path)
            case S_IFREG:
                if access(current, W_OK) != 0 { throw FileIOError(path: path, reason: "the file is read-only") }
                return .regular(path: current, existing: status)
            case S_IFDIR:
                throw FileIOError(path: path, reason: "is a directory, expected a file")
            case S_IFCHR, S_IFIFO:
                return .special(path: current)
            case S_IFBLK:
                throw FileIOError(path: path, reason: "is a block device; linkgraph does not write onto disks")
            default:
                throw FileIOError(path: path, reason: "is a socket or another special file; give a regular file")
            }
        }
        throw FileIOError(path: path, reason: "more than \(maxLinks) symbolic links to follow (a loop?)")
    }

    /// The path a symbolic link points to, relative to the link's directory when relative.
    private static func linkTarget(of link: String, for path: String) throws -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(link, &buffer, Int(PATH_MAX))
        guard count > 0 else { throw FileIOError.system(path, "unreadable symbolic link") }
        let target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if target.hasPrefix("/") { return target }
        return URL(fileURLWithPath: link).deletingLastPathComponent().appendingPathComponent(target).path
    }

    private static func checkDirectory(of target: String, for path: String) throws {
        let directory = URL(fileURLWithPath: target).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FileIOError(path: path, reason: "the directory \(directory) does not exist")
        }
    }
}
