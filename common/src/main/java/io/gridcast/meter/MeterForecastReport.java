package io.gridcast.meter;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;

import io.gridcast.io.TableCatalog;
import io.gridcast.io.Tables;
import io.gridcast.report.Report;
import io.gridcast.report.ReportCharts;
import io.gridcast.report.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Run report section of the household usage models: the scores the job prints and a chart of
 * one meter's holdout day from the run's rows of {@code meter_forecasts}.
 */
public final class MeterForecastReport {

    /** Models in the order they are listed and drawn. */
    static final List<String> MODELS = List.of(MeterForecasts.LSTM, MeterForecasts.LSTM_SHARED,
            MeterForecasts.PERSISTENCE, MeterForecasts.YESTERDAY, MeterForecasts.LAST_WEEK);

    /** Intervals of the shortest whole day, the 23-hour spring-forward day. */
    static final int MIN_DAY_INTERVALS = 92;

    /** Characters of a pseudonymised meter id shown, as the job prints them. */
    static final int METER_ID_CHARS = 8;

    private final TableCatalog catalog;
    private final String runId;
    private final ZoneId marketZone;

    /**
     * @param runId run whose rows of {@code meter_forecasts} are charted
     * @param marketZone time zone of the meters, for the day charted and the time axis
     */
    public MeterForecastReport(TableCatalog catalog, String runId, ZoneId marketZone) {
        this.catalog = catalog;
        this.runId = runId;
        this.marketZone = marketZone;
    }

    /** Adds the section "Usage forecasts" for {@code outcome}. */
    public void add(Report report, MeterLstmRun.Outcome outcome) {
        Report.Section section = report.section("Usage forecasts");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("meters", outcome.meters().size());
        fields.put("forecast rows published", outcome.forecastRows());
        fields.put("training time per meter", String.format("%.1f s", outcome.meters().stream()
                .mapToDouble(MeterLstmRun.MeterScores::trainSeconds).average().orElse(0)));
        fields.put("training time of the shared model",
                String.format("%.1f s", outcome.sharedTrainSeconds()));
        outcome.registered().forEach(version -> fields.put("registered " + version.modelName(),
                "v" + version.modelVersion()));
        section.fields(fields);

        Table pooled = new Table("model", "holdout RMSE kWh");
        for (String model : MODELS) {
            Object rmse = outcome.metrics().get("holdout/" + model + "/rmse_kwh");
            if (rmse != null) {
                pooled.row(model, String.format("%.4f", (double) rmse));
            }
        }
        section.paragraph("Holdout RMSE over all meters:");
        section.table(pooled);

        section.paragraph("Scores per meter (meter ids are the first " + METER_ID_CHARS
                + " characters of the pseudonym):");
        section.table(scores(outcome));
        outcome.meters().stream().filter(meter -> meter.scores().isEmpty()).forEach(meter ->
                section.paragraph("Meter " + shortId(meter.meterId()) + " was not scored: not "
                        + "enough data (the run log says why)."));

        outcome.meters().stream().filter(meter -> !meter.scores().isEmpty()).findFirst()
                .ifPresent(meter -> addDay(section, meter.meterId()));
    }

    private static Table scores(MeterLstmRun.Outcome outcome) {
        Table scores = new Table("meter", "evaluation", "model", "values", "RMSE kWh",
                "MAE kWh");
        for (MeterLstmRun.MeterScores meter : outcome.meters()) {
            for (MeterEvaluation.Score score : meter.scores()) {
                scores.row(shortId(meter.meterId()), score.evaluation(), score.model(),
                        score.values(), String.format("%.4f", score.rmseKwh()),
                        String.format("%.4f", score.maeKwh()));
            }
        }
        return scores;
    }

    /** Charts every interval of the holdout day with the most usage of {@code meterId}. */
    private void addDay(Report.Section section, String meterId) {
        Dataset<Row> holdout = catalog.read(Tables.METER_FORECASTS.name())
                .filter(col("run_id").equalTo(runId)
                        .and(col("meter_id").equalTo(meterId))
                        .and(col("evaluation").equalTo("holdout")))
                .withColumn("local_date", to_date(from_utc_timestamp(col("interval_start_utc"),
                        marketZone.getId())));
        List<Row> days = holdout.filter(col("model").equalTo(MeterForecasts.LSTM))
                .groupBy("local_date")
                .agg(count("*").as("intervals"), sum("actual_kwh").as("usage_kwh"))
                .filter(col("intervals").geq(MIN_DAY_INTERVALS))
                .orderBy(col("usage_kwh").desc(), col("local_date"))
                .limit(1).collectAsList();
        if (days.isEmpty()) {
            section.paragraph("No whole day of holdout forecasts to chart for meter "
                    + shortId(meterId) + ".");
            return;
        }
        LocalDate day = days.get(0).getLocalDate(0);

        // Each interval has one holdout forecast per model, so the mean only guards against
        // overlapping origins.
        List<Row> rows = holdout.filter(col("local_date").equalTo(day))
                .groupBy("model", "interval_start_utc")
                .agg(avg("predicted_kwh"), avg("actual_kwh"))
                .collectAsList();
        Map<Instant, Double> actual = new TreeMap<>();
        Map<String, Map<Instant, Double>> predicted = new LinkedHashMap<>();
        MODELS.forEach(model -> predicted.put(model, new TreeMap<>()));
        for (Row row : rows) {
            Instant start = row.getInstant(1);
            predicted.computeIfAbsent(row.getString(0), model -> new TreeMap<>())
                    .put(start, row.getDouble(2));
            actual.put(start, row.getDouble(3));
        }
        predicted.values().removeIf(Map::isEmpty);
        section.paragraph("Every 15-minute interval of the holdout day with the most usage of "
                + "meter " + shortId(meterId) + ":");
        section.chart(ReportCharts.timeSeries("Household usage forecast and actual, meter "
                + shortId(meterId) + ", " + day, "kWh per 15 minutes", marketZone, actual,
                predicted));
    }

    private static String shortId(String meterId) {
        return meterId.substring(0, Math.min(METER_ID_CHARS, meterId.length()));
    }
}
