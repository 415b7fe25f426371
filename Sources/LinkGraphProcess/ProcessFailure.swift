#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a child process could not be started or talked to: the step and the system's reason
/// (`cannot create a pipe: Too many open files`). Callers wrap it in their own error type.
package struct ProcessFailure: Error, CustomStringConvertible, Sendable {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }

    /// `what: strerror(code)`.
    package init(_ what: String, errno code: Int32) {
        message = "\(what): \(String(cString: strerror(code)))"
    }

    package var description: String { message }
}
