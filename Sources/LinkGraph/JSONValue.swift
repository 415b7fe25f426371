/// A JSON value as read from or written to a file.
///
/// Objects keep their members in file order, so unknown fields of a case file are written back
/// where they were. Numbers keep their source text when read, so a number survives a round trip
/// byte for byte even where `Double` would round it.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The value's JSON type, as error messages name it.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var doubleValue: Double? {
        if case .number(let n) = self { return n.doubleValue }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }
}

/// A JSON number: its value and the text it was written as.
public struct JSONNumber: Equatable, Sendable {
    /// The number's text in JSON syntax, e.g. `0.9`, `-3`, `1e-9`.
    public let text: String

    /// The number as a `Double` (infinite when out of range), correctly rounded.
    ///
    /// Integers and decimals of at most 15 digits are computed directly (their digits and the power of ten are exact doubles, so one
    /// division rounds correctly: Clinger's fast path); anything else goes to `Double(String)`.
    ///
    /// ## References
    /// - W. D. Clinger, "How to Read Floating Point Numbers Accurately", PLDI 1990.
    ///   <https://doi.org/10.1145/93542.93557>
    public var doubleValue: Double {
        var text = self.text
        return text.withUTF8 { Self.fastDouble($0) } ?? Double(self.text) ?? .nan
    }

    /// `[-]digits[.digits]` with at most 15 digits in all, else nil.
    static func fastDouble(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0, mantissa: Int64 = 0, digits = 0, fraction = -1
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { i = 1 }
        guard i < bytes.count else { return nil }
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "."), fraction < 0 {
                fraction = 0
            } else if byte >= 0x30 && byte <= 0x39 {
                digits += 1
                if digits > 15 { return nil }
                mantissa = mantissa * 10 + Int64(byte - 0x30)
                if fraction >= 0 { fraction += 1 }
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0, fraction != 0 else { return nil }
        var value = Double(mantissa)
        if fraction > 0 { value /= Self.powersOfTen[fraction] }
        return negative ? -value : value
    }

    /// 10^0 ... 10^15, each exact in a `Double`.
    static let powersOfTen: [Double] = [
        1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ]

    /// A number from its JSON text; the caller guarantees the syntax.
    public init(text: String) { self.text = text }

    /// A number from a `Double`, written in the shortest form that reads back the same.
    /// Integral values within 2^53 are written without a fraction.
    public init(_ value: Double) {
        if value.isFinite, value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
            text = String(Int64(value))
        } else {
            text = "\(value)"
        }
    }

    public init(_ value: Int) { text = String(value) }

    /// Equal when the values are equal (`1.0` and `1` are the same number).
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        lhs.text == rhs.text || lhs.doubleValue == rhs.doubleValue
    }
}

/// A JSON object with its members in order. Looking a key up is O(n); case-file objects are
/// small. A repeated key keeps its last value, as most JSON readers do.
public struct JSONObject: Equatable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
    public private(set) var members: [(key: String, value: JSONValue)]

    public init() { members = [] }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        members = []
        for (key, value) in elements { self[key] = value }
    }

    /// An object from members in order; a repeated key keeps its first place and last value.
    /// - Complexity: O(n).
    public init(_ members: [(String, JSONValue)]) {
        if members.count <= 16 {
            // Small objects (nearly all of a case file): a linear check is cheaper than hashing.
            var unique: [(key: String, value: JSONValue)] = []
            unique.reserveCapacity(members.count)
            for (key, value) in members {
                if let index = unique.firstIndex(where: { $0.key == key }) {
                    unique[index].value = value
                } else {
                    unique.append((key, value))
                }
            }
            self.members = unique
            return
        }
        var position: [String: Int] = [:]
        position.reserveCapacity(members.count)
        var unique: [(key: String, value: JSONValue)] = []
        unique.reserveCapacity(members.count)
        for (key, value) in members {
            if let index = position[key] {
                unique[index].value = value
            } else {
                position[key] = unique.count
                unique.append((key, value))
            }
        }
        self.members = unique
    }

    /// An object from members as the parser read them: taken as they are when no key repeats
    /// (nearly every object of a case file), without a second array.
    /// - Complexity: O(n²) string comparisons for n ≤ 16 members, else O(n).
    init(parsed members: [(key: String, value: JSONValue)]) {
        if members.count <= 16 {
            var repeated = false
            var i = 1
            while i < members.count && !repeated {
                var j = 0
                while j < i && !repeated {
                    repeated = members[j].key == members[i].key
                    j += 1
                }
                i += 1
            }
            if !repeated {
                self.init()
                self.members = members
                return
            }
        }
        self.init(members.map { ($0.key, $0.value) })
    }

    public subscript(key: String) -> JSONValue? {
        get { members.last(where: { $0.key == key })?.value }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append((key, newValue))
            }
        }
    }

    public var keys: [String] { members.map(\.key) }
    public var isEmpty: Bool { members.isEmpty }
    public var count: Int { members.count }

    public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> {
        members.makeIterator()
    }

    /// Equal when both have the same keys with equal values, in any order.
    /// - Complexity: O(n).
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.members.count == rhs.members.count else { return false }
        if lhs.members.elementsEqual(rhs.members, by: { $0.key == $1.key && $0.value == $1.value }) { return true }
        let right = Dictionary(rhs.members.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        for (key, value) in lhs.members where right[key] != value { return false }
        return true
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    public init(floatLiteral value: Double) { self = .number(JSONNumber(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue {
    /// A number, with non-finite values as null (JSON has no infinity).
    public static func num(_ x: Double) -> JSONValue { x.isFinite ? .number(JSONNumber(x)) : .null }
    /// A whole number.
    public static func num(_ x: Int) -> JSONValue { .number(JSONNumber(x)) }
}
