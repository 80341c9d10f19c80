package io.gridcast.io;

import io.gridcast.io.TableDefinition.Column;
import java.util.List;

/** Definitions of the published tables: the contract with Athena and other readers. */
public final class Tables {

    public static final TableDefinition LOAD_HOURLY = new TableDefinition("load_hourly", List.of(
            new Column("iso", "string", "Market operator, e.g. PJM or ERCOT"),
            new Column("zone", "string", "Load zone or metering area as the ISO names it"),
            new Column("interval_start_utc", "timestamp", "Hour start, UTC, inclusive"),
            new Column("interval_end_utc", "timestamp", "Hour end, UTC, exclusive"),
            new Column("operating_date", "date", "Market-local date of the hour start"),
            new Column("hour_ending", "int", "Market-local hour ending, 1..24"),
            new Column("dst_flag", "boolean", "True for the repeated fall-back hour"),
            new Column("load_mw", "double", "Average load over the hour, MW"),
            new Column("is_verified", "boolean",
                    "ISO verification flag; null if the source has none"),
            new Column("source_file", "string", "URI of the file the row came from"),
            new Column("source_line", "bigint", "Line of the row in its file, header is line 1"),
            new Column("run_id", "string", "Run that published the row")),
            List.of("iso", "zone", "interval_start_utc"),
            "iso, years(interval_start_utc)");

    public static final TableDefinition PRICE_HOURLY = new TableDefinition("price_hourly", List.of(
            new Column("iso", "string", "Market operator, e.g. ERCOT"),
            new Column("market_run", "string", "DAM (day-ahead) or RTM (real-time)"),
            new Column("settlement_point", "string", "Priced location: node, hub or load zone"),
            new Column("interval_start_utc", "timestamp", "Hour start, UTC, inclusive"),
            new Column("interval_end_utc", "timestamp", "Hour end, UTC, exclusive"),
            new Column("operating_date", "date", "Market-local date of the hour start"),
            new Column("hour_ending", "int", "Market-local hour ending, 1..24"),
            new Column("dst_flag", "boolean", "True for the repeated fall-back hour"),
            new Column("price_usd_per_mwh", "double",
                    "Settlement point price, USD/MWh; may be negative"),
            new Column("source_file", "string",
                    "URI of the file (or zip member) the row came from"),
            new Column("source_line", "bigint", "Line of the row in its file, header is line 1"),
            new Column("run_id", "string", "Run that published the row")),
            List.of("iso", "market_run", "settlement_point", "interval_start_utc"),
            "iso, market_run, months(interval_start_utc)");

    public static final TableDefinition PRICE_INTERVAL = new TableDefinition("price_interval",
            List.of(
            new Column("iso", "string", "Market operator, e.g. ERCOT"),
            new Column("market_run", "string", "RTM (real-time)"),
            new Column("settlement_point", "string", "Priced location: node, hub or load zone"),
            new Column("settlement_point_type", "string",
                    "ISO's type of the point, e.g. HU, LZ, LZEW (energy-weighted zone), RN"),
            new Column("interval_start_utc", "timestamp", "Interval start, UTC, inclusive"),
            new Column("interval_end_utc", "timestamp", "Interval end, UTC, exclusive"),
            new Column("operating_date", "date", "Market-local date of the interval start"),
            new Column("hour_ending", "int", "Market-local hour ending of the interval, 1..24"),
            new Column("interval_ending", "int", "Interval within the hour, 1..4"),
            new Column("dst_flag", "boolean", "True within the repeated fall-back hour"),
            new Column("price_usd_per_mwh", "double",
                    "Settlement point price, USD/MWh; may be negative"),
            new Column("source_file", "string",
                    "URI of the file (or zip member) the row came from"),
            new Column("source_line", "bigint", "Line of the row in its file, header is line 1"),
            new Column("run_id", "string", "Run that published the row")),
            List.of("iso", "market_run", "settlement_point", "settlement_point_type",
                    "interval_start_utc"),
            "iso, market_run, days(interval_start_utc)");

    public static final TableDefinition PRICE_INPUTS_HOURLY = new TableDefinition(
            "price_inputs_hourly", List.of(
            new Column("market", "string", "Price dataset's market, e.g. DE or PJM"),
            new Column("delivery_date", "date",
                    "Market-local delivery day; DST days regularised to 24 hours"),
            new Column("hour_ending", "int",
                    "Nominal local hour ending, 1..24: the dataset's hour beginning plus one"),
            new Column("price_per_mwh", "double",
                    "Day-ahead price in currency per MWh; may be negative"),
            new Column("currency", "string", "ISO 4217 currency of the price, e.g. EUR or USD"),
            new Column("exogenous_1", "double",
                    "First exogenous series, e.g. a load forecast in MW"),
            new Column("exogenous_2", "double",
                    "Second exogenous series, e.g. a solar and wind forecast in MW"),
            new Column("exogenous_1_name", "string", "Header of exogenous_1, as published"),
            new Column("exogenous_2_name", "string", "Header of exogenous_2, as published"),
            new Column("source_file", "string",
                    "URI of the file (or zip member) the row came from"),
            new Column("source_line", "bigint", "Line of the row in its file, header is line 1"),
            new Column("run_id", "string", "Run that published the row")),
            List.of("market", "delivery_date", "hour_ending"),
            "market, years(delivery_date)");

    public static final TableDefinition DAM_ENERGY_SOLD = damEnergy("dam_energy_sold", "sold");

    public static final TableDefinition DAM_ENERGY_PURCHASED =
            damEnergy("dam_energy_purchased", "purchased");

    public static final TableDefinition REJECTS = new TableDefinition("rejects", List.of(
            new Column("job", "string", "Job that read the row, e.g. pjm-load"),
            new Column("source_file", "string", "URI of the file the row came from"),
            new Column("line_number", "bigint", "Line of the row in its file, header is line 1"),
            new Column("raw_line", "string", "The row as read"),
            new Column("reason", "string", "Why the row was rejected"),
            new Column("run_id", "string", "Run that rejected the row"),
            new Column("rejected_at_utc", "timestamp", "When the run rejected the row")),
            List.of("job", "source_file", "line_number"),
            "job");

    public static final TableDefinition FORECASTS = new TableDefinition("forecasts", List.of(
            new Column("model_name", "string", "Registered model, or baseline, that forecast"),
            new Column("model_version", "int", "Version of the model in model_registry"),
            new Column("target", "string", "Forecast quantity, e.g. load_mw"),
            new Column("iso", "string", "Market operator"),
            new Column("zone", "string", "Load zone"),
            new Column("interval_start_utc", "timestamp", "Delivery hour start, UTC"),
            new Column("operating_date", "date", "Market-local date of the delivery hour"),
            new Column("hour_ending", "int", "Market-local hour ending, 1..24"),
            new Column("dst_flag", "boolean", "True for the repeated fall-back hour"),
            new Column("issued_at_utc", "timestamp", "When the forecast was issued, UTC"),
            new Column("horizon_hours", "int", "Hours from issue to the end of the delivery hour"),
            new Column("predicted_mw", "double", "Forecast, MW"),
            new Column("actual_mw", "double", "Metered value when known, MW"),
            new Column("run_id", "string", "Run that published the row")),
            List.of("model_name", "iso", "zone", "interval_start_utc", "issued_at_utc"),
            "model_name, years(interval_start_utc)");

    public static final TableDefinition MODEL_REGISTRY = new TableDefinition("model_registry",
            List.of(
            new Column("model_name", "string", "Model name, one per series and algorithm"),
            new Column("model_version", "int", "Version, from 1 upwards per model name"),
            new Column("algorithm", "string", "e.g. xgboost"),
            new Column("target", "string", "Forecast quantity, e.g. load_mw"),
            new Column("iso", "string", "Market operator of the series"),
            new Column("zone", "string", "Zone of the series"),
            new Column("parameters_json", "string", "All hyperparameters, JSON"),
            new Column("features_json", "string", "Ordered feature columns, JSON array"),
            new Column("metrics_json", "string", "Test metrics of the model and baselines, JSON"),
            new Column("train_start", "date", "First training operating date"),
            new Column("train_end", "date", "Last training operating date"),
            new Column("validation_start", "date", "First early-stopping operating date"),
            new Column("validation_end", "date", "Last early-stopping operating date"),
            new Column("test_start", "date", "First test operating date"),
            new Column("test_end", "date", "Last test operating date"),
            new Column("input_rows", "bigint", "Rows of the input series"),
            new Column("input_fingerprint", "string", "Order-independent hash of the input rows"),
            new Column("artifact_uri", "string", "Folder of the saved model"),
            new Column("code_version", "string", "gridcast version that trained the model"),
            new Column("library_versions_json", "string", "Spark, XGBoost and Java versions, JSON"),
            new Column("created_at_utc", "timestamp", "When the version was registered"),
            new Column("stage", "string", "candidate or production"),
            new Column("run_id", "string", "Run that trained the model")),
            List.of("model_name", "model_version"),
            "");

    public static final TableDefinition METER_INTERVAL = new TableDefinition("meter_interval",
            List.of(
            new Column("meter_id", "string",
                    "Keyed hash (HMAC-SHA256, 32 hex digits) of the meter's ESIID"),
            new Column("channel", "string",
                    "consumption (from the grid) or surplus_generation (exported to the grid)"),
            new Column("interval_start_utc", "timestamp", "Interval start, UTC, inclusive"),
            new Column("interval_end_utc", "timestamp", "Interval end, UTC, exclusive"),
            new Column("operating_date", "date", "Local (Central) date of the interval start"),
            new Column("hour_ending", "int", "Local hour ending of the interval, 1..24"),
            new Column("interval_ending", "int", "Interval within the hour, 1..4"),
            new Column("dst_flag", "boolean", "True within the repeated fall-back hour"),
            new Column("energy_kwh", "double", "Energy of the channel over the interval, kWh"),
            new Column("is_estimated", "boolean",
                    "True if the meter read was estimated, false if actual, null if not given"),
            new Column("revised_at_utc", "timestamp",
                    "When the meter data provider posted this revision; the latest is kept"),
            new Column("source_file", "string", "URI of the file the row came from"),
            new Column("source_line", "bigint", "Line of the row in its file, header is line 1"),
            new Column("run_id", "string", "Run that published the row")),
            List.of("meter_id", "channel", "interval_start_utc"),
            "channel, months(interval_start_utc)");

    public static final TableDefinition METER_FORECASTS = new TableDefinition("meter_forecasts",
            List.of(
            new Column("meter_id", "string", "Pseudonymised meter id, as in meter_interval"),
            new Column("evaluation", "string",
                    "holdout (classic chronological split) or rolling_origin"),
            new Column("model", "string", "lstm, lstm_shared (one model for all meters), "
                    + "persistence, same_interval_yesterday or same_interval_last_week"),
            new Column("origin_utc", "timestamp",
                    "Start of the first interval forecast from the same inputs"),
            new Column("interval_start_utc", "timestamp", "Interval forecast, UTC start"),
            new Column("step", "int", "Intervals ahead of the last input, 1 = next interval"),
            new Column("predicted_kwh", "double", "Forecast consumption over the interval, kWh"),
            new Column("actual_kwh", "double", "Metered consumption over the interval, kWh"),
            new Column("run_id", "string", "Run that trained the models")),
            List.of("meter_id", "evaluation", "model", "origin_utc", "interval_start_utc"),
            "evaluation");

    public static final TableDefinition PRICE_FORECASTS = new TableDefinition("price_forecasts",
            List.of(
            new Column("market", "string", "Market of the prices, e.g. DE or PJM"),
            new Column("model", "string",
                    "naive, lear, mlp, cnn_lstm or nn_ensemble (mean of mlp and cnn_lstm)"),
            new Column("delivery_date", "date", "Market-local delivery day"),
            new Column("hour_ending", "int", "Market-local hour ending, 1..24"),
            new Column("predicted_price_per_mwh", "double",
                    "Forecast made the day before delivery, currency per MWh"),
            new Column("actual_price_per_mwh", "double", "Cleared day-ahead price"),
            new Column("currency", "string", "Currency of the prices, e.g. EUR or USD"),
            new Column("run_id", "string", "Run that made the forecast")),
            List.of("market", "model", "delivery_date", "hour_ending"),
            "market, model");

    public static final TableDefinition PRICE_FORECAST_METRICS = new TableDefinition(
            "price_forecast_metrics", List.of(
            new Column("market", "string", "Market of the prices"),
            new Column("model", "string",
                    "naive, lear, mlp, cnn_lstm or nn_ensemble (mean of mlp and cnn_lstm)"),
            new Column("test_start", "date", "First delivery day scored"),
            new Column("test_end", "date", "Last delivery day scored"),
            new Column("hours", "int", "Hours scored"),
            new Column("mae_per_mwh", "double", "Mean absolute error, currency per MWh"),
            new Column("rmse_per_mwh", "double", "Root mean squared error, currency per MWh"),
            new Column("smape_percent", "double",
                    "Symmetric mean absolute percentage error, percent"),
            new Column("relative_mae", "double", "MAE divided by the naive forecast's MAE"),
            new Column("relative_mae_weekly", "double", "MAE divided by the MAE of the same "
                    + "hour a week before within the test period, as the benchmark publishes"),
            new Column("spike_threshold_per_mwh", "double",
                    "Smallest actual price of the top 5% of test hours"),
            new Column("spike_mae_per_mwh", "double", "MAE over the top 5% of test hours"),
            new Column("spike_rmse_per_mwh", "double", "RMSE over the top 5% of test hours"),
            new Column("train_seconds", "double",
                    "Wall time of training and every recalibration, seconds"),
            new Column("currency", "string", "Currency of the prices"),
            new Column("run_id", "string", "Run that scored the model")),
            List.of("market", "model"),
            "");

    public static final TableDefinition PRICE_DM_TESTS = new TableDefinition("price_dm_tests",
            List.of(
            new Column("market", "string", "Market of the prices"),
            new Column("model_a", "string", "Reference model"),
            new Column("model_b", "string", "Model tested for better accuracy than model_a"),
            new Column("statistic", "double",
                    "Multivariate Diebold-Mariano statistic on daily mean absolute errors"),
            new Column("p_value", "double",
                    "One-sided p-value of: model_b is more accurate than model_a"),
            new Column("days", "int", "Daily loss differentials in the test"),
            new Column("test_start", "date", "First delivery day scored"),
            new Column("test_end", "date", "Last delivery day scored"),
            new Column("run_id", "string", "Run that ran the test")),
            List.of("market", "model_a", "model_b"),
            "");

    public static final TableDefinition LMP = new TableDefinition("lmp", List.of(
            new Column("case_name", "string", "Network case the prices are for"),
            new Column("interval_start_utc", "timestamp", "Hour start, UTC, inclusive"),
            new Column("operating_date", "date", "Market-local date of the hour, from the load curve"),
            new Column("hour_ending", "int", "Market-local hour ending, 1..24"),
            new Column("dst_flag", "boolean", "True for the repeated fall-back hour"),
            new Column("bus_id", "int", "Bus number of the case"),
            new Column("island_id", "int", "Island of the bus: its smallest bus number"),
            new Column("lmp_usd_per_mwh", "double",
                    "Locational marginal price: dual of the bus's power balance, USD/MWh"),
            new Column("energy_usd_per_mwh", "double",
                    "Energy component: the LMP of the island's reference bus"),
            new Column("congestion_usd_per_mwh", "double",
                    "Congestion component: LMP minus energy and loss components"),
            new Column("loss_usd_per_mwh", "double",
                    "Loss component: 0, because the DC model is lossless"),
            new Column("load_mw", "double", "Demand of the bus in the hour, MW"),
            new Column("run_id", "string", "Run that solved the hour")),
            List.of("case_name", "interval_start_utc", "bus_id"),
            "case_name, months(interval_start_utc)");

    public static final TableDefinition BRANCH_FLOW = new TableDefinition("branch_flow", List.of(
            new Column("case_name", "string", "Network case"),
            new Column("interval_start_utc", "timestamp", "Hour start, UTC, inclusive"),
            new Column("operating_date", "date", "Market-local date of the hour"),
            new Column("hour_ending", "int", "Market-local hour ending, 1..24"),
            new Column("dst_flag", "boolean", "True for the repeated fall-back hour"),
            new Column("branch_index", "int", "1-based row of the branch in the case"),
            new Column("from_bus", "int", "Bus at the from end"),
            new Column("to_bus", "int", "Bus at the to end"),
            new Column("flow_mw", "double", "Real power entering at the from end, MW"),
            new Column("rate_a_mw", "double", "Flow limit, MW; null when unlimited"),
            new Column("shadow_price_from_usd_per_mwh", "double",
                    "Shadow price of the limit in the from-to direction, USD/MWh per MW"),
            new Column("shadow_price_to_usd_per_mwh", "double",
                    "Shadow price of the limit in the to-from direction, USD/MWh per MW"),
            new Column("binding", "boolean", "True when a shadow price is above 1e-6"),
            new Column("congestion_rent_usd", "double",
                    "Flow times the LMP difference from the from to the to bus, USD"),
            new Column("run_id", "string", "Run that solved the hour")),
            List.of("case_name", "interval_start_utc", "branch_index"),
            "case_name, months(interval_start_utc)");

    public static final TableDefinition GENERATOR_DISPATCH = new TableDefinition(
            "generator_dispatch", List.of(
            new Column("case_name", "string", "Network case"),
            new Column("interval_start_utc", "timestamp", "Hour start, UTC, inclusive"),
            new Column("operating_date", "date", "Market-local date of the hour"),
            new Column("hour_ending", "int", "Market-local hour ending, 1..24"),
            new Column("dst_flag", "boolean", "True for the repeated fall-back hour"),
            new Column("generator_index", "int", "1-based row of the unit in the case"),
            new Column("bus_id", "int", "Bus of the unit"),
            new Column("dispatch_mw", "double", "Output of the unit, MW"),
            new Column("lmp_usd_per_mwh", "double", "LMP at the unit's bus"),
            new Column("revenue_usd", "double", "Dispatch times LMP, USD for the hour"),
            new Column("cost_usd", "double", "Cost curve at the dispatch, USD for the hour"),
            new Column("run_id", "string", "Run that solved the hour")),
            List.of("case_name", "interval_start_utc", "generator_index"),
            "case_name, months(interval_start_utc)");

    public static final TableDefinition OPF_HOURS = new TableDefinition("opf_hours", List.of(
            new Column("case_name", "string", "Network case"),
            new Column("interval_start_utc", "timestamp", "Hour start, UTC, inclusive"),
            new Column("operating_date", "date", "Market-local date of the hour"),
            new Column("hour_ending", "int", "Market-local hour ending, 1..24"),
            new Column("dst_flag", "boolean", "True for the repeated fall-back hour"),
            new Column("load_factor", "double",
                    "Factor on the case's bus loads: the curve's load over its peak"),
            new Column("load_mw", "double", "Total demand of the hour, MW"),
            new Column("status", "string", "optimal, or infeasible with a reason"),
            new Column("reason", "string", "Why the hour has no prices; null when optimal"),
            new Column("objective_usd", "double",
                    "Total generation cost of the hour, USD, constant cost terms included"),
            new Column("binding_branches", "int", "Branches at their flow limit"),
            new Column("congestion_rent_usd", "double",
                    "Congestion rent collected in the hour, USD"),
            new Column("solve_seconds", "double", "Wall time of the solve, seconds"),
            new Column("run_id", "string", "Run that solved the hour")),
            List.of("case_name", "interval_start_utc"),
            "case_name");

    public static final TableDefinition CRR_SETTLEMENT = new TableDefinition("crr_settlement",
            List.of(
            new Column("market", "string", "Case name or ISO whose prices settle the right"),
            new Column("holding_id", "string", "Id of the right in the holdings file"),
            new Column("interval_start_utc", "timestamp", "Hour start, UTC, inclusive"),
            new Column("source", "string", "Source bus or settlement point"),
            new Column("sink", "string", "Sink bus or settlement point"),
            new Column("mw", "double", "Quantity of the right, MW"),
            new Column("holding_type", "string", "obligation or option"),
            new Column("price_basis", "string",
                    "lmp (total price, ERCOT CRRs) or congestion (component, PJM FTRs)"),
            new Column("source_price_usd_per_mwh", "double", "Price at the source"),
            new Column("sink_price_usd_per_mwh", "double", "Price at the sink"),
            new Column("payoff_usd", "double",
                    "MW times (sink minus source price); options at least 0"),
            new Column("run_id", "string", "Run that settled the right")),
            List.of("market", "holding_id", "interval_start_utc"),
            "market");

    public static final TableDefinition CRR_SETTLEMENT_TOTALS = new TableDefinition(
            "crr_settlement_totals", List.of(
            new Column("market", "string", "Case name or ISO whose prices settle the right"),
            new Column("holding_id", "string", "Id of the right in the holdings file"),
            new Column("source", "string", "Source bus or settlement point"),
            new Column("sink", "string", "Sink bus or settlement point"),
            new Column("mw", "double", "Quantity of the right, MW"),
            new Column("holding_type", "string", "obligation or option"),
            new Column("price_basis", "string", "lmp or congestion"),
            new Column("period_hours", "bigint", "Hours in the right's period"),
            new Column("settled_hours", "bigint", "Hours with a price at source and sink"),
            new Column("unpriced_hours", "bigint",
                    "Hours without a price at source or sink, which pay nothing"),
            new Column("payoff_usd", "double", "Sum of the hourly payoffs, USD"),
            new Column("run_id", "string", "Run that settled the right")),
            List.of("market", "holding_id"),
            "");

    public static final TableDefinition CONGESTION_RENT = new TableDefinition("congestion_rent",
            List.of(
            new Column("market", "string", "Case name"),
            new Column("interval_start_utc", "timestamp", "Hour start, UTC, inclusive"),
            new Column("congestion_rent_usd", "double",
                    "Rent collected: sum over branches of flow times LMP difference, USD"),
            new Column("payoff_usd", "double", "Payoffs of every settled right in the hour"),
            new Column("surplus_usd", "double", "Rent minus payoffs"),
            new Column("adequate", "boolean", "True when the rent covers the payoffs"),
            new Column("run_id", "string", "Run that settled the rights")),
            List.of("market", "interval_start_utc"),
            "market");
    public static final TableDefinition GRID_BUS = new TableDefinition("grid_bus", List.of(
            new Column("case_name", "string", "Network case, e.g. three-bus or case9"),
            new Column("bus_id", "int", "Bus number as the case gives it"),
            new Column("bus_name", "string", "Bus name, or empty"),
            new Column("bus_type", "string",
                    "PQ (load), PV (generator), REF (reference) or ISOLATED, MATPOWER's types 1-4"),
            new Column("load_mw", "double", "Real-power demand, MW"),
            new Column("shunt_mw", "double",
                    "Real power drawn by the shunt conductance at 1 p.u. voltage, MW"),
            new Column("area", "int", "Control area number"),
            new Column("base_kv", "double", "Nominal voltage, kV, or 0 when not given"),
            new Column("island_id", "int",
                    "Island of the bus: the lowest bus id connected to it by in-service branches"),
            new Column("is_island_reference", "boolean",
                    "True for the bus whose voltage angle is 0 in its island's power flow"),
            new Column("source_file", "string", "URI of the file the bus came from"),
            new Column("run_id", "string", "Run that published the row")),
            List.of("case_name", "bus_id"),
            "case_name");

    public static final TableDefinition GRID_BRANCH = new TableDefinition("grid_branch", List.of(
            new Column("case_name", "string", "Network case, e.g. three-bus or case9"),
            new Column("branch_index", "int",
                    "Row of the branch in the case, from 1, which tells parallel branches apart"),
            new Column("from_bus", "int", "Bus at the from end"),
            new Column("to_bus", "int", "Bus at the to end"),
            new Column("reactance_pu", "double", "Series reactance, per unit on base_mva"),
            new Column("tap_ratio", "double", "Off-nominal turns ratio, 1 for lines"),
            new Column("phase_shift_degrees", "double", "Phase-shifter angle, degrees"),
            new Column("rate_a_mw", "double",
                    "Long-term flow limit, MW, or null for an unlimited branch"),
            new Column("in_service", "boolean", "True if the branch is switched in"),
            new Column("island_id", "int",
                    "Island of both ends, or null for an out-of-service branch between islands"),
            new Column("base_mva", "double", "System MVA base of reactance_pu"),
            new Column("source_file", "string", "URI of the file the branch came from"),
            new Column("run_id", "string", "Run that published the row")),
            List.of("case_name", "branch_index"),
            "case_name");

    public static final TableDefinition GRID_GENERATOR = new TableDefinition("grid_generator",
            List.of(
            new Column("case_name", "string", "Network case, e.g. three-bus or case9"),
            new Column("generator_index", "int",
                    "Row of the unit in the case, from 1 (several units can share a bus)"),
            new Column("bus_id", "int", "Bus the unit injects at"),
            new Column("min_mw", "double", "Lower output limit while on line, MW"),
            new Column("max_mw", "double", "Upper output limit, MW"),
            new Column("in_service", "boolean", "True if the unit is on line"),
            new Column("cost_model", "string", "polynomial or piecewise_linear"),
            new Column("cost_coefficients", "array<double>",
                    "Polynomial cost in USD/h, highest power first: [c2 USD/MW^2h, c1 USD/MWh,"
                            + " c0 USD/h] or [c1, c0], empty for piecewise_linear"),
            new Column("cost_points_mw", "array<double>",
                    "Outputs of the piecewise-linear cost curve in increasing order, MW, "
                            + "empty for polynomial"),
            new Column("cost_points_usd_per_h", "array<double>",
                    "Costs at cost_points_mw, USD/h"),
            new Column("startup_cost_usd", "double", "Start-up cost, USD, for information only"),
            new Column("island_id", "int", "Island of the unit's bus"),
            new Column("source_file", "string", "URI of the file the unit came from"),
            new Column("run_id", "string", "Run that published the row")),
            List.of("case_name", "generator_index"),
            "case_name");

    /** Every published table, in the order the documentation lists them. */
    public static final List<TableDefinition> ALL = List.of(LOAD_HOURLY, PRICE_HOURLY,
            PRICE_INTERVAL, PRICE_INPUTS_HOURLY, DAM_ENERGY_SOLD, DAM_ENERGY_PURCHASED,
            METER_INTERVAL, GRID_BUS, GRID_BRANCH, GRID_GENERATOR, REJECTS, FORECASTS,
            METER_FORECASTS, PRICE_FORECASTS, PRICE_FORECAST_METRICS, PRICE_DM_TESTS,
            LMP, BRANCH_FLOW, GENERATOR_DISPATCH, OPF_HOURS, CRR_SETTLEMENT,
            CRR_SETTLEMENT_TOTALS, CONGESTION_RENT, MODEL_REGISTRY);

    private Tables() {
    }

    private static TableDefinition damEnergy(String name, String side) {
        return new TableDefinition(name, List.of(
                new Column("iso", "string", "Market operator, e.g. ERCOT"),
                new Column("settlement_point", "string", "Settlement point of the awards"),
                new Column("interval_start_utc", "timestamp", "Hour start, UTC, inclusive"),
                new Column("interval_end_utc", "timestamp", "Hour end, UTC, exclusive"),
                new Column("operating_date", "date", "Market-local date of the hour start"),
                new Column("hour_ending", "int", "Market-local hour ending, 1..24"),
                new Column("dst_flag", "boolean", "True for the repeated fall-back hour"),
                new Column("energy_mwh", "double", "Total day-ahead energy " + side + ", MWh"),
                new Column("source_file", "string",
                        "URI of the file (or zip member) the row came from"),
                new Column("source_line", "bigint",
                        "Line of the row in its file, header is line 1"),
                new Column("run_id", "string", "Run that published the row")),
                List.of("iso", "settlement_point", "interval_start_utc"),
                "iso, months(interval_start_utc)");
    }
}
