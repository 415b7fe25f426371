/// Text from a case (names, ids, kinds, file names) made safe to show on a terminal.
///
/// A case built from hostile documents can hold terminal control sequences: ESC `[2J`
/// clears the screen, OSC sequences set the window title or make hidden links, a CR or LF
/// starts a fake line, U+202E shows the rest of a line reversed. `escape(_:)` shows every
/// such character as `\u{HEX}` and a backslash as `\\`, so the text cannot control the
/// terminal and distinct texts stay distinct (`unescape` gives the original back).
///
/// Escaped: the C0 and C1 controls and DEL (Unicode category Cc), format characters (Cf:
/// bidirectional embeddings, overrides and isolates, zero-width characters, soft hyphen),
/// line and paragraph separators (Zl, Zp), private-use and unassigned code points.
public enum TerminalText {
    /// `text` with control, format, separator, private-use and unassigned characters as
    /// `\u{HEX}` and `\` as `\\`; text without them is returned unchanged.
    /// - Complexity: O(n) in the scalars of `text`.
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { append(scalar, to: &out) }
        return String(out)
    }

    /// Escapes every line of `text` but keeps the line feeds between them: for messages
    /// LinkGraph composes of several lines (a name's own line feed cannot be told apart there).
    public static func escapeLines(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { escape(String($0)) }.joined(separator: "\n")
    }

    /// Appends `scalar`, escaped when it must be, to `out`.
    public static func append(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        if scalar == "\\" {
            out.append(contentsOf: "\\\\".unicodeScalars)
        } else if isUnsafe(scalar) {
            out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
        } else {
            out.append(scalar)
        }
    }

    /// Whether a character could control a terminal or hide or reorder text.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return true }
        if scalar.value < 0x7F { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned, .privateUse, .surrogate: return true
        default: return false
        }
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool { scalar == "\\" || isUnsafe(scalar) }

    /// The text `escape` was given: `\\` → `\`, `\u{HEX}` → that scalar.
    /// - Returns: nil when `escaped` is not an output of `escape`.
    public static func unescape(_ escaped: String) -> String? {
        var out = String.UnicodeScalarView()
        var scalars = escaped.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\" else {
                out.append(scalar)
                continue
            }
            switch scalars.next() {
            case "\\"?: out.append("\\")
            case "u"?:
                guard scalars.next() == "{" else { return nil }
                var hex = ""
                while let digit = scalars.next(), digit != "}" { hex.unicodeScalars.append(digit) }
                guard let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) else { return nil }
                out.append(decoded)
            default: return nil
            }
        }
        return String(out)
    }
}
