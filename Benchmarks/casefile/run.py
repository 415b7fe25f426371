#!/usr/bin/env python3
"""Times reading and writing a case file: LinkGraph against Python's json and NetworkX.

    python3 Benchmarks/casefile/run.py [--entities 100000] [--relations 1000000] [--repeat 3] [--skip-build]

1. Writes one seeded case file (FORMAT.md, version 1): documents, entities with aliases and
   attributes, relations with dates, confidence and byte-offset evidence
   (Benchmarks/.build-bench/cases/, not committed).
2. Builds `casebench` in release mode (the Benchmarks package, scratch .build-bench).
3. Each measurement runs in its own process, timed inside it (no process start), median of
   --repeat, with the process's peak resident memory (its maximum RSS, from wait4):
   LinkGraph reads (bytes → JSON → validated CaseFile) and writes (pretty JSON text); Python reads with json.load and builds a NetworkX MultiDiGraph of the same entities
   and relations, and writes with json.dumps(indent=2); orjson too, when installed.
4. Prints a table and writes Benchmarks/casefile/RESULTS.md.
"""
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
CASES = os.path.join(BENCH, ".build-bench", "cases")
BINARY = os.path.join(BENCH, ".build-bench", "release", "casebench")
KINDS = ["reportsTo", "memberOf", "advises", "controls", "influences", "pays", "defectedFrom", "defectedTo", "locatedIn"]
ENTITY_KINDS = ["person", "organization", "country", "place"]


def make_case(path, n_entities, n_relations, seed=7):
    rng = random.Random(seed)
    documents = [{"id": f"doc-{d}", "title": f"Cable {d}", "source": f"cables/{d}.txt"} for d in range(200)]
    entities = []
    for i in range(n_entities):
        entity = {"id": f"e{i}", "name": f"Entity {i} {rng.choice(['Quill', 'Harbor', 'Nova', 'Rashid', 'Sólyom'])}",
                  "kind": rng.choice(ENTITY_KINDS)}
        if rng.random() < 0.4:
            entity["aliases"] = [f"E{i}", f"the {i}th"]
        if rng.random() < 0.3:
            entity["attributes"] = {"role": "officer", "rank": rng.randint(1, 9)}
        entities.append(entity)
    relations = []
    for _ in range(n_relations):
        u, v = rng.randrange(n_entities), rng.randrange(n_entities)
        relation = {"source": f"e{u}", "target": f"e{v}", "kind": rng.choice(KINDS),
                    "confidence": round(rng.random(), 3)}
        if rng.random() < 0.5:
            relation["from"] = f"{rng.randint(2003, 2019)}-{rng.randint(1, 12):02d}"
        start = rng.randrange(100000)
        relation["evidence"] = [{"document": f"doc-{rng.randrange(200)}", "start": start, "end": start + rng.randint(20, 400)}]
        relations.append(relation)
    with open(path, "w") as f:
        json.dump({"version": 1, "documents": documents, "entities": entities, "relations": relations}, f, indent=2, ensure_ascii=False)


def python_worker(mode, path, library):
    """Runs in its own process; prints seconds as JSON."""
    loads = json.loads
    dumps = lambda value: json.dumps(value, indent=2, ensure_ascii=False)
    if library == "orjson":
        import orjson
        loads = orjson.loads
        dumps = lambda value: orjson.dumps(value, option=orjson.OPT_INDENT_2)
    if mode == "read":
        import networkx as nx
        cpu_start = time.process_time()
        start = time.perf_counter()
        with open(path, "rb") as f:
            data = f.read()
        document = loads(data)
        parse = time.perf_counter() - start
        parse_cpu = time.process_time() - cpu_start
        graph = nx.MultiDiGraph()
        for entity in document["entities"]:
            graph.add_node(entity["id"], **{k: v for k, v in entity.items() if k != "id"})
        for relation in document["relations"]:
            graph.add_edge(relation["source"], relation["target"], **{k: v for k, v in relation.items() if k not in ("source", "target")})
        total = time.perf_counter() - start
        cpu = time.process_time() - cpu_start
        print(json.dumps({"parse": parse, "parse_cpu": parse_cpu, "total": total, "cpu": cpu, "entities": graph.number_of_nodes(), "relations": graph.number_of_edges()}))
    else:
        with open(path, "rb") as f:
            document = loads(f.read())
        cpu_start = time.process_time()
        start = time.perf_counter()
        text = dumps(document)
        write = time.perf_counter() - start
        print(json.dumps({"write": write, "cpu": time.process_time() - cpu_start, "bytes": len(text if isinstance(text, bytes) else text.encode())}))


def measure(command, repeat):
    """Median of each reported figure over `repeat` processes, plus "peak": the median of
    their peak resident memory in MB (ru_maxrss of that one child, from wait4)."""
    results = []
    for _ in range(repeat):
        process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        out = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}")
        result = json.loads(out.strip().splitlines()[-1])
        result["peak"] = usage.ru_maxrss / 1024
        results.append(result)
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        python_worker(*sys.argv[2:5])
        return
    args = sys.argv[1:]
    option = lambda name, default: type(default)(args[args.index(name) + 1]) if name in args else default
    n_entities, n_relations, repeat = option("--entities", 100000), option("--relations", 1000000), option("--repeat", 3)
    os.makedirs(CASES, exist_ok=True)
    path = os.path.join(CASES, f"case-{n_entities}-{n_relations}.json")
    if not os.path.exists(path):
        make_case(path, n_entities, n_relations)
    size = os.path.getsize(path)
    if "--skip-build" not in args:
        subprocess.run(["swift", "build", "-c", "release", "--product", "casebench", "--scratch-path", ".build-bench",
                        "-Xswiftc", "-cross-module-optimization"], cwd=BENCH, check=True)
    tools = [("LinkGraph", [BINARY]), ("Python json + NetworkX", [sys.executable, __file__, "--worker"])]
    try:
        import orjson  # noqa: F401
        tools.append(("orjson + NetworkX", [sys.executable, __file__, "--worker"]))
    except ImportError:
        pass
    rows = []
    for name, base in tools:
        library = ["orjson"] if name.startswith("orjson") else (["json"] if name.startswith("Python") else [])
        read = measure(base + ["read", path] + library, repeat)
        write = measure(base + ["write", path] + library, repeat)
        rows.append((name, read, write))
        print(f"{name}: read {read['total']:.3f} s (parse {read['parse']:.3f} s, peak {read['peak']:.0f} MB), "
              f"write {write['write']:.3f} s (peak {write['peak']:.0f} MB)", file=sys.stderr)
    mb = size / 1e6
    lines = [
        "# Case-file reading and writing",
        "",
        f"`python3 Benchmarks/casefile/run.py` on {platform.machine()} with {os.cpu_count()} CPUs, load average "
        f"{os.getloadavg()[0]:.2f}; Python {platform.python_version()}; median of {repeat} runs, each in its own process, "
        "timed inside it.",
        "",
        f"Input: a seeded case file of {n_entities:,} entities and {n_relations:,} relations, each with a date, a confidence and "
        f"byte-offset evidence ({mb:.1f} MB, pretty-printed).",
        "",
        "| reader / writer | parse JSON | read into a graph | CPU, read | MB/s (CPU) | ratio (ours / this, CPU) | peak memory, read | write JSON | CPU, write | ratio (ours / this, CPU) | peak memory, write |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    ours_read_cpu, ours_write_cpu = rows[0][1]["cpu"], rows[0][2]["cpu"]
    for name, read, write in rows:
        lines.append(f"| {name} | {read['parse']:.3f} s | {read['total']:.3f} s | {read['cpu']:.3f} s | {mb / read['cpu']:.0f} | "
                     f"{ours_read_cpu / read['cpu']:.2f} | {read['peak']:,.0f} MB | {write['write']:.3f} s | {write['cpu']:.3f} s | "
                     f"{ours_write_cpu / write['cpu']:.2f} | {write['peak']:,.0f} MB |")
    python_json = next((read for name, read, _ in rows if name.startswith("Python")), None)
    if python_json:
        lines += ["", f"LinkGraph's whole read (parse and validate, {ours_read_cpu:.3f} s CPU) against Python's `json.load` "
                      f"alone ({python_json['parse_cpu']:.3f} s CPU): {ours_read_cpu / python_json['parse_cpu']:.2f}."]
    lines += [
        "",
        "\"Read into a graph\" is, for LinkGraph, the bytes parsed into JSON values and decoded into a validated `CaseFile`",
        "(every field type-checked, dates parsed, references between relations, entities and documents checked); for",
        "Python, `json.load` and a NetworkX `MultiDiGraph` with the same nodes and edges and their fields as attributes",
        "(no validation). \"Write\" is the pretty-printed JSON text in memory from the loaded value. CPU is the process's",
        "CPU time over the same span (wall times on a shared machine include waiting for a core). Peak memory is the",
        "process's maximum resident set (the file, the parsed values, the graph or the text, and the runtime).",
        "",
    ]
    with open(os.path.join(HERE, "RESULTS.md"), "w") as f:
        f.write("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
