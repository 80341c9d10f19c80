#!/usr/bin/env bash
# Runs the notebooks on the bundled samples and saves each with its outputs and plots.
#
#   notebooks-export/export.sh [--warehouse DIR] [--skip-pipelines]
#
# 1. Installs Jupyter's nbconvert, pandas and matplotlib from Debian's packages when they are
#    missing and this runs as root with apt-get. Otherwise it prints what to install.
# 2. Unless --skip-pipelines, runs into the warehouse DIR (default: a new folder under
#    ${TMPDIR:-/tmp}) the jobs whose tables the notebooks read: pipeline pjm-load, pipeline
#    prices, pipeline smt, pipeline grid and the three ERCOT ingests. About 30 minutes on 2
#    cores, most of it in pipeline prices. Meter ids are hashed with
#    GRIDCAST_METER_ID_HASH_KEY, or with a random key when it is not set.
# 3. Executes every notebook in place with nbconvert, reading the warehouse through
#    bin/gridcast query (GRIDCAST_WAREHOUSE), and stops at the first cell that fails.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
warehouse=""
run_pipelines=true
while [ $# -gt 0 ]; do
  case "$1" in
    --warehouse)
      [ $# -ge 2 ] || { echo "export.sh: missing folder after --warehouse" >&2; exit 2; }
      warehouse="$2"; shift 2 ;;
    --skip-pipelines) run_pipelines=false; shift ;;
    -h|--help) sed -n '2,/^[^#]/{/^#/s/^# \{0,1\}//p}' "$0"; exit 0 ;;
    *) echo "export.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ -z "$warehouse" ]; then
  if [ "$run_pipelines" = false ]; then
    echo "export.sh: --skip-pipelines needs --warehouse DIR with the published tables" >&2
    exit 2
  fi
  warehouse="$(mktemp -d "${TMPDIR:-/tmp}/gridcast-notebooks-XXXXXX")"
elif [ "$run_pipelines" = false ] && [ ! -d "$warehouse" ] && [[ "$warehouse" != *://* ]]; then
  echo "export.sh: warehouse not found: $warehouse" >&2
  exit 2
fi

# Debian's Jupyter runs on /usr/bin/python3, whatever python3 comes first on PATH.
PYTHON=/usr/bin/python3
if ! "$PYTHON" -c 'import nbconvert, nbclient, ipykernel, pandas, matplotlib' 2>/dev/null; then
  packages=(jupyter-nbconvert python3-nbclient python3-ipykernel python3-pandas python3-matplotlib)
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "export.sh: install ${packages[*]} (Debian) or nbconvert, ipykernel, pandas and" \
      "matplotlib for $PYTHON, then run this again" >&2
    exit 1
  fi
  echo "export.sh: installing ${packages[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends "${packages[@]}" >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends \
      "${packages[@]}" >/dev/null; }
fi

if [ "$run_pipelines" = true ]; then
  if [ -z "${GRIDCAST_METER_ID_HASH_KEY:-}" ]; then
    # pipeline smt hashes meter ids with this key. A key made for this export only keeps the
    # exported ids unlinkable to any other run.
    GRIDCAST_METER_ID_HASH_KEY="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
    export GRIDCAST_METER_ID_HASH_KEY
  fi
  jobs=("pipeline pjm-load" "pipeline prices" "pipeline smt" "pipeline grid"
    "ingest ercot --report dam-spp" "ingest ercot --report rt-spp"
    "ingest ercot --report dam-energy-sold")
  for job in "${jobs[@]}"; do
    echo "export.sh: bin/gridcast $job --warehouse $warehouse" >&2
    # shellcheck disable=SC2086
    "$ROOT/bin/gridcast" $job --warehouse "$warehouse" | tail -n 1
  done
fi

export GRIDCAST_WAREHOUSE="$warehouse"
for notebook in "$HERE"/*.ipynb; do
  started=$(date +%s)
  if ! "$PYTHON" -m nbconvert --to notebook --execute --inplace \
      --ExecutePreprocessor.timeout=1800 --ExecutePreprocessor.kernel_name=python3 \
      "$notebook" 2> >(grep -v -e 'Debugger warning' -e 'frozen modules' -e 'PYDEVD' \
      -e 'Debugging will proceed' -e 'debugger miss' >&2); then
    echo "export.sh: $(basename "$notebook") failed; its last cell's error is above" >&2
    exit 1
  fi
  echo "export.sh: $(basename "$notebook") executed in $(( $(date +%s) - started )) s" >&2
done
echo "export.sh: exported $(ls "$HERE"/*.ipynb | wc -l) notebooks from $warehouse"
