#!/usr/bin/env bash
# Benchmarks `gridcast ingest ercot --report rt-spp` on a month of 15-minute RT prices against
# plain Spark reading the same CSVs and writing Parquet with no validation, in the same run.
#
#   bench/run-ercot-rt.sh [DAYS [INPUT_FOLDER]]
#
# DAYS defaults to 30 (November 2025, with the fall-back day). The generated files go to
# INPUT_FOLDER when given, and reused from there when it already contains them.
#
# The month is generated from the bundled NP6-905-CD report (1,123 settlement point rows per
# interval, ERCOT's column layout and number format), one CSV per interval as ERCOT posts
# them. Prices vary by hour and day around each point's real price. Both cases read the same
# files in fresh folders, with the same JVM flags, heap and local[2] master. Results are printed
# as a Markdown table. Copy them into bench/results/ with the machine they ran on.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DAYS="${1:-30}"
WORK="$(mktemp -d -t gridcast-bench-rt-XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
INPUT="${2:-$WORK/input}"

"$ROOT/bin/gridcast" --version >/dev/null   # build once, outside the timings

[[ -d "$INPUT" ]] || python3 "$ROOT/bench/generate_ercot_rt.py" "$ROOT" "$INPUT" "$DAYS"

FILES="$(find "$INPUT" -name '*.csv' | wc -l)"
ROWS="$(( $(find "$INPUT" -name '*.csv' -exec cat {} + | wc -l) - FILES ))"
JVM_FLAGS="$(sed -n '/^gridcast.jvm.flags=/,/[^\\]$/p' "$ROOT/conf/jvm.properties" \
    | sed -e 's/^gridcast.jvm.flags=//' -e 's/\\$//' | tr '\n' ' ')"

# wall_seconds FILE: elapsed wall time that /usr/bin/time -f %e wrote.
wall_seconds() { tail -1 "$1"; }

# shellcheck disable=SC2086
/usr/bin/time -f %e -o "$WORK/plain.time" java $JVM_FLAGS -Xmx"${GRIDCAST_DRIVER_MEMORY:-8g}" \
    -Dlog4j2.configurationFile="$ROOT/conf/log4j2.properties" \
    -cp "$(cat "$ROOT/jobs/target/local-classpath.txt")" \
    "$ROOT/bench/PlainSparkCsvToParquet.java" "$INPUT" "$WORK/plain-parquet" \
    >"$WORK/plain.out" 2>"$WORK/plain.err"
/usr/bin/time -f %e -o "$WORK/gridcast.time" "$ROOT/bin/gridcast" ingest ercot --report rt-spp \
    --input "$INPUT" --set "storage.warehouse=$WORK/warehouse" \
    >"$WORK/gridcast.out" 2>"$WORK/gridcast.err"

plain="$(wall_seconds "$WORK/plain.time")"
ours="$(wall_seconds "$WORK/gridcast.time")"
echo "Input: $FILES files, $ROWS rows ($DAYS days of 15-minute RT prices)"
echo
echo "| case | wall time (s) | rows/s | ratio to plain Spark |"
echo "|---|---|---|---|"
awk -v rows="$ROWS" -v plain="$plain" -v ours="$ours" 'BEGIN {
    printf "| plain Spark CSV -> Parquet | %.1f | %.0f | 1.00 |\n", plain, rows / plain
    printf "| gridcast ingest ercot rt-spp | %.1f | %.0f | %.2f |\n", ours, rows / ours, plain / ours
}'
echo
grep -h 'finished in' "$WORK/plain.out" "$WORK/gridcast.out"
