import LinkGraph

/// Reads the fields of JSON objects for the wire forms, recording each problem with its JSON
/// path instead of stopping, so that one answer reports everything wrong with it.
struct WireReader {
    var problems: [CaseFileProblem] = []

    mutating func problem(_ path: String, _ message: String) {
        problems.append(CaseFileProblem(path: path, message: message))
    }

    static func join(_ path: String, _ key: String) -> String { path == "$" ? key : "\(path).\(key)" }

    /// Records a problem for every key of `object` not in `allowed`.
    mutating func rejectUnknown(_ object: JSONObject, allowed: [String], _ path: String) {
        for key in object.keys where !allowed.contains(key) {
            problem(Self.join(path, key), "unknown field (allowed: \(allowed.joined(separator: ", ")))")
        }
    }

    mutating func object(_ value: JSONValue, _ path: String) -> JSONObject? {
        guard case .object(let object) = value else {
            problem(path, "expected an object, found \(value.typeName)")
            return nil
        }
        return object
    }

    mutating func array(_ object: JSONObject, _ key: String, _ path: String, required: Bool) -> [JSONValue]? {
        let path = Self.join(path, key)
        guard let value = object[key], value != .null else {
            if required { problem(path, "required field is missing") }
            return nil
        }
        guard case .array(let elements) = value else {
            problem(path, "expected an array, found \(value.typeName)")
            return nil
        }
        return elements
    }

    mutating func requiredString(_ object: JSONObject, _ key: String, _ path: String) -> String? {
        let path = Self.join(path, key)
        guard let value = object[key] else {
            problem(path, "required field is missing")
            return nil
        }
        guard case .string(let s) = value else {
            problem(path, "expected a string, found \(value.typeName)")
            return nil
        }
        if s.allSatisfy(\.isWhitespace) {
            problem(path, "must not be empty")
            return nil
        }
        return s
    }

    mutating func optionalString(_ object: JSONObject, _ key: String, _ path: String) -> String? {
        guard let value = object[key], value != .null else { return nil }
        guard case .string(let s) = value else {
            problem(Self.join(path, key), "expected a string, found \(value.typeName)")
            return nil
        }
        return s
    }

    mutating func optionalObject(_ object: JSONObject, _ key: String, _ path: String) -> JSONObject {
        guard let value = object[key], value != .null else { return [:] }
        guard case .object(let inner) = value else {
            problem(Self.join(path, key), "expected an object, found \(value.typeName)")
            return [:]
        }
        return inner
    }

    mutating func stringArray(_ object: JSONObject, _ key: String, _ path: String) -> [String] {
        guard let elements = array(object, key, path, required: false) else { return [] }
        var out: [String] = []
        for (i, element) in elements.enumerated() {
            if case .string(let s) = element {
                out.append(s)
            } else {
                problem("\(Self.join(path, key))[\(i)]", "expected a string, found \(element.typeName)")
            }
        }
        return out
    }

    mutating func optionalNumber(_ object: JSONObject, _ key: String, _ path: String) -> Double? {
        guard let value = object[key], value != .null else { return nil }
        guard case .number(let n) = value else {
            problem(Self.join(path, key), "expected a number, found \(value.typeName)")
            return nil
        }
        guard n.doubleValue.isFinite else {
            problem(Self.join(path, key), "number \(n.text) is out of range")
            return nil
        }
        return n.doubleValue
    }

    /// A confidence in 0...1; 1 when absent.
    mutating func confidence(_ object: JSONObject, _ path: String) -> Double {
        guard let c = optionalNumber(object, "confidence", path) else { return 1 }
        guard (0...1).contains(c) else {
            problem(Self.join(path, "confidence"), "confidence \(c) is outside 0...1")
            return 1
        }
        return c
    }

    mutating func optionalDate(_ object: JSONObject, _ key: String, _ path: String) -> PartialDate? {
        guard let text = optionalString(object, key, path) else { return nil }
        guard let date = PartialDate(text) else {
            problem(Self.join(path, key), "invalid date \"\(text)\": expected YYYY, YYYY-MM or YYYY-MM-DD")
            return nil
        }
        return date
    }

    /// A byte span `{"start": s, "end": e}` with 0 ≤ s ≤ e ≤ `limit` (when the limit is known).
    mutating func span(_ object: JSONObject, _ path: String, limit: Int?) -> Span? {
        var offsets: [Int] = []
        for key in ["start", "end"] {
            let keyPath = Self.join(path, key)
            guard let value = object[key] else {
                problem(keyPath, "required field is missing")
                continue
            }
            guard case .number(let n) = value else {
                problem(keyPath, "expected a byte offset, found \(value.typeName)")
                continue
            }
            let d = n.doubleValue
            guard d.isFinite, d >= 0, d == d.rounded(), d <= Double(Int32.max) * 1024 else {
                problem(keyPath, "expected a byte offset (a whole number ≥ 0), found \(n.text)")
                continue
            }
            offsets.append(Int(d))
        }
        guard offsets.count == 2 else { return nil }
        let span = Span(start: offsets[0], end: offsets[1])
        if span.start > span.end {
            problem(Self.join(path, "end"), "end \(span.end) is before start \(span.start)")
            return nil
        }
        if let limit, span.end > limit {
            problem(Self.join(path, "end"), "end \(span.end) is past the end of the document (\(limit) bytes)")
            return nil
        }
        return span
    }
}
