#!/usr/bin/env bash
# HTML page throughput: `linkgraph extract` on generated pages, without and with the main
# text through text-patterns, against Python's html.parser extracting text and links of the
# same pages.
#
#   Benchmarks/html/run.sh [PAGES]      (default 2000)
#
# Builds linkgraph in release mode (scratch path .build-bench), writes the pages with
# make_pages.py into a temporary directory, and prints pages per second for each.
# LINKGRAPH_BIN=PATH times that binary instead (no build).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
count=${1:-2000}
cd "$repo"
bin=${LINKGRAPH_BIN:-.build-bench/release/linkgraph}
if [ -z "${LINKGRAPH_BIN:-}" ]; then
    swift build -c release --scratch-path .build-bench --product linkgraph >/dev/null
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$here/make_pages.py" "$count" "$tmp/site"
echo "pages: $count, $(du -sh "$tmp/site" | cut -f1)"
rate() { python3 -c "import sys; n, s = int(sys.argv[1]), float(sys.argv[2]); print(f'{n / s:,.0f} pages/s ({s:.2f} s)')" "$@"; }
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N); python3 -c "print($t1 - $t0)"; }
echo "linkgraph, links only:     $(rate "$count" "$(seconds "$bin" extract "$tmp"/site/*.html -o "$tmp/l.json" --quiet --options '{"bodies": false}')")"
echo "linkgraph, with the text:  $(rate "$count" "$(seconds "$bin" extract "$tmp"/site/*.html -o "$tmp/t.json" --quiet)")"
read -r n s < <(python3 "$here/python_baseline.py" "$tmp"/site/*.html)
echo "python html.parser:        $(rate "$n" "$s")"
