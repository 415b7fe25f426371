import LinkGraph
import XCTest

/// The reader's fast paths give what the general ones give: numbers as `Double(String)`
/// (the C library's correctly rounded strtod) reads them, strings as Swift's UTF-8
/// validation accepts or refuses them, objects and arrays of every size as written.
final class JSONReadingSpeedupTests: XCTestCase {
    func testNumberFastPath_equalsDoubleOfString_onSeededTexts() {
        var rng = SystemRandomNumberGenerator()
        var texts = [
            "0", "-0", "1", "-1", "0.1", "0.3", "123456789012345", "999999999999999", "0.000000000000001",
            "1234567890123456", "9007199254740993", "0.1234567890123456", "3.14159", "-2.5", "1e3", "1E-7", "17.0",
        ]
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...17, using: &rng)
            var text = (0..<digits).map { _ in String(Int.random(in: 0...9, using: &rng)) }.joined()
            if text.count > 1, text.first == "0" { text.removeFirst() }
            if Bool.random(using: &rng), text.count > 1 {
                let at = text.index(text.startIndex, offsetBy: Int.random(in: 1..<text.count, using: &rng))
                text.insert(".", at: at)
            }
            if Bool.random(using: &rng) { text = "-" + text }
            texts.append(text)
        }
        for text in texts {
            let expected = Double(text)!
            let found = JSONNumber(text: text).doubleValue
            XCTAssertEqual(found.bitPattern, expected.bitPattern, text)
        }
    }

    func testStrings_asciiAndNot_validAndNot() throws {
        XCTAssertEqual(try JSONParser.parse(#""plain""#), .string("plain"))
        XCTAssertEqual(try JSONParser.parse("\"Sólyom 🐦\""), .string("Sólyom 🐦"))
        for bad: [UInt8] in [
            [0xC3], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xEF, 0xBF],
        ] {
            XCTAssertThrowsError(try JSONParser.parse([0x22, 0x61] + bad + [0x22]), "\(bad)") { error in
                XCTAssertTrue("\(error)".contains("invalid UTF-8"), "\(error)")
            }
            XCTAssertNil(String(validating: bad, as: UTF8.self), "Swift agrees that \(bad) is not UTF-8")
        }
        // The replacement character itself, written in the input, is valid.
        XCTAssertEqual(try JSONParser.parse([0x22, 0xEF, 0xBF, 0xBD, 0x22]), .string("\u{FFFD}"))
    }

    func testNestedContainers_keepEveryMemberInOrder() throws {
        var text = "["
        for i in 0..<40 {
            text += (i == 0 ? "" : ",") + "{"
            text += (0..<(i % 20)).map { #""k\#($0)": [\#($0), {"x": [\#(i)]}, []]"# }.joined(separator: ",")
            text += "}"
        }
        text += "]"
        guard case .array(let objects) = try JSONParser.parse(text) else { return XCTFail("not an array") }
        XCTAssertEqual(objects.count, 40)
        for (i, object) in objects.enumerated() {
            let members = try XCTUnwrap(object.objectValue)
            XCTAssertEqual(members.keys, (0..<(i % 20)).map { "k\($0)" })
            for j in 0..<(i % 20) {
                XCTAssertEqual(members["k\(j)"], [.num(j), ["x": [.num(i)]], []])
            }
        }
        // A repeated key keeps its first place and last value, small and large objects alike.
        XCTAssertEqual(try JSONParser.parse(#"{"a": 1, "b": 2, "a": 3}"#).objectValue?.members.map(\.key), ["a", "b"])
        XCTAssertEqual(try JSONParser.parse(#"{"a": 1, "b": 2, "a": 3}"#).objectValue?["a"], .num(3))
        let many = (0..<30).map { #""k\#($0)": \#($0)"# }.joined(separator: ",") + #", "k3": "again""#
        let object = try XCTUnwrap(try JSONParser.parse("{\(many)}").objectValue)
        XCTAssertEqual(object.count, 30)
        XCTAssertEqual(object["k3"], .string("again"))
    }
}
