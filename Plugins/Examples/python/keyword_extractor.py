#!/usr/bin/env python3
"""An example LinkGraph extractor plug-in run as a subprocess (standard library only).

    linkgraph extract notes.txt --plugin-exec 'python3 Plugins/Examples/python/keyword_extractor.py' -o case.json

Protocol (docs/PLUGINS.md):
  * `keyword_extractor.py --describe` prints the self-description JSON and exits.
  * Otherwise it reads one request JSON per line on standard input and writes one answer JSON
    per line on standard output, in order, flushing after each; it exits at the end of input.
  * Offsets are UTF-8 byte offsets into the document, end exclusive.

What it finds (the same as the Swift example):
  * the names listed in the request's options, "names": ["Mara Quill", {"name": "Harbor Trust",
    "kind": "organization"}], wherever they occur as whole words;
  * "A pays B" sentences (pays, paid, funds, funded, finances, financed) between capitalized
    names, as `pays` relations with the matched words as evidence.
"""

import base64
import json
import re
import sys

DESCRIPTION = {
    "name": "python-keywords",
    "version": "1.0",
    "accepts": ["text/plain", "text/markdown"],
    "summary": "Example subprocess plug-in: listed names and 'A pays B' sentences.",
}

VERBS = ["pays", "paid", "funds", "funded", "finances", "financed"]
NAME = r"[^\W\d_a-z][\w'’-]*(?:\s+(?:al-|bin\s+)?[^\W\d_a-z][\w'’-]*){0,3}"
PAYS = re.compile(r"(%s)\s+(?:%s)\s+(%s)" % (NAME, "|".join(VERBS), NAME))
STOP_WORDS = {"The", "Then", "In", "On", "At", "Later", "Meanwhile", "Also", "And", "But",
              "When", "After", "Before", "Since", "A", "An"}


class ByteOffsets:
    """Character index -> UTF-8 byte offset, for one text."""

    def __init__(self, text):
        self.offsets = [0]
        for ch in text:
            self.offsets.append(self.offsets[-1] + len(ch.encode("utf-8")))

    def __getitem__(self, index):
        return self.offsets[index]


def extract(request):
    document = request["id"]
    if "text" in request:
        text = request["text"]
    else:
        text = base64.b64decode(request["base64"]).decode("utf-8", errors="replace")
    options = request.get("options") or {}
    offsets = ByteOffsets(text)
    entities, ids = [], {}

    def entity_id(name, kind, mentions):
        if name not in ids:
            ids[name] = "e%d" % (len(entities) + 1)
            entities.append({
                "id": ids[name], "name": name, "kind": kind, "confidence": 0.9,
                "mentions": [{"start": offsets[s], "end": offsets[e]} for s, e in mentions],
            })
        return ids[name]

    for item in options.get("names", []):
        name, kind = (item, "other") if isinstance(item, str) else (item["name"], item.get("kind", "other"))
        spans = [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)%s(?!\w)" % re.escape(name), text)]
        if spans:
            entity_id(name, kind, spans)

    relations = []
    for match in PAYS.finditer(text):
        start, end = match.span(1)
        words = text[start:end].split()
        while len(words) > 1 and words[0] in STOP_WORDS:
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
        payer = entity_id(text[start:end], "other", [(start, end)])
        payee = entity_id(match.group(2), "other", [match.span(2)])
        relations.append({
            "source": payer, "target": payee, "kind": "pays", "confidence": 0.6,
            "evidence": [{"document": document, "start": offsets[start], "end": offsets[match.end()]}],
        })
    return {"entities": entities, "relations": relations}


def main():
    if sys.argv[1:] == ["--describe"]:
        print(json.dumps(DESCRIPTION))
        return 0
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            answer = extract(json.loads(line))
        except Exception as error:  # one bad document must not end the others
            answer = {"error": "%s: %s" % (type(error).__name__, error)}
        sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
