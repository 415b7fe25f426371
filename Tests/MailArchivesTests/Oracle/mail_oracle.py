#!/usr/bin/env python3
"""Independent oracle for the mail reader: Python's own mailbox and email packages read an
mbox and print, per message, the addresses of From/To/Cc/Bcc, the UTC day of Date and the
decoded Subject, as JSON on standard output.

    python3 mail_oracle.py MBOX
"""
import datetime
import email.policy
import email.utils
import json
import mailbox
import sys


def addresses(message, name):
    header = message[name]
    if header is None:
        return []
    return [a.addr_spec for a in header.addresses if a.addr_spec]


def main():
    box = mailbox.mbox(sys.argv[1], factory=None, create=False)
    out = []
    for key in box.keys():
        message = email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
        moment = email.utils.parsedate_to_datetime(message["Date"])
        if moment.tzinfo is not None:
            moment = moment.astimezone(datetime.timezone.utc)
        out.append({
            "from": addresses(message, "From"),
            "to": addresses(message, "To"),
            "cc": addresses(message, "Cc"),
            "bcc": addresses(message, "Bcc"),
            "day": moment.date().isoformat(),
            "subject": str(message["Subject"] or ""),
        })
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
