#!/usr/bin/env python3
"""Builds the gold case files of the fresh held-out texts in this folder.

The six texts here were written for LinkGraph and annotated, by hand, before any extractor was
run on them (the annotator never read the extractor's rules or output). Annotation follows the
guidelines of ../shared/eval/dev/annotate.py: core vs optional entities and relations, only what
the text states, negated or hedged links left out, cross-passage and world-knowledge links
optional, designation/indictment as optional `opposes`.

The texts are original writing for this project, one per genre of the development set.
guillaume_lead and gulf_clan_crs retell public facts about real cases in new words; the
people, companies and countries of the other four are invented (real agencies appear in them).

Each entity: (id, name, kind, aliases, optional). Every name and alias must occur verbatim in the
text. Each relation: (source, kind, target, fragment, optional); the evidence is the sentence (or
title line) holding the verbatim fragment, stored as UTF-8 byte offsets, end exclusive.

Run: python3 build_gold.py      (rewrites every NAME.gold.json here; exits non-zero on any
                                 missing form or fragment, unknown id, or form shared by two
                                 entities)
"""
import hashlib
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
P, O, C, PL, EV, OT = "person", "organization", "country", "place", "event", "other"
ENTITY_KINDS = {P, O, C, PL, EV, OT}
RELATION_KINDS = {"reportsTo", "memberOf", "advises", "controls", "influences", "pays",
                  "defectedFrom", "defectedTo", "meetsWith", "alliedWith", "opposes",
                  "monitors", "locatedIn"}
SYMMETRIC = {"meetsWith", "alliedWith", "opposes"}
# Words ending in "." that do not end a sentence.
ABBREVIATIONS = {"U.S", "Co", "Inc", "Ltd", "Pte", "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt",
                 "Col", "Maj", "No", "Jr", "Sr", "E.O"}

from annotations import TEXTS  # noqa: E402  (the hand annotations, kept apart from the code)


def normalized(form):
    """The scorer's normalization (FORMAT.md): case-fold, collapse spaces, trim edge
    punctuation and symbols, drop a leading "the "."""
    s = re.sub(r"\s+", " ", form).casefold()
    previous = None
    while previous != s:
        previous = s
        s = s.strip()
        while s and (unicodedata.category(s[0])[0] in "PS" or s[0].isspace()):
            s = s[1:]
        while s and (unicodedata.category(s[-1])[0] in "PS" or s[-1].isspace()):
            s = s[:-1]
        if s.startswith("the "):
            s = s[4:]
    return s


def ends_sentence(text, i):
    """text[i] is '.', '!' or '?': True when a sentence ends there."""
    j = i + 1
    while j < len(text) and text[j] in "\"'”’)":
        j += 1
    if j >= len(text) or text[j] == "\n":
        return True
    if text[j] != " " or j + 1 >= len(text):
        return False
    nxt = text[j + 1]
    if not (nxt.isupper() or nxt.isdigit() or nxt in "\"“"):
        return False
    if text[i] != ".":
        return True
    k = i
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    word = text[k:i].lstrip("\"“(")
    return word not in ABBREVIATIONS and not (len(word) == 1 and word.isupper())


def sentence_around(text, fragment):
    """(start, end) character span of the sentence or line holding `fragment`."""
    i = text.find(fragment)
    if i < 0:
        return None
    start = i
    while start > 0 and text[start - 1] != "\n" and not (
            text[start - 1] in ".!?" and ends_sentence(text, start - 1)):
        start -= 1
    while text[start] in " ”’\"'" and not (text[start] in "\"'" and text[start + 1].isalpha()):
        start += 1
    end = i + len(fragment)
    if text[end - 1] in ".!?" and ends_sentence(text, end - 1):
        end -= 1
    while end < len(text) and text[end] != "\n":
        if text[end] in ".!?" and ends_sentence(text, end):
            end += 1
            while end < len(text) and text[end] in "\"'”’)":
                end += 1
            break
        end += 1
    return start, end


def build(name, spec, problems):
    raw = open(os.path.join(HERE, name + ".txt"), "rb").read()
    text = raw.decode("utf-8")
    entities, ids, owner = [], set(), {}
    for eid, ename, kind, aliases, optional in spec["entities"]:
        if kind not in ENTITY_KINDS:
            problems.append(f"{name}: entity {eid}: unknown kind {kind!r}")
        if eid in ids:
            problems.append(f"{name}: entity id {eid} used twice")
        ids.add(eid)
        for form in [ename] + aliases:
            if form not in text:
                problems.append(f"{name}: entity {eid}: form not in text: {form!r}")
            key = normalized(form)
            if owner.get(key, eid) != eid:
                problems.append(f"{name}: form {form!r} shared by {owner[key]} and {eid}")
            owner[key] = eid
        entities.append({"id": eid, "name": ename, "kind": kind, "aliases": aliases,
                         "attributes": {"optional": True} if optional else {}})
    relations, keys = [], set()
    for src, kind, tgt, fragment, optional in spec["relations"]:
        if kind not in RELATION_KINDS or src not in ids or tgt not in ids:
            problems.append(f"{name}: bad relation {src} {kind} {tgt}")
            continue
        key = (kind, *sorted((src, tgt))) if kind in SYMMETRIC else (kind, src, tgt)
        if key in keys:
            problems.append(f"{name}: relation {src} {kind} {tgt} given twice")
        keys.add(key)
        span = sentence_around(text, fragment)
        if span is None:
            problems.append(f"{name}: {src} {kind} {tgt}: fragment not in text: {fragment!r}")
            continue
        s, t = span
        bs, bt = len(text[:s].encode("utf-8")), len(text[:t].encode("utf-8"))
        assert raw[bs:bt].decode("utf-8") == text[s:t]
        relations.append({"source": src, "target": tgt, "kind": kind,
                          "directed": kind not in SYMMETRIC, "weight": 1.0, "confidence": 1.0,
                          "evidence": [{"document": name, "start": bs, "end": bt,
                                        "text": text[s:t]}],
                          "attributes": {"optional": True} if optional else {}})
    return {"version": 1,
            "documents": [{"id": name, "title": spec["title"], "source": name + ".txt",
                           "sha256": hashlib.sha256(raw).hexdigest()}],
            "entities": entities, "relations": relations}


def main():
    problems = []
    cases = {name: build(name, spec, problems) for name, spec in TEXTS.items()}
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    for name, case in cases.items():
        with open(os.path.join(HERE, name + ".gold.json"), "w", encoding="utf-8") as fh:
            json.dump(case, fh, indent=1, ensure_ascii=False)
            fh.write("\n")
        ents, rels = case["entities"], case["relations"]
        core_e = sum(1 for e in ents if not e["attributes"])
        core_r = sum(1 for r in rels if not r["attributes"])
        print(f"{name}: entities {len(ents)} ({core_e} core, {len(ents) - core_e} optional); "
              f"relations {len(rels)} ({core_r} core, {len(rels) - core_r} optional)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
