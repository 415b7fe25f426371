import Foundation
import Yams

/// Small helpers over Yams' node tree that keep the file name and line of every value, so
/// rules and gazetteer files report errors as `file:line: message`.
struct YAMLReader {
    let file: String

    /// Parses `text` into a node tree; a YAML error becomes `TextPatternsError.syntax` with its mark.
    func root(_ text: String) throws -> Node {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw TextPatternsError.invalid(file: file, line: 1, message: "the file is empty")
            }
            try checkExpandedSize(node, textBytes: text.utf8.count)
            return node
        } catch let error as YamlError {
            switch error {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                .composer(let context, let problem, let mark, _):
                let detail = context.map { "\($0.text) " } ?? ""
                // libyaml names its own C function in this one; say what the limit is instead.
                let message =
                    problem.hasPrefix("Maximum nesting level reached")
                    ? "nested deeper than 1000 levels" : detail + problem
                throw TextPatternsError.syntax(file: file, line: mark.line, column: mark.column, message: message)
            case .reader(let problem, _, _, _):
                throw TextPatternsError.syntax(file: file, line: 1, column: 1, message: problem)
            default:
                throw TextPatternsError.syntax(file: file, line: 1, column: 1, message: "\(error)")
            }
        }
    }

    /// The most characters a file may stand for once its aliases are expanded: 16 times its own
    /// size, and at least 4 MiB (the built-in rules and gazetteer are about 30 KB each). Real
    /// files repeat an anchored rule a few times; an alias bomb (`b: [*a, *a, ...]`,
    /// `c: [*b, *b, ...]`) stands for 10¹⁰ characters in 740 KB.
    static func expandedLimit(textBytes: Int) -> Int { max(4 << 20, 16 * textBytes) }

    /// Refuses a tree that stands for more than `expandedLimit` characters. Composing shares
    /// an anchored node between its aliases, so the tree is small in memory; every reader walks
    /// it expanded, which is what a bomb makes exponential. The walk stops at the limit.
    /// - Throws: `TextPatternsError.invalid` at the line the limit was reached.
    /// - Complexity: O(min(expanded size, limit)); an explicit stack, so aliases nested
    ///   100,000 deep do not overflow the call stack.
    func checkExpandedSize(_ root: Node, textBytes: Int) throws {
        let limit = Self.expandedLimit(textBytes: textBytes)
        var size = 0
        var pending: [Node] = [root]
        while let node = pending.popLast() {
            switch node {
            case .scalar(let scalar): size += scalar.string.utf8.count + 1
            case .sequence(let sequence):
                size += 1
                pending.append(contentsOf: sequence)
            case .mapping(let mapping):
                size += 1
                for (key, value) in mapping {
                    pending.append(key)
                    pending.append(value)
                }
            case .alias: size += 1
            }
            if size > limit {
                throw fail(
                    node, "the file's aliases (*name) expand it past \(limit) characters; write the values out instead")
            }
        }
    }

    func line(_ node: Node) -> Int { node.mark?.line ?? 1 }

    func fail(_ node: Node, _ message: String) -> TextPatternsError {
        .invalid(file: file, line: line(node), message: message)
    }

    func mapping(_ node: Node, _ what: String) throws -> Node.Mapping {
        guard let m = node.mapping else { throw fail(node, "\(what) must be a mapping (key: value)") }
        return m
    }

    func string(_ node: Node, _ what: String) throws -> String {
        guard let s = node.scalar?.string else {
            throw fail(node, "\(what) must be a single value, not a list or mapping")
        }
        return s
    }

    /// A string or a list of strings.
    func strings(_ node: Node, _ what: String) throws -> [String] {
        if let s = node.scalar?.string { return [s] }
        guard let seq = node.sequence else { throw fail(node, "\(what) must be a value or a list of values") }
        return try seq.map { try string($0, what) }
    }

    func double(_ node: Node, _ what: String) throws -> Double {
        guard let s = node.scalar?.string, let d = Double(s) else { throw fail(node, "\(what) must be a number") }
        return d
    }

    /// Rejects keys other than `allowed`, naming the line of the stray key.
    func checkKeys(_ m: Node.Mapping, _ allowed: Set<String>, _ what: String) throws {
        for (k, _) in m {
            let key = k.scalar?.string ?? ""
            if !allowed.contains(key) {
                throw fail(
                    k, "unknown key '\(key)' in \(what); expected one of: \(allowed.sorted().joined(separator: ", "))")
            }
        }
    }
}

/// Reads a file as UTF-8 text, naming it on failure.
func readTextFile(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw TextPatternsError.unreadable(file: path, reason: "no such file, or not readable")
    }
    return String(decoding: data, as: UTF8.self)
}
