package io.gridcast.forecast;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import io.gridcast.config.Settings;
import io.gridcast.features.CalendarFeatures;
import io.gridcast.features.HorizonSafeLags;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Day-ahead hourly load forecast of one series with XGBoost, evaluated against two baselines
 * in the same run: the same hour one week before, and XGBoost on calendar features only.
 *
 * <p>Every feature of a delivery hour uses only load that was known when the forecast was
 * issued, {@code issue-hour-local} on the day before. The split is chronological by operating
 * date. Early stopping reads only the validation period, and the test period is scored once.
 */
public final class DayAheadLoadForecast {

    public static final String MODEL = "xgboost";
    public static final String CALENDAR_BASELINE = "xgboost-calendar-only";
    public static final String WEEKLY_NAIVE = "weekly-naive";

    /** Calendar features of the widely copied calendar-only load model. */
    public static final List<String> CALENDAR_ONLY_FEATURES = List.of(
            "hour", "day_of_week", "quarter", "month", "year", "day_of_year", "day_of_month",
            "iso_week");

    private static final Logger LOG = LoggerFactory.getLogger(DayAheadLoadForecast.class);
    private static final String LABEL = "load_mw";
    private static final String TRAINING_LABEL = "training_label";
    private static final String AT_ISSUE_CHANGE = LABEL + "_at_issue_change_1d";
    private static final String MEAN_24H_CHANGE = LABEL + "_mean_24h_change_1d";

    /**
     * Forecast settings, from {@code gridcast.forecast.*}.
     *
     * @param logTarget train on the natural log of load, so that the squared error weighs
     *     relative errors alike at low and high load
     * @param dailyChanges add the change of the load at issue time and of its 24-hour mean
     *     since the previous day's issue time
     */
    public record Options(ZoneId marketZone, int issueHourLocal, List<Integer> lagDays,
            List<Integer> rollingMeanHours, LocalDate testStart, int testDays, int validationDays,
            boolean logTarget, boolean dailyChanges) {

        public static Options from(Settings settings, ZoneId marketZone) {
            String testStart = settings.string("forecast.test-start");
            return new Options(marketZone,
                    settings.integer("forecast.issue-hour-local"),
                    settings.integers("forecast.lag-days"),
                    settings.integers("forecast.rolling-mean-hours"),
                    testStart.isBlank() ? null : LocalDate.parse(testStart),
                    settings.integer("forecast.test-days"),
                    settings.integer("forecast.validation-days"),
                    settings.flag("forecast.log-target"),
                    settings.flag("forecast.daily-changes"));
        }
    }

    /**
     * The outcome of one run.
     *
     * @param testForecasts test-period rows of every model: {@code model}, key and label columns,
     *     {@code predicted_mw}, {@code actual_mw}
     * @param testMetrics test metrics by model, on the same hours for every model
     * @param monthlyMapePercent test MAPE by model and month ({@code yyyy-MM})
     */
    public record Outcome(TimeSplit split, XgboostTrainer.TrainedModel model,
            XgboostTrainer.TrainedModel calendarOnlyModel, List<String> featureCols,
            Dataset<Row> testForecasts, Map<String, ForecastMetrics> testMetrics,
            Map<String, Map<String, Double>> monthlyMapePercent) {
    }

    private final Options options;
    private final XgboostTrainer trainer;

    public DayAheadLoadForecast(Options options, XgboostParameters parameters) {
        this.options = options;
        this.trainer = new XgboostTrainer(parameters);
    }

    /** Names of the lag features the model uses, in order. */
    public List<String> lagFeatures() {
        List<String> names = new ArrayList<>();
        options.lagDays().forEach(days -> names.add(LABEL + "_lag_" + days + "d"));
        names.add(LABEL + "_latest_same_hour");
        names.add(LABEL + "_at_issue");
        options.rollingMeanHours().forEach(hours -> names.add(LABEL + "_mean_" + hours + "h"));
        if (options.dailyChanges()) {
            names.add(AT_ISSUE_CHANGE);
            names.add(MEAN_24H_CHANGE);
        }
        return names;
    }

    /** Returns the features of the full model, in the order of its feature vector. */
    public List<String> modelFeatures() {
        List<String> names = new ArrayList<>(List.of("hour", "day_of_week", "month",
                "day_of_year", "iso_week", "is_weekend", "is_holiday", "horizon_hours"));
        names.addAll(lagFeatures());
        return names;
    }

    /** Adds calendar and lag features to the rows of one series of {@code load_hourly}. */
    public Dataset<Row> withFeatures(Dataset<Row> seriesRows) {
        CalendarFeatures calendar = new CalendarFeatures()
                .setInputCol("interval_start_utc")
                .setTimeZone(options.marketZone().getId());
        HorizonSafeLags lags = new HorizonSafeLags()
                .setTimeCol("interval_start_utc")
                .setValueCol(LABEL)
                .setSeriesCols(new String[] {"iso", "zone"})
                .setTimeZone(options.marketZone().getId())
                .setIssueHourLocal(options.issueHourLocal())
                .setLagDays(options.lagDays().stream().mapToInt(Integer::intValue).toArray())
                .setRollingMeanHours(
                        options.rollingMeanHours().stream().mapToInt(Integer::intValue).toArray());
        Dataset<Row> featured = lags.transform(calendar.transform(seriesRows));
        return options.dailyChanges() ? withDailyChanges(featured) : featured;
    }

    /**
     * Adds the change of {@code at_issue} and of the 24-hour mean since the previous delivery
     * day's issue time. Both issue times are at or before this row's, so no later load is read.
     */
    private static Dataset<Row> withDailyChanges(Dataset<Row> featured) {
        String atIssue = LABEL + "_at_issue";
        String mean24h = LABEL + "_mean_24h";
        Dataset<Row> previousDay = featured
                .select(col("iso"), col("zone"),
                        org.apache.spark.sql.functions.date_add(col("operating_date"), 1)
                                .as("next_operating_date"),
                        col(atIssue).as("previous_at_issue"), col(mean24h).as("previous_mean_24h"))
                .dropDuplicates("iso", "zone", "next_operating_date");
        return featured.join(previousDay,
                        featured.col("iso").equalTo(previousDay.col("iso"))
                                .and(featured.col("zone").equalTo(previousDay.col("zone")))
                                .and(featured.col("operating_date")
                                        .equalTo(previousDay.col("next_operating_date"))),
                        "left")
                .drop(previousDay.col("iso")).drop(previousDay.col("zone"))
                .withColumn(AT_ISSUE_CHANGE, col(atIssue).minus(col("previous_at_issue")))
                .withColumn(MEAN_24H_CHANGE, col(mean24h).minus(col("previous_mean_24h")))
                .drop("next_operating_date", "previous_at_issue", "previous_mean_24h");
    }

    /** Splits {@code seriesRows} by operating date, with the options' test start and lengths. */
    public TimeSplit split(Dataset<Row> seriesRows) {
        Row bounds = seriesRows.agg(min("operating_date"), max("operating_date")).first();
        if (bounds.isNullAt(0)) {
            throw new IllegalArgumentException("Cannot train on an empty series");
        }
        return TimeSplit.of(bounds.getAs(0), bounds.getAs(1), options.testStart(),
                options.testDays(), options.validationDays());
    }

    /** Trains both XGBoost models, forecasts the test period and scores every model. */
    public Outcome run(Dataset<Row> seriesRows) {
        TimeSplit split = split(seriesRows);
        LOG.info("Split: training {} to {}, validation {} to {}, test {} to {}",
                split.trainStart(), split.trainEnd(), split.validationStart(),
                split.validationEnd(), split.testStart(), split.testEnd());

        Dataset<Row> featured = withFeatures(seriesRows)
                .withColumn(TRAINING_LABEL, options.logTarget()
                        ? org.apache.spark.sql.functions.log(col(LABEL)) : col(LABEL))
                .cache();
        Dataset<Row> training = featured.filter(split.isTraining("operating_date"));
        Dataset<Row> validation = featured.filter(split.isValidation("operating_date"));
        // Every model is scored on the same hours: those the weekly-naive baseline can forecast.
        Dataset<Row> test = featured.filter(split.isTest("operating_date"))
                .filter(col(LABEL + "_lag_7d").isNotNull());

        XgboostTrainer.TrainedModel model =
                trainer.fit(training, validation, modelFeatures(), TRAINING_LABEL,
                        "interval_start_utc");
        XgboostTrainer.TrainedModel calendarOnly =
                trainer.fit(training, validation, CALENDAR_ONLY_FEATURES, TRAINING_LABEL,
                        "interval_start_utc");

        Dataset<Row> forecasts = forecastRows(MODEL, toMegawatts(model.predict(test)))
                .unionByName(forecastRows(CALENDAR_BASELINE,
                        toMegawatts(calendarOnly.predict(test))))
                .unionByName(forecastRows(WEEKLY_NAIVE,
                        test.withColumn(XgboostTrainer.PREDICTION_COL, col(LABEL + "_lag_7d"))))
                .cache();
        return new Outcome(split, model, calendarOnly, modelFeatures(), forecasts,
                metricsByModel(forecasts), monthlyMape(forecasts));
    }

    /** Undoes the log transform of the training label on {@code predicted_mw}, if any. */
    private Dataset<Row> toMegawatts(Dataset<Row> predicted) {
        return options.logTarget()
                ? predicted.withColumn(XgboostTrainer.PREDICTION_COL,
                        org.apache.spark.sql.functions.exp(col(XgboostTrainer.PREDICTION_COL)))
                : predicted;
    }

    private static Dataset<Row> forecastRows(String modelName, Dataset<Row> predicted) {
        return predicted.select(
                lit(modelName).as("model"),
                col("iso"), col("zone"), col("interval_start_utc"), col("operating_date"),
                col("hour_ending"), col("dst_flag"), col("issued_at_utc"), col("horizon_hours"),
                col(XgboostTrainer.PREDICTION_COL).cast("double").as("predicted_mw"),
                col(LABEL).as("actual_mw"));
    }

    private static Map<String, ForecastMetrics> metricsByModel(Dataset<Row> forecasts) {
        Map<String, ForecastMetrics> metrics = new LinkedHashMap<>();
        for (String model : List.of(MODEL, CALENDAR_BASELINE, WEEKLY_NAIVE)) {
            metrics.put(model, ForecastMetrics.of(forecasts.filter(col("model").equalTo(model)),
                    "actual_mw", "predicted_mw"));
        }
        return metrics;
    }

    private static Map<String, Map<String, Double>> monthlyMape(Dataset<Row> forecasts) {
        org.apache.spark.sql.Column[] metrics =
                ForecastMetrics.aggregations("actual_mw", "predicted_mw");
        Map<String, Map<String, Double>> byModel = new LinkedHashMap<>();
        for (Row row : forecasts
                .groupBy(col("model"), date_format(col("operating_date"), "yyyy-MM").as("month"))
                .agg(metrics[2]).collectAsList()) {
            byModel.computeIfAbsent(row.getString(0), m -> new TreeMap<>())
                    .put(row.getString(1), row.getDouble(2));
        }
        return byModel;
    }
}
