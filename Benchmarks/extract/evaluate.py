#!/usr/bin/env python3
"""Per-text and mean scores of extraction outputs, and precision per confidence bin.

usage: evaluate.py --scorer PATH/score.py NAME GOLD PRED [NAME GOLD PRED ...]

Scores with the project's scorer (imported from --scorer, FORMAT.md's rules). "Precision" is
labeled relation precision. Confidence bins: every predicted relation whose endpoints resolve to
core gold entities is correct (a core gold relation with the same source, target and kind),
neutral (it matches only an optional gold relation: not counted) or wrong.
"""
import argparse
import importlib.util
import json
import sys

BINS = [(0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def relation_outcomes(scorer, gold, pred):
    """(confidence, 'correct'|'wrong'|'neutral') for each predicted relation, deduplicated by key."""
    out = {}
    base = dict(pred)
    for r in pred.get("relations", []) or []:
        one = dict(base)
        one["relations"] = [r]
        res = scorer.score(gold, one)
        lab = res["relation_labeled"]
        if lab["tp"]:
            outcome = "correct"
        elif lab["fp"]:
            outcome = "wrong"
        else:
            outcome = "neutral"
        key = (r.get("source"), r.get("target"), r.get("kind"))
        conf = float(r.get("confidence", 1.0))
        if key not in out or conf > out[key][0]:
            out[key] = (conf, outcome)
    return list(out.values())


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--scorer", required=True)
    ap.add_argument("triples", nargs="+")
    a = ap.parse_args(argv)
    if len(a.triples) % 3:
        ap.error("give NAME GOLD PRED triples")
    scorer = load_scorer(a.scorer)
    rows = []
    outcomes = []
    hdr = (f"{'text':<28} {'entF1':>6} {'relF1':>6} {'unlF1':>6} {'relP':>6} {'unlP':>6} {'relR':>6} "
           f"{'pred':>5} {'gold':>5}")
    print(hdr)
    for i in range(0, len(a.triples), 3):
        name, gpath, ppath = a.triples[i:i + 3]
        with open(gpath, encoding="utf-8") as fh:
            gold = json.load(fh)
        with open(ppath, encoding="utf-8") as fh:
            pred = json.load(fh)
        res = scorer.score(gold, pred)
        e, l, u = res["entity"], res["relation_labeled"], res["relation_unlabeled"]
        row = dict(name=name, ent=e["f1"], lab=l["f1"], unl=u["f1"], labp=l["precision"], unlp=u["precision"],
                   labr=l["recall"], tp=l["tp"], fp=l["fp"], utp=u["tp"], ufp=u["fp"])
        rows.append(row)
        print(f"{name:<28} {e['f1']:6.3f} {l['f1']:6.3f} {u['f1']:6.3f} {l['precision']:6.3f} {u['precision']:6.3f} "
              f"{l['recall']:6.3f} {l['tp'] + l['fp']:5d} {l['tp'] + l['fn']:5d}")
        outcomes += relation_outcomes(scorer, gold, pred)
    n = len(rows)
    mean = lambda k: sum(r[k] for r in rows) / n
    print(f"{'MEAN':<28} {mean('ent'):6.3f} {mean('lab'):6.3f} {mean('unl'):6.3f} {mean('labp'):6.3f} "
          f"{mean('unlp'):6.3f} {mean('labr'):6.3f}")
    tp = sum(r["tp"] for r in rows)
    fp = sum(r["fp"] for r in rows)
    utp = sum(r["utp"] for r in rows)
    ufp = sum(r["ufp"] for r in rows)
    print(f"pooled relation precision: labeled {tp}/{tp + fp} = {tp / max(1, tp + fp):.3f}, "
          f"unlabeled {utp}/{utp + ufp} = {utp / max(1, utp + ufp):.3f}")
    print("confidence bin   correct  wrong  neutral  precision")
    for lo, hi in BINS:
        inside = [o for c, o in outcomes if lo <= c < hi]
        c = sum(1 for o in inside if o == "correct")
        w = sum(1 for o in inside if o == "wrong")
        nn = sum(1 for o in inside if o == "neutral")
        p = f"{c / (c + w):.3f}" if c + w else "-"
        print(f"[{lo:.1f}, {min(hi, 1.0):.1f}{']' if hi > 1 else ')'}     {c:7d} {w:6d} {nn:8d}  {p:>9}")
    print(f"SUMMARY entityF1={mean('ent'):.3f} relF1={mean('lab'):.3f} relUnlabeledF1={mean('unl'):.3f} "
          f"relPrecision={mean('labp'):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
