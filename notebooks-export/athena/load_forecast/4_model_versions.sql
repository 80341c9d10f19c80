-- Registered versions of the load models, newest first, with their data periods, input
-- fingerprint and test metrics (metrics_json, which the notebook unpacks).
SELECT model_name, model_version, stage, algorithm, iso, zone, train_start, train_end,
       test_start, test_end, input_rows, input_fingerprint, metrics_json, created_at_utc
FROM model_registry
WHERE target = 'load_mw'
ORDER BY model_name, model_version DESC;
