-- Daily average, minimum and maximum DAM settlement point price per hub (HB_*), per
-- operating day in Central prevailing time. Negative prices are kept: they are real prices.
-- A spring-forward day averages 23 hours and a fall-back day 25.
SELECT operating_date,
       settlement_point AS hub,
       round(avg(price_usd_per_mwh), 4) AS avg_price_usd_per_mwh,
       min(price_usd_per_mwh) AS min_price_usd_per_mwh,
       max(price_usd_per_mwh) AS max_price_usd_per_mwh,
       count(*) AS hours
FROM price_hourly
WHERE iso = 'ERCOT' AND market_run = 'DAM' AND substr(settlement_point, 1, 3) = 'HB_'
GROUP BY operating_date, settlement_point
ORDER BY operating_date, hub;
