/// Writes `JSONValue`s as deterministic JSON text.
///
/// Objects are written in member order (callers that build objects from dictionaries sort
/// their keys first). Strings escape `"`, `\` and control characters; everything else,
/// including non-Latin scripts, is written as UTF-8. `/` is not escaped.
public enum JSONWriter {
    /// Pretty JSON with two-space indentation and a final newline, as case files are written.
    public static func pretty(_ value: JSONValue) -> String {
        var out = ""
        write(value, to: &out, indent: 0, pretty: true)
        out += "\n"
        return out
    }

    /// Compact JSON on one line, as plug-in requests and `--json` outputs are written.
    public static func compact(_ value: JSONValue) -> String {
        var out = ""
        write(value, to: &out, indent: 0, pretty: false)
        return out
    }

    private static func write(_ value: JSONValue, to out: inout String, indent: Int, pretty: Bool) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n.text
        case .string(let s): writeString(s, to: &out)
        case .array(let elements):
            if elements.isEmpty { out += "[]"; return }
            out += "["
            for (i, element) in elements.enumerated() {
                if i > 0 { out += "," }
                if pretty { newline(&out, indent + 1) }
                write(element, to: &out, indent: indent + 1, pretty: pretty)
            }
            if pretty { newline(&out, indent) }
            out += "]"
        case .object(let object):
            if object.isEmpty { out += "{}"; return }
            out += "{"
            for (i, member) in object.members.enumerated() {
                if i > 0 { out += "," }
                if pretty { newline(&out, indent + 1) }
                writeString(member.key, to: &out)
                out += pretty ? ": " : ":"
                write(member.value, to: &out, indent: indent + 1, pretty: pretty)
            }
            if pretty { newline(&out, indent) }
            out += "}"
        }
    }

    private static func newline(_ out: inout String, _ indent: Int) {
        out += "\n"
        out += String(repeating: "  ", count: indent)
    }

    /// Appends `s` as a JSON string literal.
    public static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
