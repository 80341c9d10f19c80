-- Every model's forecast from the last holdout origin of one meter, interval by interval,
-- with the metered usage. The parameter is the meter id.
SELECT model, origin_utc, interval_start_utc, step, predicted_kwh, actual_kwh
FROM meter_forecasts
WHERE evaluation = 'holdout' AND meter_id = ?
  AND origin_utc = (SELECT max(origin_utc) FROM meter_forecasts WHERE evaluation = 'holdout')
ORDER BY model, interval_start_utc;
