import Foundation

/// Mailboxes written at test time from messages of our own, with every encoding the reader
/// handles. Nothing here is copied from real mail.
enum MailFixtures {
    /// Bytes in a charset, for bodies.
    static func bytes(_ text: String, _ encoding: String.Encoding) -> [UInt8] {
        Array(text.data(using: encoding)!)
    }

    static func base64Lines(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
    }

    /// Quoted-printable with soft line breaks every 60 characters.
    static func quotedPrintable(_ bytes: [UInt8]) -> String {
        var out = ""
        var line = 0
        for byte in bytes {
            let piece: String
            if byte == 0x0A {
                out += "\r\n"
                line = 0
                continue
            } else if (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || byte == 0x20 {
                piece = String(UnicodeScalar(byte))
            } else {
                piece = String(format: "=%02X", byte)
            }
            if line + piece.count > 60 {
                out += "=\r\n"
                line = 0
            }
            out += piece
            line += piece.count
        }
        return out
    }

    /// Good messages: (headers, body) joined with CRLF, each different in its encodings.
    static var goodMessages: [String] {
        let latin9 = quotedPrintable(bytes("Grüße, the fee is 40 ¤ for Jörg.", .isoLatin1))  // 0xA4 is € in ISO-8859-15
        let windows = base64Lines(
            bytes(
                "Ivo, “Harbor Trust” wired the money.\nColonel Petra Lindqvist met Anton Sorel in Vienna.\n",
                .windowsCP1252))
        let utf16 = base64Lines([0xFE, 0xFF] + bytes("Anton Sorel is in Vienna.\n", .utf16BigEndian))
        return [
            // 1: plain ASCII, folded To, a Q-encoded ISO-8859-1 subject.
            """
            From: Mara Quill <mara@harbor-trust.org>\r
            To: Ivo Brandt <ivo.brandt@gmail.com>,\r
             "Sorel, Anton" <anton@sorel-freight.com>\r
            Cc: ledger@harbor-trust.org\r
            Date: Tue, 3 May 2016 09:12:00 +0200\r
            Message-ID: <m1@harbor-trust.org>\r
            Subject: =?ISO-8859-1?Q?R=E9union_du_conseil?=\r
            \r
            Petra Lindqvist will chair the meeting.\r

            """,
            // 2: multipart/alternative, QP UTF-8 text and HTML; a UTF-8 B subject in two words; a reply.
            """
            From: Ivo Brandt <ivo.brandt@gmail.com>\r
            To: Mara Quill <mara@harbor-trust.org>\r
            Date: Wed, 4 May 2016 22:30:00 -0500\r
            Message-ID: <m2@gmail.com>\r
            In-Reply-To: <m1@harbor-trust.org>\r
            References: <m1@harbor-trust.org>\r
            Subject: =?UTF-8?B?UmU6IEdyw7zDnw==?=\r
             =?UTF-8?B?ZSBhdXMgV2llbg==?=\r
            MIME-Version: 1.0\r
            Content-Type: multipart/alternative; boundary="alt-1"\r
            \r
            preamble\r
            --alt-1\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            \(quotedPrintable(Array("Björn Halvorsen sends his regards from Malmö.\n".utf8)))\r
            --alt-1\r
            Content-Type: text/html; charset=utf-8\r
            \r
            <html><head><title>x</title></head><body><p>Bj&ouml;rn Halvorsen</p></body></html>\r
            --alt-1--\r

            """,
            // 3: base64 Windows-1252 body; an encoded display name; Bcc.
            """
            From: =?windows-1252?Q?Ren=E9e_Fabre?= <renee@sorel-freight.com>\r
            To: ivo.brandt@gmail.com\r
            Bcc: Mara Quill <mq.private@gmail.com>\r
            Date: 6 May 2016 08:00 GMT\r
            Message-ID: <m3@sorel-freight.com>\r
            Subject: transfer\r
            Content-Type: text/plain; charset=windows-1252\r
            Content-Transfer-Encoding: base64\r
            \r
            \(windows)\r

            """,
            // 4: QP ISO-8859-15 body with a quoted From line; a second message Mara → Ivo (weight 2).
            """
            From: Mara Quill <mara@harbor-trust.org>\r
            To: Ivo Brandt <ivo.brandt@gmail.com>\r
            Date: Thu, 9 Jun 2016 10:00:00 +0000\r
            Message-ID: <m4@harbor-trust.org>\r
            Subject: fees\r
            Content-Type: text/plain; charset=ISO-8859-15\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            \(latin9)\r
            >From the ledger.\r

            """,
            // 5: multipart/mixed with a UTF-16 base64 text part and an attachment.
            """
            From: "Sorel, Anton" <anton@sorel-freight.com>\r
            To: Renée Fabre <renee@sorel-freight.com>, Mara Quill <mara@harbor-trust.org>\r
            Date: Fri, 1 Jul 2016 16:45:10 +0100\r
            Message-ID: <m5@sorel-freight.com>\r
            Subject: manifest\r
            Content-Type: multipart/mixed; boundary=mix\r
            \r
            --mix\r
            Content-Type: text/plain; charset=UTF-16\r
            Content-Transfer-Encoding: base64\r
            \r
            \(utf16)\r
            --mix\r
            Content-Type: application/pdf\r
            Content-Disposition: attachment; filename="m.pdf"\r
            Content-Transfer-Encoding: base64\r
            \r
            JVBERi0xLjQK\r
            --mix--\r

            """,
        ]
    }

    /// Bad messages, each with the reason the reader must give.
    static var badMessages: [(message: String, reason: String)] {
        [
            ("From: a@x.org\r\nTo: b@x.org\r\nSubject: no date\r\n\r\nbody\r\n", "no Date header"),
            ("To: b@x.org\r\nDate: 1 Jan 2020 10:00 +0000\r\n\r\nbody\r\n", "no From header"),
            (
                "From: a@x.org\r\nTo: b@x.org\r\nDate: 1 Jan 2020 10:00 +0000\r\nContent-Transfer-Encoding: base64\r\n\r\nAAA*\r\n",
                "bad base64: the byte 0x2a is not in the alphabet in the body"
            ),
            (
                "From: a@x.org\r\nTo: b@x.org\r\nDate: 1 Jan 2020 10:00 +0000\r\nContent-Type: text/plain; charset=x-mars\r\n\r\nhi\r\n",
                "unknown charset \"x-mars\" in the body"
            ),
            (
                "From: a@x.org\r\nTo: b@x.org\r\nDate: 1 Jan 2020 10:00 +0000\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\ncut",
                "the body is cut short: the multipart has no closing boundary \"--b--\" (truncated?)"
            ),
            ("From: a@x.org\r\nDate: someday\r\n\r\nx\r\n", "the Date header \"someday\" is not an RFC 5322 date"),
        ]
    }

    /// An mbox of messages, each after a `From ` line, body lines starting `From ` quoted.
    static func mbox(_ messages: [String]) -> [UInt8] {
        var out: [UInt8] = []
        for message in messages {
            out += Array("From sender@example.invalid Mon Jan  1 00:00:00 2024\n".utf8)
            var lines = Array(message.utf8).split(separator: 0x0A, omittingEmptySubsequences: false)
            if lines.last?.isEmpty == true { lines.removeLast() }
            for line in lines {
                let rest = line.drop { $0 == UInt8(ascii: ">") }
                if rest.starts(with: "From ".utf8) { out.append(UInt8(ascii: ">")) }  // mboxrd quoting
                out += line + [0x0A]
            }
            out.append(0x0A)
        }
        return out
    }
}
