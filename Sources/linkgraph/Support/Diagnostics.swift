import Foundation
import LinkGraph

/// Messages for the user on standard error, so standard output stays clean for data. Every
/// message passes `TerminalText`, so names from a case cannot control the terminal.
enum Diagnostics {
    static func warn(_ message: String) {
        StandardError.write("warning: \(TerminalText.escapeLines(message))\n")
    }

    static func note(_ message: String) {
        StandardError.write("\(TerminalText.escapeLines(message))\n")
    }
}

/// Text on standard output: each line escaped with `TerminalText` (a line feed inside a line
/// is shown as `\u{a}`, so a name cannot make a fake line), every write checked
/// (`StandardOutput`): a failure throws, and the command exits non-zero with the message.
enum Console {
    /// One line of text.
    static func line(_ text: String) throws {
        try StandardOutput.write(TerminalText.escape(text) + "\n")
    }

    /// Several lines, each escaped on its own.
    static func lines(_ lines: [String]) throws {
        try StandardOutput.write(lines.map { TerminalText.escape($0) + "\n" }.joined())
    }

    /// A JSON value on one line. Characters `TerminalText` escapes are written as JSON
    /// escapes (`\u202e`), which JSON readers decode to the same text.
    static func json(_ value: JSONValue) throws {
        let text = JSONWriter.compact(value)
        guard text.unicodeScalars.contains(where: TerminalText.isUnsafe) else {
            return try StandardOutput.write(text + "\n")
        }
        var out = ""
        for scalar in text.unicodeScalars {
            guard TerminalText.isUnsafe(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            for unit in String(scalar).utf16 { out += "\\u" + String(format: "%04x", unit) }
        }
        try StandardOutput.write(out + "\n")
    }

    /// Data as it is (a file format on standard output, not text for a terminal).
    static func data(_ data: Data) throws {
        try StandardOutput.write(data)
    }
}

/// An error about an input file: the file's name before the library's message.
struct InputError: FileLocatedError, CustomStringConvertible {
    let file: String
    let underlying: Error

    var description: String { "\(file): \(underlying)" }
}
