/// A strict JSON reader (RFC 8259) that reports where it failed.
///
/// Reads UTF-8 bytes into a `JSONValue`. Rejects invalid UTF-8, control characters in strings,
/// lone surrogates, trailing commas, leading zeros and anything after the top-level value.
/// Nesting deeper than `maxDepth` is an error rather than a stack overflow.
/// - Complexity: O(n) time in the input size; recursion depth bounded by `maxDepth`.
public struct JSONParser {
    /// The deepest nesting of arrays and objects accepted by default.
    public static let defaultMaxDepth = 256

    /// The input, borrowed for the length of `parse` (no copy when the caller's bytes are contiguous).
    private let bytes: UnsafeBufferPointer<UInt8>
    private let maxDepth: Int
    private var index = 0
    private var line = 1
    private var lineStart = 0
    /// Members and elements of the objects and arrays being read, innermost last: each
    /// container is copied out at its end into an array of its exact size, so no array
    /// grows by doubling.
    private var memberStack: [(key: String, value: JSONValue)] = []
    private var elementStack: [JSONValue] = []

    private init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// Parses one JSON document.
    /// - Throws: `JSONSyntaxError` with the 1-based line and column of the problem.
    public static func parse<Bytes: Sequence>(_ input: Bytes, maxDepth: Int = defaultMaxDepth) throws -> JSONValue
    where Bytes.Element == UInt8 {
        // Contiguous bytes (an array, `Data`) are read where they are; others are gathered first.
        if let value = try input.withContiguousStorageIfAvailable({ try parse(buffer: $0, maxDepth: maxDepth) }) {
            return value
        }
        return try Array(input).withUnsafeBufferPointer { try parse(buffer: $0, maxDepth: maxDepth) }
    }

    private static func parse(buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int) throws -> JSONValue {
        var parser = JSONParser(bytes: buffer, maxDepth: maxDepth)
        if parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3; parser.lineStart = 3 }
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.index < parser.bytes.count {
            throw parser.error("unexpected text after the end of the JSON value")
        }
        return value
    }

    /// The message of the error for nesting deeper than `maxDepth`, so a caller can recognise
    /// it and say how to raise the limit.
    public static func depthMessage(_ maxDepth: Int) -> String { "nesting deeper than \(maxDepth) levels" }

    /// Parses one JSON document from a string.
    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws -> JSONValue {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }

    private func error(_ message: String) -> JSONSyntaxError {
        // Column counts characters, not bytes, from the line start.
        let end = min(index, bytes.count)
        let column = (String(decoding: bytes[lineStart..<end], as: UTF8.self).count) + 1
        return JSONSyntaxError(line: line, column: column, message: message)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    private mutating func parseValue(depth: Int) throws -> JSONValue {
        guard let byte = current else { throw error("unexpected end of input, expected a value") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("unexpected character \(describe(byte)), expected a value")
        }
    }

    private func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "0x" + (hex.count == 1 ? "0" + hex : hex)
    }

    private mutating func expectLiteral(_ word: StaticString) throws {
        let literal = word.withUTF8Buffer { Array($0) }
        guard bytes.count - index >= literal.count, Array(bytes[index..<index + literal.count]) == literal else {
            throw error("invalid literal, expected '\(word)'")
        }
        index += literal.count
    }

    private mutating func parseObject(depth: Int) throws -> JSONValue {
        if depth > maxDepth { throw error(Self.depthMessage(maxDepth)) }
        index += 1
        skipWhitespace()
        if current == UInt8(ascii: "}") { index += 1; return .object(JSONObject()) }
        let base = memberStack.count
        defer { memberStack.removeSubrange(base...) }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw error("expected a member name in double quotes") }
            let key = try parseString()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after the member name \"\(key)\"") }
            index += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            memberStack.append((key, value))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return .object(JSONObject(parsed: Array(memberStack[base...])))
            case nil: throw error("unexpected end of input inside an object")
            default: throw error("expected ',' or '}' in an object")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws -> JSONValue {
        if depth > maxDepth { throw error(Self.depthMessage(maxDepth)) }
        index += 1
        skipWhitespace()
        if current == UInt8(ascii: "]") { index += 1; return .array([]) }
        let base = elementStack.count
        defer { elementStack.removeSubrange(base...) }
        while true {
            skipWhitespace()
            let element = try parseValue(depth: depth)
            elementStack.append(element)
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return .array(Array(elementStack[base...]))
            case nil: throw error("unexpected end of input inside an array")
            default: throw error("expected ',' or ']' in an array")
            }
        }
    }

    private mutating func parseNumber() throws -> JSONNumber {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, first >= 0x30, first <= 0x39 else { throw error("invalid number") }
        if first == 0x30 {
            index += 1
            if let next = current, next >= 0x30, next <= 0x39 { throw error("invalid number: leading zero") }
        } else {
            while let d = current, d >= 0x30, d <= 0x39 { index += 1 }
        }
        if current == UInt8(ascii: ".") {
            index += 1
            guard let d = current, d >= 0x30, d <= 0x39 else { throw error("invalid number: digit expected after '.'") }
            while let d = current, d >= 0x30, d <= 0x39 { index += 1 }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let d = current, d >= 0x30, d <= 0x39 else {
                throw error("invalid number: digit expected in exponent")
            }
            while let d = current, d >= 0x30, d <= 0x39 { index += 1 }
        }
        return JSONNumber(text: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
    }

    /// Reads a string literal. Runs without escapes are copied as bytes; the result is
    /// validated as UTF-8 once, so the common case is one scan and one copy.
    private mutating func parseString() throws -> String {
        index += 1  // opening quote
        let start = index
        // Fast path: no escape before the closing quote.
        var high: UInt8 = 0  // the bytes' high bits: 0 for ASCII
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let run = UnsafeBufferPointer(rebasing: bytes[start..<index])
                let text = high < 0x80 ? String(decoding: run, as: UTF8.self) : try makeString(run, at: start)
                index += 1
                return text
            }
            high |= byte
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("control character \(describe(byte)) in a string: escape it") }
            index += 1
        }
        guard index < bytes.count else { throw error("unterminated string") }
        // Slow path: copy runs and decoded escapes into a buffer.
        var buffer = Array(bytes[start..<index])
        while true {
            guard let byte = current else { throw error("unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                let text = try buffer.withUnsafeBufferPointer { try makeString($0, at: start) }
                index += 1
                return text
            case UInt8(ascii: "\\"):
                index += 1
                buffer.append(contentsOf: String(Character(try parseEscape())).utf8)
            case 0x00..<0x20:
                throw error("control character \(describe(byte)) in a string: escape it")
            default:
                buffer.append(byte)
                index += 1
            }
        }
    }

    /// The string of UTF-8 `bytes`, or an error pointing at `start` when they are not UTF-8.
    /// Decoding repairs invalid sequences with U+FFFD, so the text is valid exactly when its
    /// bytes are the input's (no generic validation, which looked up type metadata per string).
    /// ASCII runs skip this: they are always valid.
    private mutating func makeString(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) throws -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        if text.utf8.elementsEqual(bytes) { return text }
        index = start
        throw error("invalid UTF-8 in a string")
    }

    private mutating func parseEscape() throws -> Unicode.Scalar {
        guard let byte = current else { throw error("unterminated escape") }
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try parseHex4()
            if (0xD800..<0xDC00).contains(high) {
                guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u")
                else {
                    throw error("lone high surrogate \\u\(String(high, radix: 16, uppercase: true))")
                }
                index += 2
                let low = try parseHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw error("invalid low surrogate") }
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
            }
            guard let scalar = Unicode.Scalar(high) else { throw error("lone low surrogate") }
            return scalar
        default:
            index -= 1
            throw error("invalid escape \\\(describe(byte))")
        }
    }

    private mutating func parseHex4() throws -> UInt32 {
        guard bytes.count - index >= 4 else { throw error("incomplete \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[index]
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: throw error("invalid hex digit in \\u escape")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }
}

/// A JSON text that is not valid, with the place it went wrong.
public struct JSONSyntaxError: Error, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let message: String

    public var description: String { "line \(line), column \(column): \(message)" }
}
