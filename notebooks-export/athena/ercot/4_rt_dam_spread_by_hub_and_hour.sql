-- Spread of each 15-minute real-time price to the day-ahead price of the same hub and hour:
-- RT minus DAM, USD/MWh. Intervals are matched to their DAM hour by UTC instant, so the
-- repeated fall-back hour pairs with its own DAM price, never with the first 01:00-02:00.
-- Only hours with both prices appear.
SELECT dam.operating_date,
       dam.hour_ending,
       dam.dst_flag,
       rt.settlement_point AS hub,
       rt.interval_ending,
       rt.interval_start_utc,
       dam.price_usd_per_mwh AS dam_price_usd_per_mwh,
       rt.price_usd_per_mwh AS rt_price_usd_per_mwh,
       round(rt.price_usd_per_mwh - dam.price_usd_per_mwh, 2) AS spread_usd_per_mwh
FROM price_interval rt
JOIN price_hourly dam
  ON dam.iso = rt.iso
 AND dam.settlement_point = rt.settlement_point
 AND dam.interval_start_utc = date_trunc('hour', rt.interval_start_utc)
WHERE rt.iso = 'ERCOT' AND rt.market_run = 'RTM' AND dam.market_run = 'DAM'
  AND substr(rt.settlement_point, 1, 3) = 'HB_'
ORDER BY hub, rt.interval_start_utc;
