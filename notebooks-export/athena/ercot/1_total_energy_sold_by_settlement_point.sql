-- Total DAM energy sold by settlement point over every operating day loaded, largest first.
-- Runs in Athena (database gridcast selected) and with `gridcast query --sql FILE`.
SELECT settlement_point,
       round(sum(energy_mwh), 3) AS energy_sold_mwh,
       count(*) AS hours,
       min(operating_date) AS first_operating_date,
       max(operating_date) AS last_operating_date
FROM dam_energy_sold
WHERE iso = 'ERCOT'
GROUP BY settlement_point
ORDER BY energy_sold_mwh DESC, settlement_point;
