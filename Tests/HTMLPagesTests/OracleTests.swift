import Foundation
import LinkGraph
import LinkGraphTestSupport
import XCTest

@testable import HTMLPages

/// The reader against Python's `html.parser` and `urllib.parse.urljoin`
/// (Tests/Interop/html_oracle.py) on seeded random pages written here: the words of the main
/// text, the links with their anchor texts and resolved URLs, and the title must agree.
final class OracleTests: XCTestCase {
    /// A small seeded generator (SplitMix64), so a failure names a page that can be made again.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Well-formed pages (HTML's content model respected, so that both parsers build the same
    /// tree) mixing kept and dropped parts, entities, links and white space.
    struct PageWriter {
        var random: SplitMix
        let words = [
            "Mara", "Quill", "paid", "the", "Harbor", "Trust", "in", "Lisbon", "&amp;", "&eacute;t&eacute;",
            "caf&#233;",
            "&lt;b&gt;", "Zoë", "Łódź", "&#x41;&#66;", "a&nbsp;b", "x\n  y", "\t", "€5", "quote&quot;d",
        ]
        let hrefs = [
            "b.html", "../up/c.html", "/root.html", "https://news.example/a?id=7#frag", "#top", "mailto:desk@x.example",
            "sub/./d.html", "  spaced.html ", "e.html?x=1&amp;y=2", "https://news.example", "http://other.example/p/",
        ]

        mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

        mutating func text(_ count: Int) -> String { (0..<count).map { _ in pick(words) }.joined(separator: " ") }

        mutating func inline(_ depth: Int) -> String {
            var out = ""
            for _ in 0..<(1 + Int(random.next() % 4)) {
                switch random.next() % 7 {
                case 0 where depth < 3: out += "<b>\(inline(depth + 1))</b>"
                case 1 where depth < 3: out += "<span class=\"x\">\(inline(depth + 1))</span>"
                case 2 where depth < 3: out += "<a href=\"\(pick(hrefs))\">\(text(1 + Int(random.next() % 3)))</a>"
                case 3: out += "<br>"
                default: out += text(1 + Int(random.next() % 5))
                }
                out += chance(50) ? " " : ""
            }
            return out
        }

        mutating func block(_ depth: Int) -> String {
            switch random.next() % 12 {
            case 0 where depth < 4:
                let tag = pick(["div", "section", "nav", "aside", "header", "footer", "article", "main"])
                return "<\(tag)>" + (0..<(1 + Int(random.next() % 3))).map { _ in block(depth + 1) }.joined()
                    + "</\(tag)>"
            case 1: return "<script>if (a < b) { x = \"Iron Council\"; }</script>"
            case 2: return "<style>p > a { color: red }</style>"
            case 3: return "<ul><li>\(inline(1))</li><li>\(inline(1))</li></ul>"
            case 4: return "<table><tr><td>\(inline(1))</td><td>\(inline(1))</td></tr></table>"
            case 5: return "<div hidden><p>\(text(3))</p></div>"
            case 6: return "<div class=\"menu sidebar\"><p>\(text(2))</p></div>"
            case 7: return "<h2>\(inline(1))</h2>"
            case 8: return "<form><label>\(text(1))</label><input value=\"v\"></form>"
            default: return "<p>\(inline(0))</p>\n"
            }
        }

        mutating func page() -> String {
            var head = "<meta charset=\"utf-8\"><title>\(text(2))</title>"
            if chance(30) { head += "<base href=\"https://site.example/dir/\">" }
            if chance(30) { head += "<link rel=\"canonical\" href=\"https://site.example/news/page.html\">" }
            let body = (0..<(2 + Int(random.next() % 6))).map { _ in block(0) }.joined()
            return "<!DOCTYPE html>\n<html><head>\(head)</head><body>\(body)</body></html>\n"
        }
    }

    func testAgreesWithPythonHTMLParser_onSeededPages() throws {
        let script = CLIRunner.repositoryRoot.appendingPathComponent("Tests/Interop/html_oracle.py")
        let dir = try TemporaryDirectory()
        var writer = PageWriter(random: SplitMix(state: 20_261_203))
        var paths: [String] = []
        for i in 0..<60 { paths.append(try dir.write("page\(i).html", writer.page())) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + paths
        let output = Pipe()
        process.standardOutput = output
        do { try process.run() } catch { throw XCTSkip("python3 is not available: \(error)") }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 127 { throw XCTSkip("python3 is not installed") }
        XCTAssertEqual(process.terminationStatus, 0)
        let expected = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        XCTAssertEqual(expected.count, paths.count)

        var links = 0
        var words = 0
        for (path, oracle) in zip(paths, expected) {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            let page = try HTMLPage(bytes: bytes, file: path)
            let name = URL(fileURLWithPath: path).lastPathComponent
            XCTAssertEqual(
                page.text.split(whereSeparator: \.isWhitespace).map(String.init), oracle["words"] as? [String], name)
            XCTAssertEqual(page.title, oracle["title"] as? String, name)
            let oracleLinks = try XCTUnwrap(oracle["links"] as? [[String: String]])
            XCTAssertEqual(page.links.map(\.href), oracleLinks.map { $0["href"]! }, name)
            XCTAssertEqual(page.links.map(\.text), oracleLinks.map { $0["text"]! }, name)
            let identity = PageIdentity(page, path: path)
            let resolved = try XCTUnwrap(oracle["resolved"] as? [Any])
            for (link, url) in zip(page.links, resolved) {
                XCTAssertEqual(
                    PageURL.resolve(link.href, against: identity.base), url as? String, "\(name): \(link.href)")
            }
            links += page.links.count
            words += page.text.split(whereSeparator: \.isWhitespace).count
            // Every word maps to file bytes; words without references read as themselves.
            for word in page.text.split(whereSeparator: \.isWhitespace) where !word.contains("&") {
                let start = page.text.utf8.distance(from: page.text.startIndex, to: word.startIndex)
                let span = try XCTUnwrap(page.offsets.fileSpan(Span(start: start, end: start + word.utf8.count)))
                // A word written across inline tags ("the</b>a") maps over them.
                var raw = ""
                var inTag = false
                for character in String(decoding: bytes[span.start..<span.end], as: UTF8.self) {
                    if character == "<" {
                        inTag = true
                    } else if character == ">" {
                        inTag = false
                    } else if !inTag {
                        raw.append(character)
                    }
                }
                if !raw.contains("&") { XCTAssertEqual(raw, String(word), name) }
            }
        }
        XCTAssertGreaterThan(links, 50)
        XCTAssertGreaterThan(words, 1000)
    }
}
