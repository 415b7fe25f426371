#!/usr/bin/env python3
"""Score an extraction (or case file) against a gold case file, following FORMAT.md's
"Scoring" section: normalized name/alias matching, one-to-one (maximum bipartite) entity
matching, labeled relations (symmetric kinds either way), unlabeled relations, optional gold
items ignored, predicted relations deduplicated by key.

usage: score.py PREDICTED.json GOLD.json [--verbose]
prints: entityF1=0.81 relF1=0.42 relUnlabeledF1=0.55 (plus details with --verbose)
"""
import json
import re
import sys
import unicodedata

SYMMETRIC = {"meetsWith", "alliedWith", "opposes"}


def normalize(s):
    s = s.casefold()
    s = re.sub(r"\s+", " ", s).strip()
    # strip punctuation and symbols at both ends
    def is_ps(ch):
        return unicodedata.category(ch)[0] in "PS"
    while s and is_ps(s[0]):
        s = s[1:]
    while s and is_ps(s[-1]):
        s = s[:-1]
    s = s.strip()
    if s.startswith("the "):
        s = s[4:]
    return s


def forms(e):
    return {normalize(x) for x in [e.get("name", "")] + list(e.get("aliases") or []) if normalize(x)}


def optional(item):
    return bool((item.get("attributes") or {}).get("optional"))


def max_matching(pred, gold, edges):
    """Kuhn's augmenting paths; edges[p] = list of gold indices. Returns match_of_gold."""
    match_g = {}

    def try_p(p, seen):
        for g in edges[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in match_g or try_p(match_g[g], seen):
                match_g[g] = p
                return True
        return False

    for p in range(len(pred)):
        try_p(p, set())
    return match_g


def f1(tp, np, ng):
    p = tp / np if np else 0.0
    r = tp / ng if ng else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def score(pred_doc, gold_doc, verbose=False):
    gold_all = gold_doc["entities"]
    pred = pred_doc["entities"]
    gforms = [forms(g) for g in gold_all]
    pforms = [forms(p) for p in pred]
    edges = [[gi for gi in range(len(gold_all)) if pforms[pi] & gforms[gi]] for pi in range(len(pred))]
    match_g = max_matching(pred, gold_all, edges)
    match_p = {p: g for g, p in match_g.items()}
    # Entities: optional gold items count neither way (a prediction matched to one is not counted).
    tp = sum(1 for g, p in match_g.items() if not optional(gold_all[g]))
    n_gold = sum(1 for g in gold_all if not optional(g))
    n_pred = sum(1 for pi in range(len(pred)) if not (pi in match_p and optional(gold_all[match_p[pi]])))
    ef1, ep, er = f1(tp, n_pred, n_gold)
    kind_ok = sum(1 for g, p in match_g.items() if gold_all[g]["kind"] == pred[p]["kind"])
    # Resolve predicted entity ids to gold indices.
    resolve = {}
    for pi, p in enumerate(pred):
        if pi in match_p:
            resolve[p["id"]] = match_p[pi]
        else:
            for gi in range(len(gold_all)):
                if pforms[pi] & gforms[gi]:
                    resolve[p["id"]] = gi
                    break
    gold_ids = {g["id"]: i for i, g in enumerate(gold_all)}

    def lkey(s, t, k):
        if k in SYMMETRIC and s > t:
            s, t = t, s
        return (s, t, k)

    def ukey(s, t):
        return (min(s, t), max(s, t))

    gold_l, gold_u, opt_l, opt_u = set(), set(), set(), set()
    for r in gold_doc["relations"]:
        s, t = gold_ids[r["source"]], gold_ids[r["target"]]
        (opt_l if optional(r) else gold_l).add(lkey(s, t, r["kind"]))
        (opt_u if optional(r) else gold_u).add(ukey(s, t))
    opt_l -= gold_l
    opt_u -= gold_u
    pred_l, pred_u = set(), set()
    bad = 0
    unresolved = []
    for r in pred_doc["relations"]:
        s, t = resolve.get(r["source"]), resolve.get(r["target"])
        if s is None or t is None:
            pred_l.add(("?", r["source"], r["target"], r["kind"]))
            pred_u.add(("?", r["source"], r["target"]))
            unresolved.append(r)
            continue
        pred_l.add(lkey(s, t, r["kind"]))
        pred_u.add(ukey(s, t))
    pred_l -= opt_l
    pred_u -= opt_u
    rf1, rp, rr = f1(len(pred_l & gold_l), len(pred_l), len(gold_l))
    uf1, up, ur = f1(len(pred_u & gold_u), len(pred_u), len(gold_u))
    if verbose:
        name = lambda i: gold_all[i]["id"] if isinstance(i, int) else i
        print(f"entities: gold={n_gold} pred={n_pred} tp={tp} P={ep:.2f} R={er:.2f} kindAcc={kind_ok}/{len(match_g)}")
        for pi, p in enumerate(pred):
            if pi not in match_p:
                print("  FP entity:", p["name"], p["kind"])
        for gi, g in enumerate(gold_all):
            if gi not in match_g and not optional(g):
                print("  FN entity:", g["name"])
        for g, p in match_g.items():
            if gold_all[g]["kind"] != pred[p]["kind"]:
                print(f"  kind: {pred[p]['name']} {pred[p]['kind']} (gold {gold_all[g]['kind']})")
        print(f"relations: gold={len(gold_l)} pred={len(pred_l)} tp={len(pred_l & gold_l)} P={rp:.2f} R={rr:.2f}")
        for k in sorted(pred_l - gold_l, key=str):
            print("  FP rel:", tuple(name(x) for x in k[:2]) + k[2:] if k[0] != "?" else k)
        for k in sorted(gold_l - pred_l, key=str):
            print("  FN rel:", name(k[0]), k[2], name(k[1]))
    return ef1, rf1, uf1


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__)
    pred = json.load(open(args[0]))
    gold = json.load(open(args[1]))
    e, r, u = score(pred, gold, "--verbose" in sys.argv)
    print(f"entityF1={e:.2f} relF1={r:.2f} relUnlabeledF1={u:.2f}")


if __name__ == "__main__":
    main()
