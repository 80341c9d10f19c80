#!/usr/bin/env bash
# Times the DC optimal power flow on one thread, on one MATPOWER case (default: the bundled
# synthetic Texas 2000-bus case). It reports model building, a cold first solve, warm solves at
# load scales 0.6 to 1.1 and a sequence of hourly snapshots. It also compares PDLP's solution
# with the polished one.
#
#   bench/run-dc-opf.sh [CASE_FILE.m [HOURS]]
#
# Prints Markdown tables. Copy them into bench/results/ with the machine they ran on.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CASE_FILE="${1:-$ROOT/data/samples/grid/matpower/case_ACTIVSg2000.m}"
HOURS="${2:-1000}"
CLASSPATH_FILE="$ROOT/common/target/bench-classpath.txt"

(cd "$ROOT" && mvn -B -q -o -Dstyle.color=never -pl common test-compile \
    dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=test) >&2

exec java -Xmx2g -Dlog4j2.configurationFile="$ROOT/conf/log4j2.properties" \
    -cp "$ROOT/common/target/test-classes:$ROOT/common/target/classes:$(cat "$CLASSPATH_FILE")" \
    io.gridcast.grid.DcOpfBenchmark "$CASE_FILE" "$HOURS"
