import LinkGraph
import XCTest

/// `TerminalText.escape` on seeded random strings drawn from every dangerous class: the
/// output has no control, bidirectional or other format character, and `unescape` gives the
/// input back, so distinct names stay distinct.
final class TerminalTextTests: XCTestCase {
    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Pieces a random string is made of: C0, DEL, C1, bidi controls, zero-width and other
    /// format characters, separators, private use, unassigned, backslashes and `\u{` look-alikes,
    /// letters of several scripts, combining marks, emoji.
    static let pieces: [String] = [
        "\u{0}", "\u{7}", "\u{8}", "\t", "\n", "\r", "\u{1B}", "\u{1B}[2J", "\u{1B}]0;t\u{7}", "\u{7F}", "\u{80}",
        "\u{85}",
        "\u{9B}", "\u{9D}", "\u{61C}", "\u{200B}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202E}", "\u{2066}",
        "\u{2069}",
        "\u{FEFF}", "\u{AD}", "\u{2028}", "\u{2029}", "\u{E000}", "\u{F0000}", "\u{378}", "\u{E0001}", "\\", "\\u{1b}",
        "u{", "}", "a", "Z", " ", "é", "e\u{301}", "ال", "Ж", "中", "🙂", "👩‍👩‍👧",
    ]

    static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned, .surrogate: return true
        default: return false
        }
    }

    func testEscape_randomStrings_noControlOrBidi_andReversible() {
        var generator = SplitMix(state: 16)
        var seen: [String: String] = [:]
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 12)
            var text = ""
            for _ in 0..<length { text += Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))] }
            let escaped = TerminalText.escape(text)
            let bad = escaped.unicodeScalars.filter(Self.isUnsafe)
            XCTAssertTrue(bad.isEmpty, "\(text.debugDescription) → \(escaped.debugDescription)")
            XCTAssertEqual(TerminalText.unescape(escaped), text)
            if let other = seen[escaped] { XCTAssertEqual(other, text, "two names, one display") }
            seen[escaped] = text
        }
        XCTAssertGreaterThan(seen.count, 10_000)
    }

    func testEscape_examples() {
        XCTAssertEqual(TerminalText.escape("Plain name, é 中"), "Plain name, é 中")
        XCTAssertEqual(TerminalText.escape("a\u{1B}[2Jb"), "a\\u{1b}[2Jb")
        XCTAssertEqual(TerminalText.escape("x\r\ny"), "x\\u{d}\\u{a}y")
        XCTAssertEqual(TerminalText.escape("\u{202E}abc"), "\\u{202e}abc")
        XCTAssertEqual(TerminalText.escape("C:\\dir"), "C:\\\\dir")
        XCTAssertEqual(TerminalText.escapeLines("one\u{1B}\ntwo"), "one\\u{1b}\ntwo")
        XCTAssertNil(TerminalText.unescape("bad\\q"))
    }
}
