-- Queries over gridcast's load tables. Run in Athena with the Glue database `gridcast`
-- selected, or in Spark SQL after `USE gridcast.gridcast`.

-- Daily peak load by zone, in market-local operating days.
SELECT iso, zone, operating_date, max(load_mw) AS peak_load_mw
FROM load_hourly
WHERE iso = 'PJM'
GROUP BY iso, zone, operating_date
ORDER BY operating_date DESC
LIMIT 30;

-- The fall-back day: 25 hours, with hour ending 2 twice; dst_flag marks the repeated one.
SELECT interval_start_utc, hour_ending, dst_flag, load_mw
FROM load_hourly
WHERE zone = 'PJME' AND operating_date = DATE '2017-11-05'
ORDER BY interval_start_utc;

-- Test-period MAPE by model and hour ending.
SELECT model_name, hour_ending,
       100 * avg(abs(predicted_mw - actual_mw) / actual_mw) AS mape_percent
FROM forecasts
GROUP BY model_name, hour_ending
ORDER BY model_name, hour_ending;

-- Rows rejected by the last ingest runs, with their reasons.
SELECT job, source_file, line_number, reason, raw_line
FROM rejects
ORDER BY rejected_at_utc DESC, source_file, line_number
LIMIT 100;

-- Registered model versions with their test metrics. In Athena,
-- json_extract_scalar(metrics_json, '$.test.mapePercent') picks the test MAPE out of the JSON,
-- and in Spark SQL get_json_object(metrics_json, '$.test.mapePercent') does.
SELECT model_name, model_version, stage, test_start, test_end, metrics_json,
       input_fingerprint, artifact_uri
FROM model_registry
ORDER BY model_name, model_version;
