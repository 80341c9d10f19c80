-- Mean usage per 15-minute interval by local hour ending and meter, kWh: the household's
-- daily shape.
SELECT meter_id, hour_ending, avg(energy_kwh) AS mean_kwh_per_interval, count(*) AS intervals
FROM meter_interval
WHERE channel = 'consumption'
GROUP BY meter_id, hour_ending
ORDER BY meter_id, hour_ending;
