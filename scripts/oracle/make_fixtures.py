#!/usr/bin/env python3
"""Write the NetworkX oracle fixtures for LinkGraphAlgorithmsTests.

For each classic or seeded random graph this writes, under Graphs/<name>/:
  graph.edgelist  the graph as `u v [w]` lines (isolated vertices as one-token lines)
  expected.json   every measure as NetworkX computes it
  expected-cuts.json  cut points, bridges, blocks, Burt's constraint and effective size
and Graphs/random-sparse-cuts/expected.json (sparse random graphs with their cut structure).
  SOURCE.md       where the graph comes from

Run from the repository root:  python3 scripts/oracle/make_fixtures.py
Deterministic: the random graphs and weights use fixed seeds, and the output is
sorted, so running it twice gives the same bytes (for one NetworkX version).
"""
import json
import math
import os
import random
import sys

import networkx as nx
import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
GRAPHS = os.path.join(ROOT, "Graphs")


def clean(G):
    """Labels as strings without blanks; only a 'weight' attribute kept."""
    H = nx.DiGraph() if G.is_directed() else nx.Graph()
    mapping = {n: str(n).replace(" ", "_") for n in G}
    H.add_nodes_from(mapping[n] for n in G)
    for u, v, d in G.edges(data=True):
        if "weight" in d:
            H.add_edge(mapping[u], mapping[v], weight=d["weight"])
        else:
            H.add_edge(mapping[u], mapping[v])
    return H


def unweighted(G):
    H = G.__class__()
    H.add_nodes_from(G)
    H.add_edges_from(G.edges())
    return H


def write_edgelist(G, path, weighted):
    seen = set()
    lines = []
    for u, v, d in G.edges(data=True):
        seen.add(u)
        seen.add(v)
        if weighted:
            lines.append(f"{u} {v} {d['weight']!r}")
        else:
            lines.append(f"{u} {v}")
    for n in G:
        if n not in seen:
            lines.append(f"{n}")
    with open(path, "w") as f:
        f.write("# " + ("directed" if G.is_directed() else "undirected")
                + (" weighted" if weighted else "") + " edge list; see SOURCE.md\n")
        f.write("\n".join(lines) + "\n")


def floats(d):
    return {str(k): float(v) for k, v in sorted(d.items(), key=lambda kv: str(kv[0]))}


def edge_scores(d):
    return sorted([[str(u), str(v), float(x)] for (u, v), x in d.items()])


def attempt(f):
    try:
        return f()
    except nx.PowerIterationFailedConvergence as e:
        return {"error": "failedToConverge"}


def path_cost(G, p, weight):
    if weight is None:
        return float(len(p) - 1)
    return float(sum(G[p[i]][p[i + 1]][weight] for i in range(len(p) - 1)))


def measures(G, weighted, seed):
    rnd = random.Random(seed)
    nodes = sorted(G.nodes(), key=str)
    w = "weight" if weighted else None
    out = {
        "directed": G.is_directed(),
        "weighted": weighted,
        "n": G.number_of_nodes(),
        "m": G.number_of_edges(),
        "networkx": nx.__version__,
    }
    out["degree_centrality"] = floats(nx.degree_centrality(G))
    if G.is_directed():
        out["in_degree_centrality"] = floats(nx.in_degree_centrality(G))
        out["out_degree_centrality"] = floats(nx.out_degree_centrality(G))
    out["closeness"] = floats(nx.closeness_centrality(G))
    out["closeness_no_wf"] = floats(nx.closeness_centrality(G, wf_improved=False))
    out["harmonic"] = floats(nx.harmonic_centrality(G))
    out["betweenness"] = floats(nx.betweenness_centrality(G))
    out["betweenness_raw"] = floats(nx.betweenness_centrality(G, normalized=False))
    out["betweenness_endpoints"] = floats(nx.betweenness_centrality(G, endpoints=True))
    out["betweenness_endpoints_raw"] = floats(nx.betweenness_centrality(G, endpoints=True, normalized=False))
    out["edge_betweenness"] = edge_scores(nx.edge_betweenness_centrality(G))
    out["edge_betweenness_raw"] = edge_scores(nx.edge_betweenness_centrality(G, normalized=False))
    if weighted:
        out["closeness_weighted"] = floats(nx.closeness_centrality(G, distance="weight"))
        out["harmonic_weighted"] = floats(nx.harmonic_centrality(G, distance="weight"))
        out["betweenness_weighted"] = floats(nx.betweenness_centrality(G, weight="weight"))
        out["betweenness_weighted_raw"] = floats(nx.betweenness_centrality(G, weight="weight", normalized=False))
        out["edge_betweenness_weighted"] = edge_scores(nx.edge_betweenness_centrality(G, weight="weight"))
        out["edge_betweenness_weighted_raw"] = edge_scores(
            nx.edge_betweenness_centrality(G, weight="weight", normalized=False))
    # PageRank: NetworkX weights by default.
    out["pagerank"] = floats(nx.pagerank(G))
    out["pagerank_unweighted"] = floats(nx.pagerank(G, weight=None))
    chosen = rnd.sample(nodes, 3)
    personalization = {str(chosen[0]): 1.0, str(chosen[1]): 2.0, str(chosen[2]): 0.5}
    out["pagerank_personalization"] = personalization
    out["pagerank_personalized"] = floats(nx.pagerank(G, alpha=0.9, personalization=personalization))
    out["eigenvector"] = attempt(lambda: floats(nx.eigenvector_centrality(G)))
    if weighted:
        out["eigenvector_weighted"] = attempt(lambda: floats(nx.eigenvector_centrality(G, weight="weight")))
    A = nx.to_numpy_array(G, nodelist=nodes, weight=None)
    lam = max(abs(np.linalg.eigvals(A))) if len(nodes) else 1.0
    alpha = float(round(0.5 / lam, 6)) if lam > 0 else 0.1
    out["katz_alpha"] = alpha
    out["katz"] = attempt(lambda: floats(nx.katz_centrality(G, alpha=alpha)))
    out["katz_beta2"] = attempt(lambda: floats(nx.katz_centrality(G, alpha=alpha, beta=2.0)))
    out["core_number"] = {str(k): v for k, v in sorted(nx.core_number(G).items(), key=lambda kv: str(kv[0]))}
    if G.is_directed():
        out["weak_components"] = sorted(sorted(map(str, c)) for c in nx.weakly_connected_components(G))
        out["strong_components"] = sorted(sorted(map(str, c)) for c in nx.strongly_connected_components(G))
    else:
        out["weak_components"] = sorted(sorted(map(str, c)) for c in nx.connected_components(G))
        out["strong_components"] = out["weak_components"]
    # Shortest path lengths: all pairs (hops), and weighted when weighted.
    out["hop_lengths"] = {str(s): {str(t): d for t, d in sorted(dd.items(), key=lambda kv: str(kv[0]))}
                          for s, dd in sorted(nx.all_pairs_shortest_path_length(G), key=lambda kv: str(kv[0]))}
    if weighted:
        out["weighted_lengths"] = {
            str(s): {str(t): float(d) for t, d in sorted(dd.items(), key=lambda kv: str(kv[0]))}
            for s, dd in sorted(nx.all_pairs_dijkstra_path_length(G), key=lambda kv: str(kv[0]))}
    # Path sets for sampled pairs.
    pairs = []
    while len(pairs) < 12:
        s, t = rnd.sample(nodes, 2)
        if (s, t) not in pairs:
            pairs.append((s, t))
    all_sp, ksp = [], []
    for s, t in pairs:
        for weight in ([None, "weight"] if weighted else [None]):
            if not nx.has_path(G, s, t):
                all_sp.append({"source": str(s), "target": str(t), "weighted": weight is not None, "paths": []})
                ksp.append({"source": str(s), "target": str(t), "weighted": weight is not None, "k": 6,
                            "paths": [], "costs": []})
                continue
            paths = sorted([list(map(str, p)) for p in nx.all_shortest_paths(G, s, t, weight=weight)])
            all_sp.append({"source": str(s), "target": str(t), "weighted": weight is not None, "paths": paths[:200]})
            gen = nx.shortest_simple_paths(G, s, t, weight=weight)
            ps = []
            for p in gen:
                ps.append(p)
                if len(ps) == 7:
                    break
            # The 7th path's cost tells whether the 6th cost is a tie at the cut.
            next_cost = path_cost(G, ps[6], weight) if len(ps) == 7 else None
            ps = ps[:6]
            ksp.append({"source": str(s), "target": str(t), "weighted": weight is not None, "k": 6,
                        "paths": [list(map(str, p)) for p in ps],
                        "costs": [path_cost(G, p, weight) for p in ps], "next_cost": next_cost})
    out["all_shortest_paths"] = all_sp
    out["k_shortest_paths"] = ksp
    # Louvain: NetworkX's modularity for a few seeds, and the modularity of its partition.
    louvain = []
    for s in (1, 2, 3):
        comms = nx.community.louvain_communities(G, weight=w, seed=s)
        louvain.append({"seed": s, "modularity": nx.community.modularity(G, comms, weight=w),
                        "communities": sorted(sorted(map(str, c)) for c in comms)})
    out["louvain"] = louvain
    return out


SOURCES = {
    "karate": ("Zachary's karate club (34 members, 78 friendships), unweighted.",
               "W. W. Zachary, \"An information flow model for conflict and fission in small groups\", "
               "Journal of Anthropological Research 33 (1977) 452-473. Taken from NetworkX "
               "`karate_club_graph()` with its `weight` attribute dropped."),
    "florentine": ("Marriage ties among 15 Renaissance Florentine families (Pucci, isolated, is omitted "
                   "as in NetworkX).",
                   "J. F. Padgett and C. K. Ansell, \"Robust action and the rise of the Medici, 1400-1434\", "
                   "American Journal of Sociology 98 (1993). Taken from NetworkX `florentine_families_graph()`."),
    "kite": ("Krackhardt's kite: 10 vertices, 18 edges, the textbook graph where degree, closeness "
             "and betweenness disagree.",
             "D. Krackhardt, \"Assessing the Political Landscape: Structure, Cognition, and Power in "
             "Organizations\", Administrative Science Quarterly 35 (1990). Taken from NetworkX "
             "`krackhardt_kite_graph()`."),
    "lesmis": ("Co-appearance of 77 characters in Victor Hugo's Les Misérables, weighted by the number "
               "of chapters in which both appear.",
               "D. E. Knuth, \"The Stanford GraphBase: A Platform for Combinatorial Computing\", 1993. "
               "Taken from NetworkX `les_miserables_graph()`."),
    "davis": ("Davis's Southern Women: 18 women and the 14 social events they attended, as the "
              "bipartite graph itself (32 vertices, 89 edges). Blanks in names are replaced by `_`.",
              "A. Davis, B. B. Gardner, M. R. Gardner, \"Deep South\", 1941. Taken from NetworkX "
              "`davis_southern_women_graph()`."),
}


def random_graphs():
    """Seeded random graphs: (name, graph, weighted, description)."""
    out = []
    G = nx.gnp_random_graph(60, 0.06, seed=11, directed=True)
    out.append(("random-directed", G, False,
                "`networkx.gnp_random_graph(60, 0.06, seed=11, directed=True)`: directed, unweighted."))
    G = nx.gnm_random_graph(80, 240, seed=12)
    r = random.Random(12)
    for u, v in G.edges():
        G[u][v]["weight"] = r.randint(1, 9)
    out.append(("random-weighted", G, True,
                "`networkx.gnm_random_graph(80, 240, seed=12)`, each edge weighted "
                "`random.Random(12).randint(1, 9)` in `G.edges()` order: undirected, integer weights (many ties)."))
    G = nx.gnp_random_graph(70, 0.025, seed=13)
    out.append(("random-disconnected", G, False,
                "`networkx.gnp_random_graph(70, 0.025, seed=13)`: undirected, unweighted, several "
                "components and isolated vertices."))
    G = nx.gnm_random_graph(60, 200, seed=14, directed=True)
    r = random.Random(14)
    for u, v in G.edges():
        G[u][v]["weight"] = round(r.uniform(0.5, 3.0), 3)
    out.append(("random-directed-weighted", G, True,
                "`networkx.gnm_random_graph(60, 200, seed=14, directed=True)`, each arc weighted "
                "`round(random.Random(14).uniform(0.5, 3.0), 3)` in `G.edges()` order: directed, real weights."))
    return out


def nan_to_none(d):
    return {str(k): (None if math.isnan(v) else float(v)) for k, v in sorted(d.items(), key=lambda kv: str(kv[0]))}


def cut_structure(G):
    """Cut points, bridges and blocks of the undirected view (NetworkX's simple Graph)."""
    U = nx.Graph(G.to_undirected())
    U.remove_edges_from(list(nx.selfloop_edges(U)))
    return {
        "articulation_points": sorted(map(str, nx.articulation_points(U))),
        "bridges": sorted(sorted([str(u), str(v)]) for u, v in nx.bridges(U)),
        "biconnected_components": sorted(sorted(map(str, c)) for c in nx.biconnected_components(U)),
    }


def structural_holes(G, weighted):
    """Burt's constraint and effective size by NetworkX's per-node definition (null where NaN).

    `nodes=` selects that definition: without it NetworkX 3.6 takes a SciPy shortcut whose
    effective sizes differ from its own definition on directed and weighted graphs."""
    nodes = list(G)
    out = {
        "constraint": nan_to_none(nx.constraint(G, nodes=nodes)),
        "effective_size": nan_to_none(nx.effective_size(G, nodes=nodes)),
    }
    if weighted:
        out["constraint_weighted"] = nan_to_none(nx.constraint(G, nodes=nodes, weight="weight"))
        out["effective_size_weighted"] = nan_to_none(nx.effective_size(G, nodes=nodes, weight="weight"))
    return out


def write_cuts(name, G, weighted):
    """expected-cuts.json beside expected.json: cut structure and structural holes."""
    out = {"networkx": nx.__version__, **cut_structure(G), **structural_holes(G, weighted)}
    with open(os.path.join(GRAPHS, name, "expected-cuts.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


def sparse_random_graphs():
    """Seeded sparse random graphs with many cut points and bridges, edges and answers in one file."""
    graphs = []
    for i, (n, m) in enumerate([(40, 45), (60, 62), (80, 100), (100, 99), (120, 160), (30, 60)]):
        G = nx.gnm_random_graph(n, m, seed=300 + i)
        graphs.append({"seed": 300 + i, "n": n, "m": m,
                       "edges": sorted([int(u), int(v)] for u, v in G.edges()), **cut_structure(clean(G))})
    folder = os.path.join(GRAPHS, "random-sparse-cuts")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "expected.json"), "w") as f:
        json.dump({"networkx": nx.__version__, "graphs": graphs}, f, indent=1, sort_keys=True)
        f.write("\n")
    with open(os.path.join(folder, "SOURCE.md"), "w") as f:
        f.write("# random-sparse-cuts\n\nSix `networkx.gnm_random_graph(n, m, seed)` graphs (seeds 300-305), "
                "sparse so that they have many cut points and bridges, with NetworkX's `articulation_points`, "
                "`bridges` and `biconnected_components`. Vertices are `0 ..< n`.\n\n"
                "`expected.json` is written by `scripts/oracle/make_fixtures.py` "
                f"with NetworkX {nx.__version__}; do not edit it by hand.\n")


def write(name, G, weighted, what, reference, seed):
    folder = os.path.join(GRAPHS, name)
    os.makedirs(folder, exist_ok=True)
    write_edgelist(G, os.path.join(folder, "graph.edgelist"), weighted)
    with open(os.path.join(folder, "expected.json"), "w") as f:
        json.dump(measures(G, weighted, seed), f, indent=1, sort_keys=True)
        f.write("\n")
    with open(os.path.join(folder, "SOURCE.md"), "w") as f:
        f.write(f"# {name}\n\n{what}\n\n")
        f.write(f"Source: {reference}\n\n")
        f.write(f"`{'directed' if G.is_directed() else 'undirected'}`, {G.number_of_nodes()} vertices, "
                f"{G.number_of_edges()} edges, {'weighted' if weighted else 'unweighted'}.\n\n")
        f.write("`graph.edgelist` and `expected.json` are written by `scripts/oracle/make_fixtures.py` "
                f"with NetworkX {nx.__version__}; do not edit them by hand.\n")
    write_cuts(name, G, weighted)
    print(f"{name}: n={G.number_of_nodes()} m={G.number_of_edges()}", file=sys.stderr)


def main():
    classic = {
        "karate": (unweighted(nx.karate_club_graph()), False),
        "florentine": (nx.florentine_families_graph(), False),
        "kite": (nx.krackhardt_kite_graph(), False),
        "lesmis": (nx.les_miserables_graph(), True),
        "davis": (unweighted(nx.davis_southern_women_graph()), False),
    }
    for i, (name, (G, weighted)) in enumerate(classic.items()):
        what, ref = SOURCES[name]
        write(name, clean(G), weighted, what, ref, seed=100 + i)
    for i, (name, G, weighted, what) in enumerate(random_graphs()):
        write(name, clean(G), weighted, what, "generated; see above.", seed=200 + i)
    sparse_random_graphs()


if __name__ == "__main__":
    main()
