#!/usr/bin/env bash
# Runs every test: installs what is missing, checks the formatting (.swift-format), then the
# Swift test suite (which builds the example plug-ins and runs the CLI end to end), the
# NetworkX reader checks, and the report in a real browser.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-dependencies.sh
swift format lint --strict --recursive Sources Plugins Tests Fuzz/Sources Benchmarks/extract/Sources \
  Benchmarks/casefile/Sources Benchmarks/algorithms/Sources
swift build --build-tests
swift test --skip-build "$@"
python3 Tests/Interop/check_networkx.py
python3 Tests/Report/test_report_browser.py
