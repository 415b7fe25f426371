#!/usr/bin/env bash
# The figures of Benchmarks/extract/ENSEMBLE.md: the spaCy plug-in alone, TextPatterns alone,
# their ensemble (with and without --min-confidence 0.5) and spaCy's NER-only baseline, each
# scored by evaluate.sh on one split (SPLIT.md; default: the held-out "test" split).
#
#   bash Benchmarks/extract/ensemble.sh [tune|test|seed|all]
#
# Needs evaluate.sh beside this script, spaCy with its small English model, and the shared
# evaluation data (../shared or $LINKGRAPH_SHARED). LINKGRAPH_BIN picks an already built linkgraph.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# score.py's entity matching breaks ties in set order: a fixed hash seed makes runs comparable.
export PYTHONHASHSEED=0
split=${1:-test}
run() {
  echo "== $*"
  bash "$here/evaluate.sh" --split "$split" -- "$@"
  echo
}
run --with SpacyExtractor
run --with TextPatterns
run --with TextPatterns --with SpacyExtractor
run --with TextPatterns --with SpacyExtractor --min-confidence 0.5
run --plugin-exec "python3 '$here/spacy_ner_plugin.py'"
