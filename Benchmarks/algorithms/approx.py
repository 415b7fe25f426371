#!/usr/bin/env python3
"""Approximate centrality: LinkGraph against NetworKit in one run, on the same edge lists.

    python3 Benchmarks/algorithms/approx.py [--quick] [--skip-build]

Rows (all undirected, unweighted, normalized betweenness as NetworkX normalizes it):
- time on Barabási–Albert n = 1,000,000, m = 5 (NetworKit's generator, seed 1):
  our sampled betweenness (Riondato–Kornaropoulos sample size, balanced bidirectional
  searches) against NetworKit's ApproxBetweenness (same c = 1, same ε on our scale) and
  KadabraBetweenness; our top-100 closeness against NetworKit's TopCloseness;
- accuracy on Barabási–Albert n = 10,000, m = 5 (seed 2), where exact betweenness and
  closeness are affordable (our exact Brandes, checked against NetworkX by the tests):
  largest absolute error against exact, and the overlap of the top 100 with the exact top 100.

Each measurement runs in its own process; seconds are the algorithm alone (graph loaded).
Both sides get every core (NetworKit parallelizes its samplers too). Ratios are ours / theirs.
Writes Benchmarks/algorithms/RESULTS-approx.md.
"""
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
DATA = os.path.join(BENCH, ".build-bench", "graphs")
OUT = os.path.join(BENCH, ".build-bench", "approx")
BINARY = os.path.join(BENCH, ".build-bench", "release", "approxbench")
NPROC = os.cpu_count() or 1
# ε on the accuracy graph and on the million-vertex graph, where NetworKit's ApproxBetweenness
# runs one full breadth-first search per sample: ε = 0.01 (about 63,000 samples) would take it
# hours there on a shared machine.
EPSILON, EPSILON_BIG, DELTA, K = 0.02, 0.1, 0.1, 100
TIMEOUT = 1200
BIG_TIMEOUT = int(os.environ.get("APPROX_BIG_TIMEOUT", "900"))


def ba_graph(n, seed):
    import networkit as nk
    path = os.path.join(DATA, f"ba{n}-m5-nk{seed}.txt")
    if not os.path.exists(path):
        os.makedirs(DATA, exist_ok=True)
        nk.engineering.setSeed(seed, False)
        g = nk.generators.BarabasiAlbertGenerator(5, n, 5).generate()
        with open(path, "w") as f:
            f.write("\n".join(f"{u} {v}" for u, v in g.iterEdges()))
            f.write("\n")
    return path


def ours(*args):
    out = os.path.join(OUT, "ours-" + "-".join(os.path.basename(str(a)) for a in args) + ".txt")
    line = subprocess.run(
        [BINARY, *map(str, args), out], check=True, capture_output=True, text=True, timeout=TIMEOUT).stdout
    result = json.loads(line)
    values = {}
    with open(out) as f:
        for row in f:
            label, value = row.split()
            values[int(label)] = float(value)
    return result["algo_s"], result["samples"], values


def theirs(job, path, *args, timeout=None):
    """Runs a NetworKit measurement in a fresh process; returns seconds, samples, values, or
    (None, None, None) past the time limit."""
    script = f"""
import json, sys, time, networkit as nk
nk.setNumberOfThreads({NPROC})
reader = nk.graphio.EdgeListReader(' ', 0, continuous=False, directed=False)
g = reader.read({path!r})
label = {{node: int(name) for name, node in reader.getNodeMap().items()}}
nk.engineering.setSeed(1, True)
job, args = {job!r}, {list(args)!r}
t0 = time.perf_counter()
if job == 'approx':
    a = nk.centrality.ApproxBetweenness(g, args[0], args[1], 1.0); a.run(); samples = a.numberOfSamples()
    values = a.scores()
elif job == 'kadabra':
    a = nk.centrality.KadabraBetweenness(g, args[0], args[1]); a.run(); samples = a.getNumberOfIterations()
    values = a.scores()
else:
    a = nk.centrality.TopCloseness(g, args[0], True, False); a.run(); samples = 0
    values = dict(zip(a.topkNodesList(), a.topkScoresList()))
seconds = time.perf_counter() - t0
if isinstance(values, list):
    values = dict(enumerate(values))
print(json.dumps({{"s": seconds, "samples": samples, "values": {{str(label[v]): x for v, x in values.items()}}}}))
"""
    try:
        line = subprocess.run(
            [sys.executable, "-c", script], check=True, capture_output=True, text=True,
            timeout=timeout or TIMEOUT).stdout
    except subprocess.TimeoutExpired:
        return None, None, None
    result = json.loads(line)
    return result["s"], result["samples"], {int(k): v for k, v in result["values"].items()}


def top(values, k):
    return [v for v, _ in sorted(values.items(), key=lambda kv: (-kv[1], kv[0]))[:k]]


def main():
    quick = "--quick" in sys.argv
    os.makedirs(OUT, exist_ok=True)
    if "--skip-build" not in sys.argv:
        subprocess.run(
            ["swift", "build", "-c", "release", "--scratch-path", ".build-bench", "--product", "approxbench"],
            cwd=BENCH, check=True)
    big_n, small_n = (100_000, 5_000) if quick else (1_000_000, 10_000)
    big, small = ba_graph(big_n, 1), ba_graph(small_n, 2)
    rows = []

    def convert(path, values, factor):
        return {v: x * factor for v, x in values.items()}

    # Accuracy on the small graph.
    n = small_n
    _, _, exact = ours("exact", small, NPROC)
    _, _, exact_close = ours("closeness", small, NPROC)
    exact_top = set(top(exact, K))
    exact_close_top = set(top(exact_close, K))
    inner = EPSILON * (n - 2) / n
    accuracy = {}
    s, r, est = ours("approx", small, EPSILON, DELTA, 1, NPROC)
    accuracy["LinkGraph approximate"] = (s, r, est)
    s, r, est = theirs("approx", small, inner, DELTA)
    accuracy["NetworKit ApproxBetweenness"] = (s, r, convert(small, est, n / (n - 2)))
    s, r, est = theirs("kadabra", small, 2 * inner, DELTA)
    accuracy["NetworKit KadabraBetweenness"] = (s, r, convert(small, est, n / (2 * (n - 2))))
    for name, (s, r, est) in accuracy.items():
        err = max(abs(est.get(v, 0.0) - x) for v, x in exact.items())
        overlap = len(exact_top & set(top(est, K)))
        rows.append(("accuracy", name, small_n, s, r, err, overlap))
    s, _, found = ours("top", small, K)
    close_ours = (s, len(exact_close_top & set(found)), max(abs(exact_close[v] - x) for v, x in found.items()))
    s, _, found = theirs("top", small, K)
    found = convert(small, found, 1.0)
    close_theirs = (s, len(exact_close_top & set(found)), max(abs(exact_close[v] - x) for v, x in found.items()))
    rows.append(("top", "LinkGraph topCloseness", small_n, close_ours[0], 0, close_ours[2], close_ours[1]))
    rows.append(("top", "NetworKit TopCloseness", small_n, close_theirs[0], 0, close_theirs[2], close_theirs[1]))

    # Time on the big graph.
    n = big_n
    inner = EPSILON_BIG * (n - 2) / n
    write_results(rows, quick)
    timing = [
        ("LinkGraph approximate", lambda: ours("approx", big, EPSILON_BIG, DELTA, 1, NPROC)),
        ("NetworKit KadabraBetweenness", lambda: theirs("kadabra", big, 2 * inner, DELTA)),
        ("LinkGraph topCloseness", lambda: ours("top", big, K)),
        ("NetworKit TopCloseness", lambda: theirs("top", big, K)),
        ("NetworKit ApproxBetweenness", lambda: theirs("approx", big, inner, DELTA, timeout=BIG_TIMEOUT)),
    ]
    for name, job in timing:
        s, r, _ = job()
        rows.append(("time", name, big_n, s, r, None, None))
        write_results(rows, quick)


def write_results(rows, quick):
    import platform
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    lines = [
        "# Approximate centrality: LinkGraph against NetworKit",
        "",
        f"`python3 Benchmarks/algorithms/approx.py{' --quick' if quick else ''}`, {time.strftime('%Y-%m-%d')}, "
        f"{cpu or platform.machine()}, {NPROC} cores (shared with other jobs), all cores for both sides. "
        f"ε = {EPSILON} on the accuracy graph, {EPSILON_BIG} on the time graph (on our scale; NetworKit's "
        f"ApproxBetweenness gets ε·(n−2)/n on its n(n−1) scale and the same c = 1, KadabraBetweenness "
        f"2ε·(n−2)/n on its scale, which is twice ours), δ = {DELTA}, top {K}. Seconds are the algorithm alone.",
        "",
        "| row | method | n | seconds | samples | largest abs. error vs exact | top-100 overlap |",
        "|---|---|---|---|---|---|---|",
    ]
    for kind, name, n, s, r, err, overlap in rows:
        seconds = f"> {BIG_TIMEOUT} (stopped)" if s is None else f"{s:.2f}"
        lines.append(
            f"| {kind} | {name} | {n:,} | {seconds} | {r or ''} | {'' if err is None else f'{err:.5f}'} | "
            f"{'' if overlap is None else overlap} |")
    by = {(k, name): s for k, name, _, s, *_ in rows}
    lines += ["", "Ratios (LinkGraph / NetworKit seconds; '<' where NetworKit was stopped):", ""]

    def ratio(label, mine, peer):
        if mine not in by or peer not in by:
            return
        if by[peer] is None:
            lines.append(f"- {label}: < {by[mine] / BIG_TIMEOUT:.3f}")
        else:
            lines.append(f"- {label}: {by[mine] / by[peer]:.3f}")

    for kind in ("accuracy", "time"):
        for peer in ("NetworKit ApproxBetweenness", "NetworKit KadabraBetweenness"):
            ratio(f"betweenness ({kind} graph) vs {peer}", (kind, "LinkGraph approximate"), (kind, peer))
    ratio(f"top-{K} closeness (accuracy graph) vs NetworKit TopCloseness", ("top", "LinkGraph topCloseness"),
          ("top", "NetworKit TopCloseness"))
    ratio(f"top-{K} closeness (time graph) vs NetworKit TopCloseness", ("time", "LinkGraph topCloseness"),
          ("time", "NetworKit TopCloseness"))
    text = "\n".join(lines) + "\n"
    with open(os.path.join(HERE, "RESULTS-approx.md"), "w") as f:
        f.write(text)
    print(text)
    with open(os.path.join(OUT, "rows.json"), "w") as f:
        json.dump(rows, f)


if __name__ == "__main__":
    main()
