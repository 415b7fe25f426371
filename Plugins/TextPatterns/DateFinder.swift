import LinkGraph

/// A date expression in a sentence and the interval it gives.
struct DateExpression {
    var tokens: Range<Int>
    var from: PartialDate?
    var until: PartialDate?
    /// A single point (`in Dec 2014`) rather than a range or an open bound.
    var isPoint: Bool
}

/// Finds dates in a sentence: `Dec 2014`, `December 3, 2014`, `3 December 2014`, `2014-12-03`,
/// a year after `in`/`since`/`during`/`late`/..., and ranges `from 2014 until 2018`,
/// `between 2014 and 2015`, `2014-2015`, `since 2014` (from), `until 2018` (until).
/// - Complexity: O(t) in the sentence's tokens.
struct DateFinder {
    private let months: KeyTable<Int>
    private let yearCue: KeySet
    private let fromWords: KeySet
    private let untilWords: KeySet
    private let between: UInt64
    private let and: UInt64

    init() {
        var m = KeyTable<Int>()
        let names = [
            ["january", "jan"], ["february", "feb"], ["march", "mar"], ["april", "apr"], ["may"], ["june", "jun"],
            ["july", "jul"], ["august", "aug"], ["september", "sep", "sept"], ["october", "oct"], ["november", "nov"],
            ["december", "dec"],
        ]
        for (i, list) in names.enumerated() { for n in list { m[TokenHash.key(n)] = i + 1 } }
        months = m
        yearCue = KeySet(
            [
                "in", "on", "during", "late", "early", "mid", "since", "from", "until", "till", "by", "of", "between",
                "and", "through", "to", "before", "after", "around",
            ].map(TokenHash.key))
        fromWords = KeySet(["from", "since", "starting"].map(TokenHash.key))
        untilWords = KeySet(["until", "till", "to", "through", "and"].map(TokenHash.key))
        between = TokenHash.key("between")
        and = TokenHash.key("and")
    }

    func find(_ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> [DateExpression] {
        var singles: [(Range<Int>, PartialDate)] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if let (len, d) = date(tokens, bytes, i, range.upperBound) {
                singles.append((i..<(i + len), d))
                i += len
            } else {
                i += 1
            }
        }
        var out: [DateExpression] = []
        var k = 0
        while k < singles.count {
            let (r, d) = singles[k]
            let before = r.lowerBound > range.lowerBound ? tokens[r.lowerBound - 1].key : 0
            let before2 = r.lowerBound - 1 > range.lowerBound ? tokens[r.lowerBound - 2].key : 0
            // A range: `from X until Y`, `between X and Y`, `X-Y`.
            if k + 1 < singles.count {
                let (r2, d2) = singles[k + 1]
                if r2.lowerBound == r.upperBound + 1 {
                    let mid = tokens[r.upperBound]
                    if untilWords.contains(mid.key) || mid.punct == 45 {
                        out.append(
                            DateExpression(tokens: r.lowerBound..<r2.upperBound, from: d, until: d2, isPoint: false))
                        k += 2
                        continue
                    }
                }
            }
            if fromWords.contains(before) || (before == between) {
                out.append(DateExpression(tokens: r, from: d, until: nil, isPoint: false))
            } else if untilWords.contains(before) && before != and {
                out.append(DateExpression(tokens: r, from: nil, until: d, isPoint: false))
            } else if d.month != nil || yearCue.contains(before) || yearCue.contains(before2) {
                out.append(DateExpression(tokens: r, from: d, until: d, isPoint: true))
            }
            k += 1
        }
        return out
    }

    private func number(_ t: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard t.flags.contains(.number), t.length <= 4 else { return nil }
        var v = 0
        for k in Int(t.start)..<Int(t.end) {
            let b = bytes[k]
            guard (b &- 48) < 10 else { return nil }
            v = v * 10 + Int(b - 48)
        }
        return v
    }

    private func year(_ t: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard t.length == 4, let y = number(t, bytes), (1800...2199).contains(y) else { return nil }
        return y
    }

    /// One date starting at token `i`: its length in tokens and value.
    private func date(_ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (
        Int, PartialDate
    )? {
        let t = tokens[i]
        if let month = months[t.key], t.isCapitalized {
            var j = i + 1
            if j < end && tokens[j].punct == 46 && tokens[j].length == 1 { j += 1 }
            var day: Int?
            if j < end, let d = number(tokens[j], bytes), tokens[j].length <= 2, (1...31).contains(d) {
                day = d
                j += 1
                if j < end && tokens[j].punct == 44 { j += 1 }
            }
            if j < end, let y = year(tokens[j], bytes) {
                return (j + 1 - i, PartialDate(year: y, month: month, day: day))
            }
            return nil
        }
        if let y = year(t, bytes) {
            // ISO: 2014-12 or 2014-12-03 written without spaces.
            if i + 2 < end && tokens[i + 1].punct == 45 && !tokens[i + 1].flags.contains(.spaceBefore),
                tokens[i + 2].length == 2,
                let mo = number(tokens[i + 2], bytes), (1...12).contains(mo)
            {
                if i + 4 < end && tokens[i + 3].punct == 45 && tokens[i + 4].length == 2,
                    let d = number(tokens[i + 4], bytes),
                    let full = PartialDate(
                        PartialDate(year: y, month: mo).description + "-" + (d < 10 ? "0" : "") + String(d))
                {
                    return (5, full)
                }
                return (3, PartialDate(year: y, month: mo))
            }
            // Not `post-2003`.
            if i > 0 && tokens[i - 1].punct == 45 && !tokens[i - 1].flags.contains(.spaceBefore) && i > 1
                && tokens[i - 2].isLowerWord
            {
                return nil
            }
            return (1, PartialDate(year: y))
        }
        // `3 December 2014`.
        if let d = number(t, bytes), t.length <= 2, (1...31).contains(d), i + 2 < end,
            let month = months[tokens[i + 1].key],
            tokens[i + 1].isCapitalized, let y = year(tokens[i + 2], bytes)
        {
            return (3, PartialDate(year: y, month: month, day: d))
        }
        return nil
    }
}
