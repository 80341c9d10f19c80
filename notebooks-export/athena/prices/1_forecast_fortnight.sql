-- The last 14 delivery days of the test period: each model's day-ahead price forecast and the
-- cleared price, hour by hour. The parameter is the market, e.g. DE or PJM.
SELECT model, delivery_date, hour_ending, predicted_price_per_mwh, actual_price_per_mwh,
       currency
FROM price_forecasts
WHERE market = ?
  AND delivery_date > (SELECT max(delivery_date) - INTERVAL '14' DAY FROM price_forecasts)
ORDER BY model, delivery_date, hour_ending;
