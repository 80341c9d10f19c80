"""Load gridcast_daily.py against stand-in Airflow modules and print its structure as JSON.

Airflow is not needed. The script writes minimal stand-ins for the modules the DAG imports
(airflow, airflow.models, the Amazon provider's EMR operators and sensors,
airflow.utils.trigger_rule) to a temporary folder and puts it first on sys.path. It then
imports the DAG file and prints the task ids in dependency order and each EMR step's
gridcast arguments with the run date templates rendered.

    python3 deploy-emr/airflow/check_dag.py [--date YYYY-MM-DD] [--variable KEY=VALUE]...

--variable sets an Airflow Variable that the DAG reads, e.g. gridcast_cluster_id=j-123.
The stand-ins record what the DAG passes and check nothing about real Airflow semantics.
"""

import argparse
import datetime
import importlib.util
import json
import os
import sys
import tempfile
from pathlib import Path

STUBS = {
    "airflow/__init__.py": """
from airflow.models import DAG
""",
    "airflow/models/__init__.py": """
import os, json

_VARIABLES = json.loads(os.environ.get("GRIDCAST_CHECK_VARIABLES", "{}"))
_DAG_STACK = []


class Variable:
    @staticmethod
    def get(key, default_var=None, deserialize_json=False):
        if key in _VARIABLES:
            return _VARIABLES[key]
        if default_var is None:
            raise KeyError(f"Variable {key} does not exist")
        return default_var


class DAG:
    def __init__(self, dag_id, **kwargs):
        self.dag_id = dag_id
        self.kwargs = kwargs
        self.tasks = []

    def __enter__(self):
        _DAG_STACK.append(self)
        return self

    def __exit__(self, *exc):
        _DAG_STACK.pop()
        return False


class BaseOperator:
    def __init__(self, task_id, trigger_rule="all_success", **kwargs):
        if not _DAG_STACK:
            raise RuntimeError(f"task {task_id} created outside a DAG")
        self.dag = _DAG_STACK[-1]
        if any(task.task_id == task_id for task in self.dag.tasks):
            raise ValueError(f"duplicate task id {task_id}")
        self.task_id = task_id
        self.trigger_rule = str(trigger_rule)
        self.kwargs = kwargs
        self.upstream_task_ids = []
        self.dag.tasks.append(self)

    def __rshift__(self, other):
        for task in other if isinstance(other, (list, tuple)) else [other]:
            task.upstream_task_ids.append(self.task_id)
        return other

    def __lshift__(self, other):
        for task in other if isinstance(other, (list, tuple)) else [other]:
            self.upstream_task_ids.append(task.task_id)
        return other
""",
    "airflow/utils/__init__.py": "",
    "airflow/utils/trigger_rule.py": """
import enum


class TriggerRule(str, enum.Enum):
    ALL_SUCCESS = "all_success"
    ALL_FAILED = "all_failed"
    ALL_DONE = "all_done"
    ONE_SUCCESS = "one_success"
    ONE_FAILED = "one_failed"
    NONE_FAILED = "none_failed"

    def __str__(self):
        return self.value
""",
    "airflow/providers/__init__.py": "",
    "airflow/providers/amazon/__init__.py": "",
    "airflow/providers/amazon/aws/__init__.py": "",
    "airflow/providers/amazon/aws/operators/__init__.py": "",
    "airflow/providers/amazon/aws/operators/emr.py": """
from airflow.models import BaseOperator


class EmrCreateJobFlowOperator(BaseOperator):
    pass


class EmrAddStepsOperator(BaseOperator):
    pass


class EmrTerminateJobFlowOperator(BaseOperator):
    pass
""",
    "airflow/providers/amazon/aws/sensors/__init__.py": "",
    "airflow/providers/amazon/aws/sensors/emr.py": """
from airflow.models import BaseOperator


class EmrStepSensor(BaseOperator):
    pass
""",
}


def write_stubs(folder):
    for relative, text in STUBS.items():
        path = Path(folder, relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.lstrip(), encoding="utf-8")


def load_dag_module(dag_file):
    spec = importlib.util.spec_from_file_location("gridcast_daily", dag_file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def render(text, run_date):
    """Render the run date templates that the steps use; fail on any other template."""
    next_date = run_date + datetime.timedelta(days=1)
    rendered = (text.replace("{{ ds }}", run_date.isoformat())
                .replace("{{ data_interval_end | ds }}", next_date.isoformat())
                .replace("{{ next_ds }}", next_date.isoformat()))
    if "{{" in rendered or "{%" in rendered:
        raise ValueError(f"unrendered template in step argument: {text}")
    return rendered


def dependency_order(tasks):
    """Order the tasks so each comes after its upstream tasks (Kahn's algorithm, stable)."""
    by_id = {task.task_id: task for task in tasks}
    for task in tasks:
        for upstream in task.upstream_task_ids:
            if upstream not in by_id:
                raise ValueError(f"{task.task_id} depends on unknown task {upstream}")
    ordered, placed = [], set()
    while len(ordered) < len(tasks):
        ready = [task for task in tasks if task.task_id not in placed
                 and all(upstream in placed for upstream in task.upstream_task_ids)]
        if not ready:
            raise ValueError("the task dependencies contain a cycle")
        ordered.append(ready[0])
        placed.add(ready[0].task_id)
    return ordered


def step_report(module, dag, task_id, run_date):
    operator = next(task for task in dag.tasks if task.task_id == f"add_{task_id}")
    (step,) = operator.kwargs["steps"]
    spark_args = [render(arg, run_date) for arg in step["HadoopJarStep"]["Args"]]
    jar_index = spark_args.index(module.JAR_URI)
    return {
        "task_id": task_id,
        "add_task_id": operator.task_id,
        "name": render(step["Name"], run_date),
        "action_on_failure": step["ActionOnFailure"],
        "jar": step["HadoopJarStep"]["Jar"],
        "spark_submit_args": spark_args[:jar_index + 1],
        "gridcast_args": spark_args[jar_index + 1:],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--date", default="2024-03-10", type=datetime.date.fromisoformat,
                        help="run date to render {{ ds }} with (default 2024-03-10)")
    parser.add_argument("--variable", action="append", default=[], metavar="KEY=VALUE",
                        help="Airflow Variable the DAG reads; repeatable")
    parser.add_argument("dag_file", nargs="?",
                        default=str(Path(__file__).resolve().with_name("gridcast_daily.py")))
    options = parser.parse_args()

    variables = {}
    for item in options.variable:
        key, separator, value = item.partition("=")
        if not separator:
            parser.error(f"--variable needs KEY=VALUE, got {item}")
        variables[key] = value

    os.environ["GRIDCAST_CHECK_VARIABLES"] = json.dumps(variables)
    with tempfile.TemporaryDirectory() as folder:
        write_stubs(folder)
        sys.path.insert(0, folder)
        module = load_dag_module(options.dag_file)
    dag = module.dag

    tasks = [{"task_id": task.task_id, "type": type(task).__name__,
              "trigger_rule": task.trigger_rule, "upstream": task.upstream_task_ids}
             for task in dependency_order(dag.tasks)]
    print(json.dumps({
        "dag_id": dag.dag_id,
        "schedule": dag.kwargs.get("schedule"),
        "max_active_runs": dag.kwargs.get("max_active_runs"),
        "retries": dag.kwargs["default_args"].get("retries"),
        "retry_delay_seconds": dag.kwargs["default_args"]["retry_delay"].total_seconds(),
        "run_date": options.date.isoformat(),
        "tasks": tasks,
        "steps": [step_report(module, dag, task_id, options.date)
                  for task_id, _ in module.STEPS],
        "configurations": module.JOB_FLOW_OVERRIDES["Configurations"],
    }, indent=2))


if __name__ == "__main__":
    main()
