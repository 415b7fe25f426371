#!/usr/bin/env python3
"""Time LinkGraphAlgorithms against igraph, NetworKit, rustworkx, NetworkX and SwiftGraph.

    python3 Benchmarks/algorithms/run.py [--quick] [--skip-build]

1. Writes the same seeded graphs as edge-list files for every library
   (Benchmarks/.build-bench/graphs/, not committed).
2. Builds the Swift runner in release mode with cross-module optimization
   (SwiftGraph is generic; without CMO its code would not be specialized).
3. Runs every measurement in its own process and reads the algorithm-only seconds
   (timed inside the process, after loading) and the peak RSS (os.wait4).
4. Writes Benchmarks/algorithms/RESULTS.md.

Single-threaded rows pin every library to one thread (ours threads=1, NetworKit
setNumberOfThreads(1), RAYON_NUM_THREADS=1, OMP/OPENBLAS threads 1); "all cores" rows
give each library every core. NetworkX's O(V·E) measures are extrapolated from a sample
of sources (marked ~). Measurements over the time limit are reported as such.
"""
import json
import os
import platform
import random
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
DATA = os.path.join(BENCH, ".build-bench", "graphs")
BINARY = os.path.join(BENCH, ".build-bench", "release", "algbench")
NPROC = os.cpu_count() or 1
TIMEOUT = 240
RAW = os.path.join(BENCH, ".build-bench", "results.json")


# ---------------------------------------------------------------- graphs

def write_edges(path, edges, weights=None):
    with open(path, "w") as f:
        if weights is None:
            f.write("\n".join(f"{u} {v}" for u, v in edges))
        else:
            f.write("\n".join(f"{u} {v} {w:.3f}" for (u, v), w in zip(edges, weights)))
        f.write("\n")


def make_graphs(quick):
    import numpy as np
    import networkx as nx
    os.makedirs(DATA, exist_ok=True)
    scale = 10 if quick else 1
    specs = {}
    # Barabási–Albert, n=10,000, m=5, undirected, unweighted.
    n = 10_000 // scale
    p = os.path.join(DATA, f"ba{n}.txt")
    if not os.path.exists(p):
        G = nx.barabasi_albert_graph(n, 5, seed=1)
        write_edges(p, list(G.edges()))
    specs["ba"] = dict(path=p, directed=False, weighted=False, n=n, label=f"Barabási–Albert n={n:,} m=5 (undirected)")
    # Erdős–Rényi, directed, weighted, n=20,000, average out-degree 5.
    n = 20_000 // scale
    p = os.path.join(DATA, f"er{n}.txt")
    if not os.path.exists(p):
        rng = np.random.default_rng(2)
        m = 5 * n
        u = rng.integers(0, n, size=int(m * 1.1))
        v = rng.integers(0, n, size=int(m * 1.1))
        keep = u != v
        key = np.unique(u[keep].astype(np.int64) * n + v[keep])[:m]
        rng.shuffle(key)
        w = rng.uniform(1, 10, size=len(key))
        write_edges(p, list(zip((key // n).tolist(), (key % n).tolist())), w.tolist())
    specs["er"] = dict(path=p, directed=True, weighted=True, n=n, label=f"Erdős–Rényi directed weighted n={n:,} m={5*n:,}")
    # Large sparse directed weighted graph for the linear-time algorithms.
    n = 1_000_000 // (scale * 10 if quick else 1)
    p = os.path.join(DATA, f"big{n}.txt")
    if not os.path.exists(p):
        rng = np.random.default_rng(3)
        m = 5 * n
        u = rng.integers(0, n, size=int(m * 1.01))
        v = rng.integers(0, n, size=int(m * 1.01))
        keep = u != v
        key = np.unique(u[keep].astype(np.int64) * n + v[keep])[:m]
        rng.shuffle(key)
        w = rng.uniform(1, 10, size=len(key))
        uu = (key // n).astype(np.int64)
        vv = (key % n).astype(np.int64)
        with open(p, "w") as f:
            chunk = 500_000
            for i in range(0, len(key), chunk):
                f.write("\n".join(f"{a} {b} {c:.3f}" for a, b, c in zip(uu[i:i+chunk].tolist(), vv[i:i+chunk].tolist(), w[i:i+chunk].tolist())))
                f.write("\n")
    specs["big"] = dict(path=p, directed=True, weighted=True, n=n, label=f"G(n, m) directed weighted n={n:,} m={5*n:,}")
    # Sparse undirected G(n, m), n=1,000,000, m=1.2n: many cut points and bridges, and small
    # enough for NetworkX.
    n = 1_000_000 // (scale * 10 if quick else 1)
    p = os.path.join(DATA, f"sparse{n}.txt")
    if not os.path.exists(p):
        rng = np.random.default_rng(4)
        m = 12 * n // 10
        u = rng.integers(0, n, size=int(m * 1.01))
        v = rng.integers(0, n, size=int(m * 1.01))
        keep = u != v
        lo, hi = np.minimum(u[keep], v[keep]), np.maximum(u[keep], v[keep])
        key = np.unique(lo.astype(np.int64) * n + hi)[:m]
        rng.shuffle(key)
        write_edges(p, list(zip((key // n).tolist(), (key % n).tolist())))
    specs["sparse"] = dict(path=p, directed=False, weighted=False, n=n,
                           label=f"Sparse G(n, m) undirected n={n:,} m={12*n//10:,}")
    return specs


# ---------------------------------------------------------------- Python workers

def worker(lib, algo, path, directed, threads):
    directed = directed == "1"
    threads = int(threads)
    t0 = time.perf_counter()
    check = 0.0
    if lib == "igraph":
        import igraph as ig
        g = ig.Graph.Read_Ncol(path, names=True, weights="if_present", directed=directed)
        load = time.perf_counter() - t0
        s = g.vs.find(name="0").index
        w = "weight" if g.is_weighted() else None
        t1 = time.perf_counter()
        if algo == "load": check = g.ecount()
        elif algo == "bfs": check = len(g.bfs(s)[0])
        elif algo == "dijkstra": check = sum(x for x in g.distances(source=[s], weights=w)[0] if x != float("inf"))
        elif algo == "weak": check = len(g.connected_components(mode="weak"))
        elif algo == "strong": check = len(g.connected_components(mode="strong"))
        elif algo == "pagerank": check = max(g.pagerank(damping=0.85, weights=w))
        elif algo == "closeness": check = sum(x for x in g.closeness(mode="in") if x == x)
        elif algo == "betweenness": check = sum(g.betweenness(directed=directed, weights=w))
        elif algo == "articulation": check = len(g.articulation_points())
        elif algo == "bridges": check = len(g.bridges())
        else: raise SystemExit(3)
    elif lib == "networkit":
        import networkit as nk
        nk.setNumberOfThreads(threads)
        r = nk.graphio.EdgeListReader(" ", 0, "#", continuous=False, directed=directed)
        g = r.read(path)
        load = time.perf_counter() - t0
        s = r.getNodeMap()["0"]
        t1 = time.perf_counter()
        if algo == "load": check = g.numberOfEdges()
        elif algo == "bfs": a = nk.distance.BFS(g, s); a.run(); check = a.getReachableNodes() if hasattr(a, "getReachableNodes") else 0
        elif algo == "dijkstra": a = nk.distance.Dijkstra(g, s); a.run(); check = 0
        elif algo == "weak":
            a = nk.components.WeaklyConnectedComponents(g) if directed else nk.components.ConnectedComponents(g)
            a.run(); check = a.numberOfComponents()
        elif algo == "strong":
            a = nk.components.StronglyConnectedComponents(g); a.run(); check = a.numberOfComponents()
        elif algo == "pagerank": a = nk.centrality.PageRank(g, damp=0.85, tol=1e-6); a.run(); check = max(a.scores())
        elif algo == "closeness":
            a = nk.centrality.Closeness(g, True, nk.centrality.ClosenessVariant.Generalized); a.run(); check = sum(a.scores())
        elif algo == "betweenness": a = nk.centrality.Betweenness(g, normalized=True); a.run(); check = sum(a.scores())
        else: raise SystemExit(3)
    elif lib == "rustworkx":
        import rustworkx as rx
        cls = rx.PyDiGraph if directed else rx.PyGraph
        g = cls.read_edge_list(path, comment="#", deliminator=" ")
        load = time.perf_counter() - t0
        weighted = g.num_edges() > 0 and g.get_edge_data_by_index(0) is not None
        cost = (lambda e: float(e)) if weighted else (lambda e: 1.0)
        s = 0
        if not directed and algo in ("bfs", "pagerank"):
            g = g.to_directed()  # these rustworkx functions take a PyDiGraph only
        t1 = time.perf_counter()
        if algo == "load": check = g.num_edges()
        elif algo == "bfs": check = len(rx.bfs_successors(g, s))
        elif algo == "dijkstra": check = sum(rx.dijkstra_shortest_path_lengths(g, s, edge_cost_fn=cost).values())
        elif algo == "weak": check = len(rx.weakly_connected_components(g) if directed else rx.connected_components(g))
        elif algo == "strong": check = len(rx.strongly_connected_components(g))
        elif algo == "pagerank":
            n = g.num_nodes()
            check = max(rx.pagerank(g, alpha=0.85, tol=1e-6 / n, max_iter=1000, weight_fn=cost if weighted else None).values())
        elif algo == "closeness": check = sum(rx.closeness_centrality(g, wf_improved=True).values())
        elif algo == "betweenness":
            if weighted: raise SystemExit(4)  # unweighted only
            check = sum(rx.betweenness_centrality(g, normalized=True, parallel_threshold=50).values())
        elif algo in ("articulation", "bridges"):
            if directed: raise SystemExit(4)  # PyGraph only
            check = len(rx.articulation_points(g) if algo == "articulation" else rx.bridges(g))
        else: raise SystemExit(3)
    elif lib == "networkx":
        import networkx as nx
        create = nx.DiGraph if directed else nx.Graph
        with open(path) as f:
            weighted = len(f.readline().split()) == 3
        if weighted:
            g = nx.read_weighted_edgelist(path, create_using=create, nodetype=int)
        else:
            g = nx.read_edgelist(path, create_using=create, nodetype=int)
        load = time.perf_counter() - t0
        w = "weight" if weighted else None
        n = g.number_of_nodes()
        t1 = time.perf_counter()
        scale = 1.0
        if algo == "load": check = g.number_of_edges()
        elif algo == "bfs": check = len(nx.single_source_shortest_path_length(g, 0))
        elif algo == "dijkstra": check = sum(nx.single_source_dijkstra_path_length(g, 0, weight="weight").values())
        elif algo == "weak": check = nx.number_weakly_connected_components(g) if directed else nx.number_connected_components(g)
        elif algo == "strong": check = nx.number_strongly_connected_components(g)
        elif algo == "pagerank": check = max(nx.pagerank(g, tol=1e-6 / n, max_iter=1000).values())
        elif algo == "closeness":
            sample = random.Random(1).sample(list(g), 50)
            check = sum(nx.closeness_centrality(g, u=v) for v in sample)
            scale = n / 50
        elif algo == "betweenness":
            k = 50
            check = sum(nx.betweenness_centrality(g, k=k, seed=1, weight=w).values())
            scale = n / k
        elif algo == "articulation": check = sum(1 for _ in nx.articulation_points(g.to_undirected() if directed else g))
        elif algo == "bridges": check = sum(1 for _ in nx.bridges(g.to_undirected() if directed else g))
        else: raise SystemExit(3)
        elapsed = (time.perf_counter() - t1) * scale
        print(json.dumps({"load_s": load, "algo_s": elapsed, "check": check, "extrapolated": scale != 1.0}))
        return
    else:
        raise SystemExit(2)
    print(json.dumps({"load_s": load, "algo_s": time.perf_counter() - t1, "check": float(check)}))


# ---------------------------------------------------------------- measuring

def measure(cmd, env):
    t0 = time.time()
    # Its own session, so that a timeout kills the wrapper *and* the measured grandchild
    # (which would otherwise keep running, hold the pipe open and load the next cells).
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True)
    try:
        out, err = p.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        return {"status": f"> {TIMEOUT} s"}
    # The wrapper reports its own child's peak RSS (wait4); RUSAGE_CHILDREN would only give
    # the maximum over every measurement so far.
    if p.returncode != 0:
        tail = err.decode(errors="replace").strip().splitlines()[-1:] or [""]
        return {"status": "n/a" if p.returncode in (3, 4) else f"failed: {tail[0][:60]}"}
    lines = out.decode().strip().splitlines()
    result = json.loads(lines[-2])
    usage = json.loads(lines[-1])
    result["peak_mb"] = usage["peak_mb"]
    result["wall_s"] = time.time() - t0
    # The share of a core the process had (load + algorithm): near 1 for a single thread on an
    # idle core, lower when other work took the core away.
    result["cpu_share"] = usage["cpu_s"] / result["wall_s"]
    result["date"] = time.strftime("%Y-%m-%d")
    return result


def wrapped(cmd):
    """Runs cmd as a child of a fresh interpreter that prints the child's peak RSS (wait4)."""
    code = ("import os,sys,json\n"
            "pid=os.fork()\n"
            "if pid==0:\n  os.execvp(sys.argv[1], sys.argv[1:])\n"
            "_,status,ru=os.wait4(pid,0)\n"
            "print(json.dumps({'peak_mb': ru.ru_maxrss/1024, 'cpu_s': ru.ru_utime + ru.ru_stime}))\n"
            "sys.exit(os.waitstatus_to_exitcode(status))\n")
    return [sys.executable, "-c", code] + cmd


def env_for(threads):
    env = dict(os.environ)
    for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "RAYON_NUM_THREADS"):
        env[k] = str(threads)
    return env


PLAN = [
    # (graph, algorithm, threaded?)
    ("ba", "load", False), ("ba", "bfs", False), ("ba", "weak", False), ("ba", "pagerank", False),
    ("ba", "closeness", True), ("ba", "betweenness", True),
    ("er", "load", False), ("er", "dijkstra", False), ("er", "strong", False), ("er", "betweenness", True),
    ("big", "load", False), ("big", "bfs", False), ("big", "dijkstra", False), ("big", "weak", False),
    ("big", "strong", False), ("big", "pagerank", False), ("big", "articulation", False), ("big", "bridges", False),
    ("sparse", "load", False), ("sparse", "articulation", False), ("sparse", "bridges", False),
    ("ba", "keyplayers", False),
]
PEERS = ["igraph", "networkit", "rustworkx", "networkx", "swiftgraph"]
SWIFTGRAPH_HAS = {"load", "bfs", "dijkstra"}


def make_huge():
    """A directed weighted G(n, m) with n = 2,000,000 and m = 10,000,000 (numpy seed 5)."""
    import numpy as np
    os.makedirs(DATA, exist_ok=True)
    n, m = 2_000_000, 10_000_000
    p = os.path.join(DATA, f"huge{n}.txt")
    if not os.path.exists(p):
        rng = np.random.default_rng(5)
        u = rng.integers(0, n, size=int(m * 1.01))
        v = rng.integers(0, n, size=int(m * 1.01))
        keep = u != v
        key = np.unique(u[keep].astype(np.int64) * n + v[keep])[:m]
        rng.shuffle(key)
        w = rng.uniform(1, 10, size=len(key))
        uu, vv = (key // n).tolist(), (key % n).tolist()
        with open(p, "w") as f:
            for i in range(0, len(key), 500_000):
                f.write("\n".join(f"{a} {b} {c:.3f}" for a, b, c in zip(uu[i:i+500_000], vv[i:i+500_000], w[i:i+500_000].tolist())))
                f.write("\n")
    return p


def scale_rows():
    """`--scale`: load + BFS + weak components + PageRank in one LinkGraph process on the
    1M / 5M graph and on a 2M / 10M one; prints each step's seconds, the CPU seconds and the
    peak RSS (the process's share of a core tells how loaded the machine was)."""
    specs = make_graphs(False)
    for path in (specs["big"]["path"], make_huge()):
        cmd = wrapped([BINARY, "linkgraph", "scale", path, "1", "1"])
        t0 = time.time()
        p = subprocess.run(cmd, capture_output=True, text=True, env=env_for(1))
        wall = time.time() - t0
        lines = p.stdout.strip().splitlines()
        result, usage = json.loads(lines[-2]), json.loads(lines[-1])
        print(f"{os.path.basename(path)}: load {result['load_s']:.2f} s, {p.stderr.strip()}; "
              f"peak {usage['peak_mb']:.1f} MB, CPU {usage['cpu_s']:.2f} s of {wall:.2f} s wall", flush=True)


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(*sys.argv[2:7])
        return
    if "--scale" in sys.argv:
        scale_rows()
        return
    global TIMEOUT
    quick = "--quick" in sys.argv
    only = None
    if "--only" in sys.argv:  # e.g. --only er:betweenness,big:bfs  (re-measure and merge)
        only = set(sys.argv[sys.argv.index("--only") + 1].split(","))
    libs_only = None
    if "--libs" in sys.argv:  # e.g. --libs ours,igraph  (other cells of a merged row are kept)
        libs_only = set(sys.argv[sys.argv.index("--libs") + 1].split(","))
    if "--timeout" in sys.argv:
        TIMEOUT = int(sys.argv[sys.argv.index("--timeout") + 1])
    specs = make_graphs(quick)
    if "--skip-build" not in sys.argv:
        subprocess.run(["swift", "build", "-c", "release", "--scratch-path", ".build-bench",
                        "-Xswiftc", "-cross-module-optimization"], cwd=BENCH, check=True)
    available = {}
    for lib, mod in (("igraph", "igraph"), ("networkit", "networkit"), ("rustworkx", "rustworkx"), ("networkx", "networkx")):
        try:
            m = __import__(mod)
            available[lib] = getattr(m, "__version__", "?")
        except ImportError:
            available[lib] = None
    available["swiftgraph"] = "4.0.0"
    rows = []
    started = time.time()
    for graph, algo, threaded in PLAN:
        if only is not None and f"{graph}:{algo}" not in only:
            continue
        spec = specs[graph]
        d = "1" if spec["directed"] else "0"
        modes = [1, NPROC] if threaded and NPROC > 1 else [1]
        for threads in modes:
            row = {"graph": spec["label"], "algo": algo, "threads": threads, "results": {}, "timeout": TIMEOUT}
            env = env_for(threads)
            if libs_only is None or "ours" in libs_only:
                row["results"]["ours"] = measure(wrapped([BINARY, "linkgraph", algo, spec["path"], d, str(threads)]), env)
            for lib in PEERS:
                if libs_only is not None and lib not in libs_only:
                    continue
                if available.get(lib) is None:
                    row["results"][lib] = {"status": "not installed"}
                    continue
                if threads > 1 and lib in ("igraph", "networkx", "swiftgraph"):
                    row["results"][lib] = {"status": "single-threaded"}
                    continue
                if lib == "swiftgraph":
                    if algo not in SWIFTGRAPH_HAS:
                        row["results"][lib] = {"status": "n/a"}
                        continue
                    cmd = [BINARY, "swiftgraph", algo, spec["path"], d]
                elif lib == "networkx" and graph == "big":
                    row["results"][lib] = {"status": "skipped (1M: minutes, GBs)"}
                    continue
                else:
                    cmd = [sys.executable, os.path.abspath(__file__), "--worker", lib, algo, spec["path"], d, str(threads)]
                row["results"][lib] = measure(wrapped(cmd), env)
            if algo == "load":  # the load row reports the load time itself
                for r in row["results"].values():
                    if "load_s" in r:
                        r["algo_s"] = r["load_s"]
            rows.append(row)
            print(f"[{time.time() - started:6.0f} s] {graph} {algo} t={threads}: "
                  + ", ".join(f"{k}={v.get('algo_s', v.get('status'))}" for k, v in row["results"].items()), flush=True)
    # Merge with earlier measurements (a partial re-run replaces only its own rows).
    merged = {}
    if only is not None and os.path.exists(RAW):
        with open(RAW) as f:
            for row in json.load(f)["rows"]:
                merged[(row["graph"], row["algo"], row["threads"])] = row
    for row in rows:
        key = (row["graph"], row["algo"], row["threads"])
        if key in merged:
            merged[key]["results"].update(row["results"])
            merged[key]["timeout"] = row["timeout"]
        else:
            merged[key] = row
    order = {(g, a): i for i, (g, a, _) in enumerate(PLAN)}
    keys = {v["label"]: k for k, v in specs.items()}
    rows = sorted(merged.values(), key=lambda r: (order.get((keys.get(r["graph"]), r["algo"]), 99), r["threads"]))
    wall = time.time() - started
    if only is not None and os.path.exists(RAW):
        with open(RAW) as f:
            wall += json.load(f).get("wall_s", 0)
    with open(RAW, "w") as f:
        json.dump({"rows": rows, "wall_s": wall}, f, indent=1)
    write_results(rows, specs, available, wall, quick)


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def contended(r, threads):
    """A single-threaded cell whose process had less than 80% of a core, or one of the first
    run (2026-11-26, a busy machine, no date recorded). The 2026-11-27 re-run of the
    closeness and betweenness rows ran alone on the machine, before shares were recorded."""
    if "algo_s" not in r:
        return False
    if "date" not in r:
        return True
    # A short process spends much of its time starting and reading its file, not computing.
    return threads == 1 and r.get("wall_s", 0) >= 1 and r.get("cpu_share", 1) < 0.8


def fmt(r, threads=1):
    if "algo_s" not in r:
        return r.get("status", "?")
    s = r["algo_s"]
    t = f"{s:.3f}" if s < 10 else f"{s:.1f}"
    if r.get("extrapolated"):
        t = "~" + t
    return f"{t} s / {r['peak_mb']:.0f} MB" + (" †" if contended(r, threads) else "")


def write_results(rows, specs, available, wall, quick):
    libs = ["ours"] + PEERS
    names = {"ours": "LinkGraph", "igraph": "igraph", "networkit": "NetworKit", "rustworkx": "rustworkx",
             "networkx": "NetworkX", "swiftgraph": "SwiftGraph"}
    out = []
    out.append("# LinkGraphAlgorithms benchmarks\n")
    out.append("Written by `python3 Benchmarks/algorithms/run.py`" + (" --quick (reduced sizes)" if quick else "") + ".\n")
    out.append(f"- Machine: {NPROC} cores (`nproc`), CPU `{cpu_model()}`, Linux {platform.release()}, "
               f"Python {platform.python_version()}; the machine was shared with other builds while this ran, "
               "so treat differences under ~20% as noise.")
    vers = ", ".join(f"{names[k]} {v}" if v else f"{names[k]} not installed" for k, v in available.items())
    out.append(f"- Peers: {vers}. LinkGraph and SwiftGraph built `-c release -Xswiftc -cross-module-optimization` "
               "(CMO lets SwiftGraph's generic code specialize across the module boundary; without it SwiftGraph is slower still).")
    out.append("- Each cell: algorithm-only seconds (timed inside the process after loading) / peak RSS of that "
               "process (load + algorithm, `wait4`). One process per cell. `~` = NetworkX extrapolated from 50 sampled "
               "sources. `n/a` = the library has no such algorithm (rustworkx: no weighted betweenness; SwiftGraph: "
               "only BFS and Dijkstra).")
    out.append("- Row `load`: the time to read the edge list file into the library's graph (SwiftGraph: building "
               "it edge by edge from parsed arrays; it has no reader).")
    out.append("- Ratio: ours / fastest peer in the same row (< 1 means LinkGraph is faster).")
    out.append("- Notes: BFS/Dijkstra are single-source from vertex `0`. Closeness is NetworkX-style (incoming, "
               "Wasserman–Faust); NetworKit's Generalized variant is the same measure. PageRank: ours, rustworkx and NetworkX "
               "stop when the L1 change is below 1e-6 overall (tol = 1e-6/n in NetworkX's n·tol rule, which with the default "
               "tol would stop a million-vertex run after one step); NetworKit stops at its own 1e-6; igraph solves with PRPACK. Betweenness on the weighted graph uses the weights where the library can.")
    dates = sorted({r["date"] for row in rows for r in row["results"].values() if "date" in r})
    out.append("- `†`: measured while other work shared the machine (a single-threaded process of a second or more that "
               "had less than 80% of a core, or a cell of the first run, 2026-11-26, load average 3–10 on 2 cores): slower than on "
               "an idle machine, and all-cores cells among them cannot show scaling. Cells without `†` were measured "
               "on " + (", ".join(dates) or "–") + " (the 2026-11-27 re-run of the closeness and betweenness cells of "
               "LinkGraph, igraph and NetworKit ran alone on the machine, load average 0.2 before it).")
    out.append(f"- Total wall time of the run(s): {wall/60:.1f} min. Time limit per measurement: "
               + ", ".join(sorted({f"{r.get('timeout', TIMEOUT)} s" for r in rows})) + " (`> N s` = stopped there).\n")
    for key in ("ba", "er", "big", "sparse"):
        label = specs[key]["label"]
        out.append(f"## {label}\n")
        out.append("| algorithm | threads | " + " | ".join(names[l] for l in libs) + " | ratio |")
        out.append("|---|---|" + "---|" * len(libs) + "---|")
        for row in rows:
            if row["graph"] != label:
                continue
            res = row["results"]
            ours = res["ours"].get("algo_s")
            peers = [r["algo_s"] for l, r in res.items() if l != "ours" and "algo_s" in r and not r.get("extrapolated")]
            ratio = f"{ours / min(peers):.2f}" if ours is not None and peers and min(peers) > 0 else "–"
            thr = "1" if row["threads"] == 1 else f"all ({row['threads']})"
            out.append(f"| {row['algo']} | {thr} | " + " | ".join(fmt(res.get(l, {}), row["threads"]) for l in libs) + f" | {ratio} |")
        out.append("")
    with open(os.path.join(HERE, "RESULTS.md"), "w") as f:
        f.write("\n".join(out) + "\n")
    print("wrote", os.path.join(HERE, "RESULTS.md"))


if __name__ == "__main__":
    main()
