import LinkGraph
import XCTest

@testable import TextPatterns

final class SentenceSplitterTests: XCTestCase {
    private func sentences(_ text: String) -> [String] {
        let lexicon = Lexicon(classes: try! RulesFile.builtIn().classes)
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buf in
            let b = UnsafeBufferPointer(buf)
            var tokens: [Token] = []
            Tokenizer.tokenize(b, into: &tokens)
            return SentenceSplitter(lexicon: lexicon).split(tokens, bytes: b).map { s in
                String(
                    decoding: b[Int(tokens[s.tokens.lowerBound].start)..<Int(tokens[s.tokens.upperBound - 1].end)],
                    as: UTF8.self)
            }
        }
    }

    func testSplit_abbreviationsRanksAndMonths_doNotEndSentences() {
        XCTAssertEqual(
            sentences("Lt. Gen. Ali Sabah met Mr. Grant in Dec. 2014 in the U.S. Army base. He left."),
            ["Lt. Gen. Ali Sabah met Mr. Grant in Dec. 2014 in the U.S. Army base.", "He left."])
    }

    func testSplit_initialismBeforeFunctionWord_endsSentence() {
        XCTAssertEqual(
            sentences("Iran moved before the U.S. In one case it paid $3.5 million."),
            ["Iran moved before the U.S.", "In one case it paid $3.5 million."])
    }

    func testSplit_initialsDecimalsQuotesAndEllipses() {
        XCTAssertEqual(
            sentences(
                "J. R. Ewing paid 2.5 million. \u{201C}It is done,\u{201D} he said. \u{201C}Go home.\u{201D} Then he left... and slept... Later he woke."
            ),
            [
                "J. R. Ewing paid 2.5 million.", "\u{201C}It is done,\u{201D} he said.", "\u{201C}Go home.\u{201D}",
                "Then he left... and slept...", "Later he woke.",
            ])
    }

    func testSplit_blankLineAndHeading_endSentences() {
        XCTAssertEqual(
            sentences("A Heading Without Stop\nThe text begins here.\n\nNew paragraph"),
            ["A Heading Without Stop", "The text begins here.", "New paragraph"])
    }

    func testTokenizer_possessivesHyphensAndInitialisms() {
        var tokens: [Token] = []
        var bytes = Array("the U.S.\u{2019} and Iraq\u{2019}s al-Jabouri, $3,000".utf8)
        bytes.withUnsafeMutableBufferPointer { Tokenizer.tokenize(UnsafeBufferPointer($0), into: &tokens) }
        let texts = tokens.map { String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self) }
        XCTAssertEqual(
            texts, ["the", "U.S.", "\u{2019}", "and", "Iraq", "\u{2019}s", "al", "-", "Jabouri", ",", "$", "3,000"])
        XCTAssertTrue(tokens[2].flags.contains(.possessive))
        XCTAssertTrue(tokens[5].flags.contains(.possessive))
        XCTAssertTrue(tokens[1].flags.contains(.initialism))
    }
}
