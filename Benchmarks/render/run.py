#!/usr/bin/env python3
"""Times Graphviz layouts of one seeded 2,000-node sparse digraph, rendered to SVG by the
`dot` command and by LinkGraph (`linkgraph render FILE.dot --layout L -o OUT.svg`), in its
two modes: `--in-process` (cgraph parses the DOT text and the Graphviz C API lays it out in
linkgraph itself) and the default, where a foreign DOT file is parsed and drawn in two
`linkgraph graphviz-worker` processes with limits and the SVG is checked by SVGSafety.

All are whole processes on the same input in the same run, interleaved (dot, in-process,
sandbox, dot, ...) so that load from other work on the machine hits them alike. Reported:
median wall time and median CPU time (user + system of the children) per tool and layout,
and the ratios to dot. Outputs are checked: every SVG must be well-formed with every node
drawn.

usage: run.py [--nodes 2000] [--seed 42] [--repeat 3] [--layouts dot,sfdp]
              [--linkgraph PATH] [--dot PATH] [--keep DIR]
Without --linkgraph the script builds the CLI in release mode (swift build -c release
--product linkgraph --scratch-path .build-gv-release) from the repository it lives in.
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
TOOLS = ('dot', 'in-process', 'sandbox')


def timed(command):
    """Runs command; returns (wall seconds, child CPU seconds). Raises on failure."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stderr.decode(errors='replace')}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def count_nodes(svg_path):
    root = ET.parse(svg_path).getroot()
    return sum(1 for g in root.iter('{http://www.w3.org/2000/svg}g') if g.get('class') == 'node')


def build_linkgraph():
    scratch = os.path.join(REPO, '.build-gv-release')
    base = ['swift', 'build', '-c', 'release', '--product', 'linkgraph', '--scratch-path', scratch]
    print('building linkgraph (release)...', file=sys.stderr)
    subprocess.run(base, cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    bin_dir = subprocess.run(base + ['--show-bin-path'], cwd=REPO, check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(bin_dir, 'linkgraph')


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--nodes', type=int, default=2000)
    parser.add_argument('--seed', type=int, default=42)
    parser.add_argument('--repeat', type=int, default=3)
    parser.add_argument('--layouts', default='dot,sfdp')
    parser.add_argument('--linkgraph')
    parser.add_argument('--dot', default=shutil.which('dot'))
    parser.add_argument('--keep', help='write the input and outputs here instead of a temporary folder')
    args = parser.parse_args()
    if not args.dot:
        raise SystemExit('the dot command was not found (apt-get install graphviz)')
    linkgraph = args.linkgraph or build_linkgraph()
    work = args.keep or tempfile.mkdtemp(prefix='lg-render-bench-')
    os.makedirs(work, exist_ok=True)
    graph = os.path.join(work, f'graph-{args.nodes}-{args.seed}.dot')
    with open(graph, 'w') as f:
        subprocess.run([sys.executable, os.path.join(HERE, 'generate.py'), str(args.nodes), str(args.seed)], stdout=f, check=True)
    edges = sum(1 for line in open(graph) if '->' in line)
    version = subprocess.run([args.dot, '-V'], capture_output=True, text=True).stderr.strip()
    print(f'input: {args.nodes} nodes, {edges} edges (seed {args.seed}); {version}; {os.cpu_count()} CPUs; '
          f'load average {os.getloadavg()[0]:.2f}; median of {args.repeat}')

    rows = []
    for layout in args.layouts.split(','):
        outputs = {tool: os.path.join(work, f'{layout}-{tool}.svg') for tool in TOOLS}
        commands = {
            'dot': [args.dot, f'-K{layout}', '-Tsvg', '-o', outputs['dot'], graph],
            'in-process': [linkgraph, 'render', graph, '--layout', layout, '--in-process', '-o', outputs['in-process']],
            'sandbox': [linkgraph, 'render', graph, '--layout', layout, '-o', outputs['sandbox']],
        }
        times = {tool: [] for tool in TOOLS}
        for _ in range(args.repeat):
            for tool in TOOLS:
                times[tool].append(timed(commands[tool]))
        for tool in TOOLS:
            drawn = count_nodes(outputs[tool])
            if drawn != args.nodes:
                raise SystemExit(f'{tool} {layout}: {drawn} nodes drawn, expected {args.nodes}')
        reference = open(outputs['dot'], 'rb').read()
        same = {tool: open(outputs[tool], 'rb').read() == reference for tool in TOOLS}
        medians = {tool: (statistics.median(w for w, _ in t), statistics.median(c for _, c in t)) for tool, t in times.items()}
        rows.append((layout, medians, same))

    print()
    print(f"{'layout':<8} {'tool':<11} {'wall s':>8} {'ratio':>6}   {'CPU s':>8} {'ratio':>6}   same SVG bytes as dot")
    for layout, m, same in rows:
        dw, dc = m['dot']
        for tool in TOOLS:
            w, c = m[tool]
            print(f"{layout:<8} {tool:<11} {w:>8.3f} {w / dw:>6.2f}   {c:>8.3f} {c / dc:>6.2f}   {'yes' if same[tool] else 'no'}")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == '__main__':
    main()
