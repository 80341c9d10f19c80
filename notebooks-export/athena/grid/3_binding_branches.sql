-- Branches of one case that reached their flow limit, most often binding first: hours at the
-- limit, mean and highest shadow price, and the congestion rent they collected. The
-- parameter is the case name, e.g. case_ACTIVSg2000.
SELECT branch_index, from_bus, to_bus, rate_a_mw, count(*) AS hours_binding,
       avg(greatest(shadow_price_from_usd_per_mwh, shadow_price_to_usd_per_mwh))
           AS mean_shadow_price_usd_per_mwh,
       max(greatest(shadow_price_from_usd_per_mwh, shadow_price_to_usd_per_mwh))
           AS highest_shadow_price_usd_per_mwh,
       sum(congestion_rent_usd) AS congestion_rent_usd
FROM branch_flow
WHERE case_name = ? AND binding
GROUP BY branch_index, from_bus, to_bus, rate_a_mw
ORDER BY hours_binding DESC, congestion_rent_usd DESC
LIMIT 20;
