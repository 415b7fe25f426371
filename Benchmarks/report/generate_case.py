#!/usr/bin/env python3
"""Writes a seeded synthetic case file for the report's size test and benchmark.

    python3 generate_case.py OUT.json [--entities 5000] [--relations 20000] [--seed 7]

Entities get made-up names and aliases; relations get kinds, dates, confidences and one
piece of evidence each, pointing (by UTF-8 byte offsets) into a document whose text is
stored in the case, so the report can show passages without --documents.
"""
import argparse
import json
import random

ENTITY_KINDS = ["person"] * 6 + ["organization"] * 3 + ["place", "country"]
RELATION_KINDS = ["reportsTo", "memberOf", "advises", "controls", "influences", "pays", "meetsWith",
                  "alliedWith", "monitors", "locatedIn", "defectedFrom", "defectedTo"]
SYLLABLES = ["ka", "ri", "mo", "sa", "len", "dor", "vi", "na", "tor", "bel", "as", "un", "qa", "zi", "fen", "ho"]


def name(rng):
    word = lambda: "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    return f"{word()} {word()}"


def generate(entities=5000, relations=20000, seed=7):
    rng = random.Random(seed)
    people = []
    for i in range(entities):
        kind = rng.choice(ENTITY_KINDS)
        entity = {"id": f"e{i}", "name": f"{name(rng)} {i}", "kind": kind}
        if rng.random() < 0.3:
            entity["aliases"] = [f"{name(rng)} alias {i}"]
        if rng.random() < 0.3:
            entity["attributes"] = {"role": rng.choice(["officer", "source", "broker", "envoy"])}
        people.append(entity)
    sentences, offsets, at = [], [], 0
    for s in range(2000):
        text = f"Sentence {s} says that {name(rng)} met {name(rng)} about the matter. "
        offsets.append((at, at + len(text.encode("utf-8")) - 1))
        sentences.append(text)
        at += len(text.encode("utf-8"))
    links = []
    # A preferential-attachment flavour: early entities collect more relations, as hubs do.
    for _ in range(relations):
        a = rng.randrange(entities)
        b = int(entities * rng.random() ** 2)
        if a == b:
            b = (b + 1) % entities
        relation = {"source": f"e{a}", "target": f"e{b}", "kind": rng.choice(RELATION_KINDS),
                    "confidence": round(rng.uniform(0.3, 1.0), 2)}
        if rng.random() < 0.7:
            year = rng.randint(2005, 2020)
            relation["from"] = str(year) if rng.random() < 0.5 else f"{year}-{rng.randint(1, 12):02d}"
            if rng.random() < 0.5:
                relation["until"] = str(rng.randint(year, 2022))
        start, end = offsets[rng.randrange(len(offsets))]
        relation["evidence"] = [{"document": "synthetic", "start": start, "end": end}]
        links.append(relation)
    return {
        "version": 1,
        "documents": [{"id": "synthetic", "title": "Synthetic notes", "text": "".join(sentences)}],
        "entities": people,
        "relations": links,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output")
    parser.add_argument("--entities", type=int, default=5000)
    parser.add_argument("--relations", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with open(args.output, "w", encoding="utf-8") as f:
        json.dump(generate(args.entities, args.relations, args.seed), f, ensure_ascii=False)


if __name__ == "__main__":
    main()
