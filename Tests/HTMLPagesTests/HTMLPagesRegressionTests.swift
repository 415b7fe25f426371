import Foundation
import LinkGraph
import XCTest

@testable import HTMLPages

/// Inputs FuzzHTML found (Fuzz/FINDINGS.md), kept so the fixes stay fixed.
final class HTMLPagesRegressionTests: XCTestCase {
    /// Every text byte has one offset and maps inside the input.
    func assertConsistent(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws {
        let page = try HTMLPage(bytes: bytes, file: "r.html")
        XCTAssertEqual(page.offsets.count, page.text.utf8.count, file: file, line: line)
        for i in 0..<page.offsets.count {
            let span = try XCTUnwrap(page.offsets.fileSpan(Span(start: i, end: i + 1)), file: file, line: line)
            XCTAssertLessThanOrEqual(span.end, bytes.count, file: file, line: line)
        }
    }

    /// A byte that is not UTF-8 after a UTF-8 byte-order mark: libxml2 reads on as ISO-8859-1,
    /// one file byte a character.
    func testInvalidUTF8AfterByteOrderMark_readAsLatin1_mappedToItsByte() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<p>caf".utf8) + [0xE9] + Array(" noir</p>".utf8)
        let page = try HTMLPage(bytes: bytes, file: "r.html")
        XCTAssertEqual(page.text, "café noir")
        XCTAssertEqual(page.offsets.fileSpan(Span(start: 3, end: 5)), Span(start: 9, end: 10))
        try assertConsistent(bytes)
    }

    /// libxml2 passed bytes that are not UTF-8 on as they were (a broken character reference
    /// among them); the text held them and its offset map was shorter than the text. Now each
    /// such byte is U+FFFD mapped to it (`HTMLPageBuilder.repaired`).
    func testFuzzHTML_crash7572ec70_invalidUTF8InText_offsetsStayAligned() throws {
        try assertConsistent(
            Array(
                Data(
                    base64Encoded:
                        "77u/PHA+Qk9NIDwmoGJvbGQ8aT5pdGFsPGRkPmE8bGU+PCEgaHJkJiMyM+bmKebm5ubm5ubm5ubm5ubm5ubm5ubm5ubm5ubm5irm5ubm5ubm5ubm5ubm5jI7ZTxhIDxodG1sPmhyZWY9ZTxhIGhyZWY9jo6Ojo6Ojo6Ojo6Ojmxpjo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo51bmNsb3NlZCA8ZGQ+YTxsZT48ISB4cmQmIzQ2MztlPGEgPGh0bWw+aHRtbD5ocmVmPWU8YSBocmVmPXk+dHdvPC9wPjwvcD48L2Rpdj4="
                )!))
    }
}
