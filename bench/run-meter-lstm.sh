#!/usr/bin/env bash
# Benchmarks the household usage LSTMs of `gridcast pipeline smt`: training time per epoch and
# per meter, the speed-up from 1 to 2 Spark executor cores, peak memory, and the same
# network's epoch time in PyTorch (Debian's python3-torch, installed when missing).
#
#   bench/run-meter-lstm.sh [METERS [EPOCHS]]
#
# METERS (default 2) copies of the bundled meter's export, each under its own fake ESIID, so
# that per-meter training has work for both cores: the timings are of real usage, the meters
# are replicas. EPOCHS defaults to 1. No rolling-origin folds, 32 units, look-back 96.
# Results are printed as a Markdown table; copy them into bench/results/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
METERS="${1:-2}"
EPOCHS="${2:-1}"
WORK="$(mktemp -d -t gridcast-bench-lstm-XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
SAMPLE="$ROOT/data/samples/smt_interval/IntervalData_2022-03_2022-08.csv.gz"
export GRIDCAST_METER_ID_HASH_KEY="bench-key-0123456789abcdef"

"$ROOT/bin/gridcast" --version >/dev/null   # build once, outside the timings
mkdir -p "$WORK/input"
for m in $(seq "$METERS"); do
    zcat "$SAMPLE" | sed "s/^'10443720000000001,/'1044372000000$(printf '%04d' "$m"),/" \
        >"$WORK/input/meter_$m.csv"
done

# run CORES: pipeline smt on local[CORES], time and peak memory into $WORK/CORES.*
run() {
    /usr/bin/time -v -o "$WORK/$1.time" "$ROOT/bin/gridcast" pipeline smt \
        --input "$WORK/input" --warehouse "$WORK/warehouse-$1" \
        --set "spark.master=local[$1]" --set "meter-lstm.epochs=$EPOCHS" \
        --set meter-lstm.rolling-origins=0 >"$WORK/$1.out" 2>"$WORK/$1.err"
}
run 1
run 2

wall() { awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0;
    for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$1"; }
peak_mb() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1"; }
per_meter() { grep -o '[0-9.]* s per meter' "$1" | awk '{print $1}'; }
shared() { grep -o '[0-9.]* s for the shared model' "$1" | awk '{print $1}'; }

if ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
    apt-get install -y -q python3-torch >"$WORK/apt.log" 2>&1
fi
TORCH="$(/usr/bin/python3 "$ROOT/bench/lstm_epoch_torch.py" "$SAMPLE" "$EPOCHS" 32 96 64)"
torch_epoch="$(echo "$TORCH" | awk '{print $4}')"

echo "Input: $METERS meter(s) x 17,664 rows (the bundled export replicated), $EPOCHS epoch(s)"
echo
echo "| Spark cores | wall time (s) | per meter: training (s) | per epoch and meter (s) | shared model (s) | peak memory (MB) |"
echo "|---|---|---|---|---|---|"
for cores in 1 2; do
    pm="$(per_meter "$WORK/$cores.out")"
    printf "| %d | %.1f | %.1f | %.1f | %.1f | %s |\n" "$cores" "$(wall "$WORK/$cores.time")" \
        "$pm" "$(awk -v s="$pm" -v e="$EPOCHS" 'BEGIN {print s / e}')" \
        "$(shared "$WORK/$cores.out")" "$(peak_mb "$WORK/$cores.time")"
done
echo
awk -v a="$(wall "$WORK/1.time")" -v b="$(wall "$WORK/2.time")" \
    'BEGIN {printf "Speed-up of the whole run from 1 to 2 cores: %.2f\n", a / b}'
echo "PyTorch $(/usr/bin/python3 -c 'import torch; print(torch.__version__)'), same network, 2 threads: $TORCH"
echo
grep -h 'finished in' "$WORK/1.out" "$WORK/2.out"
