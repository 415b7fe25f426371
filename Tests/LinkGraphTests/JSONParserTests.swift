import LinkGraph
import XCTest

final class JSONParserTests: XCTestCase {
    func testParsesEveryValueKind() throws {
        let value = try JSONParser.parse(#"{"a": [1, -2.5e3, true, false, null, "x\u00e9\ud83d\ude00\n"], "b": {}}"#)
        guard case .object(let object) = value, case .array(let a) = object["a"] else { return XCTFail() }
        XCTAssertEqual(a[0], .number(JSONNumber(1)))
        XCTAssertEqual(a[1].doubleValue, -2500)
        XCTAssertEqual(a[2], .bool(true))
        XCTAssertEqual(a[4], .null)
        XCTAssertEqual(a[5], .string("xé😀\n"))
        XCTAssertEqual(object["b"], .object([:]))
    }

    func testRejects_withPosition() {
        let cases: [(String, Int, Int, String)] = [
            ("[1,]", 1, 4, "expected a value"),
            ("{\"a\" 1}", 1, 6, "expected ':'"),
            ("[01]", 1, 3, "leading zero"),
            ("\"abc", 1, 5, "unterminated string"),
            ("\"a\u{01}\"", 1, 3, "control character"),
            ("[1] x", 1, 5, "after the end"),
            ("\"\\ud800\"", 1, 8, "lone high surrogate"),
            ("\n\n  tru", 3, 3, "invalid literal"),
        ]
        for (text, line, column, message) in cases {
            XCTAssertThrowsError(try JSONParser.parse(text), text) { error in
                guard let error = error as? JSONSyntaxError else { return XCTFail("\(error)") }
                XCTAssertEqual(error.line, line, "\(text): \(error)")
                XCTAssertEqual(error.column, column, "\(text): \(error)")
                XCTAssertTrue(error.message.contains(message), "\(text): \(error)")
            }
        }
    }

    func testRejectsInvalidUTF8() {
        XCTAssertThrowsError(try JSONParser.parse([0x22, 0x61, 0xFF, 0x22])) { error in
            XCTAssertTrue("\(error)".contains("invalid UTF-8"), "\(error)")
        }
    }

    func testDeepNesting_isAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        XCTAssertThrowsError(try JSONParser.parse(deep)) { error in
            XCTAssertTrue("\(error)".contains("nesting deeper than 256"), "\(error)")
        }
        XCTAssertNoThrow(try JSONParser.parse(String(repeating: "[", count: 200) + String(repeating: "]", count: 200)))
    }

    func testWriter_escapesAndRoundTrips() throws {
        let value: JSONValue = .object([
            "s": .string("q\"b\\n\n\t\u{01}ع😀</script>"), "n": .number(JSONNumber(0.1)), "i": .number(JSONNumber(3)),
            "a": .array([.null, .bool(false)]),
        ])
        for text in [JSONWriter.pretty(value), JSONWriter.compact(value)] {
            XCTAssertEqual(try JSONParser.parse(text), value)
        }
        XCTAssertEqual(JSONWriter.compact(.string("\u{01}")), #""\u0001""#)
        XCTAssertEqual(
            JSONWriter.compact(value), #"{"s":"q\"b\\n\n\t\u0001ع😀</script>","n":0.1,"i":3,"a":[null,false]}"#)
    }

    /// Every escape the writer makes, next to characters whose UTF-8 shares a byte with them
    /// (`–` and `…` start with E2 80 like U+2028), and the exact text.
    func testWriter_escapesExactly_andLeavesOtherCharactersAlone() throws {
        XCTAssertEqual(
            JSONWriter.compact(.string("\u{2028}–\u{2029}…\u{1F}\u{10}\u{0C}\u{08}\r/")),
            #""\u2028–\u2029…\u001f\u0010\f\b\r/""#)
        XCTAssertEqual(
            JSONWriter.compact(.string("\u{E2}\u{80}")), "\"\u{E2}\u{80}\"", "Latin-1 letters are not UTF-8 bytes")
        var generator = SystemRandomNumberGenerator()  // failures print the text
        let alphabet: [Unicode.Scalar] = [
            "a", "\"", "\\", "\n", "\u{0}", "\u{7F}", "\u{2028}", "\u{2029}", "\u{2013}", "\u{20AC}", "\u{E2}",
            "\u{1F600}", "ع",
        ]
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                text.unicodeScalars.append(alphabet.randomElement(using: &generator)!)
            }
            let written = JSONWriter.compact(.array([.string(text)]))
            XCTAssertEqual(try JSONParser.parse(written), .array([.string(text)]), written)
            XCTAssertFalse(
                written.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{2028}" || $0 == "\u{2029}" }, written)
            var pretty = ""
            JSONWriter.writeString(text, to: &pretty)
            XCTAssertEqual(written, "[" + pretty + "]")
        }
    }
}
