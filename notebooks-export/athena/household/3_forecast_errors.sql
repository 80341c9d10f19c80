-- Error of every usage model, per evaluation (holdout or rolling_origin) and meter: mean
-- absolute error in kWh per interval, against the baselines scored on the same intervals.
SELECT evaluation, model, meter_id, avg(abs(predicted_kwh - actual_kwh)) AS mae_kwh,
       sqrt(avg((predicted_kwh - actual_kwh) * (predicted_kwh - actual_kwh))) AS rmse_kwh,
       count(*) AS intervals
FROM meter_forecasts
WHERE actual_kwh IS NOT NULL
GROUP BY evaluation, model, meter_id
ORDER BY evaluation, meter_id, mae_kwh;
