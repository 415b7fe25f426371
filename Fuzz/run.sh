#!/usr/bin/env bash
# Builds LinkGraph's libFuzzer targets and runs each for a while. See Fuzz/README.md.
#
#   Fuzz/run.sh [SECONDS] [TARGET...]     each target for SECONDS (default 60)
#   FUZZ_RUNS=1000000 Fuzz/run.sh         each target for that many inputs instead
#
# Environment: FUZZ_RUNS (inputs per target, overrides SECONDS), FUZZ_MAX_LEN (default 4096),
# FUZZ_JOBS (swift build -j), FUZZ_DOT_SEEDS (extra DOT seed directory, read only; default
# corpus/graphviz of the shared folder, $LINKGRAPH_SHARED or ../shared, when it exists),
# FUZZ_SKIP_BUILD=1.
#
# Everything it writes stays in Fuzz/.build-fuzz/ (ignored by git): the working corpora
# (corpus/TARGET), crash, timeout and out-of-memory inputs (findings/TARGET/) and the logs
# (logs/TARGET.log). It prints runs and exec/s per target and exits 1 if any target found
# something.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

seconds="${1:-60}"
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(FuzzCaseFile FuzzDOT FuzzRules FuzzEdgeList FuzzPluginResponse FuzzMail FuzzGraphML FuzzGEXF FuzzCSV FuzzNodeLink FuzzHTML)

scratch=".build-fuzz"
build=(swift build -c release --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
[ -n "${FUZZ_JOBS:-}" ] && build+=(-j "$FUZZ_JOBS")
if [ "${FUZZ_SKIP_BUILD:-0}" != 1 ]; then
    # SwiftPM can keep a stale build plan for the main package (a path dependency): a source
    # file added there is then left out and the build fails. Removing the plan makes it rescan.
    rm -f "$scratch/release.yaml"
    echo "building: ${build[*]}"
    "${build[@]}"
fi
bin="$("${build[@]}" --show-bin-path)"

# Swift's own crash backtracer and AddressSanitizer get in each other's way (ASan reports the
# backtracer's reads of the crashed stack); let libFuzzer and ASan report a crash instead.
export SWIFT_BACKTRACE=enable=no

dot_seeds="${FUZZ_DOT_SEEDS:-${LINKGRAPH_SHARED:-$here/../../shared}/corpus/graphviz}"

dictionary() {
    case "$1" in
        FuzzCaseFile | FuzzPluginResponse) echo "Dictionaries/json.dict" ;;
        FuzzNodeLink) echo "Dictionaries/nodelink.dict" ;;
        FuzzDOT) echo "Dictionaries/dot.dict" ;;
        FuzzRules) echo "Dictionaries/yaml.dict" ;;
        FuzzEdgeList) echo "Dictionaries/edges.dict" ;;
        FuzzMail) echo "Dictionaries/mail.dict" ;;
        FuzzGraphML | FuzzGEXF) echo "Dictionaries/xml.dict" ;;
        FuzzCSV) echo "Dictionaries/csv.dict" ;;
        FuzzHTML) echo "Dictionaries/html.dict" ;;
    esac
}

status=0
summary=()
for target in "${targets[@]}"; do
    corpus="$scratch/corpus/$target"
    findings="$scratch/findings/$target/"
    log="$scratch/logs/$target.log"
    mkdir -p "$corpus" "$findings" "$(dirname "$log")"
    seeds=("Seeds/$target")
    if [ "$target" = FuzzDOT ] && [ -d "$dot_seeds" ]; then
        seeds+=("$dot_seeds")
    fi
    limit=(-max_total_time="$seconds")
    [ -n "${FUZZ_RUNS:-}" ] && limit=(-runs="$FUZZ_RUNS")
    options=(
        "${limit[@]}" -max_len="${FUZZ_MAX_LEN:-4096}" -timeout=10 -rss_limit_mb=2048
        -dict="$(dictionary "$target")" -artifact_prefix="$findings" -print_final_stats=1
    )
    # cgraph (Graphviz 2.43) keeps memory of a failed parse for good: not our leak to find.
    [ "$target" = FuzzDOT ] && options+=(-detect_leaks=0)
    # Foundation's XMLParser leaks the message of every syntax error (FINDINGS.md).
    case "$target" in FuzzGraphML | FuzzGEXF) options+=(-detect_leaks=0) ;; esac
    echo "fuzzing $target: ${options[*]}"
    set +e
    "$bin/$target" "${options[@]}" "$corpus" "${seeds[@]}" > "$log" 2>&1
    result=$?
    set -e
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
    speed="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
    rss="$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)"
    if [ $result -eq 0 ]; then
        line="$target: ${runs:-?} runs, ${speed:-?} exec/s, peak RSS ${rss:-?} MB, no finding"
    else
        status=1
        line="$target: FINDING after ${runs:-?} runs (exit $result): see $log and $findings"
    fi
    echo "$line"
    summary+=("$line")
done

echo
printf '%s\n' "${summary[@]}"
exit $status
