#!/usr/bin/env bash
# Mail reading throughput: `linkgraph extract` on a generated mbox, headers only and with the
# bodies through text-patterns, against Python's mailbox + email on the same file.
#
#   Benchmarks/mail/run.sh [MESSAGES]      (default 20000)
#
# Builds linkgraph in release mode (scratch path .build-bench), writes the mbox with
# make_mbox.py into a temporary directory, and prints messages per second for each.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
count=${1:-20000}
cd "$repo"
swift build -c release --scratch-path .build-bench --product linkgraph >/dev/null
bin=.build-bench/release/linkgraph
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$here/make_mbox.py" "$count" "$tmp/box.mbox"
echo "mbox: $count messages, $(du -h "$tmp/box.mbox" | cut -f1)"
rate() { python3 -c "import sys; n, s = int(sys.argv[1]), float(sys.argv[2]); print(f'{n / s:,.0f} messages/s ({s:.2f} s)')" "$@"; }
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N); python3 -c "print($t1 - $t0)"; }
echo "linkgraph, headers only:   $(rate "$count" "$(seconds "$bin" extract "$tmp/box.mbox" -o "$tmp/h.json" --quiet --options '{"bodies": false}')")"
echo "linkgraph, with bodies:    $(rate "$count" "$(seconds "$bin" extract "$tmp/box.mbox" -o "$tmp/b.json" --quiet)")"
read -r n s < <(python3 "$here/python_baseline.py" "$tmp/box.mbox")
echo "python mailbox + email:    $(rate "$n" "$s")"
