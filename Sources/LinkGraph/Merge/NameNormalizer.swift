import Foundation

/// The forms of a name used to decide that two mentions name the same thing.
///
/// `key` folds the differences that do not change who is meant: case, diacritics, a leading
/// "the", the Arabic article ("al-Maliki", "Al Maliki", "el-Maliki" → "maliki"), hyphens,
/// periods ("U.S." → "us"), apostrophes, a possessive "'s", other punctuation and spacing.
/// `acronyms(of:)` gives the initials of a multiword name ("Popular Mobilization Forces" →
/// "pmf"), and `lastToken(of:)` the surname of a person's name.
public enum NameNormalizer {
    /// Words skipped when forming the initials of a name ("Ministry of Intelligence" → "mi").
    static let minorWords: Set<String> = ["of", "the", "and", "for", "in", "on", "at", "to", "de", "du", "la"]
    /// Arabic articles dropped before a word.
    static let articles: Set<String> = ["al", "el"]

    /// The matching key of a name: folded, tokenized and joined with single spaces; "" when
    /// the name has no letters or digits.
    /// - Complexity: O(n) in the length of the name.
    public static func key(_ name: String) -> String { tokens(name).joined(separator: " ") }

    /// The words of a name's key.
    public static func tokens(_ name: String) -> [String] {
        var words = rawTokens(name)
        if words.count > 1, words[0] == "the" { words.removeFirst() }
        var out: [String] = []
        for (i, word) in words.enumerated() {
            // "al" before another word is the article; a name that is only "Al" keeps it.
            if articles.contains(word), i + 1 < words.count { continue }
            out.append(word)
        }
        return out
    }

    /// Folded words without the article and "the" rules: lower case, no diacritics, periods and
    /// apostrophes removed, every other non-alphanumeric character a separator.
    static func rawTokens(_ name: String) -> [String] {
        let folded = name.decomposedStringWithCanonicalMapping.lowercased()
        var words: [String] = []
        var word = String.UnicodeScalarView()
        var scalars = Array(folded.unicodeScalars)
        // A possessive "'s" / "’s" at the end of a word goes.
        var i = 0
        while i + 1 < scalars.count {
            if isApostrophe(scalars[i]), scalars[i + 1] == "s",
                i + 2 == scalars.count || !isAlphanumeric(scalars[i + 2])
            {
                scalars.removeSubrange(i...(i + 1))
            } else {
                i += 1
            }
        }
        for scalar in scalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar == "." || isApostrophe(scalar) { continue }
            if isAlphanumeric(scalar) {
                word.append(scalar)
            } else if !word.isEmpty {
                words.append(String(word))
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { words.append(String(word)) }
        return words
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}" || scalar == "\u{02BC}" || scalar == "`"
    }

    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// The initials a multiword name may be abbreviated to: all initials, and the initials
    /// without minor words ("of", "and", "the", ...), and without "and"/"the" only.
    /// Empty for a name of fewer than two significant words.
    public static func acronyms(of name: String) -> Set<String> {
        let words = rawTokens(name)
        let significant = words.filter { !minorWords.contains($0) && !articles.contains($0) }
        guard significant.count >= 2 else { return [] }
        func initials(_ words: [String]) -> String { String(words.compactMap(\.first)) }
        var out: Set<String> = [initials(significant)]
        out.insert(initials(words.filter { $0 != "and" && $0 != "the" }))
        out.insert(initials(words))
        return out.filter { $0.count >= 2 }
    }

    /// Whether a name is written as an acronym: one word of 2 to 8 letters (periods allowed,
    /// as in "U.S."), at least two of them capitals and no lower-case letter after a capital
    /// run ("PMF", "IRGC", "U.S.", "MoI" qualify; "Iraq" does not).
    public static func looksLikeAcronym(_ name: String) -> Bool {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.contains(" ") else { return false }
        let letters = trimmed.unicodeScalars.filter { $0 != "." }
        guard (2...8).contains(letters.count), letters.allSatisfy({ $0.properties.isAlphabetic }) else { return false }
        let capitals = letters.filter { $0.properties.isUppercase }.count
        return capitals >= 2 && capitals * 2 >= letters.count
    }

    /// The last word of a name's key ("Qassem Soleimani" → "soleimani"), or nil for a one-word name.
    public static func lastToken(of name: String) -> String? {
        let words = tokens(name)
        return words.count >= 2 ? words.last : nil
    }

    /// A stable id from a name: lower-case ASCII letters and digits joined by hyphens,
    /// diacritics removed ("Salim al-Jabouri" → "salim-al-jabouri"; "Ḥizb" → "hizb").
    /// Names without any ASCII letter or digit give "entity".
    public static func slug(_ name: String) -> String {
        let words = rawTokens(name).map { word in
            String(String.UnicodeScalarView(word.unicodeScalars.filter { $0.isASCII }))
        }.filter { !$0.isEmpty }
        let slug = words.joined(separator: "-")
        return slug.isEmpty ? "entity" : String(slug.prefix(80))
    }

    /// `base`, or `base-2`, `base-3`, ... whichever `taken` does not contain yet (the rule of
    /// `UniqueIDs`, for a caller that keeps its own set).
    public static func unique(_ base: String, taken: (String) -> Bool) -> String {
        var ids = UniqueIDs()
        return ids.claim(base, isTaken: taken)
    }
}
