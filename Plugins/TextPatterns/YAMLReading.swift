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
            return node
        } catch let error as YamlError {
            switch error {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                .composer(let context, let problem, let mark, _):
                let detail = context.map { "\($0.text) " } ?? ""
                // libyaml names its own C function in this one; say what the limit is instead.
                let message = problem.hasPrefix("Maximum nesting level reached") ? "nested deeper than 1000 levels" : detail + problem
                throw TextPatternsError.syntax(file: file, line: mark.line, column: mark.column, message: message)
            case .reader(let problem, _, _, _):
                throw TextPatternsError.syntax(file: file, line: 1, column: 1, message: problem)
            default:
                throw TextPatternsError.syntax(file: file, line: 1, column: 1, message: "\(error)")
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
        guard let s = node.scalar?.string else { throw fail(node, "\(what) must be a single value, not a list or mapping") }
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
                throw fail(k, "unknown key '\(key)' in \(what); expected one of: \(allowed.sorted().joined(separator: ", "))")
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
