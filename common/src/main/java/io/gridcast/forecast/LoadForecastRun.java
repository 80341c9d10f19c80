package io.gridcast.forecast;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.gridcast.io.TableCatalog;
import io.gridcast.io.Tables;
import io.gridcast.registry.InputFingerprint;
import io.gridcast.registry.ModelArtifacts;
import io.gridcast.registry.ModelRegistry;
import io.gridcast.registry.ModelVersion;
import io.gridcast.registry.RegistryJson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Trains the day-ahead load models of one series, saves and registers them, and publishes the
 * test-period forecasts of the models and baselines to {@code forecasts}.
 */
public final class LoadForecastRun {

    private static final List<String> FINGERPRINT_COLUMNS =
            List.of("iso", "zone", "interval_start_utc", "load_mw");

    /**
     * Results of a run for one series.
     *
     * @param modelVersions registered version by model name
     */
    public record Summary(String iso, String zone, long inputRows, TimeSplit split,
            Map<String, ForecastMetrics> testMetrics,
            Map<String, Map<String, Double>> monthlyMapePercent,
            Map<String, Integer> modelVersions, String artifactUri, int bestIteration) {
    }

    private final SparkSession spark;
    private final TableCatalog catalog;
    private final ModelRegistry registry;
    private final DayAheadLoadForecast forecast;
    private final XgboostParameters parameters;
    private final DayAheadLoadForecast.Options options;

    public LoadForecastRun(SparkSession spark, TableCatalog catalog, ModelRegistry registry,
            DayAheadLoadForecast.Options options, XgboostParameters parameters) {
        this.spark = spark;
        this.catalog = catalog;
        this.registry = registry;
        this.forecast = new DayAheadLoadForecast(options, parameters);
        this.parameters = parameters;
        this.options = options;
    }

    /** Model name of an algorithm for one series, e.g. {@code load-day-ahead-xgboost-pjm-pjme}. */
    public static String modelName(String model, String iso, String zone) {
        return ("load-day-ahead-" + model + "-" + iso + "-" + zone).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]+", "-");
    }

    /** Trains, registers and publishes for {@code seriesRows}, one series of load_hourly. */
    public Summary run(Dataset<Row> seriesRows, String iso, String zone, String runId,
            Instant runTime) {
        Dataset<Row> rows = seriesRows.cache();
        long inputRows = rows.count();
        String fingerprint = InputFingerprint.of(rows, FINGERPRINT_COLUMNS);
        DayAheadLoadForecast.Outcome outcome = forecast.run(rows);

        ModelVersion main = register(DayAheadLoadForecast.MODEL, outcome.model(), outcome, iso,
                zone, inputRows, fingerprint, runId, runTime);
        ModelVersion calendarOnly = register(DayAheadLoadForecast.CALENDAR_BASELINE,
                outcome.calendarOnlyModel(), outcome, iso, zone, inputRows, fingerprint, runId,
                runTime);
        Map<String, Integer> versions = new LinkedHashMap<>();
        versions.put(DayAheadLoadForecast.MODEL, main.modelVersion());
        versions.put(DayAheadLoadForecast.CALENDAR_BASELINE, calendarOnly.modelVersion());

        publishForecasts(outcome, iso, zone, versions, runId);
        return new Summary(iso, zone, inputRows, outcome.split(), outcome.testMetrics(),
                outcome.monthlyMapePercent(), versions, main.artifactUri(),
                outcome.model().bestIteration());
    }

    private ModelVersion register(String model, XgboostTrainer.TrainedModel trained,
            DayAheadLoadForecast.Outcome outcome, String iso, String zone, long inputRows,
            String fingerprint, String runId, Instant runTime) {
        TimeSplit split = outcome.split();
        ModelVersion candidate = new ModelVersion(modelName(model, iso, zone), 0, "xgboost",
                "load_mw", iso, zone, RegistryJson.write(parameterMap()),
                RegistryJson.write(trained.featureCols()),
                RegistryJson.write(metricsJson(model, trained, outcome)), split.trainStart(),
                split.trainEnd(),
                split.validationStart(), split.validationEnd(), split.testStart(),
                split.testEnd(), inputRows, fingerprint, null, Versions.gridcast(),
                RegistryJson.write(Versions.libraries(spark)), runTime, "candidate", runId);
        return registry.registerOnce(candidate, artifact -> ModelArtifacts.save(trained.model(),
                artifact, spark.sparkContext().hadoopConfiguration()));
    }

    /** Returns the XGBoost parameters and the forecast settings that shaped the model. */
    private Map<String, Object> parameterMap() {
        Map<String, Object> all = new LinkedHashMap<>(parameters.asMap());
        DayAheadLoadForecast.Options settings = options;
        all.put("market_zone", settings.marketZone().getId());
        all.put("issue_hour_local", settings.issueHourLocal());
        all.put("lag_days", settings.lagDays());
        all.put("rolling_mean_hours", settings.rollingMeanHours());
        all.put("validation_days", settings.validationDays());
        all.put("log_target", settings.logTarget());
        all.put("daily_changes", settings.dailyChanges());
        return all;
    }

    private static Map<String, Object> metricsJson(String model,
            XgboostTrainer.TrainedModel trained, DayAheadLoadForecast.Outcome outcome) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("test", outcome.testMetrics().get(model));
        metrics.put("test_monthly_mape_percent", outcome.monthlyMapePercent().get(model));
        Map<String, Object> baselines = new LinkedHashMap<>();
        outcome.testMetrics().forEach((name, value) -> {
            if (!name.equals(model)) {
                baselines.put(name, value);
            }
        });
        metrics.put("baselines_test", baselines);
        metrics.put("validation_rmse_training_label", trained.validationRmse());
        metrics.put("best_iteration", trained.bestIteration());
        return metrics;
    }

    private void publishForecasts(DayAheadLoadForecast.Outcome outcome, String iso, String zone,
            Map<String, Integer> versions, String runId) {
        String model = modelName(DayAheadLoadForecast.MODEL, iso, zone);
        String calendarOnly = modelName(DayAheadLoadForecast.CALENDAR_BASELINE, iso, zone);
        String naive = modelName(DayAheadLoadForecast.WEEKLY_NAIVE, iso, zone);
        Dataset<Row> rows = outcome.testForecasts()
                .withColumn("model_version",
                        when(col("model").equalTo(DayAheadLoadForecast.MODEL),
                                lit(versions.get(DayAheadLoadForecast.MODEL)))
                        .when(col("model").equalTo(DayAheadLoadForecast.CALENDAR_BASELINE),
                                lit(versions.get(DayAheadLoadForecast.CALENDAR_BASELINE))))
                .withColumn("model_name",
                        when(col("model").equalTo(DayAheadLoadForecast.MODEL), lit(model))
                        .when(col("model").equalTo(DayAheadLoadForecast.CALENDAR_BASELINE),
                                lit(calendarOnly))
                        .otherwise(lit(naive)))
                .withColumn("target", lit("load_mw"))
                .withColumn("run_id", lit(runId));
        TimeSplit split = outcome.split();
        catalog.replace(Tables.FORECASTS, rows, "t.model_name IN "
                + TableCatalog.sqlList(List.of(model, calendarOnly, naive))
                + " AND t.operating_date BETWEEN DATE '" + split.testStart() + "' AND DATE '"
                + split.testEnd() + "'");
    }
}
