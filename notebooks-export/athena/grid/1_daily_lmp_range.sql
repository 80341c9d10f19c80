-- LMP range of one network case per market-local operating day: the energy component (the
-- reference bus price), the lowest and highest bus LMP, and the hours with congestion. The
-- parameter is the case name, e.g. case_ACTIVSg2000.
SELECT operating_date,
       avg(energy_usd_per_mwh) AS mean_energy_usd_per_mwh,
       min(lmp_usd_per_mwh) AS lowest_lmp_usd_per_mwh,
       max(lmp_usd_per_mwh) AS highest_lmp_usd_per_mwh,
       count(DISTINCT CASE WHEN abs(congestion_usd_per_mwh) > 0.005
                           THEN interval_start_utc END) AS congested_hours
FROM lmp
WHERE case_name = ?
GROUP BY operating_date
ORDER BY operating_date;
