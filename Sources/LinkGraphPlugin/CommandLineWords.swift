/// Splits a command line into words the way a POSIX shell would, without running a shell:
/// no variables, globs, pipes or redirections, only quoting.
///
/// - White space (outside quotes) separates words.
/// - `'...'` keeps everything inside literally.
/// - `"..."` keeps everything inside literally except `\"`, `\\`, `\$`, `` \` `` and a
///   backslash-newline, as in `sh`.
/// - Outside quotes, `\x` is a literal `x`, and a backslash-newline is removed.
/// - Adjacent parts join into one word: `a'b c'"d"` is the single word `ab cd`; `''` is an empty word.
public enum CommandLineWords {
    /// The words of `command`.
    /// - Throws: `PluginError.badCommandLine` for an unterminated quote, a trailing backslash,
    ///   or a command line with no words.
    public static func split(_ command: String) throws -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var iterator = Array(command.unicodeScalars)[...]
        func fail(_ reason: String) -> PluginError { .badCommandLine(command: command, reason: reason) }

        while let c = iterator.popFirst() {
            switch c {
            case " ", "\t", "\n", "\r":
                if inWord { words.append(word); word = ""; inWord = false }
            case "'":
                inWord = true
                guard let close = iterator.firstIndex(of: "'") else { throw fail("unterminated single quote") }
                word.unicodeScalars.append(contentsOf: iterator[iterator.startIndex..<close])
                iterator = iterator[(close + 1)...]
            case "\"":
                inWord = true
                var closed = false
                while let d = iterator.popFirst() {
                    if d == "\"" { closed = true; break }
                    if d == "\\", let next = iterator.first, ["\"", "\\", "$", "`", "\n"].contains(next) {
                        iterator.removeFirst()
                        if next != "\n" { word.unicodeScalars.append(next) }
                    } else {
                        word.unicodeScalars.append(d)
                    }
                }
                if !closed { throw fail("unterminated double quote") }
            case "\\":
                guard let next = iterator.popFirst() else { throw fail("a backslash at the end escapes nothing") }
                if next != "\n" {
                    inWord = true
                    word.unicodeScalars.append(next)
                }
            default:
                inWord = true
                word.unicodeScalars.append(c)
            }
        }
        if inWord { words.append(word) }
        if words.isEmpty { throw fail("no command given") }
        return words
    }
}
