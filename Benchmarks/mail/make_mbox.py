#!/usr/bin/env python3
"""Writes an mbox of N synthetic messages for the mail benchmark: made-up people at a few
domains, each message in one of the encodings the reader handles (plain, quoted-printable
UTF-8, base64 Windows-1252, multipart/alternative with HTML, RFC 2047 subjects).

    make_mbox.py N OUT.mbox
"""
import base64
import quopri
import random
import sys

FIRST = ["Mara", "Ivo", "Anton", "Renee", "Petra", "Bjorn", "Lena", "Tomas", "Aida", "Kofi", "Jorg", "Ines"]
LAST = ["Quill", "Brandt", "Sorel", "Fabre", "Lindqvist", "Halvorsen", "Ott", "Varga", "Mensah", "Ruiz"]
DOMAINS = ["harbor-trust.org", "sorel-freight.com", "gmail.com", "ministry.example", "bank.example"]


def person(rng):
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return f"{first} {last}", f"{first.lower()}.{last.lower()}@{rng.choice(DOMAINS)}"


def message(rng, n):
    name, address = person(rng)
    recipients = ", ".join(f"{a} <{b}>" for a, b in (person(rng) for _ in range(rng.randint(1, 4))))
    day = rng.randint(1, 28)
    body = f"{person(rng)[0]} met {person(rng)[0]} in Vienna about the transfer of {n} euros.\n" * rng.randint(1, 6)
    kind = n % 4
    head = (f"From: {name} <{address}>\nTo: {recipients}\nDate: Tue, {day} May 2016 09:{n % 60:02d}:00 +0200\n"
            f"Message-ID: <m{n}@bench.example>\n")
    if kind == 0:
        return head + f"Subject: plain {n}\n\n{body}"
    if kind == 1:
        qp = quopri.encodestring(("Grüße. " + body).encode("utf-8")).decode("ascii")
        return (head + "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\nContent-Type: text/plain; charset=utf-8\n"
                "Content-Transfer-Encoding: quoted-printable\n\n" + qp)
    if kind == 2:
        b64 = base64.encodebytes(("“" + body + "”").encode("cp1252")).decode("ascii")
        return (head + "Subject: =?windows-1252?B?" + base64.b64encode("“quote”".encode("cp1252")).decode() + "?=\n"
                "Content-Type: text/plain; charset=windows-1252\nContent-Transfer-Encoding: base64\n\n" + b64)
    return (head + "Subject: alt\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=\"b\"\n\n"
            f"--b\nContent-Type: text/plain; charset=us-ascii\n\n{body}\n--b\nContent-Type: text/html\n\n"
            f"<p>{body}</p>\n--b--\n")


def main():
    count, path = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(12)
    with open(path, "w", encoding="ascii") as out:
        for n in range(count):
            text = message(rng, n)
            lines = [(">" + line if line.lstrip(">").startswith("From ") else line) for line in text.split("\n")]
            out.write("From bench@example.invalid Mon Jan  1 00:00:00 2024\n" + "\n".join(lines).rstrip("\n") + "\n\n")


if __name__ == "__main__":
    main()
