/// The character references Graphviz replaces in plain labels.
///
/// Before it draws a plain `label`, `xlabel`, `headlabel` or `taillabel`, Graphviz 2.43
/// (`htmlEntityUTF8` and `htmlEntity` in `lib/common/utils.c`) replaces `&name;` (the HTML 4
/// names in `GraphvizEntities.codePoints`), `&#N;` and `&#xH;` with the character, so a name
/// `AT&amp;T` is drawn `AT&T`. Its scanner has limits this type reproduces exactly (each
/// checked against `dot -Tsvg`, see `scripts/generate_graphviz_entities.py` and the tests):
/// a name is found only when its `;` comes within 8 characters of the `&`; a decimal
/// reference has at most 6 digits and a hexadecimal one at most 5; `&#;`, `&#0;` and `&#x;`
/// are taken and drawn as `&`; code points Graphviz cannot encode (U+007F, U+07FF,
/// surrogates, above U+FFFF) come out as invalid UTF-8, shown here as U+FFFD.
///
/// Cost: O(n) in the text's length.
public enum GraphvizEntities {
    /// The reference Graphviz takes at `scalars[start]` (an `&`): how many scalars it spans,
    /// `&` and `;` included, and the text drawn in its place; `nil` when the `&` stays as it is.
    static func reference(in scalars: [Unicode.Scalar], at start: Int) -> (length: Int, text: String)? {
        guard scalars[start] == "&" else { return nil }
        let rest = scalars[(start + 1)...]
        if rest.first == "#" {
            return numericReference(in: scalars, at: start)
        }
        // A name: its `;` must be within the first 8 characters after the `&`.
        guard let semicolon = rest.prefix(8).firstIndex(of: ";") else { return nil }
        var name = ""
        name.unicodeScalars.append(contentsOf: scalars[(start + 1)..<semicolon])
        guard let value = codePoints[name], let scalar = Unicode.Scalar(value) else { return nil }
        return (semicolon - start + 1, String(Character(scalar)))
    }

    /// `&#` followed by up to 6 decimal digits, or by `x`/`X` and up to 5 hexadecimal digits,
    /// and a `;`.
    private static func numericReference(in scalars: [Unicode.Scalar], at start: Int) -> (length: Int, text: String)? {
        var i = start + 2
        let hexadecimal = i < scalars.count && (scalars[i] == "x" || scalars[i] == "X")
        if hexadecimal { i += 1 }
        let maxDigits = hexadecimal ? 5 : 6
        var value: UInt32 = 0
        var digits = 0
        while i < scalars.count, digits <= maxDigits, let digit = asciiDigit(scalars[i], hexadecimal: hexadecimal) {
            value = value * (hexadecimal ? 16 : 10) + digit
            digits += 1
            i += 1
        }
        guard digits <= maxDigits, i < scalars.count, scalars[i] == ";" else { return nil }
        return (i - start + 1, drawn(value))
    }

    /// The value of an ASCII digit (`0-9`, and `a-f`, `A-F` when `hexadecimal`).
    private static func asciiDigit(_ scalar: Unicode.Scalar, hexadecimal: Bool) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 0x30
        case "a"..."f" where hexadecimal: return scalar.value - 0x61 + 10
        case "A"..."F" where hexadecimal: return scalar.value - 0x41 + 10
        default: return nil
        }
    }

    /// What Graphviz's UTF-8 encoder makes of a code point: it writes one byte below U+007F,
    /// two below U+07FF and three otherwise, so U+007F and U+07FF come out overlong, a
    /// surrogate or anything above U+FFFF invalid.
    private static func drawn(_ value: UInt32) -> String {
        if value == 0 { return "&" }
        let encodable = value < 0x7F || (value >= 0x80 && value < 0x7FF) || (value >= 0x800 && value <= 0xFFFF)
        guard encodable, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return String(Character(scalar))
    }

    /// `text` with every `&` that Graphviz would take as the start of a reference written
    /// `&amp;`, so that Graphviz draws `text` itself. Other `&` are left alone.
    public static func escape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = ""
        for i in scalars.indices {
            if scalars[i] == "&", reference(in: scalars, at: i) != nil {
                out += "&amp;"
            } else {
                out.unicodeScalars.append(scalars[i])
            }
        }
        return out
    }

    /// `text` as Graphviz draws it: every reference replaced.
    public static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = ""
        var i = 0
        while i < scalars.count {
            if scalars[i] == "&", let found = reference(in: scalars, at: i) {
                out += found.text
                i += found.length
            } else {
                out.unicodeScalars.append(scalars[i])
                i += 1
            }
        }
        return out
    }
}
