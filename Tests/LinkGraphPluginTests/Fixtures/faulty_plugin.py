#!/usr/bin/env python3
"""A subprocess plug-in for the tests that misbehaves on request.

A document's text chooses what happens:
  CRASH      killed by SIGSEGV          HANG      sleeps for ten minutes
  HANGKIDS   starts a grandchild holding the pipes, then sleeps
  GARBAGE    a line that is not JSON    HUGE      100 MB without a line break
  EXIT0      exits (status 0) without answering
  EXIT3      writes to stderr, exits with status 3
  ERROR      answers {"error": ...}     BADREF    answers with a relation to an unknown id
  TWOLINES   answers with two lines
  NOISY      writes 1.2 MB on standard error, then answers
anything else: one entity per capitalized word, with its byte span (texts are ASCII).
"""
import json
import os
import signal
import subprocess
import sys
import time

if sys.argv[1:] == ["--describe"]:
    print(json.dumps({"name": "faulty", "version": "1", "accepts": ["text/plain"]}))
    sys.exit(0)


def answer(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


for line in sys.stdin:
    request = json.loads(line)
    text = request["text"]
    if "HANGKIDS" in text:
        subprocess.Popen(["sleep", "987"])
        time.sleep(600)
    elif "CRASH" in text:
        os.kill(os.getpid(), signal.SIGSEGV)
    elif "HANG" in text:
        time.sleep(600)
    elif "GARBAGE" in text:
        sys.stdout.write("this is not JSON at all\n")
        sys.stdout.flush()
    elif "HUGE" in text:
        chunk = "x" * (1 << 20)
        for _ in range(100):
            sys.stdout.write(chunk)
        sys.stdout.write("\n")
        sys.stdout.flush()
    elif "EXIT0" in text:
        sys.exit(0)
    elif "EXIT3" in text:
        sys.stderr.write("faulty: giving up on purpose\n")
        sys.stderr.flush()
        sys.exit(3)
    elif "NOISY" in text:
        sys.stderr.write(("noise " * 1000 + "\n") * 200)  # about 1.2 MB, far more than a pipe holds
        sys.stderr.write("last words\n")
        sys.stderr.flush()
        answer({"entities": [{"id": "n", "name": "Noisy", "kind": "other"}]})
    elif "ERROR" in text:
        answer({"error": "cannot read this one"})
    elif "BADREF" in text:
        answer({"entities": [], "relations": [{"source": "nobody", "target": "nobody", "kind": "pays"}]})
    elif "TWOLINES" in text:
        sys.stdout.write('{"entities": []}\n{"entities": []}\n')
        sys.stdout.flush()
    else:
        entities, position = [], 0
        for word in text.split(" "):
            if word[:1].isupper():
                entities.append({"id": "e%d" % len(entities), "name": word, "kind": "other",
                                 "mentions": [{"start": position, "end": position + len(word)}]})
            position += len(word) + 1
        answer({"entities": entities, "relations": []})
