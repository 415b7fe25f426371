#!/usr/bin/env python3
"""Writes a seeded, sparse random digraph as DOT, shaped like a large organisation chart:
N nodes, each node below the first reporting to one of the 40 nodes made just before it
(a random tree), plus N/10 extra edges between nodes at most 40 apart (about 1.1 edges per
node). Short labels, boxes. The same arguments always give the same bytes.

usage: generate.py [NODES=2000] [SEED=42] > graph.dot
"""
import random
import sys


def main() -> None:
    nodes = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 42
    window = 40
    rng = random.Random(seed)
    edges = set()
    for i in range(1, nodes):
        edges.add((rng.randrange(max(0, i - window), i), i))
    target = nodes - 1 + nodes // 10
    while len(edges) < target:
        b = rng.randrange(1, nodes)
        a = rng.randrange(max(0, b - window), b)
        edges.add((a, b))
    out = [f'digraph "bench_{nodes}_{seed}" {{', '\tnode [shape=box, fontsize=10];']
    out += [f'\tn{i} [label="Person {i}"];' for i in range(nodes)]
    out += [f'\tn{a} -> n{b};' for a, b in sorted(edges)]
    out.append('}')
    sys.stdout.write('\n'.join(out) + '\n')


if __name__ == '__main__':
    main()
