#!/usr/bin/env bash
# Benchmarks `gridcast pipeline pjm-load`: wall time, peak resident memory of the local JVM
# (driver and executors share it in local mode) and test MAPE, on the bundled sample and,
# when given, on the full PJM East series.
#
#   bench/run-pjm-load.sh [PATH_TO/PJME_hourly.csv]
#
# Each case runs in a fresh warehouse under a temporary folder. Results are printed as a
# Markdown table; copy them into bench/results/ with the machine they ran on.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FULL_SERIES="${1:-}"
WORK="$(mktemp -d -t gridcast-bench-XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

"$ROOT/bin/gridcast" --version >/dev/null   # build once, outside the timings

# run_case NAME ARGS...: runs one gridcast command and appends a result row.
run_case() {
    local name="$1"
    shift
    local warehouse="$WORK/$name"
    /usr/bin/time -v -o "$WORK/$name.time" "$ROOT/bin/gridcast" "$@" \
        --set "storage.warehouse=$warehouse" >"$WORK/$name.out" 2>"$WORK/$name.err"
    local wall rss summary
    wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/$name.time")"
    rss="$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$WORK/$name.time")"
    summary="$(grep -E 'finished in' "$WORK/$name.out" | tail -1 | sed 's/.*finished in [0-9.]* s: //')"
    printf '| %s | %s | %s | %s |\n' "$name" "$wall" "$rss" "$summary"
}

echo "| case | wall time (m:ss) | peak RSS (MiB) | summary |"
echo "|---|---|---|---|"
run_case sample-ingest-only ingest pjm-load
run_case sample-pipeline-1-worker pipeline pjm-load --set xgboost.num-workers=1
run_case sample-pipeline-2-workers pipeline pjm-load --set xgboost.num-workers=2
if [[ -n "$FULL_SERIES" ]]; then
    mkdir -p "$WORK/full-input"
    cp "$FULL_SERIES" "$WORK/full-input/"
    run_case full-ingest-only ingest pjm-load --input "$WORK/full-input"
    run_case full-pipeline-2-workers pipeline pjm-load --input "$WORK/full-input" \
        --test-start 2015-01-01 --set xgboost.num-workers=2
fi
