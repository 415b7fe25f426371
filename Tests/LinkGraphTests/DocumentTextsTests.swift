import Foundation
import XCTest

@testable import LinkGraph

final class DocumentTextsTests: XCTestCase {
    func testSHA256_publishedVectors() {
        // FIPS 180-4 examples and `sha256sum` of 1000 "a".
        XCTAssertEqual(
            SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex([UInt8]()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(
            SHA256.hex([UInt8](repeating: 0x61, count: 1000)),
            "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    func testQuotation_shortAsIs_longCutAtWordWithEllipsis() {
        XCTAssertEqual(Quotation.shortened("two\nlines", limit: 20), "two lines")
        XCTAssertEqual(
            Quotation.shortened("the adviser reported to the ministry, weekly", limit: 30),
            "the adviser reported to the…")
        let long = String(repeating: "x", count: 50)
        XCTAssertEqual(Quotation.shortened(long, limit: 10), String(repeating: "x", count: 9) + "…")
    }

    func testPassage_fromDocumentFile_evidenceTextFirst_badSpanNil() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("doc-texts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "Ana met Bo in Oslo. Café talk.\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let caseFile = CaseFile(documents: [
            Document(id: "n", source: "notes.txt", sha256: SHA256.hex(Array(text.utf8))),
            Document(id: "far", source: "https://example.org/x.txt"),
        ])
        let texts = DocumentTexts(caseFile: caseFile, casePath: folder.appendingPathComponent("case.json").path)
        XCTAssertEqual(texts.passage(of: Evidence(document: "n", start: 0, end: 18)), "Ana met Bo in Oslo")
        XCTAssertEqual(texts.passage(of: Evidence(document: "n", start: 0, end: 3, text: "own")), "own")
        XCTAssertNil(texts.passage(of: Evidence(document: "n", start: 20, end: 24)), "ends inside é: not valid UTF-8")
        XCTAssertNil(texts.passage(of: Evidence(document: "n", start: 0, end: 999)))
        XCTAssertNil(texts.passage(of: Evidence(document: "far", start: 0, end: 3)))
        XCTAssertEqual(texts.cite(Evidence(document: "n", start: 8, end: 10)), "n[8..<10] “Bo”")
        XCTAssertEqual(texts.cite(Evidence(document: "far", start: 0, end: 3)), "far[0..<3]")
        XCTAssertTrue(texts.problems.isEmpty)

        let zeros = String(repeating: "0", count: 64)
        let wrong = CaseFile(documents: [Document(id: "n", source: "notes.txt", sha256: zeros)])
        let mismatched = DocumentTexts(caseFile: wrong, casePath: nil, folders: [folder.path])
        XCTAssertNil(mismatched.passage(of: Evidence(document: "n", start: 0, end: 3)))
        XCTAssertEqual(mismatched.problems.count, 1)
    }
}
