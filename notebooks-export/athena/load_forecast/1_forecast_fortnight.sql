-- The last 14 operating days of the test period: each model's day-ahead forecast and the
-- metered load, hour by hour. The parameter is the zone, e.g. PJME.
SELECT model_name, interval_start_utc, operating_date, hour_ending, dst_flag,
       predicted_mw, actual_mw
FROM forecasts
WHERE zone = ?
  AND operating_date > (SELECT max(operating_date) - INTERVAL '14' DAY FROM forecasts)
ORDER BY model_name, interval_start_utc;
