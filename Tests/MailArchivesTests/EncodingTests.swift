import XCTest

@testable import MailArchives

/// The decoders against the rules of RFC 2045 (quoted-printable, base64), RFC 2047 (encoded
/// words, the cases of its §8) and RFC 5322 (folding, dates), each with inputs written here.
final class EncodingTests: XCTestCase {
    func testEncodedWordsFollowRFC2047Section8() throws {
        // A lone word, in Q and in B.
        XCTAssertEqual(try EncodedWords.decode("=?ISO-8859-1?Q?J=F6rg?="), "Jörg")
        XCTAssertEqual(try EncodedWords.decode("=?UTF-8?B?w4lsb2lzZQ==?="), "Éloise")
        // Text then a word: the space between plain text and a word stays.
        XCTAssertEqual(try EncodedWords.decode("Dear =?ISO-8859-1?Q?Ren=E9?="), "Dear René")
        // Two adjacent words: the white space between them goes, however much and however folded.
        XCTAssertEqual(try EncodedWords.decode("=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?="), "ab")
        XCTAssertEqual(try EncodedWords.decode("=?ISO-8859-1?Q?a?=  \t =?ISO-8859-1?Q?b?="), "ab")
        // An underscore is a space in Q; an encoded space is kept.
        XCTAssertEqual(try EncodedWords.decode("=?ISO-8859-1?Q?a_b?="), "a b")
        XCTAssertEqual(try EncodedWords.decode("=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?="), "a b")
        // A word then plain text keeps the space.
        XCTAssertEqual(try EncodedWords.decode("=?ISO-8859-1?Q?a?= b"), "a b")
        // A multi-byte UTF-8 character split across two B words comes out whole.
        let euro = Array("€".utf8)  // E2 82 AC
        let first = "=?UTF-8?B?" + Data(euro[0..<1]).base64EncodedString() + "?="
        let second = "=?UTF-8?B?" + Data(euro[1...]).base64EncodedString() + "?="
        XCTAssertEqual(try EncodedWords.decode(first + " " + second), "€")
        // A language suffix (RFC 2231) is ignored; lower-case encodings are accepted.
        XCTAssertEqual(try EncodedWords.decode("=?utf-8*en?q?Hi?="), "Hi")
        // Not an encoded word: left alone.
        XCTAssertEqual(try EncodedWords.decode("=?x?Z?abc?= and =?utf-8?Q?open"), "=?x?Z?abc?= and =?utf-8?Q?open")
    }

    func testEncodedWordErrorsNameTheCharsetOrTheBase64() {
        XCTAssertThrowsError(try EncodedWords.decode("=?x-klingon?Q?a?=")) { error in
            XCTAssertEqual((error as? MailDecodingError)?.reason, "unknown charset \"x-klingon\"")
        }
        XCTAssertThrowsError(try EncodedWords.decode("=?utf-8?B?w4l?=")) { error in
            XCTAssertTrue((error as? MailDecodingError)?.reason.hasPrefix("bad base64") == true)
        }
    }

    func testQuotedPrintableFollowsRFC2045Section6_7() {
        func qp(_ s: String) -> String {
            String(decoding: TransferEncoding.quotedPrintable(Array(s.utf8), header: false), as: UTF8.self)
        }
        // Rule 1: =XX in either case of hex.
        XCTAssertEqual(qp("caf=C3=A9 caf=c3=a9"), "café café")
        // Rule 3: white space at the end of a line is dropped; inside a line kept.
        XCTAssertEqual(qp("a b  \r\nc\t\nd"), "a b\nc\nd")
        // Rule 5: a soft line break joins the lines (with or without trailing space after "=").
        XCTAssertEqual(qp("long=\r\nline=  \nend"), "longlineend")
        // A "=" not followed by hex or a line end is kept (robust decoding).
        XCTAssertEqual(qp("1=2 and =ZZ"), "1=2 and =ZZ")
        XCTAssertEqual(qp("ends with ="), "ends with ")
    }

    func testBase64AndItsErrors() throws {
        XCTAssertEqual(try TransferEncoding.base64(Array("SGFy\r\nYm9y\nIFRy dXN0".utf8)), Array("Harbor Trust".utf8))
        XCTAssertEqual(try TransferEncoding.base64(Array("QQ==".utf8)), [0x41])
        XCTAssertEqual(try TransferEncoding.base64(Array("QUI=".utf8)), [0x41, 0x42])
        for bad in ["QUJ", "QU!D", "QQ==QUJD", "Q==="] {
            XCTAssertThrowsError(try TransferEncoding.base64(Array(bad.utf8)), bad)
        }
    }

    func testCharsets() throws {
        XCTAssertEqual(try Charsets.decode([0x4A, 0xF6, 0x72, 0x67], charset: "ISO-8859-1"), "Jörg")
        // ISO-8859-15 differs from -1 at 0xA4 (euro) and 0xBD (œ).
        XCTAssertEqual(try Charsets.decode([0xA4, 0x20, 0xBD], charset: "iso-8859-15"), "€ œ")
        XCTAssertEqual(try Charsets.decode([0xA4, 0x20, 0xBD], charset: "iso-8859-1"), "¤ ½")
        // Windows-1252 has the euro at 0x80 and curly quotes at 0x93/0x94.
        XCTAssertEqual(try Charsets.decode([0x80, 0x93, 0x61, 0x94], charset: "windows-1252"), "€“a”")
        XCTAssertEqual(try Charsets.decode([0xFE, 0xFF, 0x00, 0x41, 0x00, 0xE9], charset: "UTF-16"), "Aé")
        XCTAssertEqual(try Charsets.decode([0x41, 0x00, 0xE9, 0x00], charset: "utf-16le"), "Aé")
        XCTAssertThrowsError(try Charsets.decode([0x41], charset: "x-unknown")) { error in
            XCTAssertEqual((error as? MailDecodingError)?.reason, "unknown charset \"x-unknown\"")
        }
        XCTAssertThrowsError(try Charsets.decode([0xC3], charset: "utf-8"))
    }

    func testHeaderUnfoldingFollowsRFC5322Section2_2_3() {
        let text = "Subject: a long\r\n  folded\r\n\tsubject\r\nTo: x@y.org,\n z@y.org\r\n\r\nbody\r\n"
        let headers = MailHeaders.parse(Array(text.utf8)[...])
        XCTAssertEqual(headers.value("subject"), "a long  folded\tsubject")
        XCTAssertEqual(headers.value("TO"), "x@y.org, z@y.org")
        XCTAssertEqual(headers.fields[0].start, 0)
        XCTAssertEqual(headers.fields[0].end, "Subject: a long\r\n  folded\r\n\tsubject".utf8.count)
        XCTAssertEqual(headers.end, "Subject: a long\r\n  folded\r\n\tsubject\r\nTo: x@y.org,\n z@y.org".utf8.count)
        XCTAssertEqual(Array(text.utf8)[headers.bodyStart...].first, UInt8(ascii: "b"))
    }

    func testAddressLists() throws {
        let list = try MailAddress.parseList(
            #""Quill, Mara" <Mara@Harbor-Trust.org>, ivo@gmail.com (Ivo Brandt), Team: a@x.org, b@x.org;, =?utf-8?Q?Jos=C3=A9_Ruiz?= <jr@x.org>"#
        )
        XCTAssertEqual(
            list.map(\.address), ["Mara@Harbor-Trust.org", "ivo@gmail.com", "a@x.org", "b@x.org", "jr@x.org"])
        XCTAssertEqual(list.map(\.name), ["Quill, Mara", "Ivo Brandt", "", "", "José Ruiz"])
        XCTAssertEqual(list[0].key, "mara@harbor-trust.org")
        XCTAssertEqual(list[0].domain, "harbor-trust.org")
        XCTAssertEqual(try MailAddress.parseList("undisclosed-recipients:;"), [])
    }

    func testDates() throws {
        let d = try XCTUnwrap(MailDate("Tue, 1 Mar 2016 23:30:00 -0200"))
        XCTAssertEqual(d.utcDay.description, "2016-03-02")  // 01:30 UTC the next day
        XCTAssertEqual(MailDate("1 Jan 70 00:00 GMT")?.secondsSince1970, 0)
        XCTAssertEqual(MailDate("Thu, 29 Feb 2024 12:00:00 +0000 (UTC)")?.utcDay.description, "2024-02-29")
        XCTAssertEqual(MailDate("Fri, 31 Dec 1999 23:00:00 EST")?.utcDay.description, "2000-01-01")
        for bad in [
            "yesterday", "30 Feb 2023 10:00 +0000", "1 Foo 2020 10:00 +0000", "1 Jan 2020 25:00 +0000",
            "1 Jan 99999 10:00",
        ] {
            XCTAssertNil(MailDate(bad), bad)
        }
    }

    func testMboxSplittingAndFromQuoting() {
        let mbox =
            "From a@x Mon Jan  1 00:00:00 2024\nSubject: one\n\n>From the start\n>>From deeper\n\nFrom b@x Mon Jan  1 00:00:00 2024\nSubject: two\n\nbody\n"
        let bytes = Array(mbox.utf8)
        let ranges = Mbox.messageRanges(bytes)
        XCTAssertEqual(ranges.count, 2)
        XCTAssertEqual(String(decoding: bytes[ranges[1]], as: UTF8.self), "Subject: two\n\nbody")
        let first = bytes[ranges[0]]
        XCTAssertEqual(
            String(decoding: Mbox.unquote(first, variant: .mboxrd), as: UTF8.self),
            "Subject: one\n\nFrom the start\n>From deeper\n")
        XCTAssertEqual(
            String(decoding: Mbox.unquote(first, variant: .mboxo), as: UTF8.self),
            "Subject: one\n\nFrom the start\n>>From deeper\n")
        // Not an mbox: one message.
        XCTAssertEqual(Mbox.messageRanges(Array("Subject: x\n\ny".utf8)), [0..<13])
    }
}
