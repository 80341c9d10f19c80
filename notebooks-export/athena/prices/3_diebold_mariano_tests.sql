-- Diebold-Mariano tests between pairs of price models: a p-value below 0.05 means model_b's
-- daily errors are smaller than model_a's beyond chance. The parameter is the market.
SELECT model_a, model_b, statistic, p_value, days, test_start, test_end
FROM price_dm_tests
WHERE market = ?
ORDER BY model_a, model_b;
