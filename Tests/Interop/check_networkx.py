#!/usr/bin/env python3
"""Checks LinkGraph's GraphML, GEXF and node-link exports with NetworkX, the reader analysts use.

For the bundled example case and a case full of hostile names, the `linkgraph` binary exports
GraphML, GEXF and node-link JSON; NetworkX reads them (nx.read_graphml, nx.read_gexf,
nx.node_link_graph) and every vertex, edge (parallel edges counted) and attribute is compared
with the case file as Python's json module reads it, following the mapping in
docs/INTERCHANGE.md (implemented here again, independently of the Swift code). The other way,
files NetworkX writes (write_graphml, write_gexf, node_link_data) are imported by `linkgraph import`.

The binary is $LINKGRAPH_BIN, else .build/debug/linkgraph or .build/release/linkgraph, else it
is built with `swift build --product linkgraph`. Prints one line per check and a closing
`N passed, M failed`; exits 1 on any failure. Without NetworkX it says so and skips.
"""
import calendar
import json
import math
import os
import subprocess
import sys
import tempfile
from collections import Counter

try:
    import networkx as nx
except ImportError:
    # scripts/ensure-dependencies.sh installs it and warns when it cannot.
    print("skipped: networkx is not installed (python3 -m pip install networkx)")
    print("0 passed, 0 failed, 1 skipped")
    sys.exit(0)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = os.path.join(ROOT, "Graphs", "iran-iraq-2014", "case.json")

passed = 0
failed = 0


def check(condition, what, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok - {what}")
    else:
        failed += 1
        print(f"FAIL - {what}" + (f": {detail}" if detail else ""))
    return condition


def binary():
    candidates = [os.environ.get("LINKGRAPH_BIN"), os.path.join(ROOT, ".build", "debug", "linkgraph"),
                  os.path.join(ROOT, ".build", "release", "linkgraph")]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    subprocess.run(["swift", "build", "--product", "linkgraph"], cwd=ROOT, check=True)
    path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    return os.path.join(path, "linkgraph")


# ---------------------------------------------------------------------------------------------
# The mapping (docs/INTERCHANGE.md), written again from the documentation.

def xml_text(s):
    """What an XML 1.0 reader gives back: characters XML cannot hold become U+FFFD."""
    def allowed(c):
        o = ord(c)
        return o in (0x9, 0xA, 0xD) or 0x20 <= o <= 0xD7FF or 0xE000 <= o <= 0xFFFD or 0x10000 <= o <= 0x10FFFF
    return "".join(c if allowed(c) else "\ufffd" for c in s)


def value_type(v):
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, str):
        return "string"
    return "json"


def attribute_columns(objects, style):
    """For each attribute key: True when its column is attr_KEY (plain), False for attrjson_KEY."""
    types = {}
    for o in objects:
        for k, v in o.get("attributes", {}).items():
            types.setdefault(k, set()).add(value_type(v))
    plain = {}
    for k, ts in types.items():
        if style == "json":
            plain[k] = True
        else:
            plain[k] = len(ts) == 1 and next(iter(ts)) in ("string", "boolean", "number")
    return plain


JSON_TEXT = {"aliases", "evidence", "unknown_fields", "documents"}

ENTITY_FIELDS = {"id", "name", "kind", "aliases", "attributes"}
RELATION_FIELDS = {"source", "target", "kind", "directed", "weight", "confidence", "from", "until", "evidence", "attributes"}
SYMMETRIC = {"meetsWith", "alliedWith", "opposes"}


def expected_node(entity, columns, name_key):
    """The node's properties as native values (JSON text fields are compared after parsing)."""
    p = {name_key: entity["name"], "kind": entity["kind"]}
    if entity.get("aliases"):
        p["aliases"] = entity["aliases"]
    for k, v in entity.get("attributes", {}).items():
        p[("attr_" if columns[k] else "attrjson_") + k] = v
    unknown = {k: v for k, v in entity.items() if k not in ENTITY_FIELDS}
    if unknown:
        p["unknown_fields"] = unknown
    return p


def expected_edge(relation, columns):
    kind = relation["kind"]
    p = {"kind": kind, "directed": relation.get("directed", kind not in SYMMETRIC)}
    for k in ("weight", "confidence", "from", "until"):
        if k in relation:
            p[k] = relation[k]
    if relation.get("evidence"):
        p["evidence"] = relation["evidence"]
    for k, v in relation.get("attributes", {}).items():
        p[("attr_" if columns[k] else "attrjson_") + k] = v
    unknown = {k: v for k, v in relation.items() if k not in RELATION_FIELDS}
    if unknown:
        p["unknown_fields"] = unknown
    return p


def same_value(key, expected, actual, xml):
    """Whether a read property equals the expected native value, as the format carries it."""
    if xml and (key in JSON_TEXT or key.startswith("attrjson_")):
        if not isinstance(actual, str):
            return False
        try:
            return json.loads(actual) == expected
        except ValueError:
            return False
    if isinstance(expected, bool):
        return actual is expected
    if isinstance(expected, (int, float)):
        return isinstance(actual, (int, float)) and not isinstance(actual, bool) and math.isclose(actual, expected, rel_tol=0, abs_tol=0)
    if isinstance(expected, str):
        return actual == (xml_text(expected) if xml else expected)
    return actual == expected


def same_properties(expected, actual, xml):
    keys = {xml_text(k) if xml else k: k for k in expected}
    if set(keys) != set(actual):
        return False, f"keys {sorted(actual)} != {sorted(keys)}"
    for shown, k in keys.items():
        if not same_value(k, expected[k], actual[shown], xml):
            return False, f"{k}: {actual[shown]!r} != {expected[k]!r}"
    return True, ""


def canonical(properties, xml):
    """A hashable form of properties for comparing edges as a multiset."""
    out = []
    for k, v in properties.items():
        if xml and (k in JSON_TEXT or k.startswith("attrjson_")) and isinstance(v, str):
            try:
                v = json.loads(v)
            except ValueError:
                pass
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        out.append((k, json.dumps(v, sort_keys=True, ensure_ascii=False)))
    return tuple(sorted(out))


def expected_xml_edge(properties):
    return {xml_text(k): (xml_text(v) if isinstance(v, str) and not (k in JSON_TEXT or k.startswith("attrjson_")) else v)
            for k, v in properties.items()}


def first_day(text):
    parts = [int(p) for p in text.split("-")]
    return "%04d-%02d-%02d" % (parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def last_day(text):
    parts = [int(p) for p in text.split("-")]
    month = parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(parts[0], month)[1]
    return "%04d-%02d-%02d" % (parts[0], month, day)


# ---------------------------------------------------------------------------------------------
# The checks.

def check_vertices(name, fmt, graph, case, xml):
    ids = [xml_text(e["id"]) if xml else e["id"] for e in case["entities"]]
    check(sorted(map(str, graph.nodes)) == sorted(ids), f"{name} {fmt}: the same {len(ids)} vertices",
          f"{sorted(graph.nodes)[:5]} vs {sorted(ids)[:5]}")


def check_edges(name, fmt, graph, case, expected_edges, xml, drop=()):
    relations = case["relations"]
    check(graph.number_of_edges() == len(relations), f"{name} {fmt}: {len(relations)} edges, parallel ones counted",
          f"{graph.number_of_edges()}")
    pairs = Counter((xml_text(r["source"]), xml_text(r["target"])) if xml else (r["source"], r["target"]) for r in relations)
    has_parallel = any(c > 1 for c in pairs.values())
    check(graph.is_directed() and (graph.is_multigraph() or not has_parallel), f"{name} {fmt}: a directed graph, multigraph when edges are parallel")
    actual = Counter()
    for u, v, data in graph.edges(data=True):
        data = {k: w for k, w in data.items() if k not in drop}
        actual[(str(u), str(v), canonical(data, xml))] += 1
    wanted = Counter()
    for r, p in zip(relations, expected_edges):
        u, v = (xml_text(r["source"]), xml_text(r["target"])) if xml else (r["source"], r["target"])
        wanted[(u, v, canonical(expected_xml_edge(p) if xml else p, xml))] += 1
    missing = wanted - actual
    extra = actual - wanted
    check(not missing and not extra, f"{name} {fmt}: every edge with its attributes",
          f"missing {list(missing)[:1]}, unexpected {list(extra)[:1]}")


def check_case(name, case_path, linkgraph, work):
    with open(case_path, encoding="utf-8") as f:
        case = json.load(f)
    entities, relations = case["entities"], case["relations"]

    def export(fmt, suffix):
        out = os.path.join(work, f"{name}.{suffix}")
        result = subprocess.run([linkgraph, "export", case_path, "--to", fmt, "-o", out], capture_output=True, text=True)
        check(result.returncode == 0, f"{name}: linkgraph export --to {fmt}", result.stderr.strip())
        return out

    # GraphML
    typed_nodes = attribute_columns(entities, "typed")
    typed_edges = attribute_columns(relations, "typed")
    graph = nx.read_graphml(export("graphml", "graphml"))
    check_vertices(name, "graphml", graph, case, xml=True)
    bad = []
    for e in entities:
        ok, why = same_properties(expected_node(e, typed_nodes, "label"), graph.nodes[xml_text(e["id"])], xml=True)
        if not ok:
            bad.append(f"{e['id']!r}: {why}")
    check(not bad, f"{name} graphml: every vertex attribute (typed keys)", "; ".join(bad[:3]))
    check_edges(name, "graphml", graph, case, [expected_edge(r, typed_edges) for r in relations], xml=True)
    documents = case.get("documents", [])
    if documents:
        check(json.loads(graph.graph.get("documents", "null")) == documents, f"{name} graphml: the documents as graph data")

    # GEXF
    graph = nx.read_gexf(export("gexf", "gexf"))
    check_vertices(name, "gexf", graph, case, xml=True)
    bad = []
    for e in entities:
        expected = expected_node(e, typed_nodes, "label")
        ok, why = same_properties(expected, graph.nodes[xml_text(e["id"])], xml=True)
        if not ok:
            bad.append(f"{e['id']!r}: {why}")
    check(not bad, f"{name} gexf: every vertex attribute, the name as label", "; ".join(bad[:3]))
    check_edges(name, "gexf", graph, case, [expected_edge(r, typed_edges) for r in relations], xml=True, drop=("id", "spells"))
    bad = []
    spells = Counter()
    for u, v, data in graph.edges(data=True):
        spells[(u, v, tuple(data.get("spells", [])))] += 1
    for r in relations:
        if "from" in r or "until" in r:
            spell = (first_day(r["from"]) if "from" in r else "None", last_day(r["until"]) if "until" in r else "None")
            key = (xml_text(r["source"]), xml_text(r["target"]), (spell,))
            if spells[key] == 0:
                bad.append(f"{r['source']}->{r['target']} {spell}")
            spells[key] -= 1
    dated = sum(1 for r in relations if "from" in r or "until" in r)
    check(not bad, f"{name} gexf: {dated} relation dates as spells (from = first day, until = last day)", "; ".join(bad[:3]))
    if dated:
        check(graph.graph.get("mode") == "dynamic", f"{name} gexf: a dynamic graph for Gephi's timeline")

    # Node-link
    path = export("nodelink", "json")
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    check(data.get("directed") is True and data.get("multigraph") is True and "links" in data,
          f"{name} nodelink: directed multigraph with links")
    graph = nx.node_link_graph(data, edges="links")
    check_vertices(name, "nodelink", graph, case, xml=False)
    native_nodes = attribute_columns(entities, "json")
    native_edges = attribute_columns(relations, "json")
    bad = []
    for e in entities:
        ok, why = same_properties(expected_node(e, native_nodes, "name"), graph.nodes[e["id"]], xml=False)
        if not ok:
            bad.append(f"{e['id']!r}: {why}")
    check(not bad, f"{name} nodelink: every vertex attribute, native JSON values", "; ".join(bad[:3]))
    check_edges(name, "nodelink", graph, case, [expected_edge(r, native_edges) for r in relations], xml=False)
    # What node_link_data gives for the case built directly as a MultiDiGraph.
    expected_graph = nx.MultiDiGraph()
    if documents:
        expected_graph.graph["documents"] = documents
    unknown = {k: v for k, v in case.items() if k not in ("version", "documents", "entities", "relations")}
    if unknown:
        expected_graph.graph["unknown_fields"] = unknown
    for e in entities:
        expected_graph.add_node(e["id"], **expected_node(e, native_nodes, "name"))
    for r in relations:
        expected_graph.add_edge(r["source"], r["target"], **expected_edge(r, native_edges))
    reference = nx.node_link_data(expected_graph, edges="links")
    check(data["nodes"] == reference["nodes"] and data["graph"] == reference["graph"],
          f"{name} nodelink: nodes and graph exactly as networkx.node_link_data gives them")
    key_of = lambda link: json.dumps(link, sort_keys=True, ensure_ascii=False)
    check(sorted(map(key_of, data["links"])) == sorted(map(key_of, reference["links"])),
          f"{name} nodelink: links (with keys) exactly as networkx.node_link_data gives them")


HOSTILE_STRINGS = [
    'quote " inside', "apostrophe ' inside", "<b>not html</b>", "a & b &amp; c", "new\nline", "cr\rreturn", "crlf\r\nend",
    "tab\there", "nul\x00byte", "bell\x07", "سلیم الجبوری", "Нечирван Барзани", "中文名字", "\u202ertl override\u202c",
    "zero\u200bwidth", "}) DETACH DELETE n //", "'); MATCH (n) DETACH DELETE n; //", "back\\slash", "\\u0027 escape",
    "`backtick`", "comma, semicolon; pipe|", " leading and trailing ", "", '=HYPERLINK("x")', "emoji 🕵️", "]]> cdata end",
    "<!DOCTYPE x>", "&#0; &lt;",
]
# Ids hold no control characters (a case file with one is refused; checked in main()).
HOSTILE_IDS = ["id with space", 'quote"id', "<id>", "ünïcode-id", "a&b", "back\\slash id", "per%cent {brace}", "x]]>y"]


def hostile_case():
    entities, relations = [], []
    for i, s in enumerate(HOSTILE_STRINGS):
        eid = HOSTILE_IDS[i] if i < len(HOSTILE_IDS) else f"e{i}"
        attributes = {"note": s, "hostile key " + s: s, "mixed": (i if i % 2 else s), "flag": i % 3 == 0}
        if i % 4 == 0:
            attributes["list"] = [s, i]
        entities.append({"id": eid, "name": s or "(empty)", "kind": s if (i % 5 == 0 and s) else "person",
                         "aliases": [s, f"alias {i}"], "attributes": attributes})
        if i:
            previous = entities[i - 1]["id"]
            relation = {"source": previous, "target": eid, "kind": s if (i % 4 == 0 and s) else "reportsTo",
                        "evidence": [{"document": "doc", "start": i, "end": i + 1, "text": s}], "attributes": {"note": s}}
            if i % 3 == 0:
                relation.update({"from": ["2014", "2014-12", "2016-02-29"][i % 3 and 1 or (i // 3) % 3], "confidence": 0.5})
            if i % 7 == 0:
                relation.update({"until": "2019-02", "weight": 2.5})
            relations.append(relation)
            if i % 6 == 0:
                relations.append({"source": previous, "target": eid, "kind": "meetsWith", "x_unknown": {"s": s}})
    return {"version": 1, "documents": [{"id": "doc", "title": "|".join(HOSTILE_STRINGS)}], "entities": entities,
            "relations": relations, "producer": "check_networkx.py"}


def check_networkx_files(linkgraph, work):
    """The other way: NetworkX writes GraphML, GEXF and node-link, `linkgraph import` reads them."""
    graph = nx.MultiDiGraph()
    graph.add_node("ann", label="Ann", kind="person", age=41, score=0.5, vip=True)
    graph.add_node("bob", label="Bob <B>", kind="organization", age=7, score=1.5, vip=False)
    graph.add_node("carol", label="Carol & co", kind="place", age=3, score=2.0, vip=False)
    graph.add_edge("ann", "bob", kind="reportsTo", weight=2.0, note="first")
    graph.add_edge("ann", "bob", kind="pays", weight=1.0, note="second")
    graph.add_edge("bob", "carol", kind="locatedIn", weight=0.5, note="third")
    files = {"graphml": os.path.join(work, "nx.graphml"), "gexf": os.path.join(work, "nx.gexf"), "nodelink": os.path.join(work, "nx.json")}
    nx.write_graphml(graph, files["graphml"])
    nx.write_gexf(graph, files["gexf"])
    with open(files["nodelink"], "w", encoding="utf-8") as f:
        json.dump(nx.node_link_data(graph, edges="links"), f)
    for fmt, path in files.items():
        out = os.path.join(work, f"nx-{fmt}.case.json")
        result = subprocess.run([linkgraph, "import", path, "-o", out], capture_output=True, text=True)
        if not check(result.returncode == 0, f"networkx {fmt}: linkgraph import reads NetworkX's file", result.stderr.strip()):
            continue
        with open(out, encoding="utf-8") as f:
            case = json.load(f)
        entities = {e["id"]: e for e in case["entities"]}
        check(sorted(entities) == ["ann", "bob", "carol"], f"networkx {fmt}: the same vertices as entities", str(sorted(entities)))
        names_kinds = {i: (e["name"], e["kind"]) for i, e in entities.items()}
        check(names_kinds == {n: (d["label"], d["kind"]) for n, d in graph.nodes(data=True)},
              f"networkx {fmt}: label → name, kind → kind", str(names_kinds))
        typed = all(entities[n].get("attributes", {}).get(k) == d[k] and type(entities[n]["attributes"][k]) is type(d[k])
                    for n, d in graph.nodes(data=True) for k in ("age", "score", "vip"))
        check(typed, f"networkx {fmt}: integer, float and boolean attributes keep their types",
              str([e.get("attributes") for e in case["entities"]]))
        relations = Counter((r["source"], r["target"], r["kind"], r.get("weight"), r.get("attributes", {}).get("note")) for r in case["relations"])
        wanted = Counter((u, v, d["kind"], d["weight"], d["note"]) for u, v, d in graph.edges(data=True))
        check(relations == wanted, f"networkx {fmt}: every edge (parallel ones too) with kind, weight and attributes", str(relations))


def main():
    linkgraph = binary()
    with tempfile.TemporaryDirectory(prefix="linkgraph-interop-") as work:
        hostile = os.path.join(work, "hostile-case.json")
        with open(hostile, "w", encoding="utf-8") as f:
            json.dump(hostile_case(), f, ensure_ascii=False, indent=1)
        valid = subprocess.run([linkgraph, "validate", hostile], capture_output=True, text=True)
        check(valid.returncode == 0, "the hostile-names case is a valid case file", valid.stderr.strip())
        control = os.path.join(work, "control-id-case.json")
        with open(control, "w", encoding="utf-8") as f:
            json.dump({"version": 1, "entities": [{"id": "tab\tid", "name": "T", "kind": "person"}]}, f)
        refused = subprocess.run([linkgraph, "validate", control], capture_output=True, text=True)
        check(refused.returncode == 1 and "entities[0].id: control character U+0009 in an id" in refused.stderr,
              "an id with a control character is refused, naming the field", refused.stderr.strip())
        check_case("example", EXAMPLE, linkgraph, work)
        check_case("hostile", hostile, linkgraph, work)
        check_networkx_files(linkgraph, work)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
