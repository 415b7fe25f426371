import Foundation
import LinkGraph
import LinkGraphPlugin
import XCTest

/// `MediaTypeSniffer` against libmagic (`file --mime-type`) on documents written here, and
/// against Python's `mailbox` for mboxes (libmagic 5.44 calls an mbox plain text).
final class MediaTypeSnifferTests: XCTestCase {
    static let samples: [(name: String, bytes: [UInt8], expected: String?)] = [
        ("report", Array("%PDF-1.4\n%\u{E2}\u{E3}\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".utf8), "application/pdf"),
        (
            "page", Array("\u{FEFF}  <!DOCTYPE html>\n<html><head><title>t</title></head><body>x</body></html>\n".utf8),
            "text/html"
        ),
        ("fragment", Array("<html lang=\"en\"><body><p>Mara Quill</p></body></html>".utf8), "text/html"),
        (
            "message",
            Array(
                ("From: Mara Quill <mara@harbor-trust.org>\r\nTo: Ivo Brandt <ivo@example.org>\r\n"
                    + "Subject: the dues\r\n  for May\r\nDate: Tue, 3 May 2016 09:12:00 +0200\r\n\r\nSee you.\r\n").utf8
            ),
            "message/rfc822"
        ),
        ("notes", Array("Mara Quill met Ivo Brandt in Lisbon.\nFrom there they flew on.\n".utf8), "text/plain"),
        ("accents", Array("Zoë Ångström trifft Ivo in Köln.\u{0C}\nSeite 2\n".utf8), "text/plain"),
        ("junk", (0..<512).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ ($0 >> 3)) }, nil),
        ("latin1", [0x5A, 0x6F, 0xEB, 0x20, 0x69, 0x6E, 0x20, 0x4B, 0xF6, 0x6C, 0x6E, 0x0A], nil),
    ]

    static let mbox = Array(
        ("From mara@harbor-trust.org Tue May  3 09:12:00 2016\nFrom: Mara Quill <mara@harbor-trust.org>\n"
            + "To: ivo@example.org\nSubject: dues\nDate: Tue, 3 May 2016 09:12:00 +0200\n\nSee you.\n\n"
            + "From ivo@example.org Wed May  4 10:00:00 2016\nFrom: ivo@example.org\nTo: mara@harbor-trust.org\n"
            + "Subject: Re: dues\nDate: Wed, 4 May 2016 10:00:00 +0200\n\nFine.\n").utf8)

    func testSniffer_agreesWithLibmagic() throws {
        guard let file = PluginTestSupport.which("file") else { throw XCTSkip("file(1) is not installed") }
        let dir = try PluginTestSupport.scratchDirectory()
        for sample in Self.samples {
            let path = dir.appendingPathComponent(sample.name).path
            try Data(sample.bytes).write(to: URL(fileURLWithPath: path))
            let magic = try PluginTestSupport.run(file, ["--brief", "--mime-type", path])
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let ours = MediaTypeSniffer.mediaType(of: sample.bytes, textFallback: true)
            XCTAssertEqual(ours, sample.expected, sample.name)
            // libmagic names binary and non-UTF-8 text application/octet-stream or text/plain
            // with another charset; ours gives no type to either.
            if let ours {
                XCTAssertEqual(ours, magic, "\(sample.name): libmagic says \(magic)")
            } else {
                let charset = try PluginTestSupport.run(file, ["--brief", "--mime-encoding", path])
                XCTAssertTrue(
                    magic == "application/octet-stream" || !charset.contains("utf-8") && !charset.contains("ascii"),
                    "\(sample.name): libmagic says \(magic), \(charset)")
            }
        }
    }

    func testSniffer_mbox_asPythonsMailboxReadsIt() throws {
        let python = try PluginTestSupport.python()
        let path = try PluginTestSupport.scratchDirectory().appendingPathComponent("archive").path
        try Data(Self.mbox).write(to: URL(fileURLWithPath: path))
        let count = try PluginTestSupport.run(
            python, ["-c", "import mailbox, sys; print(len(mailbox.mbox(sys.argv[1])))", path])
        XCTAssertEqual(count.trimmingCharacters(in: .whitespacesAndNewlines), "2")
        XCTAssertEqual(MediaTypeSniffer.mediaType(of: Self.mbox, textFallback: true), "application/mbox")
    }

    func testRegistry_extensionFirst_textOnlyWithoutExtension() {
        let text = Array("plain words\n".utf8)
        XCTAssertEqual(ExtractorRegistry.mediaType(forPath: "a/notes", contents: text), "text/plain")
        XCTAssertNil(
            ExtractorRegistry.mediaType(forPath: "a/photo.jpeg", contents: text), "ASCII is no reason to read a .jpeg")
        XCTAssertEqual(
            ExtractorRegistry.mediaType(forPath: "a/table.csv", contents: Array("%PDF-1.4".utf8)), "text/csv")
        XCTAssertEqual(
            ExtractorRegistry.mediaType(forPath: "a/scan.bin", contents: Array("%PDF-1.7\n".utf8)), "application/pdf")
        XCTAssertEqual(
            ExtractorRegistry.mediaType(forPath: "a/saved.page", contents: Array("<HTML>".utf8)), "text/html")
        XCTAssertNil(MediaTypeSniffer.mediaType(of: Array("<htmlx>".utf8), textFallback: false))
        XCTAssertNil(MediaTypeSniffer.mediaType(of: Array("Subject: x\nno colon here\n\n".utf8), textFallback: false))
        XCTAssertNil(MediaTypeSniffer.mediaType(of: Array("From: a@b\n\nonly a sender\n".utf8), textFallback: false))
    }
}
