#!/usr/bin/env python3
"""Times `linkgraph render` on a big case: as overviews (--collapse, --top) and whole with sfdp.

    python3 Benchmarks/render/overview.py [--entities 20000] [--relations 80000] [--whole-timeout 1800]
                                          [--linkgraph PATH] [--keep DIR]

The case is the report benchmark's seeded generator (Benchmarks/report/generate_case.py:
made-up people, organizations, places and countries, skewed relations with dates, confidences
and evidence). Each render is one `linkgraph render` process (release build, Graphviz in its
worker process), timed by wall clock and the children's CPU; the SVG is checked (well-formed,
the expected number of nodes). The whole case with sfdp gets --timeout WHOLE_TIMEOUT and
--memory-limit 16384; if Graphviz is stopped by the limit, that is reported as such.
Prints a Markdown table for Benchmarks/render/RESULTS.md.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "Benchmarks", "report"))
sys.path.insert(0, HERE)  # before the report's folder: its run.py is another module
import generate_case  # noqa: E402
from run import build_linkgraph  # noqa: E402  (this folder's run.py: the release build)


def timed(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result.returncode, wall, cpu, result.stderr.strip()


def svg_nodes(path):
    root = ET.parse(path).getroot()
    return sum(1 for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "node")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entities", type=int, default=20000)
    parser.add_argument("--relations", type=int, default=80000)
    parser.add_argument("--whole-timeout", type=int, default=1800)
    parser.add_argument("--linkgraph")
    parser.add_argument("--keep")
    args = parser.parse_args()
    linkgraph = args.linkgraph or build_linkgraph()
    work = args.keep or tempfile.mkdtemp(prefix="lg-overview-bench-")
    os.makedirs(work, exist_ok=True)
    case = os.path.join(work, f"case-{args.entities}-{args.relations}.json")
    with open(case, "w", encoding="utf-8") as f:
        json.dump(generate_case.generate(args.entities, args.relations, 7), f, ensure_ascii=False)
    runs = [
        ("--collapse community", ["--collapse", "community"], None),
        ("--collapse country", ["--collapse", "country"], None),
        ("--collapse organization", ["--collapse", "organization"], None),
        ("--collapse community --expand \"community 1\"", ["--collapse", "community", "--expand", "community 1"], None),
        ("--top 200 --by pagerank", ["--top", "200", "--by", "pagerank"], None),
        ("--top 200 --by degree", ["--top", "200", "--by", "degree"], None),
        ("whole case, --layout sfdp", ["--layout", "sfdp", "--timeout", str(args.whole_timeout), "--memory-limit", "16384"],
         args.entities),
    ]
    print(f"case: {args.entities} entities, {args.relations} relations; {os.cpu_count()} CPUs; "
          f"load average {os.getloadavg()[0]:.2f} at the start", file=sys.stderr)
    rows = []
    for name, extra, expected in runs:
        out = os.path.join(work, "out.svg")
        if os.path.exists(out):
            os.remove(out)
        status, wall, cpu, stderr = timed([linkgraph, "render", case, "-o", out] + extra)
        if status == 0:
            nodes = svg_nodes(out)
            note = f"{nodes} nodes drawn"
            if expected is not None and nodes < expected:
                raise SystemExit(f"{name}: {nodes} nodes drawn, expected {expected}")
        else:
            note = f"failed (exit {status}): {stderr.splitlines()[-1] if stderr else ''}"
        print(f"{name}: {wall:.2f} s wall, {cpu:.2f} s CPU; {note}", file=sys.stderr)
        rows.append((name, wall, cpu, note))
    print(f"\nload average {os.getloadavg()[0]:.2f} at the end\n")
    print("| render | wall | CPU | result |")
    print("|---|---:|---:|---|")
    for name, wall, cpu, note in rows:
        print(f"| `{name}` | {wall:.2f} s | {cpu:.2f} s | {note} |")


if __name__ == "__main__":
    main()
