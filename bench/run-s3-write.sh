#!/usr/bin/env bash
# Benchmarks writing the same table to a loopback S3 server and to the local file system, in
# one run. `gridcast ingest ercot --report rt-spp` reads the same generated input twice: once
# into a local warehouse, once into an s3a:// warehouse on S3Proxy (127.0.0.1, file store).
#
#   bench/run-s3-write.sh [DAYS [INPUT_FOLDER]]
#
# DAYS defaults to 30 (see generate_ercot_rt.py). The publish time is the job's own log line
# "Published gridcast.gridcast.price_interval in N ms" (data files, manifests and the catalog
# commit); the wall time is the whole process. Results are printed as a Markdown table.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DAYS="${1:-30}"
WORK="$(mktemp -d -t gridcast-bench-s3-XXXXXX)"
INPUT="${2:-$WORK/input}"
S3PROXY_PID=""
cleanup() {
    [[ -n "$S3PROXY_PID" ]] && kill "$S3PROXY_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

"$ROOT/bin/gridcast" --version >/dev/null   # build once, outside the timings
[[ -d "$INPUT" ]] || python3 "$ROOT/bench/generate_ercot_rt.py" "$ROOT" "$INPUT" "$DAYS"
FILES="$(find "$INPUT" -name '*.csv' | wc -l)"
ROWS="$(( $(find "$INPUT" -name '*.csv' -exec cat {} + | wc -l) - FILES ))"

# The S3 server: S3Proxy on a free loopback port, buckets as folders under $WORK/s3.
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
mkdir -p "$WORK/s3/bench"
cat >"$WORK/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=bench-access
s3proxy.credential=bench-secret
jclouds.provider=filesystem
jclouds.filesystem.basedir=$WORK/s3
PROPS
java -Xmx1g -jar "$ROOT/target/s3proxy/s3proxy.jar" --properties "$WORK/s3proxy.properties" \
    >"$WORK/s3proxy.log" 2>&1 &
S3PROXY_PID=$!
for _ in $(seq 100); do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break
    sleep 0.2
done

S3_SETTINGS=(--set "spark.hadoop.fs.s3a.endpoint=http://127.0.0.1:$PORT"
    --set spark.hadoop.fs.s3a.path.style.access=true
    --set spark.hadoop.fs.s3a.connection.ssl.enabled=false
    --set spark.hadoop.fs.s3a.access.key=bench-access
    --set spark.hadoop.fs.s3a.secret.key=bench-secret
    --set spark.hadoop.fs.s3a.aws.credentials.provider=org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider
    --set "catalog.jdbc-uri=jdbc:sqlite:$WORK/s3-catalog.db")

/usr/bin/time -f %e -o "$WORK/local.time" "$ROOT/bin/gridcast" ingest ercot --report rt-spp \
    --input "$INPUT" --warehouse "$WORK/local-warehouse" >"$WORK/local.out" 2>"$WORK/local.err"
/usr/bin/time -f %e -o "$WORK/s3.time" "$ROOT/bin/gridcast" ingest ercot --report rt-spp \
    --input "$INPUT" --warehouse s3a://bench/warehouse "${S3_SETTINGS[@]}" \
    >"$WORK/s3.out" 2>"$WORK/s3.err"

# publish_ms FILE: milliseconds of the price_interval commit in the job's log.
publish_ms() { grep -o 'Published gridcast.gridcast.price_interval in [0-9]*' "$1" | awk '{print $NF}'; }
# data_mb FOLDER: size of the table's Parquet data files, MB.
data_mb() { du -sm "$1" | awk '{print $1}'; }

local_ms="$(publish_ms "$WORK/local.err")"
s3_ms="$(publish_ms "$WORK/s3.err")"
local_mb="$(data_mb "$WORK/local-warehouse/gridcast/price_interval/data")"
s3_mb="$(data_mb "$WORK/s3/bench/warehouse/gridcast/price_interval/data")"
echo "Input: $FILES files, $ROWS rows ($DAYS days of 15-minute RT prices)"
echo
echo "| warehouse | wall time (s) | publish (s) | data (MB) | rows/s written | ratio to local |"
echo "|---|---|---|---|---|---|"
awk -v rows="$ROWS" -v lw="$(tail -1 "$WORK/local.time")" -v sw="$(tail -1 "$WORK/s3.time")" \
    -v lp="$local_ms" -v sp="$s3_ms" -v lmb="$local_mb" -v smb="$s3_mb" 'BEGIN {
    printf "| local file system | %.1f | %.1f | %d | %.0f | 1.00 |\n", lw, lp / 1000, lmb, rows / (lp / 1000)
    printf "| loopback S3 (s3a://) | %.1f | %.1f | %d | %.0f | %.2f |\n", sw, sp / 1000, smb, rows / (sp / 1000), lp / sp
}'
echo
grep -h 'finished' "$WORK/local.out" "$WORK/s3.out"
