import CGraphviz
import Foundation

/// The buffer Graphviz's error function writes into, and how its text splits into messages.
enum GraphvizMessages {
    /// Text Graphviz reported since the last `take()`. Only touched with `Graphviz`'s lock held:
    /// Graphviz calls `collect` only from inside calls this module makes under the lock.
    nonisolated(unsafe) static var buffer = ""

    /// The `agusererrf` installed with `agseterrf`. cgraph calls it with `"Error"` or
    /// `"Warning"`, then `": "`, then the formatted message (continuations come without a
    /// prefix). A C function pointer cannot capture context, hence the global buffer.
    static let collect: agusererrf = { text in
        if let text { GraphvizMessages.buffer += String(cString: text) }
        return 0
    }

    /// Splits and clears the buffer: one message per `Error: ` or `Warning: ` line, with the
    /// lines that follow it (multi-line messages, `AGPREV` continuations), trimmed.
    static func take() -> (errors: [String], warnings: [String]) {
        let text = buffer
        buffer = ""
        var errors: [String] = []
        var warnings: [String] = []
        var current: (isError: Bool, text: String)?
        func flush() {
            guard let message = current else { return }
            let trimmed = message.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty {
                if message.isError { errors.append(trimmed) } else { warnings.append(trimmed) }
            }
            current = nil
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("Error: ") {
                flush()
                current = (true, String(line.dropFirst(7)))
            } else if line.hasPrefix("Warning: ") {
                flush()
                current = (false, String(line.dropFirst(9)))
            } else if current != nil {
                current!.text += "\n" + line
            } else if !line.allSatisfy(\.isWhitespace) {
                current = (false, String(line))
            }
        }
        flush()
        return (errors, warnings)
    }

    /// The number after `in line ` (cgraph's `syntax error in line 3 near 'x'`), or after
    /// `on line ` (HTML-like label errors), if any.
    static func lineNumber(in message: String) -> Int? {
        for marker in ["in line ", "on line "] {
            guard let range = message.range(of: marker) else { continue }
            let digits = message[range.upperBound...].prefix(while: \.isASCII).prefix(while: \.isNumber)
            if let line = Int(digits) { return line }
        }
        return nil
    }
}
