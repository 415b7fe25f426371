#!/bin/sh
# Render benchmark: the `dot` command vs `linkgraph render` on one seeded 2,000-node sparse
# graph, dot and sfdp layouts, SVG output. See run.py --help for options.
set -eu
exec python3 "$(dirname "$0")/run.py" "$@"
