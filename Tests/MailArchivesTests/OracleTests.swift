import Foundation
import XCTest

@testable import MailArchives

/// The reader against Python's `mailbox` and `email` packages (Oracle/mail_oracle.py) on the
/// same mbox: senders, recipients, UTC days and decoded subjects must agree.
final class OracleTests: XCTestCase {
    func testAgreesWithPythonEmail() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Oracle/mail_oracle.py")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mail-oracle-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let mbox = directory.appendingPathComponent("box.mbox")
        let bytes = MailFixtures.mbox(MailFixtures.goodMessages)
        try Data(bytes).write(to: mbox)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, mbox.path]
        let output = Pipe()
        process.standardOutput = output
        do { try process.run() } catch { throw XCTSkip("python3 is not available: \(error)") }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 127 { throw XCTSkip("python3 is not installed") }
        XCTAssertEqual(process.terminationStatus, 0)
        let expected = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String: Any]])

        let messages = try MailArchiveReader.read(bytes, file: "box.mbox").map { try $0.get() }
        XCTAssertEqual(messages.count, expected.count)
        for (message, oracle) in zip(messages, expected) {
            XCTAssertEqual(message.from.map(\.address), oracle["from"] as? [String])
            XCTAssertEqual(message.to.map(\.address), oracle["to"] as? [String])
            XCTAssertEqual(message.cc.map(\.address), oracle["cc"] as? [String])
            XCTAssertEqual(message.bcc.map(\.address), oracle["bcc"] as? [String])
            XCTAssertEqual(message.date.utcDay.description, oracle["day"] as? String)
            XCTAssertEqual(message.subject, oracle["subject"] as? String)
        }
    }
}
