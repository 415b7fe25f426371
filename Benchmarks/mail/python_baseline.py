#!/usr/bin/env python3
"""The baseline: Python's mailbox + email read every message of an mbox as the mail-archives
extractor does (addresses of From/To/Cc/Bcc, Date, decoded Subject, the text body decoded)
and print messages per second.

    python_baseline.py MBOX
"""
import email.policy
import email.utils
import mailbox
import sys
import time


def main():
    start = time.perf_counter()
    box = mailbox.mbox(sys.argv[1], create=False)
    count = 0
    for key in box.keys():
        message = email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
        for name in ("From", "To", "Cc", "Bcc"):
            header = message[name]
            if header is not None:
                _ = [a.addr_spec for a in header.addresses]
        email.utils.parsedate_to_datetime(message["Date"])
        _ = str(message["Subject"])
        body = message.get_body(preferencelist=("plain", "html"))
        if body is not None:
            body.get_content()
        count += 1
    elapsed = time.perf_counter() - start
    print(f"{count} {elapsed:.3f}")


if __name__ == "__main__":
    main()
