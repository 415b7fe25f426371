/// An open-addressing hash table keyed by token keys (already 64-bit FNV hashes, so the key
/// is its own hash): linear probing over a power-of-two array, no per-lookup hashing.
///
/// Swift's `Dictionary` runs SipHash on every probe; for the per-token lookups of the
/// recognizer and the rule index this table is several times faster.
/// - Complexity: O(1) expected per lookup and insert; 0 is not a valid key.
struct KeyTable<Value> {
    private var keys: [UInt64]
    private var values: [Value?]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 8) {
        var size = 8
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: nil, count: size)
        mask = size - 1
    }

    @inline(__always) private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: key ^ (key >> 29)) & mask }

    subscript(key: UInt64) -> Value? {
        @inline(__always) get {
            var i = slot(key)
            while true {
                let k = keys[i]
                if k == key { return values[i] }
                if k == 0 { return nil }
                i = (i + 1) & mask
            }
        }
        set {
            precondition(key != 0, "KeyTable: key 0 is reserved")
            guard let newValue else { return }  // removal is not needed
            if (count + 1) * 2 > keys.count { grow() }
            var i = slot(key)
            while keys[i] != 0 && keys[i] != key { i = (i + 1) & mask }
            if keys[i] == 0 { count += 1 }
            keys[i] = key
            values[i] = newValue
        }
    }

    @inline(__always) func contains(_ key: UInt64) -> Bool { self[key] != nil }

    var allKeys: [UInt64] { keys.filter { $0 != 0 } }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: nil, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (k, v) in zip(oldKeys, oldValues) where k != 0 { self[k] = v }
    }
}

/// A set of token keys on `KeyTable`.
struct KeySet {
    private var table = KeyTable<Bool>()

    init() {}
    init<S: Sequence>(_ keys: S) where S.Element == UInt64 { for k in keys { insert(k) } }

    mutating func insert(_ key: UInt64) { table[key] = true }
    @inline(__always) func contains(_ key: UInt64) -> Bool { table[key] != nil }
    var isEmpty: Bool { table.count == 0 }
}

extension KeyTable: Sendable where Value: Sendable {}
extension KeySet: Sendable {}
