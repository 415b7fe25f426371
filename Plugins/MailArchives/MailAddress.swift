/// A mailbox of an address header: a display name (decoded) and an address (`local@domain`).
public struct MailAddress: Equatable, Hashable, Sendable {
    /// The display name, RFC 2047 words decoded, quotes removed; empty when there is none.
    public var name: String
    /// The address as written (`local@domain`); compare with `key`.
    public var address: String

    public init(name: String, address: String) {
        self.name = name
        self.address = address
    }

    /// The address in lower case: how mailboxes are matched.
    public var key: String { address.lowercased() }

    /// The domain after the last `@`, in lower case; empty when there is none.
    public var domain: String {
        guard let at = address.lastIndex(of: "@") else { return "" }
        return String(address[address.index(after: at)...]).lowercased()
    }

    /// The mailboxes of an address-list header value (RFC 5322 §3.4): `Name <a@b>`,
    /// `"Quoted, Name" <a@b>`, `a@b (Comment Name)`, bare `a@b`, groups `Team: a@b, c@d;`.
    /// Commas inside quotes, angle brackets and comments do not split. A comment gives the
    /// display name only when there is no other (the old `a@b (Name)` form).
    /// - Throws: `MailDecodingError` from decoding encoded words in a display name.
    /// - Complexity: O(n).
    static func parseList(_ value: String) throws -> [MailAddress] {
        var result: [MailAddress] = []
        for item in splitTopLevel(value) {
            if let parsed = try parseMailbox(item) { result.append(parsed) }
        }
        return result
    }

    /// The items of a list, split at commas and group markers outside quotes, `<>` and `()`.
    static func splitTopLevel(_ value: String) -> [String] {
        var items: [String] = []
        var current = ""
        var inQuotes = false
        var angle = 0
        var comment = 0
        var escaped = false
        for c in value {
            if escaped {
                current.append(c)
                escaped = false
                continue
            }
            if c == "\\" && (inQuotes || comment > 0) {
                current.append(c)
                escaped = true
                continue
            }
            if inQuotes {
                if c == "\"" { inQuotes = false }
                current.append(c)
                continue
            }
            if comment > 0 {
                if c == "(" { comment += 1 } else if c == ")" { comment -= 1 }
                current.append(c)
                continue
            }
            switch c {
            case "\"": inQuotes = true; current.append(c)
            case "(": comment += 1; current.append(c)
            case "<": angle += 1; current.append(c)
            case ">": angle = max(0, angle - 1); current.append(c)
            case "," where angle == 0, ";" where angle == 0:
                items.append(current)
                current = ""
            case ":" where angle == 0:
                current = ""  // a group's name: its members follow
            default: current.append(c)
            }
        }
        items.append(current)
        return items.map(\.trimmingWhiteSpace).filter { !$0.isEmpty }
    }

    /// One mailbox, or nil when the item holds no address.
    static func parseMailbox(_ item: String) throws -> MailAddress? {
        var comments: [String] = []
        let stripped = removeComments(item, into: &comments)
        if let open = stripped.lastIndex(of: "<"), let close = stripped[open...].firstIndex(of: ">") {
            let address = String(stripped[stripped.index(after: open)..<close]).trimmingWhiteSpace
            let routeless = address.split(separator: ":").last.map(String.init) ?? address  // obsolete route @a,@b:x@y
            guard routeless.contains("@") else { return nil }
            var name = displayName(String(stripped[..<open]))
            if name.isEmpty, let comment = comments.first { name = comment }
            return MailAddress(name: try EncodedWords.decode(name), address: routeless.trimmingWhiteSpace)
        }
        let address = stripped.filter { !$0.isWhitespace && $0 != "\"" }
        guard address.contains("@") else { return nil }
        let name = comments.first.map(\.trimmingWhiteSpace) ?? ""
        return MailAddress(name: try EncodedWords.decode(name), address: address)
    }

    /// The text without `(comments)` (outside quotes), the comments collected.
    static func removeComments(_ text: String, into comments: inout [String]) -> String {
        var out = ""
        var comment = ""
        var depth = 0
        var inQuotes = false
        var escaped = false
        for c in text {
            if escaped {
                if depth > 0 { comment.append(c) } else { out.append(c) }
                escaped = false
                continue
            }
            if c == "\\" && (inQuotes || depth > 0) {
                if depth == 0 { out.append(c) }
                escaped = true
                continue
            }
            if depth == 0 && c == "\"" { inQuotes.toggle() }
            if !inQuotes && c == "(" {
                depth += 1
                if depth == 1 { continue }
            } else if !inQuotes && c == ")" && depth > 0 {
                depth -= 1
                if depth == 0 {
                    comments.append(comment.trimmingWhiteSpace)
                    comment = ""
                    out.append(" ")
                    continue
                }
            }
            if depth > 0 { comment.append(c) } else { out.append(c) }
        }
        return out
    }

    /// A display name without its quotes and backslash escapes, runs of white space as one space.
    static func displayName(_ text: String) -> String {
        var out = ""
        var escaped = false
        for c in text {
            if escaped {
                out.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c != "\"" {
                out.append(c)
            }
        }
        return out.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}
