#!/usr/bin/env bash
# Scores `linkgraph extract` on one split of the evaluation texts (Benchmarks/extract/SPLIT.md).
#
#   bash Benchmarks/extract/evaluate.sh [--split tune|test|seed|fresh|all] [--keep DIR] [-- EXTRA EXTRACT ARGS]
#
# Builds linkgraph (release, scratch path .build-release), runs `linkgraph extract TEXT -o OUT
# EXTRA...` on each text of the split, scores each output against its gold with
# ../shared/eval/dev/score.py (FORMAT.md's rules), and prints per text and as means: entity F1,
# labeled and unlabeled relation F1 and precision, then the precision of the predicted relations
# binned by their confidence. The shared data is found at $LINKGRAPH_SHARED or ../shared next to
# the repository. --keep DIR keeps the case files written. LINKGRAPH_BIN=PATH runs that binary
# instead of building one.
# Examples: evaluate.sh --split tune
#           evaluate.sh --split test -- --with text-patterns --min-confidence 0.5
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
split=tune
keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --split) split=${2:?--split needs tune, test, seed, fresh or all}; shift 2 ;;
    --keep) keep=${2:?--keep needs a directory}; shift 2 ;;
    --) shift; break ;;
    *) echo "evaluate.sh: unknown argument '$1' (extractor arguments go after --)" >&2; exit 2 ;;
  esac
done
case "$split" in
  tune|test|seed|fresh|all) ;;
  *) echo "evaluate.sh: --split must be tune, test, seed, fresh or all" >&2; exit 2 ;;
esac
shared=${LINKGRAPH_SHARED:-$repo/../shared}
if [ ! -f "$shared/eval/dev/score.py" ]; then
  echo "evaluate.sh: the shared evaluation data is not at $shared (set LINKGRAPH_SHARED)" >&2
  exit 1
fi
shared=$(cd "$shared" && pwd)
cd "$repo"
# LINKGRAPH_BIN: an already built linkgraph to run instead (for example a debug build).
if [ -n "${LINKGRAPH_BIN:-}" ]; then
  bin=$LINKGRAPH_BIN
else
  swift build -c release --scratch-path .build-release --product linkgraph >/dev/null
  bin=$repo/.build-release/release/linkgraph
fi
dev=$shared/eval/dev
own=$here/texts
# name|text|gold
tune_list=()
for n in hanssen_fbi sinaloa_cartel kgb_defectors wagner_crs; do tune_list+=("$n|$dev/$n.txt|$dev/$n.gold.json"); done
seed_list=("seed|$shared/seeds/iran-cables-analysis-2019.txt|$shared/eval/seed.gold.json")
test_list=()
for n in dprk_proliferation_finance aq_khan_network ira_prigozhin cuba_spies; do
  test_list+=("$n|$dev/$n.txt|$dev/$n.gold.json")
done
for n in front_companies courier_ring; do test_list+=("$n|$own/$n.txt|$own/$n.gold.json"); done
# fresh: every texts/fresh/NAME.txt that has a NAME.gold.json (written and annotated blind; SPLIT.md)
fresh_list=()
for t in "$own"/fresh/*.txt; do
  [ -f "${t%.txt}.gold.json" ] || continue
  n=$(basename "$t" .txt)
  fresh_list+=("$n|$t|${t%.txt}.gold.json")
done
case "$split" in
  tune) items=("${tune_list[@]}") ;;
  seed) items=("${seed_list[@]}") ;;
  test) items=("${test_list[@]}") ;;
  fresh) items=("${fresh_list[@]}") ;;
  all) items=("${tune_list[@]}" "${seed_list[@]}" "${test_list[@]}" "${fresh_list[@]}") ;;
esac
out=${keep:-$(mktemp -d)}
mkdir -p "$out"
[ -n "$keep" ] || trap 'rm -rf "$out"' EXIT
pairs=()
for item in "${items[@]}"; do
  IFS='|' read -r name text gold <<<"$item"
  "$bin" extract "$text" -o "$out/$name.json" --quiet "$@" 2>"$out/$name.log" || {
    echo "evaluate.sh: linkgraph extract failed on $name:" >&2; cat "$out/$name.log" >&2; exit 1; }
  pairs+=("$name" "$gold" "$out/$name.json")
done
# The scorer breaks ties in set order: a fixed hash seed makes a run repeatable.
PYTHONHASHSEED=0 python3 "$here/evaluate.py" --scorer "$dev/score.py" "${pairs[@]}"
