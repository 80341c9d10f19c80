-- Test-period error of each model by market-local hour ending: mean absolute error in MW and
-- mean absolute percentage error. The parameter is the zone, e.g. PJME.
SELECT model_name, hour_ending,
       avg(abs(predicted_mw - actual_mw)) AS mae_mw,
       100 * avg(abs(predicted_mw - actual_mw) / actual_mw) AS mape_percent,
       count(*) AS hours
FROM forecasts
WHERE zone = ? AND actual_mw IS NOT NULL
GROUP BY model_name, hour_ending
ORDER BY model_name, hour_ending;
