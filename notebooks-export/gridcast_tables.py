"""Reads gridcast's published tables into pandas DataFrames, for the notebooks beside this file.

Every query is a .sql file under athena/, the same file an analyst runs in Athena. Where it runs
depends on the environment:

- Locally (the default), ``bin/gridcast query`` runs the file on Spark over the local
  warehouse, or over GRIDCAST_WAREHOUSE when it is set, and the result is read from the CSV
  file it writes. Each query starts one Spark session, about 10 to 20 seconds.
- In Athena, when GRIDCAST_ATHENA_WORKGROUP is set: boto3 runs the file in that workgroup on
  the Glue database GRIDCAST_ATHENA_DATABASE (default gridcast), with each ? bound to the next
  parameter as Athena's EXECUTE ... USING does, and the result is read page by page.

Columns ending in _utc become time-zone-aware UTC timestamps and columns ending in _date
become dates, in both cases.
"""

import os
import subprocess
import tempfile
import time
from pathlib import Path

import pandas as pd

NOTEBOOKS = Path(__file__).resolve().parent
QUERIES = NOTEBOOKS / "athena"
GRIDCAST = Path(os.environ.get("GRIDCAST_BIN", NOTEBOOKS.parent / "bin" / "gridcast"))


def query(sql_file, *params):
    """Runs athena/<sql_file> with one parameter per ? and returns its rows as a DataFrame."""
    path = QUERIES / sql_file
    if not path.is_file():
        raise FileNotFoundError(f"No query file {path}")
    values = [str(value) for value in params]
    if os.environ.get("GRIDCAST_ATHENA_WORKGROUP"):
        rows = _athena(path.read_text(encoding="utf-8"), values)
    else:
        rows = _local(path, values)
    return _typed(rows)


def _local(path, params):
    """Runs the query with bin/gridcast and reads the CSV file it writes."""
    with tempfile.TemporaryDirectory(prefix="gridcast-query-") as folder:
        output = Path(folder) / "result.csv"
        command = [str(GRIDCAST), "query", "--sql", str(path), "--output", str(output),
                   "--max-rows", "0"]
        for value in params:
            command += ["--param", value]
        if os.environ.get("GRIDCAST_WAREHOUSE"):
            command += ["--warehouse", os.environ["GRIDCAST_WAREHOUSE"]]
        run = subprocess.run(command, capture_output=True, text=True)
        if run.returncode != 0:
            last = [line for line in run.stdout.splitlines() + run.stderr.splitlines()
                    if "failed" in line]
            raise RuntimeError(f"gridcast query {path.name} exited {run.returncode}: "
                               + (last[-1] if last else run.stderr[-2000:]))
        return pd.read_csv(output, keep_default_na=True)


def _athena(sql, params):
    """Runs the query in Athena and reads every page of its result."""
    # NOTE: written to the Athena API reference and not yet run against Athena itself.
    import boto3

    athena = boto3.client("athena")
    request = {
        "QueryString": sql.strip().rstrip(";"),
        "QueryExecutionContext": {
            "Catalog": "AwsDataCatalog",
            "Database": os.environ.get("GRIDCAST_ATHENA_DATABASE", "gridcast"),
        },
        "WorkGroup": os.environ["GRIDCAST_ATHENA_WORKGROUP"],
    }
    if params:
        request["ExecutionParameters"] = ["'" + value.replace("'", "''") + "'"
                                          for value in params]
    execution = athena.start_query_execution(**request)["QueryExecutionId"]
    _wait(athena, execution)

    pages = athena.get_paginator("get_query_results").paginate(QueryExecutionId=execution)
    columns, rows = None, []
    for page in pages:
        result = page["ResultSet"]
        if columns is None:
            columns = [c["Name"] for c in result["ResultSetMetadata"]["ColumnInfo"]]
            result["Rows"] = result["Rows"][1:]
        rows += [[cell.get("VarCharValue") for cell in row["Data"]] for row in result["Rows"]]
    frame = pd.DataFrame(rows, columns=columns)
    for column in frame.columns:
        try:
            frame[column] = pd.to_numeric(frame[column])
        except (ValueError, TypeError):
            pass
    return frame


def _wait(athena, execution):
    """Polls the query until it ends, and raises Athena's reason when it did not succeed."""
    while True:
        status = athena.get_query_execution(QueryExecutionId=execution)
        state = status["QueryExecution"]["Status"]
        if state["State"] == "SUCCEEDED":
            return
        if state["State"] in ("FAILED", "CANCELLED"):
            raise RuntimeError(f"Athena query {execution} {state['State'].lower()}: "
                               + state.get("StateChangeReason", "no reason given")
                               + " (the Athena console's query history has its details)")
        time.sleep(1)


def _typed(frame):
    """Parses the time columns that a CSV result carries as text."""
    for column in frame.columns:
        if column.endswith("_utc"):
            frame[column] = pd.to_datetime(frame[column], utc=True)
        elif column.endswith("_date") or column in ("test_start", "test_end"):
            frame[column] = pd.to_datetime(frame[column]).dt.date
    return frame
