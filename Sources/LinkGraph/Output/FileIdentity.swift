import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file as the system knows it: its device and inode, so two paths (links, `./`, `..`)
/// to one file compare equal.
public struct FileIdentity: Hashable, Sendable {
    public let device: UInt64
    public let inode: UInt64

    /// The identity of the file at `path` (symbolic links followed), nil when there is none.
    public init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}

extension FileIO {
    /// Refuses to write `output` when it is the same file as one of `inputs`: a command that
    /// turns its input into another format (a drawing, a DOT file, a case) would destroy
    /// the input it read.
    /// - Parameter what: What the command writes, for the message ("a drawing", "CSV").
    /// - Throws: `FileIOError` naming the output and the input.
    /// - Complexity: one `stat` per path.
    public static func refuseOverwriting(inputs: [String], with output: String, what: String) throws {
        guard let target = FileIdentity(path: output) else { return }
        for input in inputs where FileIdentity(path: input) == target {
            let same = input == output ? "" : " (\(input))"
            throw FileIOError(
                path: output,
                reason: "is the input file\(same): writing \(what) there would destroy it; choose another output")
        }
    }
}
