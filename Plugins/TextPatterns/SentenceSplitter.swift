/// A sentence: a half-open range of token indices, and whether it reads as a headline.
struct Sentence {
    var tokens: Range<Int>
    /// A title-case line without closing punctuation (a headline, caption or byline): names are
    /// taken only from the gazetteer there, since every word is capitalized.
    var isHeadline: Bool
}

/// Splits a token stream into sentences.
///
/// A sentence ends at `.`, `!`, `?` or an ellipsis (with any closing quotes or brackets that
/// follow) when the next token starts a sentence: a capital letter, a digit or an opening quote.
/// A period does not end a sentence after a title or rank (`Mr.`, `Lt. Gen.`), a month
/// abbreviation (`Dec.`), a single initial (`J.`); decimals and initialisms (`U.S.`, `3.5`) are
/// single tokens already. An initialism ends a sentence only before a capitalized function
/// word (`... the U.S. In one case`). A blank line always ends one; a line break ends one after
/// a line that does not end in a lower-case word or a comma (a heading or a caption).
/// - Complexity: O(t) in the token count.
struct SentenceSplitter {
    let noBreakAfter: KeySet
    let sentenceStarters: KeySet

    init(lexicon: Lexicon) {
        noBreakAfter = lexicon.noBreakAbbreviations
        sentenceStarters = lexicon.sentenceStarters
    }

    func split(_ tokens: [Token], bytes: UnsafeBufferPointer<UInt8>) -> [Sentence] {
        var sentences: [Sentence] = []
        sentences.reserveCapacity(tokens.count / 18 + 1)
        var start = 0
        var i = 0
        let n = tokens.count
        while i < n {
            let t = tokens[i]
            var boundary = false
            var end = i + 1  // exclusive end of the sentence if it ends here
            if t.punct == 46 || t.punct == 33 || t.punct == 63 {
                // Take closing quotes and brackets.
                var j = i + 1
                while j < n,
                    tokens[j].punct == 34 || tokens[j].punct == 39 || tokens[j].punct == 41 || tokens[j].punct == 93,
                    !tokens[j].flags.contains(.spaceBefore) || tokens[j].punct == 41
                {
                    j += 1
                }
                end = j
                if j >= n {
                    boundary = true
                } else {
                    let next = tokens[j]
                    let startsSentence =
                        next.isCapitalized || next.flags.contains(.number) || next.punct == 34 || next.punct == 39
                        || next.punct == 40 || next.punct == 91 || next.punct == 45
                    if next.flags.contains(.newlineBefore) {
                        boundary = true
                    } else if startsSentence && (next.flags.contains(.spaceBefore) || j > i + 1) {
                        boundary = true
                        if t.punct == 46 && t.length == 1 && i > start {
                            let prev = tokens[i - 1]
                            if prev.isWord && Int(prev.end) == Int(t.start) {
                                if noBreakAfter.contains(prev.key) { boundary = false }
                                // A single capital letter: an initial.
                                if prev.length == 1 && prev.isCapitalized { boundary = false }
                            }
                        }
                    }
                }
            } else if t.flags.contains(.initialism), i + 1 < n {
                let next = tokens[i + 1]
                if next.isCapitalized && sentenceStarters.contains(next.key) && !next.flags.contains(.allUpper) {
                    boundary = true
                }
            }
            if !boundary && end < n && end == i + 1 && i + 1 < n {
                let next = tokens[i + 1]
                if next.flags.contains(.paragraphBefore) {
                    boundary = true
                } else if next.flags.contains(.newlineBefore) && !(t.isLowerWord || t.punct == 44 || t.punct == 45) {
                    boundary = true
                }
            }
            if boundary {
                if end > start {
                    sentences.append(Sentence(tokens: start..<end, isHeadline: isHeadline(tokens, start..<end)))
                }
                start = end
                i = end
            } else {
                i += 1
            }
        }
        if start < n { sentences.append(Sentence(tokens: start..<n, isHeadline: isHeadline(tokens, start..<n))) }
        return sentences
    }

    /// At least three words, at least 70% of them capitalized, and no closing `.`, `!` or `?`.
    private func isHeadline(_ tokens: [Token], _ range: Range<Int>) -> Bool {
        var words = 0
        var capitals = 0
        var last: Token?
        for k in range {
            let t = tokens[k]
            if t.isWord && !t.flags.contains(.number) {
                words += 1
                if t.isCapitalized { capitals += 1 }
            }
            if t.punct != 34 && t.punct != 39 && t.punct != 41 { last = t }
        }
        if let last, last.punct == 46 || last.punct == 33 || last.punct == 63 { return false }
        return words >= 3 && capitals * 10 >= words * 7
    }
}
