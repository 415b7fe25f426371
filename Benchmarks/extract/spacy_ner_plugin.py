#!/usr/bin/env python3
"""spaCy's NER-only baseline (spacy_baseline.py's mapping) as a subprocess plug-in, so that
evaluate.sh scores it exactly as it scores linkgraph's own extractors:

    bash Benchmarks/extract/evaluate.sh --split test -- --plugin-exec 'python3 Benchmarks/extract/spacy_ner_plugin.py'

Entities only (PERSON/ORG/GPE/LOC/NORP/FAC mapped to our kinds, one entity per normalized
text), no relations, no gazetteer.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from spacy_baseline import load, to_case  # noqa: E402

DESCRIPTION = {"name": "spacy-ner-baseline", "version": "1", "accepts": ["text/plain"],
               "summary": "spaCy NER only (the baseline of Benchmarks/extract)."}


def main():
    if sys.argv[1:] == ["--describe"]:
        print(json.dumps(DESCRIPTION))
        return 0
    nlp = None
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            nlp = nlp or load()
            answer = to_case(nlp(json.loads(line)["text"]))
        except Exception as error:  # one bad document must not end the others
            answer = {"error": "%s: %s" % (type(error).__name__, error)}
        sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
