/// Names made safe for Cypher and Neo4j: property keys, labels, relationship types.
///
/// Only ASCII letters, digits and `_` survive, so no name can close a backtick, a quote, a
/// map or a pattern, start a comment, or carry a `\u` escape: a hostile key or kind cannot
/// inject anything. What is lost is said in docs/INTERCHANGE.md.
public enum PropertyNames {
    /// A property key: every character other than ASCII letters, digits and `_` becomes
    /// `_`; empty becomes `_`.
    public static func key(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            out.unicodeScalars.append(isWordCharacter(scalar) ? scalar : "_")
        }
        return out.isEmpty ? "_" : out
    }

    /// Unique safe keys for `names`, in order: a name whose safe form is taken gets `_2`,
    /// `_3`, ...
    public static func keys(_ names: [String]) -> [String: String] {
        var taken: Set<String> = []
        var result: [String: String] = [:]
        for name in names where result[name] == nil {
            let base = key(name)
            var candidate = base
            var n = 2
            while taken.contains(candidate) {
                candidate = "\(base)_\(n)"
                n += 1
            }
            taken.insert(candidate)
            result[name] = candidate
        }
        return result
    }

    /// A node label from an entity kind, in PascalCase: `person` → `Person`, `armed group`
    /// → `ArmedGroup`. A kind with no ASCII letter or digit becomes `Other`; one starting
    /// with a digit gets a `K` in front.
    public static func label(_ kind: String) -> String {
        let words = kind.unicodeScalars.split { !($0.isASCII && isAlphanumeric($0)) }
        var out = ""
        for word in words {
            var scalars = Array(word)
            scalars[0] = Unicode.Scalar(String(scalars[0]).uppercased())!
            out.unicodeScalars.append(contentsOf: scalars)
        }
        if out.isEmpty { return "Other" }
        if let first = out.unicodeScalars.first, ("0"..."9").contains(first) { out = "K" + out }
        return out
    }

    /// A relationship type from a relation kind, in UPPER_SNAKE_CASE: `reportsTo` →
    /// `REPORTS_TO`, `defected-from` → `DEFECTED_FROM`. A kind with no ASCII letter or digit
    /// becomes `RELATED_TO`; one starting with a digit gets `R_` in front.
    public static func relationshipType(_ kind: String) -> String {
        var out = ""
        var previous: Unicode.Scalar?
        for scalar in kind.unicodeScalars {
            if scalar.isASCII && isAlphanumeric(scalar) {
                let isUpper = ("A"..."Z").contains(scalar)
                if isUpper, let previous, ("a"..."z").contains(previous) || ("0"..."9").contains(previous) {
                    out += "_"
                }
                out += String(scalar).uppercased()
            } else if !out.isEmpty && !out.hasSuffix("_") {
                out += "_"
            }
            previous = scalar
        }
        while out.hasSuffix("_") { out.removeLast() }
        if out.isEmpty { return "RELATED_TO" }
        if let first = out.unicodeScalars.first, ("0"..."9").contains(first) { out = "R_" + out }
        return out
    }

    static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
    }

    static func isWordCharacter(_ s: Unicode.Scalar) -> Bool { isAlphanumeric(s) || s == "_" }
}
