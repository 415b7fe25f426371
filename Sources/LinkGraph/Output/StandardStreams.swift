import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one place that writes to standard output: every byte is written (after signals and
/// short writes) and a failure is an error, so a full disk or a closed descriptor
/// (`> /dev/full`, `>&-`) ends the command with a message and a non-zero status instead of
/// a crash or a silently cut output.
public enum StandardOutput {
    /// Writes `data` to descriptor 1.
    /// - Throws: `FileIOError` for "standard output" with the system's reason.
    public static func write(_ data: Data) throws {
        try StagedFile.writeAll(data, to: STDOUT_FILENO, path: "standard output", failure: "write failed")
    }

    /// Writes text as UTF-8.
    public static func write(_ text: String) throws {
        try write(Data(text.utf8))
    }
}

/// Messages on standard error. A failure to write them is ignored: there is nowhere left to
/// report it, and it must not stop the command (Foundation's `FileHandle.write` traps).
public enum StandardError {
    public static func write(_ text: String) {
        try? StagedFile.writeAll(Data(text.utf8), to: STDERR_FILENO, path: "standard error")
    }
}
