#!/usr/bin/env bash
# Creates the EMR 7.x cluster that runs gridcast's jobs: Spark on YARN, the Glue Data Catalog
# as Spark's metastore, and the settings in configurations.json next to this script.
#
#   deploy-emr/cluster/create-cluster.sh [--dry-run]
#
# --dry-run prints the aws command instead of running it. Environment:
#   GRIDCAST_S3_PREFIX   s3://bucket/prefix of gridcast's files (required); the cluster's logs
#                        go to $GRIDCAST_S3_PREFIX/logs/
#   AWS_REGION           region of the cluster (required)
#   EMR_RELEASE          EMR release label (default emr-7.5.0)
#   CLUSTER_NAME         cluster name (default gridcast)
#   EC2_SUBNET_ID        subnet to start the instances in (default: the account's default VPC)
#   EC2_KEY_NAME         EC2 key pair for SSH to the primary node (default: none)
#   PRIMARY_TYPE         instance type of the primary node (default m5.xlarge)
#   CORE_TYPE            instance type of the core nodes (default r5.2xlarge)
#   CORE_COUNT           number of core nodes (default 2)
#   SERVICE_ROLE         EMR service role (default EMR_DefaultRole)
#   INSTANCE_PROFILE     EC2 instance profile of the nodes (default EMR_EC2_DefaultRole)
#   AUTO_TERMINATE       "true" ends the cluster after 1 hour without steps (default true)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DRY_RUN=false

usage() {
    sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --dry-run) DRY_RUN=true ;;
        -h|--help) usage; exit 0 ;;
        *) echo "create-cluster.sh: unknown option $1 (use --dry-run or --help)" >&2; exit 2 ;;
    esac
    shift
done

: "${GRIDCAST_S3_PREFIX:?set GRIDCAST_S3_PREFIX to the s3://bucket/prefix of gridcast files}"
: "${AWS_REGION:?set AWS_REGION to the region of the cluster, e.g. us-east-1}"
if [[ "$GRIDCAST_S3_PREFIX" != s3://* ]]; then
    echo "create-cluster.sh: GRIDCAST_S3_PREFIX must start with s3://, got $GRIDCAST_S3_PREFIX" >&2
    exit 2
fi
PREFIX="${GRIDCAST_S3_PREFIX%/}"

EMR_RELEASE="${EMR_RELEASE:-emr-7.5.0}"
CLUSTER_NAME="${CLUSTER_NAME:-gridcast}"
PRIMARY_TYPE="${PRIMARY_TYPE:-m5.xlarge}"
CORE_TYPE="${CORE_TYPE:-r5.2xlarge}"
CORE_COUNT="${CORE_COUNT:-2}"
SERVICE_ROLE="${SERVICE_ROLE:-EMR_DefaultRole}"
INSTANCE_PROFILE="${INSTANCE_PROFILE:-EMR_EC2_DefaultRole}"
AUTO_TERMINATE="${AUTO_TERMINATE:-true}"

ec2_attributes="InstanceProfile=$INSTANCE_PROFILE"
if [[ -n "${EC2_SUBNET_ID:-}" ]]; then
    ec2_attributes+=",SubnetId=$EC2_SUBNET_ID"
fi
if [[ -n "${EC2_KEY_NAME:-}" ]]; then
    ec2_attributes+=",KeyName=$EC2_KEY_NAME"
fi

command=(aws emr create-cluster
    --region "$AWS_REGION"
    --name "$CLUSTER_NAME"
    --release-label "$EMR_RELEASE"
    --applications Name=Spark
    --service-role "$SERVICE_ROLE"
    --ec2-attributes "$ec2_attributes"
    --instance-groups
    "InstanceGroupType=MASTER,Name=primary,InstanceCount=1,InstanceType=$PRIMARY_TYPE"
    "InstanceGroupType=CORE,Name=core,InstanceCount=$CORE_COUNT,InstanceType=$CORE_TYPE"
    --log-uri "$PREFIX/logs/"
    --configurations "file://$HERE/configurations.json"
    --tags "application=gridcast")
if [[ "$AUTO_TERMINATE" == true ]]; then
    command+=(--auto-termination-policy IdleTimeout=3600)
fi

if [[ "$DRY_RUN" == true ]]; then
    printf '%q ' "${command[@]}"
    printf '\n'
else
    "${command[@]}"
fi
