import Foundation
import LinkGraphFormats
import LinkGraphGraphviz
import XCTest

/// Issue 16, item 10: DOT bytes that are not UTF-8 collapsed distinct names (`"\xe9"` and
/// `"\xe8"` both became U+FFFD: one node with a self-loop), and `charset=latin1` labels came
/// out garbled. `DOTText` honours the charset and refuses invalid UTF-8 with its place.
final class DOTTextTests: XCTestCase {
    func bytes(_ text: String, latin1 replacements: [String: UInt8] = [:]) -> [UInt8] {
        var out: [UInt8] = []
        var i = text.startIndex
        while i < text.endIndex {
            if let (marker, byte) = replacements.first(where: { text[i...].hasPrefix($0.key) }) {
                out.append(byte)
                i = text.index(i, offsetBy: marker.count)
            } else {
                out.append(contentsOf: String(text[i]).utf8)
                i = text.index(after: i)
            }
        }
        return out
    }

    func testLatin1Charset_transcoded_andParsedByCgraphAsTwoNodes() throws {
        let source = bytes(
            "digraph { charset=latin1; \"caf<e9>\" -> \"caf<e8>\" [label=\"d<e9>j<e0>\"] }",
            latin1: ["<e9>": 0xE9, "<e8>": 0xE8, "<e0>": 0xE0])
        let text = try DOTText.decode(source, file: "l.gv")
        XCTAssertEqual(text, "digraph { charset=\"UTF-8\"; \"café\" -> \"cafè\" [label=\"déjà\"] }")
        let graph = try GraphvizDOTParser.parse(text)
        XCTAssertEqual(graph.nodes.map(\.id), ["café", "cafè"])
        XCTAssertEqual(graph.edges.first?.attributes["label"]?.text, "déjà")
        // Every spelling Graphviz accepts for ISO-8859-1, quoted or not, any case.
        for name in ["latin1", "\"Latin-1\"", "l1", "\"ISO-8859-1\"", "iso_8859-1", "\"ISO8859-1\"", "\"iso-ir-100\""] {
            let source = bytes("graph {\n graph [charset = \(name)]\n \"<e9>\" }", latin1: ["<e9>": 0xE9])
            let text = try DOTText.decode(source, file: "x")
            XCTAssertEqual(text, "graph {\n graph [charset = \"UTF-8\"]\n \"é\" }", name)
        }
    }

    func testInvalidUTF8WithoutCharset_refusedWithLineAndColumn() {
        let source = bytes("digraph {\n  \"caf<e9>\" -> \"caf<e8>\"\n}\n", latin1: ["<e9>": 0xE9, "<e8>": 0xE8])
        XCTAssertThrowsError(try DOTText.decode(source, file: "bad.gv")) { error in
            XCTAssertEqual(
                error as? FormatError,
                .syntax(
                    file: "bad.gv", line: 2, column: 7,
                    message:
                        "invalid UTF-8; convert the file to UTF-8, or give the graph charset=latin1 if it is Latin-1"))
        }
        // charset=utf-8 says the same as no charset.
        let utf8 = bytes("digraph { charset=utf8; \"<ff>\" }", latin1: ["<ff>": 0xFF])
        XCTAssertThrowsError(try DOTText.decode(utf8, file: "u.gv"))
        XCTAssertThrowsError(try DOTText.decode(Array("digraph { charset=big5; a }".utf8), file: "b.gv")) {
            XCTAssertEqual("\($0)", "b.gv:1: charset: the charset big5 is not read; convert the file to UTF-8")
        }
    }

    /// `charset` inside a string, a comment or an HTML-like label is not the graph's charset,
    /// so the bytes must still be UTF-8 (and valid UTF-8 is returned untouched).
    func testCharsetInStringsAndComments_ignored() throws {
        let decoys = [
            "digraph { a [label=\"charset=latin1\"]; \"<e9>\" }", "digraph { // charset=latin1\n \"<e9>\" }",
            "digraph { /* charset=latin1 */ \"<e9>\" }", "digraph { a [label=<<b>charset=latin1</b>>]; \"<e9>\" }",
            "digraph { mycharset=latin1; \"<e9>\" }",
        ]
        for decoy in decoys {
            XCTAssertThrowsError(try DOTText.decode(bytes(decoy, latin1: ["<e9>": 0xE9]), file: "d.gv"), decoy)
            let valid = decoy.replacingOccurrences(of: "<e9>", with: "é")
            XCTAssertEqual(try DOTText.decode(Array(valid.utf8), file: "d.gv"), valid)
        }
    }

    /// Property: for random byte strings, decoding either gives back exactly the bytes (valid
    /// UTF-8) or throws naming the place `String(validating:)` would stop at.
    func testRandomBytes_decodedExactlyOrRefused() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] =
            Array("digraph{}\"\n ab->".utf8) + [0xE9, 0xC3, 0xA9, 0x80, 0xF0, 0x9F, 0x98, 0x80, 0xFF]
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...30, using: &generator)
            let source = (0..<count).map { _ in alphabet.randomElement(using: &generator)! }
            if let valid = String(validating: source, as: UTF8.self) {
                XCTAssertEqual(try DOTText.decode(source, file: "r"), valid)
            } else {
                XCTAssertThrowsError(try DOTText.decode(source, file: "r")) { error in
                    guard case .syntax(_, let line, let column, _)? = error as? FormatError else {
                        return XCTFail("\(error)")
                    }
                    let prefix = String(decoding: source, as: UTF8.self).prefix { $0 != "\u{FFFD}" }
                    XCTAssertEqual(line, 1 + prefix.unicodeScalars.filter { $0 == "\n" }.count)
                    XCTAssertEqual(column, 1 + prefix.unicodeScalars.reversed().prefix { $0 != "\n" }.count)
                }
            }
        }
    }

    /// Property: the charset scanner on random sequences of DOT's delimiters never traps, and
    /// every failure is a `FormatError` naming the file; a Latin-1 answer has no charset left
    /// but "UTF-8" where it was.
    func testRandomDOTTokens_scannerNeverTraps() {
        var generator = SystemRandomNumberGenerator()
        let tokens: [[UInt8]] =
            [
                "charset", "=", " = ", "latin1", "\"latin1\"", "big5", "\"", "<", ">", "/*", "*/", "//", "\n", "#",
                "\\",
                "a", " ", "[", "]", ";", "-",
            ].map { Array($0.utf8) } + [[0xE9], [0xC3, 0xA9]]
        for _ in 0..<5_000 {
            let count = Int.random(in: 0...12, using: &generator)
            let source = (0..<count).flatMap { _ in tokens.randomElement(using: &generator)! }
            do {
                let text = try DOTText.decode(source, file: "r.gv")
                XCTAssertNotNil(String(validating: Array(text.utf8), as: UTF8.self))
            } catch let error as FormatError {
                XCTAssertTrue("\(error)".hasPrefix("r.gv:"), "\(error)")
            } catch {
                XCTFail("\(error)")
            }
        }
    }
}
