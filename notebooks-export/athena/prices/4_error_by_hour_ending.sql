-- Mean absolute error of each price model by delivery hour ending, currency per MWh. The
-- parameter is the market, e.g. DE or PJM.
SELECT model, hour_ending, avg(abs(predicted_price_per_mwh - actual_price_per_mwh))
       AS mae_per_mwh, count(*) AS hours
FROM price_forecasts
WHERE market = ? AND actual_price_per_mwh IS NOT NULL
GROUP BY model, hour_ending
ORDER BY model, hour_ending;
