#!/usr/bin/env bash
# Benchmarks the day-ahead price models of `gridcast pipeline prices` on the bundled German
# epftoolbox dataset. It measures accuracy on the benchmark's test period (2016-01-04 to
# 2017-12-31), training and recalibration time per model, and the speed-up of the daily LEAR
# recalibrations from 1 to 2 Spark executor cores.
#
#   bench/run-price.sh [SPEEDUP_DAYS [CASES]]
#
# SPEEDUP_DAYS (default 91): last test days recalibrated in the 1-core and 2-core LEAR runs.
# CASES (default "speedup full ensemble"): which cases to run.
#   speedup   LEAR (1456-day window) on the last SPEEDUP_DAYS days, local[1] then local[2]
#   full      every model on the 728 test days, local[2]
#   ensemble  LEAR with the benchmark's four windows (56, 84, 1092, 1456 days), local[2]
# Prints a Markdown table; copy it into bench/results/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SPEEDUP_DAYS="${1:-91}"
CASES="${2:-speedup full ensemble}"
WORK="$(mktemp -d -t gridcast-bench-price-XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

"$ROOT/bin/gridcast" --version >/dev/null   # build once, outside the timings

# run NAME ARGS...: pipeline prices in its own warehouse, output and time into $WORK/NAME.*
run() {
    local name="$1"
    shift
    /usr/bin/time -v -o "$WORK/$name.time" "$ROOT/bin/gridcast" pipeline prices --market DE \
        --warehouse "$WORK/warehouse-$name" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"
}

wall() { awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0;
    for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$WORK/$1.time"; }
peak_mb() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$WORK/$1.time"; }
# model_column NAME MODEL COLUMN: a column of MODEL's row in the report (2 MAE, 3 RMSE,
# 4 sMAPE, 5 rMAE, 6 rMAE W, 7 spike MAE, 9 time s)
model_column() { awk -v m="$2" -v c="$3" '$1 == m && NF == 9 {print $c}' "$WORK/$1.out"; }

echo "| case | wall s | peak MB | model | MAE | RMSE | sMAPE % | rMAE | rMAE W | spike MAE | model time s |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
report() {
    local name="$1"
    shift
    for model in "$@"; do
        local row="| $name | $(wall "$name") | $(peak_mb "$name") | $model"
        for column in 2 3 4 5 6 7 9; do
            row="$row | $(model_column "$name" "$model" "$column")"
        done
        echo "$row |"
    done
}

if [[ " $CASES " == *" speedup "* ]]; then
    for cores in 1 2; do
        run "lear-${cores}-core" --model lear --set "spark.master=local[$cores]" \
            --set "price-models.test-days=$SPEEDUP_DAYS"
        report "lear-${cores}-core" naive lear
    done
    one="$(model_column lear-1-core lear 9)"
    two="$(model_column lear-2-core lear 9)"
    echo
    echo "LEAR recalibration speed-up, 1 -> 2 cores, $SPEEDUP_DAYS days: $(awk -v a="$one" -v b="$two" 'BEGIN {printf "%.2f", a / b}')x ($one s -> $two s)"
    echo
fi
if [[ " $CASES " == *" full "* ]]; then
    run full --model all --set "spark.master=local[2]"
    report full naive lear mlp cnn_lstm nn_ensemble
fi
if [[ " $CASES " == *" ensemble "* ]]; then
    run ensemble --model lear --set "spark.master=local[2]" \
        --set "price-models.lear.calibration-windows-days=56,84,1092,1456"
    report ensemble lear
fi
for out in "$WORK"/*.out; do
    echo
    echo "$(basename "$out" .out):"
    sed -n '/Diebold-Mariano/,/^  chart/p' "$out" | grep -v chart
    tail -1 "$out"
done
