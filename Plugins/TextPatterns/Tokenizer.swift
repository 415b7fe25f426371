/// One token of a document: a word, a number or a punctuation mark, with its byte span.
///
/// Tokens are small values (24 bytes) kept in one array per document; everything later
/// (sentences, mentions, rule matching) refers to them by index.
struct Token {
    /// Byte offsets into the request bytes, end exclusive.
    var start: Int32
    var end: Int32
    /// FNV-1a hash of the lower-cased bytes (curly apostrophes folded to `'`): the token's identity.
    var key: UInt64
    var flags: TokenFlags
    /// For punctuation, an ASCII stand-in (`"` for any double quote, `'` for any single quote,
    /// `-` for hyphens and dashes, `.` for an ellipsis too); 0 for words and numbers.
    var punct: UInt8

    @inline(__always) var isWord: Bool { flags.contains(.word) }
    @inline(__always) var isCapitalized: Bool { flags.contains(.upperInitial) }
    @inline(__always) var isLowerWord: Bool {
        flags.contains(.word) && !flags.contains(.upperInitial) && !flags.contains(.number)
    }
    @inline(__always) var length: Int { Int(end - start) }
}

struct TokenFlags: OptionSet {
    let rawValue: UInt16
    /// Letters or digits (a word, a number, an initialism, a URL).
    static let word = TokenFlags(rawValue: 1)
    /// Starts with a digit.
    static let number = TokenFlags(rawValue: 2)
    /// First letter upper case.
    static let upperInitial = TokenFlags(rawValue: 4)
    /// At least two letters, all upper case.
    static let allUpper = TokenFlags(rawValue: 8)
    /// White space precedes the token.
    static let spaceBefore = TokenFlags(rawValue: 16)
    /// A line break precedes the token.
    static let newlineBefore = TokenFlags(rawValue: 32)
    /// A blank line precedes the token.
    static let paragraphBefore = TokenFlags(rawValue: 64)
    /// `'s`, `’s`, or a bare apostrophe closing a word (`U.S.’`).
    static let possessive = TokenFlags(rawValue: 128)
    /// Letters separated by periods, ending in one: `U.S.`, `e.g.`.
    static let initialism = TokenFlags(rawValue: 256)
    /// Any punctuation mark.
    static let punctuation = TokenFlags(rawValue: 512)
    /// Contains a lower-case letter after the first (`Iran`, not `IRGC`).
    static let hasLower = TokenFlags(rawValue: 1024)
    /// A word whose last byte is a lower-case `s`.
    static let endsInS = TokenFlags(rawValue: 2048)
    /// A word of five bytes or more whose last bytes are a lower-case `ed`.
    static let endsInEd = TokenFlags(rawValue: 4096)
}

/// FNV-1a, 64 bits: the hash every token key and lexicon entry is made with.
enum TokenHash {
    static let basis: UInt64 = 0xcbf2_9ce4_8422_2325
    @inline(__always) static func step(_ h: UInt64, _ b: UInt8) -> UInt64 { (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    /// The key of a word as written (lower-cased here).
    static func key(_ text: String) -> UInt64 {
        var h = basis
        for b in text.utf8 { h = step(h, lower(b)) }
        return h
    }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { (b &- 65) < 26 ? b | 0x20 : b }
    static let possessiveKey = key("'s")
}

/// Splits UTF-8 bytes into tokens in one pass over the bytes, with no allocation per token.
///
/// Rules: white space separates; a word runs over letters, digits and non-ASCII letters, and
/// keeps an inner `.` before a letter or digit (`U.S`, `3.5`, `albawaba.com`), an inner `,`
/// between digits (`3,000`) and an inner apostrophe before a letter (`O'Brien`), except `'s`
/// which becomes its own possessive token. An initialism (`U.S`) takes its final period.
/// Hyphens are tokens of their own, so `al-Jabouri` is `al`, `-`, `Jabouri` with no space between.
/// - Complexity: O(n) in the byte count.
enum Tokenizer {
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, into tokens: inout [Token]) {
        let n = bytes.count
        var i = 0
        var pending: TokenFlags = []
        var newlines = 0
        tokens.reserveCapacity(n / 5)
        while i < n {
            let b = bytes[i]
            // White space.
            if b == 32 || b == 9 || b == 13 || b == 10 || b == 11 || b == 12 {
                pending.insert(.spaceBefore)
                if b == 10 { newlines += 1 }
                i += 1
                continue
            }
            if b == 0xC2 && i + 1 < n && bytes[i + 1] == 0xA0 {  // no-break space
                pending.insert(.spaceBefore)
                i += 2
                continue
            }
            if b == 0xEF && i + 2 < n && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF {  // BOM
                i += 3
                continue
            }
            var flags = pending
            if newlines > 0 { flags.insert(.newlineBefore) }
            if newlines > 1 { flags.insert(.paragraphBefore) }
            pending = []
            newlines = 0
            let start = i
            if isWordByte(bytes, i, n) {
                var h = TokenHash.basis
                var letters = 0
                var uppers = 0
                var lowers = 0
                var segmentLetters = 0
                var maxSegment = 0
                var dots = 0
                let first = b
                while i < n {
                    let c = bytes[i]
                    if isWordByte(bytes, i, n) {
                        let width = utf8Width(c)
                        if c < 0x80 {
                            if (c &- 65) < 26 {
                                uppers += 1; letters += 1; segmentLetters += 1
                            } else if (c &- 97) < 26 {
                                lowers += 1; letters += 1; segmentLetters += 1
                            }
                            h = TokenHash.step(h, TokenHash.lower(c))
                            i += 1
                        } else {
                            letters += 1
                            segmentLetters += 1
                            // Latin-1 upper case: U+00C0...U+00DE; fold to lower by +0x20 on the 2nd byte.
                            if c == 0xC3 && i + 1 < n && bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0x9E
                                && bytes[i + 1] != 0x97
                            {
                                uppers += 1
                                h = TokenHash.step(TokenHash.step(h, c), bytes[i + 1] &+ 0x20)
                            } else {
                                lowers += 1
                                for k in 0..<min(width, n - i) { h = TokenHash.step(h, bytes[i + k]) }
                            }
                            i += width
                        }
                        continue
                    }
                    // Inner '.' before an alphanumeric, after an alphanumeric.
                    if c == 46 && i + 1 < n && isAlnumASCII(bytes[i + 1]) && isAlnumASCII(bytes[i - 1]) {
                        maxSegment = max(maxSegment, segmentLetters)
                        segmentLetters = 0
                        dots += 1
                        h = TokenHash.step(h, c)
                        i += 1
                        continue
                    }
                    // Inner ',' between digits.
                    if c == 44 && i + 1 < n && isDigit(bytes[i + 1]) && isDigit(bytes[i - 1]) {
                        h = TokenHash.step(h, c)
                        i += 1
                        continue
                    }
                    // Apostrophe (ASCII or U+2019) inside a word, unless it starts a possessive 's.
                    let apos = apostropheWidth(bytes, i, n)
                    if apos > 0 && i + apos < n && isLetterByte(bytes[i + apos]) {
                        let afterS = i + apos + 1
                        let isPossessiveS =
                            (bytes[i + apos] | 0x20) == 115 && (afterS >= n || !isWordByte(bytes, afterS, n))
                        if isPossessiveS { break }
                        h = TokenHash.step(h, 39)
                        i += apos
                        continue
                    }
                    break
                }
                maxSegment = max(maxSegment, segmentLetters)
                // An initialism (U.S, e.g) takes its closing period.
                if dots >= 1 && maxSegment == 1 && i < n && bytes[i] == 46 {
                    h = TokenHash.step(h, 46)
                    i += 1
                    flags.insert(.initialism)
                }
                flags.insert(.word)
                if isDigit(first) { flags.insert(.number) }
                if (first &- 65) < 26
                    || (first == 0xC3 && start + 1 < n && bytes[start + 1] >= 0x80 && bytes[start + 1] <= 0x9E)
                {
                    flags.insert(.upperInitial)
                }
                if letters >= 2 && uppers == letters { flags.insert(.allUpper) }
                if lowers > 0 { flags.insert(.hasLower) }
                if bytes[i - 1] == 115 { flags.insert(.endsInS) }
                if i - start >= 5 && bytes[i - 2] == 101 && bytes[i - 1] == 100 { flags.insert(.endsInEd) }
                tokens.append(Token(start: Int32(start), end: Int32(i), key: h, flags: flags, punct: 0))
                continue
            }
            // Possessive 's / ’s, or a bare closing apostrophe right after a word.
            let apos = apostropheWidth(bytes, i, n)
            if apos > 0, let last = tokens.last, last.isWord, Int(last.end) == i {
                if i + apos < n && (bytes[i + apos] | 0x20) == 115
                    && (i + apos + 1 >= n || !isWordByte(bytes, i + apos + 1, n))
                {
                    i += apos + 1
                    flags.insert([.possessive, .punctuation])
                    tokens.append(
                        Token(start: Int32(start), end: Int32(i), key: TokenHash.possessiveKey, flags: flags, punct: 39)
                    )
                    continue
                }
                if i + apos >= n || !isWordByte(bytes, i + apos, n) {
                    i += apos
                    flags.insert([.possessive, .punctuation])
                    tokens.append(
                        Token(start: Int32(start), end: Int32(i), key: TokenHash.possessiveKey, flags: flags, punct: 39)
                    )
                    continue
                }
            }
            // Punctuation: one mark per token; a run of periods is one ellipsis token.
            var stand: UInt8 = b
            if b == 46 {
                while i < n && bytes[i] == 46 { i += 1 }
            } else if b < 0x80 {
                i += 1
                if b == 96 { stand = 39 }
            } else {
                let width = max(1, min(utf8Width(b), n - i))
                if b == 0xE2 && width == 3 {
                    let c1 = bytes[i + 1]
                    let c2 = bytes[i + 2]
                    if c1 == 0x80 {
                        switch c2 {
                        case 0x98, 0x99, 0x9A, 0x9B, 0xB2, 0xB9, 0xBA: stand = 39
                        case 0x9C, 0x9D, 0x9E, 0x9F, 0xB3: stand = 34
                        case 0x90, 0x91, 0x92, 0x93, 0x94, 0x95: stand = 45
                        case 0xA6: stand = 46
                        default: stand = 42
                        }
                    } else {
                        stand = 42
                    }
                } else if b == 0xC2 && width == 2 {
                    stand = (bytes[i + 1] == 0xAB || bytes[i + 1] == 0xBB) ? 34 : 42
                } else {
                    stand = 42
                }
                i += width
            }
            flags.insert(.punctuation)
            var h = TokenHash.step(TokenHash.basis, stand)
            if stand == 42 { for k in start..<i { h = TokenHash.step(h, bytes[k]) } }
            tokens.append(Token(start: Int32(start), end: Int32(i), key: h, flags: flags, punct: stand))
        }
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { (b &- 48) < 10 }
    @inline(__always) static func isAlnumASCII(_ b: UInt8) -> Bool { (b &- 48) < 10 || ((b | 0x20) &- 97) < 26 }
    @inline(__always) static func isLetterByte(_ b: UInt8) -> Bool { ((b | 0x20) &- 97) < 26 || b >= 0xC3 }

    /// Whether the byte at `i` starts (or continues) a letter or digit: ASCII alphanumerics and
    /// non-ASCII scalars outside the punctuation blocks (U+0080...U+00BF, U+2000...U+2BFF, U+3000...U+303F).
    @inline(__always) static func isWordByte(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ n: Int) -> Bool {
        let b = bytes[i]
        if b < 0x80 { return isAlnumASCII(b) }
        if b == 0xC2 { return false }
        if b == 0xC3 { return !(i + 1 < n && (bytes[i + 1] == 0x97 || bytes[i + 1] == 0xB7)) }  // × ÷
        if b == 0xE2 { return false }
        if b == 0xE3 && i + 1 < n && bytes[i + 1] == 0x80 { return false }
        if b == 0xEF && i + 1 < n && (bytes[i + 1] == 0xBB || bytes[i + 1] == 0xBC || bytes[i + 1] == 0xBD) {
            return false
        }
        return b >= 0xC3
    }

    @inline(__always) static func utf8Width(_ b: UInt8) -> Int {
        if b < 0x80 { return 1 }
        if b >= 0xF0 { return 4 }
        if b >= 0xE0 { return 3 }
        if b >= 0xC0 { return 2 }
        return 1
    }

    /// 1 for `'`, 3 for `’` (U+2019), else 0.
    @inline(__always) static func apostropheWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        if bytes[i] == 39 { return 1 }
        if bytes[i] == 0xE2 && i + 2 < n && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99 { return 3 }
        return 0
    }
}
