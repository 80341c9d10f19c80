"""Daily gridcast run on Amazon EMR (Airflow 2 with the Amazon provider).

For each run date ``ds`` the DAG ingests that day's ERCOT day-ahead settlement point prices,
ERCOT native load and PJM hourly load. It then retrains the PJM load model, computes the
LMPs of the grid case for the day and settles the CRR holdings on them. Each job replaces
the rows of its own slice, so clearing and re-running a date leaves the same tables.

Airflow Variables (read when the scheduler parses this file):

- ``gridcast_s3_prefix``: s3://bucket/prefix that contains gridcast-jobs.jar, emr.conf, the
  inputs under input/ and the cluster logs under logs/ (default s3://my-bucket/gridcast).
- ``gridcast_cluster_id``: id (j-...) of a running cluster to add the steps to. When it is
  unset or empty, each run creates a cluster from JOB_FLOW_OVERRIDES and terminates it at
  the end, whether the steps succeeded or not.
- ``gridcast_case_name``: grid case whose MATPOWER file is input/grid/<name>.m (default
  ACTIVSg2000).
"""

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

from airflow import DAG
from airflow.models import Variable
from airflow.providers.amazon.aws.operators.emr import (
    EmrAddStepsOperator,
    EmrCreateJobFlowOperator,
    EmrTerminateJobFlowOperator,
)
from airflow.providers.amazon.aws.sensors.emr import EmrStepSensor
from airflow.utils.trigger_rule import TriggerRule

S3_PREFIX = Variable.get("gridcast_s3_prefix", default_var="s3://my-bucket/gridcast").rstrip("/")
CLUSTER_ID = Variable.get("gridcast_cluster_id", default_var="") or ""
CASE_NAME = Variable.get("gridcast_case_name", default_var="ACTIVSg2000")

JAR_URI = f"{S3_PREFIX}/gridcast-jobs.jar"
CONF_URI = f"{S3_PREFIX}/emr.conf"
INPUT = f"{S3_PREFIX}/input"

# Day after the run date; the data interval of a daily run ends there.
NEXT_DS = "{{ data_interval_end | ds }}"

# The jobs of one run date, in order: (task id, gridcast arguments). compute lmp reads the
# load curve that the native load ingest wrote, and settle crr reads the LMPs of compute lmp.
STEPS = [
    ("ingest_ercot_dam_spp",
     ["ingest", "ercot", "--report", "dam-spp",
      "--input", f"{INPUT}/ercot/dam_spp/{{{{ ds }}}}/"]),
    ("ingest_ercot_native_load",
     ["ingest", "ercot", "--report", "native-load",
      "--input", f"{INPUT}/ercot/native_load/{{{{ ds }}}}/"]),
    ("ingest_pjm_load",
     ["ingest", "pjm-load", "--input", f"{INPUT}/pjm_hourly_load/{{{{ ds }}}}/"]),
    ("train_load_xgboost",
     ["train", "load-xgboost", "--iso", "PJM"]),
    ("compute_lmp",
     ["compute", "lmp", "--case", f"{INPUT}/grid/{CASE_NAME}.m", "--case-name", CASE_NAME,
      "--start", "{{ ds }}", "--end", NEXT_DS]),
    ("settle_crr",
     ["settle", "crr", "--holdings", f"{INPUT}/crr/holdings_{CASE_NAME}.csv",
      "--case", CASE_NAME]),
]

# Jobs that train XGBoost in a Spark barrier stage, which Spark 3.5 rejects when dynamic
# allocation is on. They get a fixed number of executors, at least xgboost.num-workers.
XGBOOST_JOBS = {("train", "load-xgboost"), ("pipeline", "pjm-load")}
XGBOOST_EXECUTORS = 2


def spark_step(task_id, gridcast_args):
    """Build the EMR step that runs one gridcast job with spark-submit in cluster mode."""
    args = ["spark-submit", "--deploy-mode", "cluster",
            "--class", "io.gridcast.jobs.Gridcast", "--files", CONF_URI]
    if tuple(gridcast_args[:2]) in XGBOOST_JOBS:
        args += ["--conf", "spark.dynamicAllocation.enabled=false",
                 "--num-executors", str(XGBOOST_EXECUTORS)]
    args += [JAR_URI, *gridcast_args, "--conf", "emr.conf"]
    return {
        "Name": f"gridcast {task_id} {{{{ ds }}}}",
        "ActionOnFailure": "CONTINUE",
        "HadoopJarStep": {"Jar": "command-runner.jar", "Args": args},
    }


def cluster_configurations():
    """Read the EMR classifications from configurations.json.

    The file is looked up next to this DAG first (copy it there when deploying), then in
    deploy-emr/cluster/ of a source checkout.
    """
    dag_folder = Path(__file__).resolve().parent
    candidates = (dag_folder / "configurations.json",
                  dag_folder.parent / "cluster" / "configurations.json")
    for candidate in candidates:
        if candidate.is_file():
            return json.loads(candidate.read_text(encoding="utf-8"))
    raise FileNotFoundError(f"configurations.json not found: {candidates[0]} or {candidates[1]}; "
                            "copy deploy-emr/cluster/configurations.json next to this DAG")


JOB_FLOW_OVERRIDES = {
    "Name": "gridcast-{{ ds }}",
    "ReleaseLabel": "emr-7.5.0",
    "Applications": [{"Name": "Spark"}],
    "LogUri": f"{S3_PREFIX}/logs/",
    "Instances": {
        "InstanceGroups": [
            {"Name": "primary", "Market": "ON_DEMAND", "InstanceRole": "MASTER",
             "InstanceType": "m5.xlarge", "InstanceCount": 1},
            {"Name": "core", "Market": "ON_DEMAND", "InstanceRole": "CORE",
             "InstanceType": "r5.2xlarge", "InstanceCount": 2},
        ],
        # The DAG adds the steps after the cluster starts and terminates it at the end.
        "KeepJobFlowAliveWhenNoSteps": True,
        "TerminationProtected": False,
    },
    "Configurations": cluster_configurations(),
    "JobFlowRole": "EMR_EC2_DefaultRole",
    "ServiceRole": "EMR_DefaultRole",
    "Tags": [{"Key": "application", "Value": "gridcast"}],
}

default_args = {
    "owner": "gridcast",
    "retries": 2,
    "retry_delay": timedelta(minutes=10),
}

with DAG(
    dag_id="gridcast_daily",
    description="Ingest ERCOT and PJM data, retrain the load model, compute LMPs and settle CRRs",
    schedule="@daily",
    start_date=datetime(2024, 1, 1, tzinfo=timezone.utc),
    catchup=False,
    # One run at a time: two dates writing the same Iceberg tables would retry each
    # other's commits.
    max_active_runs=1,
    default_args=default_args,
    tags=["gridcast", "emr"],
) as dag:
    if CLUSTER_ID:
        create_cluster = None
        job_flow_id = CLUSTER_ID
    else:
        create_cluster = EmrCreateJobFlowOperator(
            task_id="create_cluster",
            job_flow_overrides=JOB_FLOW_OVERRIDES,
        )
        job_flow_id = "{{ ti.xcom_pull(task_ids='create_cluster', key='return_value') }}"

    previous = create_cluster
    for task_id, gridcast_args in STEPS:
        add_step = EmrAddStepsOperator(
            task_id=f"add_{task_id}",
            job_flow_id=job_flow_id,
            steps=[spark_step(task_id, gridcast_args)],
        )
        watch_step = EmrStepSensor(
            task_id=f"watch_{task_id}",
            job_flow_id=job_flow_id,
            step_id=f"{{{{ ti.xcom_pull(task_ids='add_{task_id}', key='return_value')[0] }}}}",
            poke_interval=60,
            # A poke is an EMR API call. The step fails or finishes within the timeout.
            timeout=int(timedelta(hours=6).total_seconds()),
            mode="reschedule",
        )
        if previous is not None:
            previous >> add_step
        add_step >> watch_step
        previous = watch_step

    if create_cluster is not None:
        terminate_cluster = EmrTerminateJobFlowOperator(
            task_id="terminate_cluster",
            job_flow_id=job_flow_id,
            trigger_rule=TriggerRule.ALL_DONE,
        )
        previous >> terminate_cluster
