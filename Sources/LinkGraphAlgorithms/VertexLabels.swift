/// The labels of a `Digraph`'s vertices, stored compactly, with O(1) lookup by label.
///
/// A label that is a canonical decimal number (`0`, `17`, not `007`) below `numberLimit` is
/// kept as that number: 4 bytes, found through a table indexed by the number. Any other
/// label is kept as UTF-8 bytes in one shared buffer with an offset, found through an
/// open-addressing hash table of vertex ids. A million numbered vertices thus take about
/// 8 MB instead of a `[String]` and a `[String: Int32]` (about 60 MB).
///
/// Reads as a random-access collection of `String`s, each made on access.
/// - Complexity: `append` and `vertex(labeled:)` O(length) expected; `subscript` O(length).
public struct VertexLabels: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    /// Per vertex: the number (≥ 0), or −(k + 1) for the k-th text label.
    private var codes: [Int32] = []
    /// Number → vertex + 1 (0 = absent); grows on demand up to `numberLimit`.
    private var numberSlots: [Int32] = []
    /// The text labels' UTF-8 bytes, one after another; the k-th runs from
    /// `textOffsets[k]` to `textOffsets[k + 1]`.
    private var textBytes: [UInt8] = []
    private var textOffsets: [Int] = [0]
    /// Open addressing with linear probing: vertex + 1 of a text label, 0 = empty.
    /// The capacity is a power of two at least twice the number of text labels.
    private var textTable: [Int32] = []
    /// Numbers at or above this are kept as text, so that one line such as `134217727`
    /// cannot make the number table large.
    public let numberLimit: Int

    /// An empty list whose numbers below `numberLimit` (at most 2^27) are kept as numbers.
    public init(numberLimit: Int = 1 << 16) {
        self.numberLimit = Swift.max(1, Swift.min(numberLimit, 1 << 27))
    }

    /// The labels given, which must be distinct (else the first repeated one is thrown).
    init(distinct labels: [String]) throws {
        self.init(numberLimit: Swift.max(1 << 16, 4 * labels.count))
        codes.reserveCapacity(labels.count)
        for label in labels {
            var label = label
            var seen = false
            _ = label.withUTF8 { add($0, existing: &seen) }
            guard !seen else {
                throw AlgorithmError.invalidArgument("the vertex label '\(label)' appears twice")
            }
        }
    }

    public init(arrayLiteral elements: String...) {
        do { try self.init(distinct: elements) } catch { preconditionFailure("\(error)") }
    }

    // MARK: Collection

    public var startIndex: Int { 0 }
    public var endIndex: Int { codes.count }

    /// The label of vertex `i`.
    public subscript(i: Int) -> String {
        let code = codes[i]
        if code >= 0 { return String(code) }
        let k = Int(-(code + 1))
        return textBytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[textOffsets[k]..<textOffsets[k + 1]]), as: UTF8.self)
        }
    }

    public static func == (a: VertexLabels, b: VertexLabels) -> Bool { a.elementsEqual(b) }

    // MARK: Lookup and adding

    /// The vertex labelled `label`, or nil.
    public func vertex(labeled label: String) -> Int32? {
        var label = label
        return label.withUTF8 { find($0) }
    }

    /// The vertex labelled by these UTF-8 bytes, or nil.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        if let number = Self.canonicalNumber(bytes, below: numberLimit) {
            guard number < numberSlots.count, numberSlots[number] != 0 else { return nil }
            return numberSlots[number] - 1
        }
        guard !textTable.isEmpty else { return nil }
        let mask = textTable.count - 1
        var slot = Self.hash(bytes) & mask
        while true {
            let entry = textTable[slot]
            if entry == 0 { return nil }
            if textEquals(vertex: Int(entry - 1), bytes) { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// The vertex of these bytes, added as the next vertex when new; nil when the bytes are
    /// not valid UTF-8 (lenient decoding would make `\xe9` and `\xe8` one vertex).
    /// With `existing` set, also tells whether the label was there already.
    @inline(__always)
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, existing: UnsafeMutablePointer<Bool>?) -> Int32? {
        if let number = Self.canonicalNumber(bytes, below: numberLimit) {
            if number >= numberSlots.count {
                let size = Swift.min(Swift.max(number + 1, numberSlots.count * 2), numberLimit)
                numberSlots.append(contentsOf: repeatElement(0, count: size - numberSlots.count))
            }
            let s = numberSlots[number]
            if s != 0 {
                existing?.pointee = true
                return s - 1
            }
            let v = Int32(codes.count)
            numberSlots[number] = v + 1
            codes.append(Int32(number))
            return v
        }
        return addText(bytes, existing: existing)
    }

    private mutating func addText(_ bytes: UnsafeBufferPointer<UInt8>, existing: UnsafeMutablePointer<Bool>?)
        -> Int32?
    {
        if let v = find(bytes) {
            existing?.pointee = true
            return v
        }
        guard String(validating: bytes, as: UTF8.self) != nil else { return nil }
        let k = textOffsets.count - 1
        if 2 * (k + 1) > textTable.count { growTable() }
        let v = Int32(codes.count)
        codes.append(-Int32(k) - 1)
        textBytes.append(contentsOf: bytes)
        textOffsets.append(textBytes.count)
        insert(vertex: v, hash: Self.hash(bytes))
        return v
    }

    private mutating func insert(vertex v: Int32, hash: Int) {
        let mask = textTable.count - 1
        var slot = hash & mask
        while textTable[slot] != 0 { slot = (slot + 1) & mask }
        textTable[slot] = v + 1
    }

    private mutating func growTable() {
        let capacity = Swift.max(16, textTable.count * 2)
        textTable = [Int32](repeating: 0, count: capacity)
        for v in 0..<codes.count where codes[v] < 0 {
            let k = Int(-(codes[v] + 1))
            let h = textBytes.withUnsafeBufferPointer {
                Self.hash(UnsafeBufferPointer(rebasing: $0[textOffsets[k]..<textOffsets[k + 1]]))
            }
            insert(vertex: Int32(v), hash: h)
        }
    }

    private func textEquals(vertex v: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let code = codes[v]
        guard code < 0 else { return false }
        let k = Int(-(code + 1))
        let start = textOffsets[k], end = textOffsets[k + 1]
        guard end - start == bytes.count else { return false }
        return textBytes.withUnsafeBufferPointer { all in
            for i in 0..<bytes.count where all[start + i] != bytes[i] { return false }
            return true
        }
    }

    /// The value of a canonical decimal of at most 9 digits below `limit`, else nil.
    @inline(__always)
    static func canonicalNumber(_ p: UnsafeBufferPointer<UInt8>, below limit: Int) -> Int? {
        let len = p.count
        guard len >= 1, len <= 9, len == 1 || p[0] != 48 else { return nil }
        var value = 0
        for i in 0..<len {
            let d = Int(p[i]) &- 48
            if d < 0 || d > 9 { return nil }
            value = value &* 10 &+ d
        }
        return value < limit ? value : nil
    }

    /// FNV-1a over the bytes.
    static func hash(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in p {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The slots of the number table (for tests of its bound).
    var numberTableCount: Int { numberSlots.count }

    /// Reserves room for `count` labels.
    mutating func reserveCapacity(_ count: Int) { codes.reserveCapacity(count) }
}
