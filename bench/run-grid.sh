#!/usr/bin/env bash
# Times `gridcast pipeline grid` on the bundled synthetic Texas 2000-bus case and ERCOT's 2023
# hourly load (8,760 DC OPF snapshots), each Spark master in a fresh warehouse. Then it times
# the DC OPF alone on one thread over the same hours, the single-core baseline of the run.
#
#   bench/run-grid.sh [SPARK_MASTER ...]     default: local[1] local[2]
#
# Prints a Markdown table of wall time, peak memory and each run's one-line summary. Copy it
# into bench/results/ with the machine it ran on.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d)"
MASTERS=("${@:-local[1]}")
[[ $# -eq 0 ]] && MASTERS=("local[1]" "local[2]")

echo "| spark master | wall s | peak RSS MB | summary |"
echo "|---|---|---|---|"
for master in "${MASTERS[@]}"; do
    (cd "$WORK" && rm -rf warehouse && /usr/bin/time -v -o "$WORK/time.txt" \
        "$ROOT/bin/gridcast" pipeline grid --set "spark.master=$master" \
        >"$WORK/out.txt" 2>"$WORK/err.txt")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/time.txt" \
        | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
    rss=$(awk -F': ' '/Maximum resident/ {printf "%d", $2 / 1024}' "$WORK/time.txt")
    echo "| $master | $wall | $rss | $(tail -1 "$WORK/out.txt") |"
done
rm -rf "$WORK"

echo
echo "DC OPF alone, one thread, 8760 hourly snapshots:"
"$ROOT/bench/run-dc-opf.sh" "$ROOT/data/samples/grid/matpower/case_ACTIVSg2000.m" 8760 \
    | grep -A3 "hourly snapshots"
