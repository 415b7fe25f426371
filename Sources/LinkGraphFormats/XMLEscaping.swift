/// Escaping for text written into XML 1.0 (GraphML, GEXF).
///
/// XML 1.0 cannot hold NUL, most C0 control characters (U+0001–U+001F other than tab,
/// line feed and carriage return), or U+FFFE/U+FFFF, not even as character references.
/// Those become U+FFFD (the replacement character), the only loss. Everything else comes
/// back exactly: markup characters are escaped, and in attribute values tab, line feed and
/// carriage return are written as character references so that attribute-value
/// normalization does not turn them into spaces; in text a carriage return is written as
/// `&#13;` so that line-end normalization keeps it.
///
/// ## References
/// - XML 1.0 (Fifth Edition), §2.2 Characters, §2.11 End-of-Line Handling, §3.3.3
///   Attribute-Value Normalization: <https://www.w3.org/TR/xml/>
public enum XMLEscaping {
    /// Whether XML 1.0 can hold `scalar` at all.
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// `text` as XML character data (between tags).
    public static func text(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    /// `text` as the value of a double-quoted XML attribute.
    public static func attribute(_ text: String) -> String {
        escape(text, inAttribute: true)
    }

    /// What an XML reader gives back for `text` written by `text(_:)` or `attribute(_:)`:
    /// the text with characters XML cannot hold replaced by U+FFFD.
    public static func representable(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy(isAllowed) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(isAllowed(scalar) ? scalar : "\u{FFFD}") }
        return String(out)
    }

    private static func escape(_ text: String, inAttribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where inAttribute: out += "&quot;"
            case "\r": out += "&#13;"
            case "\n" where inAttribute: out += "&#10;"
            case "\t" where inAttribute: out += "&#9;"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) } else { out += "\u{FFFD}" }
            }
        }
        return out
    }
}
