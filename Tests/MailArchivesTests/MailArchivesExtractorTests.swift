import LinkGraph
import LinkGraphPlugin
import TextPatterns
import XCTest

@testable import MailArchives

/// The extractor on a mailbox written at test time (MailFixtures): people, organizations,
/// `emailed` relations with weights, dates, evidence and threads, bodies through text-patterns,
/// and bad messages reported by number without stopping the rest.
final class MailArchivesExtractorTests: XCTestCase {
    func request(_ bytes: [UInt8], options: JSONObject = [:]) -> ExtractionRequest {
        ExtractionRequest(
            id: "box", mediaType: "application/mbox", bytes: bytes, metadata: ["path": "box.mbox", "name": "box.mbox"],
            options: options)
    }

    func testReaderDecodesEveryEncoding() throws {
        let bytes = MailFixtures.mbox(MailFixtures.goodMessages)
        let messages = try MailArchiveReader.read(bytes, file: "box.mbox").map { try $0.get() }
        XCTAssertEqual(messages.count, 5)
        XCTAssertEqual(
            messages.map(\.subject), ["Réunion du conseil", "Re: Grüße aus Wien", "transfer", "fees", "manifest"])
        XCTAssertEqual(
            messages[0].recipients.map(\.address),
            ["ivo.brandt@gmail.com", "anton@sorel-freight.com", "ledger@harbor-trust.org"])
        XCTAssertEqual(messages[0].to[1].name, "Sorel, Anton")
        XCTAssertEqual(messages[1].date.utcDay.description, "2016-05-05")  // 22:30 -0500 is 03:30 UTC the next day
        XCTAssertEqual(messages[1].inReplyTo, ["m1@harbor-trust.org"])
        // The plain part, not the HTML one.
        XCTAssertEqual(messages[1].bodyParts.map(\.text), ["Björn Halvorsen sends his regards from Malmö.\n"])
        XCTAssertEqual(messages[2].from[0].name, "Renée Fabre")
        XCTAssertEqual(messages[2].bcc.map(\.address), ["mq.private@gmail.com"])
        XCTAssertEqual(messages[2].bodyParts.first?.text.hasPrefix("Ivo, “Harbor Trust” wired the money."), true)
        XCTAssertEqual(messages[3].bodyParts.map(\.text), ["Grüße, the fee is 40 € for Jörg.\n>From the ledger.\n"])
        XCTAssertEqual(messages[4].bodyParts.map(\.text), ["Anton Sorel is in Vienna.\n"])  // the attachment is skipped
        // Message 1's body is stored verbatim: offsets into its text are offsets into the file.
        let part = try XCTUnwrap(messages[0].bodyParts.first)
        XCTAssertTrue(part.isVerbatim)
        XCTAssertEqual(String(decoding: bytes[part.start..<(part.start + 15)], as: UTF8.self), "Petra Lindqvist")
        // The header section's offsets.
        let header = String(decoding: bytes[messages[0].headerStart..<messages[0].headerEnd], as: UTF8.self)
        XCTAssertTrue(header.hasPrefix("From: Mara Quill"))
        XCTAssertTrue(header.hasSuffix("Subject: =?ISO-8859-1?Q?R=E9union_du_conseil?="))
    }

    func testCommunicationGraph() throws {
        let bytes = MailFixtures.mbox(MailFixtures.goodMessages)
        let result = try MailArchivesExtractor().extractParts(request(bytes))
        XCTAssertTrue(result.errors.isEmpty, "\(result.errors)")
        let caseFile = result.caseFile
        let byName = Dictionary(uniqueKeysWithValues: caseFile.entities.map { ($0.name, $0) })
        // Mara Quill at work and at gmail is one person (the same full name, nobody else's).
        let mara = try XCTUnwrap(byName["Mara Quill"])
        XCTAssertEqual(mara.kind, .person)
        XCTAssertEqual(mara.attributes["emails"], .array(["mara@harbor-trust.org", "mq.private@gmail.com"]))
        XCTAssertEqual(byName["Sorel, Anton"]?.kind, .person)
        XCTAssertEqual(byName["ledger@harbor-trust.org"]?.kind, .person)
        // Organizations from domains, none for gmail.com.
        XCTAssertEqual(
            Set(caseFile.entities.filter { $0.kind == .organization }.map(\.name)),
            ["harbor-trust.org", "sorel-freight.com"])
        func relation(_ a: String, _ kind: RelationKind, _ b: String) -> Relation? {
            caseFile.relations.first { $0.source == byName[a]?.id && $0.target == byName[b]?.id && $0.kind == kind }
        }
        XCTAssertNotNil(relation("Mara Quill", .memberOf, "harbor-trust.org"))
        XCTAssertNotNil(relation("Renée Fabre", .memberOf, "sorel-freight.com"))
        XCTAssertNil(relation("Ivo Brandt", .memberOf, "gmail.com"))
        // Mara → Ivo twice: weight 2, dated from the first to the last message, two evidence spans with Message-IDs.
        let maraIvo = try XCTUnwrap(relation("Mara Quill", .emailed, "Ivo Brandt"))
        XCTAssertEqual(maraIvo.weight, 2)
        XCTAssertEqual(maraIvo.from?.description, "2016-05-03")
        XCTAssertEqual(maraIvo.until?.description, "2016-06-09")
        XCTAssertEqual(
            maraIvo.evidence.map { $0.unknownFields["messageId"] },
            [.string("m1@harbor-trust.org"), .string("m4@harbor-trust.org")])
        for evidence in maraIvo.evidence {
            let text = String(decoding: bytes[evidence.start!..<evidence.end!], as: UTF8.self)
            XCTAssertTrue(text.hasPrefix("From: Mara Quill <mara@harbor-trust.org>"))
        }
        // Ivo → Mara once, a reply: the thread is kept.
        let reply = try XCTUnwrap(relation("Ivo Brandt", .emailed, "Mara Quill"))
        XCTAssertEqual(reply.weight, 1)
        XCTAssertEqual(reply.attributes["inReplyTo"], .array(["m1@harbor-trust.org"]))
        XCTAssertEqual(reply.attributes["references"], .array(["m1@harbor-trust.org"]))
        // Bcc counts; the merged gmail address of Mara is the same person.
        XCTAssertEqual(relation("Renée Fabre", .emailed, "Mara Quill")?.from?.description, "2016-05-06")
        XCTAssertEqual(relation("Sorel, Anton", .emailed, "Mara Quill")?.weight, 1)
        // Every emailed relation, counted independently from the messages.
        let emailed = caseFile.relations.filter { $0.kind == .emailed }
        XCTAssertEqual(emailed.reduce(0) { $0 + ($1.weight ?? 1) }, 3 + 1 + 2 + 1 + 2)
        XCTAssertEqual(emailed.count, 3 + 1 + 2 + 2)  // message 4 repeats Mara → Ivo
    }

    func testAmbiguousDisplayNamesDoNotMerge() {
        let people = MailPeople([
            MailAddress(name: "Mara Quill", address: "a@x.org"), MailAddress(name: "Mara Quill", address: "b@y.org"),
            MailAddress(name: "Press Office", address: "c@x.org"),
            MailAddress(name: "Press Office", address: "d@y.org"),
            MailAddress(name: "Lena Ott", address: "d@y.org"), MailAddress(name: "Sam", address: "e@x.org"),
            MailAddress(name: "Sam", address: "f@y.org"),
        ])
        XCTAssertEqual(
            people.people.map(\.addresses),
            [["a@x.org", "b@y.org"], ["c@x.org"], ["d@y.org"], ["e@x.org"], ["f@y.org"]])
    }

    func testBodiesGoThroughTheTextExtractor() throws {
        let bytes = MailFixtures.mbox(MailFixtures.goodMessages)
        let extractor = MailArchivesExtractor(bodyExtractor: try TextPatternsExtractor())
        let caseFile = try extractor.extractCaseFile(request(bytes))
        let names = Set(caseFile.entities.map(\.name))
        // Found only in bodies: plain (verbatim), QP UTF-8, base64 Windows-1252, base64 UTF-16.
        for name in ["Petra Lindqvist", "Björn Halvorsen", "Vienna"] {
            XCTAssertTrue(names.contains(name), "\(name) not in \(names.sorted())")
        }
        // Mentions in a verbatim body point at the name in the file.
        let petra = try XCTUnwrap(caseFile.entities.first { $0.name == "Petra Lindqvist" })
        let spans = petra.provenance.flatMap(\.mentions).map {
            String(decoding: bytes[$0.start..<$0.end], as: UTF8.self)
        }
        XCTAssertTrue(spans.contains("Petra Lindqvist"), "\(spans)")
        // Without bodies, none of them.
        let headersOnly = try extractor.extractCaseFile(request(bytes, options: ["bodies": false]))
        XCTAssertFalse(headersOnly.entities.contains { $0.name == "Petra Lindqvist" })
    }

    func testBadMessagesAreReportedByNumberAndTheRestKept() throws {
        let bad = MailFixtures.badMessages
        var messages = [MailFixtures.goodMessages[0]]
        messages += bad.map(\.message)
        messages.append(MailFixtures.goodMessages[3])
        let result = try MailArchivesExtractor().extractParts(request(MailFixtures.mbox(messages)))
        let errors = result.errors.map { $0 as? MailError }
        XCTAssertEqual(
            errors,
            bad.enumerated().map { MailError(file: "box.mbox", message: $0.offset + 2, reason: $0.element.reason) })
        XCTAssertEqual("\(errors[0]!)", "box.mbox: message 2: no Date header")
        // Messages 1 and 8 were read.
        let weight = result.caseFile.relations.filter { $0.kind == .emailed }.reduce(0) { $0 + ($1.weight ?? 1) }
        XCTAssertEqual(weight, 3 + 1)
        XCTAssertThrowsError(try MailArchivesExtractor().extractCaseFile(request(MailFixtures.mbox(messages))))
    }

    func testNestedMessagesHTMLOnlyBodiesAndMboxo() throws {
        let message = """
            From: a@x.org\r
            Date: 2 Jul 2016 10:00 GMT\r
            Content-Type: multipart/mixed; boundary="outer"\r
            \r
            --outer\r
            Content-Type: text/html; charset=iso-8859-1\r
            \r
            <html><head><style>p {}</style></head><body><p>Ren&eacute;e &amp; Co</p><script>var x;</script></body></html>\r
            --outer\r
            Content-Type: message/rfc822\r
            \r
            From: b@y.org\r
            Subject: inner\r
            \r
            inner text\r
            --outer--\r

            """
        let parsed = try MailArchiveReader.read(Array(message.utf8), file: "n.eml").map { try $0.get() }
        XCTAssertEqual(parsed.first?.bodyParts.map(\.text), ["\nRenée & Co\n", "inner text"])
        // mboxo unquotes only ">From ", mboxrd every ">*From ".
        let box = Array("From x\nFrom: a@x.org\nDate: 2 Jul 2016 10:00 GMT\n\n>>From deep\n\n".utf8)
        XCTAssertEqual(
            try MailArchiveReader.read(box, file: "b", variant: .mboxo)[0].get().bodyParts.map(\.text),
            [">>From deep\n"])
        XCTAssertEqual(
            try MailArchiveReader.read(box, file: "b", variant: .mboxrd)[0].get().bodyParts.map(\.text),
            [">From deep\n"])
        XCTAssertThrowsError(try MailArchivesExtractor().extractParts(request(box, options: ["mbox": "mmdf"])))
    }

    func testSingleEmlFile() throws {
        let eml = Array(MailFixtures.goodMessages[2].utf8)
        let messages = try MailArchiveReader.read(eml, file: "one.eml").map { try $0.get() }
        XCTAssertEqual(messages.count, 1)
        XCTAssertEqual(messages[0].headerStart, 0)
        XCTAssertEqual(messages[0].subject, "transfer")
    }
}
