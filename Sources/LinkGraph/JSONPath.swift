/// Where a value sits in a JSON document, as error messages name it
/// (`relations[3].evidence[0]`), built as text only when a message needs it.
///
/// Decoding a case file names the place of every element it visits, and nearly all of
/// them are fine: the path keeps its parts (a name, an index, a member name, an index) and
/// joins them in `description`, so a million relations cost no string formatting. A path
/// deeper than those four parts is joined when it is made.
/// - Complexity: O(1) to make and extend (up to four parts); O(length) for `description`.
struct JSONPath: CustomStringConvertible, ExpressibleByStringLiteral, Sendable {
    private var head: String
    private var index = -1
    private var member = ""
    private var memberIndex = -1

    init(_ text: String) { head = text }
    init(stringLiteral value: String) { head = value }

    /// The element at `i` of the array here.
    func at(_ i: Int) -> JSONPath {
        var path = self
        if index < 0 && member.isEmpty {
            path.index = i
        } else if !member.isEmpty && memberIndex < 0 {
            path.memberIndex = i
        } else {
            path = JSONPath(description + "[\(i)]")
        }
        return path
    }

    /// The member `key` of the object here.
    func member(_ key: String) -> JSONPath {
        if index >= 0 && member.isEmpty {
            var path = self
            path.member = key
            return path
        }
        return JSONPath(description + "." + key)
    }

    var description: String {
        var text = head
        if index >= 0 { text += "[\(index)]" }
        if !member.isEmpty { text += "." + member }
        if memberIndex >= 0 { text += "[\(memberIndex)]" }
        return text
    }
}
