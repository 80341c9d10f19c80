-- Test-period MAPE of each model by calendar month of the operating day. The parameter is the
-- zone, e.g. PJME.
SELECT model_name, year(operating_date) AS year, month(operating_date) AS month,
       100 * avg(abs(predicted_mw - actual_mw) / actual_mw) AS mape_percent,
       count(*) AS hours
FROM forecasts
WHERE zone = ? AND actual_mw IS NOT NULL
GROUP BY model_name, year(operating_date), month(operating_date)
ORDER BY model_name, year, month;
