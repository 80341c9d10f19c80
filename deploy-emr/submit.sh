#!/usr/bin/env bash
# Runs one gridcast job as a step of a running EMR cluster: builds the shaded jar (or takes
# --jar), uploads it and the settings file to S3, and adds a Spark step that runs
#   spark-submit --deploy-mode cluster --class io.gridcast.jobs.Gridcast ... JOB... --conf emr.conf
#
#   deploy-emr/submit.sh [--dry-run] [--jar PATH] [--no-upload] [--] JOB... [JOB-OPTIONS]
#   deploy-emr/submit.sh --dry-run pipeline pjm-load --test-start 2024-06-01
#
# Everything from the first word that is not a submit.sh option (or after --) goes to
# gridcast unchanged; bin/gridcast JOB --help lists each job's options.
#
# Options:
#   --dry-run     print the commands instead of running them
#   --jar PATH    use this jar instead of building jobs/target/gridcast-jobs.jar
#   --no-upload   skip building and uploading: the jar and settings are already on S3
#
# Environment:
#   GRIDCAST_S3_PREFIX  s3://bucket/prefix (required); the jar goes to PREFIX/gridcast-jobs.jar
#                       and the settings file to PREFIX/<its file name>
#   CLUSTER_ID          id of the running EMR cluster, j-... (required)
#   AWS_REGION          region of the cluster (required)
#   GRIDCAST_CONF       settings file to upload and pass with --conf (default conf/emr.conf)
#   ACTION_ON_FAILURE   step's ActionOnFailure: CONTINUE, CANCEL_AND_WAIT or
#                       TERMINATE_CLUSTER (default CONTINUE)
#   XGBOOST_EXECUTORS   executors of a job that trains XGBoost (train load-xgboost, pipeline
#                       pjm-load); default 2, at least gridcast.xgboost.num-workers
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DRY_RUN=false
JAR=""
UPLOAD=true

usage() {
    sed -n '2,29p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

fail() {
    echo "submit.sh: $*" >&2
    exit 2
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --dry-run) DRY_RUN=true ;;
        --jar)
            [[ $# -ge 2 ]] || fail "--jar needs a path"
            JAR="$2"
            shift
            ;;
        --no-upload) UPLOAD=false ;;
        -h|--help) usage; exit 0 ;;
        --) shift; break ;;
        -*) fail "unknown option $1 (see --help)" ;;
        *) break ;;
    esac
    shift
done
[[ $# -gt 0 ]] || fail "no job given, e.g. submit.sh pipeline pjm-load (see --help)"
JOB_ARGS=("$@")

: "${GRIDCAST_S3_PREFIX:?set GRIDCAST_S3_PREFIX to the s3://bucket/prefix of gridcast files}"
: "${CLUSTER_ID:?set CLUSTER_ID to the id of the running EMR cluster, j-...}"
: "${AWS_REGION:?set AWS_REGION to the region of the cluster, e.g. us-east-1}"
[[ "$GRIDCAST_S3_PREFIX" == s3://* ]] \
    || fail "GRIDCAST_S3_PREFIX must start with s3://, got $GRIDCAST_S3_PREFIX"
PREFIX="${GRIDCAST_S3_PREFIX%/}"
CONF="${GRIDCAST_CONF:-$ROOT/conf/emr.conf}"
ACTION_ON_FAILURE="${ACTION_ON_FAILURE:-CONTINUE}"
XGBOOST_EXECUTORS="${XGBOOST_EXECUTORS:-2}"
[[ "$XGBOOST_EXECUTORS" =~ ^[1-9][0-9]*$ ]] \
    || fail "XGBOOST_EXECUTORS must be a positive whole number, got $XGBOOST_EXECUTORS"
case "$ACTION_ON_FAILURE" in
    CONTINUE|CANCEL_AND_WAIT|TERMINATE_CLUSTER) ;;
    *) fail "ACTION_ON_FAILURE must be CONTINUE, CANCEL_AND_WAIT or TERMINATE_CLUSTER" ;;
esac

CONF_NAME="$(basename "$CONF")"
JAR_URI="$PREFIX/gridcast-jobs.jar"
CONF_URI="$PREFIX/$CONF_NAME"

# Prints a command with each word quoted for the shell only where it needs it.
print_command() {
    local word quoted=()
    for word in "$@"; do
        if [[ "$word" =~ ^[A-Za-z0-9_@%+=:,./-]+$ ]]; then
            quoted+=("$word")
        else
            quoted+=("'${word//\'/\'\\\'\'}'")
        fi
    done
    echo "${quoted[*]}"
}

run() {
    if [[ "$DRY_RUN" == true ]]; then
        print_command "$@"
    else
        "$@"
    fi
}

# Writes a string as a JSON string literal.
json_string() {
    local text="$1"
    text="${text//\\/\\\\}"
    text="${text//\"/\\\"}"
    text="${text//$'\t'/\\t}"
    text="${text//$'\n'/\\n}"
    printf '"%s"' "$text"
}

if [[ "$UPLOAD" == true ]]; then
    if [[ -z "$JAR" ]]; then
        JAR="$ROOT/jobs/target/gridcast-jobs.jar"
        if [[ "$DRY_RUN" == true ]]; then
            print_command mvn -B -DskipTests package
        else
            (cd "$ROOT" && mvn -B -DskipTests package)
        fi
    elif [[ ! -f "$JAR" ]]; then
        fail "jar not found: $JAR"
    fi
    [[ -f "$CONF" ]] || fail "settings file not found: $CONF"
    run aws s3 cp --region "$AWS_REGION" "$JAR" "$JAR_URI"
    run aws s3 cp --region "$AWS_REGION" "$CONF" "$CONF_URI"
fi

spark_args=(spark-submit --deploy-mode cluster --class io.gridcast.jobs.Gridcast
    --files "$CONF_URI")
# XGBoost trains in a barrier stage, which Spark 3.5 rejects when dynamic allocation is on,
# so these jobs get a fixed number of executors.
if [[ "${JOB_ARGS[*]:0:2}" == "train load-xgboost" || "${JOB_ARGS[*]:0:2}" == "pipeline pjm-load" ]]; then
    spark_args+=(--conf spark.dynamicAllocation.enabled=false
        --num-executors "$XGBOOST_EXECUTORS")
fi
spark_args+=("$JAR_URI" "${JOB_ARGS[@]}")
has_conf=false
for word in "${JOB_ARGS[@]}"; do
    if [[ "$word" == --conf || "$word" == --conf=* ]]; then
        has_conf=true
    fi
done
if [[ "$has_conf" == false ]]; then
    spark_args+=(--conf "$CONF_NAME")
fi

step_args=""
for word in "${spark_args[@]:1}"; do
    step_args+="${step_args:+,}$(json_string "$word")"
done
step_name="gridcast ${JOB_ARGS[*]}"
steps="[{\"Type\":\"Spark\",\"Name\":$(json_string "${step_name:0:256}"),"
steps+="\"ActionOnFailure\":\"$ACTION_ON_FAILURE\",\"Args\":[$step_args]}]"

run aws emr add-steps --region "$AWS_REGION" --cluster-id "$CLUSTER_ID" --steps "$steps"
