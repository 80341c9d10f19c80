-- Daily peak and mean load of one zone over its whole history, by market-local operating
-- day. The parameter is the zone, e.g. PJME.
SELECT operating_date, max(load_mw) AS peak_load_mw, avg(load_mw) AS mean_load_mw,
       count(*) AS hours
FROM load_hourly
WHERE zone = ?
GROUP BY operating_date
ORDER BY operating_date;
