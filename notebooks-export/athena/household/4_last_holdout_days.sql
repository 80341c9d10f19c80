-- Every model's next-interval forecast of one meter over the last two days of the holdout
-- period, with the metered usage. Each forecast is made from the reads up to the interval
-- before. The parameter is the meter id.
SELECT model, interval_start_utc, step, predicted_kwh, actual_kwh
FROM meter_forecasts
WHERE evaluation = 'holdout' AND meter_id = ?
  AND interval_start_utc > (SELECT max(interval_start_utc) - INTERVAL '2' DAY
                            FROM meter_forecasts WHERE evaluation = 'holdout')
ORDER BY model, interval_start_utc;
