-- The hours of one operating day ranked by DAM energy sold across all settlement points, the
-- largest first. The parameter is the operating day, e.g. 2024-11-03:
--   gridcast query --sql FILE --param 2024-11-03
--   Athena: EXECUTE statement USING '2024-11-03' (or fill in the prompt for ?).
-- On the fall-back day, hour ending 2 appears twice. dst_flag = true marks the repeated hour
-- and interval_start_utc differs, so the two hours are ranked separately.
SELECT rank() OVER (ORDER BY sum(energy_mwh) DESC) AS energy_rank,
       hour_ending,
       dst_flag,
       interval_start_utc,
       round(sum(energy_mwh), 3) AS energy_sold_mwh,
       count(*) AS settlement_points
FROM dam_energy_sold
WHERE iso = 'ERCOT' AND operating_date = CAST(? AS DATE)
GROUP BY hour_ending, dst_flag, interval_start_utc
ORDER BY energy_sold_mwh DESC, interval_start_utc;
