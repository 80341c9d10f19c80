-- Test metrics of every price model of one market: MAE and RMSE in currency per MWh, sMAPE,
-- MAE relative to the naive forecasts, and the errors on the top 5% of prices. The parameter
-- is the market, e.g. DE or PJM.
SELECT model, test_start, test_end, hours, mae_per_mwh, rmse_per_mwh, smape_percent,
       relative_mae, relative_mae_weekly, spike_threshold_per_mwh, spike_mae_per_mwh,
       train_seconds, currency
FROM price_forecast_metrics
WHERE market = ?
ORDER BY mae_per_mwh;
