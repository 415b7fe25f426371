import Foundation
import LinkGraph
import XCTest

/// `linkgraph extract` on a mailbox: a bad message is reported by number and the rest kept;
/// the `emailed` relations' dates drive `--as-of` and `--timeline` as other relations' do.
final class MailExtractCLITests: XCTestCase {
    /// Three messages: Mara → Ivo in May, one without a Date, Ivo → Anton in July (base64 body).
    static let mailbox = """
        From mara@harbor-trust.org Tue May  3 09:12:00 2016
        From: Mara Quill <mara@harbor-trust.org>
        To: Ivo Brandt <ivo@gmail.com>
        Date: Tue, 3 May 2016 09:12:00 +0200
        Message-ID: <a1@harbor-trust.org>
        Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=

        Call me.

        From x@y Wed May  4 00:00:00 2016
        From: x@y.org
        To: ivo@gmail.com
        Subject: undated

        lost

        From ivo@gmail.com Fri Jul  1 10:00:00 2016
        From: Ivo Brandt <ivo@gmail.com>
        To: "Sorel, Anton" <anton@sorel-freight.com>
        Date: Fri, 1 Jul 2016 10:00:00 +0000
        Message-ID: <a3@gmail.com>
        In-Reply-To: <a1@harbor-trust.org>
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: base64

        \(Data("Petra Lindqvist met Anton Sorel in Vienna.\n".utf8).base64EncodedString())

        """

    func testMailbox_badMessageReported_restKept_asOfAndTimeline() throws {
        let dir = try TemporaryDirectory()
        let box = try dir.write("box.mbox", Self.mailbox)
        let output = dir.path("mail.json")
        let result = try CLIRunner.run(["extract", box, "-o", output])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(box): message 2: no Date header"), result.stderr)
        XCTAssertTrue(result.stderr.contains("1 message could not be read"), result.stderr)
        let caseFile = try CaseFile.read(from: output)
        let id = Dictionary(caseFile.entities.map { ($0.name, $0.id) }, uniquingKeysWith: { a, _ in a })
        let emailed = caseFile.relations.filter { $0.kind == .emailed }
        XCTAssertEqual(
            emailed.map { [$0.source, $0.target] },
            [[id["Mara Quill"]!, id["Ivo Brandt"]!], [id["Ivo Brandt"]!, id["Sorel, Anton"]!]])
        XCTAssertEqual(emailed.map { $0.from?.description }, ["2016-05-03", "2016-07-01"])
        XCTAssertEqual(emailed[1].attributes["inReplyTo"], .array(["a1@harbor-trust.org"]))
        XCTAssertNotNil(id["Petra Lindqvist"], "the base64 body went to text-patterns: \(id.keys.sorted())")
        XCTAssertNotNil(id["harbor-trust.org"])
        XCTAssertNil(id["gmail.com"])

        // --as-of: each emailed relation is drawn only on the days it holds.
        func edges(asOf date: String) throws -> String {
            let dot = dir.path("as-of-\(date).dot")
            let run = try CLIRunner.run([
                "render", output, "--as-of", date, "--format", "dot", "-o", dot, "--in-process",
            ])
            XCTAssertEqual(run.status, 0, run.stderr)
            return try String(contentsOfFile: dot, encoding: .utf8)
        }
        let may = try edges(asOf: "2016-05-03"), july = try edges(asOf: "2016-07-01")
        let maraToIvo = "\"\(id["Mara Quill"]!)\" -> \"\(id["Ivo Brandt"]!)\""
        let ivoToAnton = "\"\(id["Ivo Brandt"]!)\" -> \"\(id["Sorel, Anton"]!)\""
        XCTAssertTrue(may.contains(maraToIvo), may)
        XCTAssertFalse(may.contains(ivoToAnton))
        XCTAssertTrue(july.contains(ivoToAnton), july)
        XCTAssertFalse(july.contains(maraToIvo))
        // An analysis takes --as-of on a mail case as on any other.
        let degree = try CLIRunner.run(["centrality", output, "--measure", "degree", "--as-of", "2016-05", "--json"])
        XCTAssertEqual(degree.status, 0, degree.stderr)

        // --timeline frames a case of mail and a defection like any other case.
        let text = try dir.write("memo.txt", "Ivo Brandt defected to Britain in June 2016.\n")
        let both = dir.path("both.json")
        XCTAssertEqual(try CLIRunner.run(["extract", box, text, "-o", both, "--quiet"]).status, 1)
        let frames = dir.path("frames")
        let timeline = try CLIRunner.run([
            "render", both, "--timeline", "--format", "dot", "-o", frames, "--in-process",
        ])
        XCTAssertEqual(timeline.status, 0, timeline.stderr)
        XCTAssertTrue(timeline.stdout.contains("2016-06"), timeline.stdout)
    }

    /// Two mailboxes with messages between the same people: the `emailed` weight and `messages`
    /// add up across files, the dates span both, and extracting into the result again (the
    /// same messages) counts nothing twice.
    func testEmailedWeightsAddUpAcrossFiles() throws {
        let dir = try TemporaryDirectory()
        func message(_ id: String, _ date: String) -> String {
            """
            From mara@harbor-trust.org \(date)
            From: Mara Quill <mara@harbor-trust.org>
            To: Ivo Brandt <ivo@gmail.com>
            Date: \(date)
            Message-ID: <\(id)@harbor-trust.org>
            Subject: ledger

            See the ledger.

            """
        }
        let spring = try dir.write(
            "spring.mbox",
            message("s1", "Tue, 3 May 2016 09:12:00 +0000") + "\n"
                + message("s2", "Wed, 4 May 2016 09:12:00 +0000"))
        let autumn = try dir.write("autumn.mbox", message("a1", "Mon, 3 Oct 2016 09:12:00 +0000"))
        let output = dir.path("mail.json")
        let run = try CLIRunner.run(["extract", spring, autumn, "-o", output])
        XCTAssertEqual(run.status, 0, run.stderr)
        func emailed() throws -> Relation {
            try XCTUnwrap(CaseFile.read(from: output).relations.first { $0.kind == .emailed })
        }
        var relation = try emailed()
        XCTAssertEqual(relation.weight, 3)
        XCTAssertEqual(relation.attributes["messages"], .number(JSONNumber(3)))
        XCTAssertEqual(relation.evidence.count, 3)
        XCTAssertEqual(relation.from?.description, "2016-05-03")
        XCTAssertEqual(relation.until?.description, "2016-10-03")
        let again = try CLIRunner.run(["extract", autumn, "--into", output, "-o", output])
        XCTAssertEqual(again.status, 0, again.stderr)
        relation = try emailed()
        XCTAssertEqual(relation.weight, 3, "the same message merged again is not counted twice")
    }
}
