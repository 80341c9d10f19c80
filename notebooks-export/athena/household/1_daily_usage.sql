-- Energy drawn from the grid per meter and local operating day, kWh, with the number of
-- 15-minute intervals read (92 on the spring-forward day, 100 on the fall-back day).
SELECT meter_id, operating_date, sum(energy_kwh) AS usage_kwh, count(*) AS intervals
FROM meter_interval
WHERE channel = 'consumption'
GROUP BY meter_id, operating_date
ORDER BY meter_id, operating_date;
