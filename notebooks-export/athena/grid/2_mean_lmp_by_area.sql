-- Load-weighted mean LMP and mean congestion component per control area of the case and
-- month, USD/MWh. The parameter is the case name, e.g. case_ACTIVSg2000.
SELECT b.area, year(l.operating_date) AS year, month(l.operating_date) AS month,
       sum(l.lmp_usd_per_mwh * l.load_mw) / sum(l.load_mw) AS load_weighted_lmp_usd_per_mwh,
       avg(l.congestion_usd_per_mwh) AS mean_congestion_usd_per_mwh,
       count(DISTINCT l.bus_id) AS buses
FROM lmp l
JOIN grid_bus b ON b.case_name = l.case_name AND b.bus_id = l.bus_id
WHERE l.case_name = ? AND l.load_mw > 0
GROUP BY b.area, year(l.operating_date), month(l.operating_date)
ORDER BY b.area, year, month;
