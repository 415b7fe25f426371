#!/usr/bin/env python3
"""Builds the gold case files of our own two held-out texts (front_companies, courier_ring).

Written, with the texts, before any extractor was run on them; annotated by the guidelines of
../shared/eval/dev/annotate.py (core vs optional entities and relations, no world knowledge).
Each relation's evidence is the sentence holding the fragment given here; offsets are UTF-8
bytes, end exclusive. Run: python3 build_gold.py (checks every form and fragment occurs).
"""
import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
P, O, C, PL = "person", "organization", "country", "place"

TEXTS = {
    "front_companies": {
        "title": "Own text: sanctions release on a fictional procurement network",
        "entities": [
            ("treasury", "Department of the Treasury", O, ["Treasury"], False),
            ("ofac", "Office of Foreign Assets Control", O, ["OFAC"], False),
            ("valdora", "Valdora", C, [], False),
            ("valdoran-mod", "Valdoran Ministry of Defense", O, [], False),
            ("cyprus", "Cyprus", C, [], False),
            ("uae", "United Arab Emirates", C, [], False),
            ("korlan", "Korlan Trade Services LLC", O, ["Korlan"], False),
            ("dubai", "Dubai", PL, [], False),
            ("teodor-marsk", "Teodor Marsk", P, ["Marsk"], False),
            ("valdoran-navy", "Valdoran Navy", O, [], False),
            ("limassol", "Limassol", PL, [], False),
            ("brisa", "Brisa Maritime Ltd", O, ["Brisa", "Brisa Maritime"], False),
            ("alena-fisk", "Alena Fisk", P, [], False),
            ("halden-bank", "Halden Commercial Bank", O, [], False),
            ("vienna", "Vienna", PL, [], False),
            ("orrin", "Orrin Logistics", O, ["Orrin"], False),
            ("piraeus", "Piraeus", PL, [], False),
            ("greece", "Greece", C, [], False),
            ("vasil-dren", "Vasil Dren", P, ["Dren"], False),
            ("ruth-calloway", "Ruth Calloway", P, [], False),
            ("directorate", "Directorate of Special Supply", O, [], False),
            ("piet-harrow", "Piet Harrow", P, ["Harrow"], False),
            ("oskar-lind", "Oskar Lind", P, ["Lind"], False),
            ("security-council", "Valdoran Security Council", O, [], False),
            ("washington", "WASHINGTON", PL, [], True),
            ("europe", "Europe", PL, [], True),
        ],
        "relations": [
            ("ofac", "memberOf", "treasury", "Department of the Treasury's Office of Foreign Assets Control", False),
            ("korlan", "reportsTo", "valdoran-mod", "arranged the transport of machine tools", False),
            ("korlan", "locatedIn", "dubai", "a shipping agent based in Dubai", False),
            ("teodor-marsk", "controls", "korlan", "Korlan is owned or controlled by Teodor Marsk", False),
            ("teodor-marsk", "memberOf", "valdoran-navy", "previously served as an officer", False),
            ("valdoran-navy", "memberOf", "valdora", "previously served as an officer", True),
            ("teodor-marsk", "locatedIn", "limassol", "manages its accounts from Limassol", True),
            ("brisa", "locatedIn", "cyprus", "Brisa Maritime Ltd, a Cyprus-registered company", False),
            ("brisa", "reportsTo", "korlan", "Brisa Maritime Ltd, a Cyprus-registered company", False),
            ("alena-fisk", "controls", "brisa", "Brisa's director, Alena Fisk", False),
            ("alena-fisk", "alliedWith", "halden-bank", "Brisa's director, Alena Fisk", True),
            ("halden-bank", "alliedWith", "korlan", "The bank processed more than", False),
            ("teodor-marsk", "meetsWith", "valdoran-mod", "Marsk reportedly met with", False),
            ("teodor-marsk", "locatedIn", "vienna", "Marsk reportedly met with", True),
            ("orrin", "memberOf", "brisa", "is a subsidiary of Brisa Maritime", False),
            ("orrin", "locatedIn", "piraeus", "is a subsidiary of Brisa Maritime", False),
            ("piraeus", "locatedIn", "greece", "is a subsidiary of Brisa Maritime", False),
            ("orrin", "pays", "vasil-dren", "Orrin paid a customs broker", False),
            ("vasil-dren", "locatedIn", "greece", "Dren was arrested in Greece", False),
            ("ruth-calloway", "memberOf", "treasury", "said Under Secretary Ruth Calloway", True),
            ("valdoran-mod", "controls", "directorate", "directs a procurement office", False),
            ("directorate", "memberOf", "valdoran-mod", "directs a procurement office", True),
            ("piet-harrow", "controls", "directorate", "The directorate is headed by", False),
            ("piet-harrow", "advises", "oskar-lind", "who also advises the defense minister", False),
            ("oskar-lind", "memberOf", "valdoran-mod", "who also advises the defense minister", True),
            ("oskar-lind", "memberOf", "security-council", "Lind is a member of", False),
        ],
    },
    "courier_ring": {
        "title": "Own text: espionage prosecution release on a fictional courier ring",
        "entities": [
            ("us-embassy", "U.S. Embassy", O, ["embassy"], False),
            ("tallin-bay", "Tallin Bay", PL, [], False),
            ("msss", "Morvan State Security Service", O, ["MSSS"], False),
            ("doj", "Justice Department", O, [], False),
            ("daniel-ekker", "Daniel Ekker", P, ["Ekker"], False),
            ("arlington", "Arlington", PL, [], False),
            ("virginia", "Virginia", PL, [], False),
            ("lev-sardan", "Lev Sardan", P, ["Sardan"], False),
            ("riga", "Riga", PL, [], False),
            ("latvia", "Latvia", C, [], False),
            ("mira-kovic", "Mira Kovic", P, ["Kovic"], False),
            ("vienna", "Vienna", PL, [], False),
            ("hal-benning", "Hal Benning", P, [], False),
            ("nsd", "National Security Division", O, [], False),
            ("fbi", "FBI", O, [], False),
            ("state-department", "State Department", O, [], False),
            ("dss", "Diplomatic Security Service", O, [], False),
            ("dulles", "Dulles International Airport", PL, [], False),
            ("usao", "U.S. Attorney's Office for the Eastern District of Virginia", O, [], False),
            ("morva", "Republic of Morva", C, ["Morva"], False),
            ("anton-reis", "Anton Reis", P, [], False),
            ("yana-pilt", "Yana Pilt", P, [], False),
            ("united-states", "U.S.", C, [], True),
            ("sardan-network", "Sardan network", O, [], True),
            ("baltic-states", "Baltic states", PL, [], True),
        ],
        "relations": [
            ("daniel-ekker", "memberOf", "us-embassy", "while he worked at the embassy", False),
            ("us-embassy", "locatedIn", "tallin-bay", "A former driver at the U.S. Embassy in Tallin Bay", False),
            ("us-embassy", "memberOf", "united-states", "A former driver at the U.S. Embassy in Tallin Bay", True),
            ("daniel-ekker", "reportsTo", "msss", "was recruited by the MSSS", False),
            ("daniel-ekker", "locatedIn", "arlington", "of Arlington, Virginia", False),
            ("arlington", "locatedIn", "virginia", "of Arlington, Virginia", False),
            ("lev-sardan", "memberOf", "msss", "an MSSS officer named Lev Sardan", False),
            ("lev-sardan", "pays", "daniel-ekker", "an MSSS officer named Lev Sardan", False),
            ("daniel-ekker", "reportsTo", "lev-sardan", "an MSSS officer named Lev Sardan", False),
            ("daniel-ekker", "meetsWith", "lev-sardan", "gave the photographs to Sardan", True),
            ("daniel-ekker", "locatedIn", "riga", "gave the photographs to Sardan", True),
            ("riga", "locatedIn", "latvia", "gave the photographs to Sardan", False),
            ("lev-sardan", "meetsWith", "mira-kovic", "Ekker also introduced Sardan", True),
            ("mira-kovic", "locatedIn", "vienna", "a Croatian citizen living in Vienna", False),
            ("mira-kovic", "reportsTo", "msss", "Kovic carried documents for the MSSS", False),
            ("lev-sardan", "pays", "mira-kovic", "Kovic carried documents for the MSSS", False),
            ("hal-benning", "memberOf", "nsd", "said Assistant Attorney General Hal Benning", False),
            ("nsd", "memberOf", "doj", "said Assistant Attorney General Hal Benning", False),
            ("dss", "memberOf", "state-department", "said Assistant Attorney General Hal Benning", False),
            ("fbi", "alliedWith", "dss", "said Assistant Attorney General Hal Benning", True),
            ("fbi", "monitors", "daniel-ekker", "The FBI began investigating Ekker", False),
            ("dss", "monitors", "daniel-ekker", "The FBI began investigating Ekker", True),
            ("daniel-ekker", "locatedIn", "dulles", "FBI agents arrested him", True),
            ("usao", "opposes", "daniel-ekker", "The case was prosecuted by", True),
            ("msss", "memberOf", "morva", "The MSSS is the foreign intelligence agency", False),
            ("msss", "reportsTo", "anton-reis", "It answers to Morva's president", False),
            ("anton-reis", "controls", "morva", "It answers to Morva's president", False),
            ("yana-pilt", "controls", "msss", "It answers to Morva's president", False),
            ("msss", "pays", "sardan-network", "the service also funds the Sardan network", True),
            ("sardan-network", "locatedIn", "baltic-states", "the service also funds the Sardan network", True),
        ],
    },
}


def sentence_span(text, fragment):
    """Byte span of the sentence (or title line) holding `fragment`."""
    i = text.find(fragment)
    if i < 0:
        raise SystemExit(f"fragment not in text: {fragment!r}")
    start = max(text.rfind("\n", 0, i) + 1, max((m.end() for m in re.finditer(r"[.!?][\"”]? ", text[:i])), default=0))
    m = re.search(r"[.!?][\"”]?(?= |\n|$)|\n", text[i + len(fragment):])
    end = i + len(fragment) + (m.end() if m else len(text) - i - len(fragment))
    while end > start and text[end - 1] == "\n":
        end -= 1
    s = text[start:end]
    b0 = len(text[:start].encode("utf-8"))
    return b0, b0 + len(s.encode("utf-8")), s


def build(name, spec):
    path = os.path.join(HERE, name + ".txt")
    raw = open(path, "rb").read()
    text = raw.decode("utf-8")
    entities = []
    ids = set()
    for eid, nm, kind, aliases, opt in spec["entities"]:
        for form in [nm] + aliases:
            if form not in text:
                raise SystemExit(f"{name}: form {form!r} of {eid} not in text")
        ids.add(eid)
        entities.append({"id": eid, "name": nm, "kind": kind, "aliases": aliases,
                         "attributes": {"optional": True} if opt else {}})
    relations = []
    for src, kind, tgt, fragment, opt in spec["relations"]:
        if src not in ids or tgt not in ids:
            raise SystemExit(f"{name}: unknown entity in {src} {kind} {tgt}")
        start, end, sentence = sentence_span(text, fragment)
        assert raw[start:end].decode("utf-8") == sentence
        relations.append({"source": src, "target": tgt, "kind": kind, "directed": True, "weight": 1.0,
                          "confidence": 1.0,
                          "evidence": [{"document": name, "start": start, "end": end, "text": sentence}],
                          "attributes": {"optional": True} if opt else {}})
    return {"version": 1,
            "documents": [{"id": name, "title": spec["title"], "source": name + ".txt",
                           "sha256": hashlib.sha256(raw).hexdigest()}],
            "entities": entities, "relations": relations}


def main():
    for name, spec in TEXTS.items():
        case = build(name, spec)
        with open(os.path.join(HERE, name + ".gold.json"), "w", encoding="utf-8") as fh:
            json.dump(case, fh, indent=1, ensure_ascii=False)
            fh.write("\n")
        core = sum(1 for r in case["relations"] if not r["attributes"])
        print(f"{name}: {len(case['entities'])} entities, {len(case['relations'])} relations ({core} core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
