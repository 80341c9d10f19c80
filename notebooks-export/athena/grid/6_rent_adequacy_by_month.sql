-- Congestion rent collected against CRR payoffs per month of one case, with the hours where
-- the rent did not cover the payoffs. The parameter is the case name.
SELECT year(interval_start_utc) AS year, month(interval_start_utc) AS month,
       sum(congestion_rent_usd) AS congestion_rent_usd, sum(payoff_usd) AS payoff_usd,
       sum(surplus_usd) AS surplus_usd,
       sum(CASE WHEN adequate THEN 0 ELSE 1 END) AS hours_underfunded
FROM congestion_rent
WHERE market = ?
GROUP BY year(interval_start_utc), month(interval_start_utc)
ORDER BY year, month;
