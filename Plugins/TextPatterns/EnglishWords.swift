import Foundation

/// An English word list (one word a line, as Debian's `wamerican` installs it at
/// `/usr/share/dict/american-english`), used to tell capitalized common words from names: a
/// word the list has only in lower case ("evidence", "shortly", "kingpin") is no name when it is
/// capitalized only because it opens a sentence or stands in a title; a word the list also has
/// capitalized ("Robert", "Treasury") may be one.
///
/// - Complexity: loading is linear in the file (about 100k words, a few milliseconds); a lookup
///   is one hash probe.
struct EnglishWords: Sendable {
    /// The default location, Debian's `wamerican` package.
    static let defaultPath = "/usr/share/dict/american-english"
    /// Environment variable that overrides the location.
    static let environmentKey = "LINKGRAPH_WORDS"

    /// Words the list has in lower case.
    private(set) var common = KeySet()
    /// Words the list has with a capital initial (names, proper adjectives).
    private(set) var proper = KeySet()
    private(set) var count = 0

    init() {}

    /// Parses the list's text; possessive entries (`Robert's`) are skipped.
    init(text: String) {
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            guard let first = line.unicodeScalars.first, !line.hasSuffix("'s") else { continue }
            let key = TokenHash.key(String(line))
            if first.properties.isUppercase { proper.insert(key) } else { common.insert(key) }
            count += 1
        }
    }

    /// Reads the list at `path`, or at `$LINKGRAPH_WORDS`, or at the default path.
    /// - Throws: `TextPatternsError.unreadable` naming the path and how to install the list.
    static func load(path: String? = nil) throws -> EnglishWords {
        if path == nil { return try standard.get() }
        return try read(path!)
    }

    /// The list at `$LINKGRAPH_WORDS` or the default path, read once per process.
    private static let standard: Result<EnglishWords, TextPatternsError> = {
        let path = ProcessInfo.processInfo.environment[environmentKey] ?? defaultPath
        do {
            return .success(try read(path))
        } catch let e as TextPatternsError {
            return .failure(e)
        } catch {
            return .failure(.unreadable(file: path, reason: "\(error)"))
        }
    }()

    private static func read(_ p: String) throws -> EnglishWords {
        guard let data = FileManager.default.contents(atPath: p) else {
            throw TextPatternsError.unreadable(
                file: p,
                reason: "the English word list is missing: install it (Debian: apt-get install wamerican, or run "
                    + "scripts/ensure-dependencies.sh) or set \(environmentKey) to a word list, one word a line")
        }
        let words = EnglishWords(text: String(decoding: data, as: UTF8.self))
        if words.count == 0 {
            throw TextPatternsError.invalid(file: p, line: 1, message: "the English word list has no words")
        }
        return words
    }

    /// A common word that the list never capitalizes.
    @inline(__always) func isOnlyCommon(_ key: UInt64) -> Bool { common.contains(key) && !proper.contains(key) }
}
