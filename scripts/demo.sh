#!/usr/bin/env bash
# The main job: installs what is missing, builds LinkGraph, and draws the bundled example
# case (Graphs/iran-iraq-2014) as influence and defection diagrams in DOT, SVG and PNG.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-dependencies.sh
swift build -c release --product linkgraph
.build/release/linkgraph demo "$@"
