-- Settled CRR holdings of one market (a case name or an ISO), largest payoff first. The
-- parameter is the market, e.g. case_ACTIVSg2000 or ERCOT.
SELECT holding_id, holding_type, source, sink, mw, price_basis, settled_hours,
       unpriced_hours, payoff_usd
FROM crr_settlement_totals
WHERE market = ?
ORDER BY payoff_usd DESC, holding_id;
