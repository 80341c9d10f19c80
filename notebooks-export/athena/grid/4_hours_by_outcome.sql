-- Hours of one case by month and outcome (optimal, or infeasible with its reason), with the
-- total load and the mean solve time. The parameter is the case name.
SELECT year(operating_date) AS year, month(operating_date) AS month, status,
       count(*) AS hours, avg(load_mw) AS mean_load_mw, sum(congestion_rent_usd)
       AS congestion_rent_usd, avg(solve_seconds) AS mean_solve_seconds
FROM opf_hours
WHERE case_name = ?
GROUP BY year(operating_date), month(operating_date), status
ORDER BY year, month, status;
