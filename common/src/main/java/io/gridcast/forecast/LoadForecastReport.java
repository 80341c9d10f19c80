package io.gridcast.forecast;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;

import io.gridcast.io.TableCatalog;
import io.gridcast.io.Tables;
import io.gridcast.report.Report;
import io.gridcast.report.ReportCharts;
import io.gridcast.report.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Run report sections of a day-ahead load forecast: the test metrics the job prints and charts
 * of the forecasts that the run published to {@code forecasts}.
 */
public final class LoadForecastReport {

    /** Days of the forecast-versus-actual chart. */
    static final int FORTNIGHT_DAYS = 14;

    private final TableCatalog catalog;
    private final String runId;
    private final ZoneId marketZone;

    /**
     * @param runId run whose rows of {@code forecasts} are charted
     * @param marketZone time zone of the market, for the time axis of the fortnight chart
     */
    public LoadForecastReport(TableCatalog catalog, String runId, ZoneId marketZone) {
        this.catalog = catalog;
        this.runId = runId;
        this.marketZone = marketZone;
    }

    /** Adds one section for the series of {@code summary}. */
    public void add(Report report, LoadForecastRun.Summary summary) {
        String series = summary.iso() + " " + summary.zone();
        TimeSplit split = summary.split();
        Report.Section section = report.section("Forecast " + series);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("training", split.trainStart() + " to " + split.trainEnd());
        fields.put("early stopping", split.validationStart() + " to " + split.validationEnd()
                + ", best iteration " + summary.bestIteration());
        fields.put("test", split.testStart() + " to " + split.testEnd() + " ("
                + summary.testMetrics().values().iterator().next().count() + " hours)");
        fields.put("input rows", summary.inputRows());
        summary.modelVersions().forEach((model, version) -> fields.put("registered " + model,
                LoadForecastRun.modelName(model, summary.iso(), summary.zone()) + " v"
                        + version));
        fields.put("artifact", summary.artifactUri());
        section.fields(fields);

        Table metrics = new Table("model", "MAE MW", "RMSE MW", "MAPE %");
        summary.testMetrics().forEach((model, m) -> metrics.row(model,
                String.format("%.1f", m.mae()), String.format("%.1f", m.rmse()),
                String.format("%.2f", m.mapePercent())));
        section.table(metrics);

        // Model names in forecasts carry the series, as load-day-ahead-xgboost-pjm-pjme.
        Map<String, String> models = new LinkedHashMap<>();
        summary.testMetrics().keySet().forEach(model -> models.put(
                LoadForecastRun.modelName(model, summary.iso(), summary.zone()), model));
        Dataset<Row> forecasts = catalog.read(Tables.FORECASTS.name())
                .filter(col("run_id").equalTo(runId)
                        .and(col("iso").equalTo(summary.iso()))
                        .and(col("zone").equalTo(summary.zone()))
                        .and(col("model_name").isin(models.keySet().toArray())));
        addFortnight(section, series, split, forecasts, models);
        addHourlyMae(section, series, split, forecasts, models);
        addMonthlyMape(section, series, summary.monthlyMapePercent());
    }

    /** Tabulates and charts the test MAPE of each model by month. */
    private static void addMonthlyMape(Report.Section section, String series,
            Map<String, Map<String, Double>> monthlyMapePercent) {
        List<String> columns = new ArrayList<>();
        columns.add("month");
        columns.addAll(monthlyMapePercent.keySet());
        Table monthly = new Table(columns);
        Map<String, Double> first = monthlyMapePercent.values().iterator().next();
        for (String month : first.keySet()) {
            List<Object> row = new ArrayList<>();
            row.add(month);
            monthlyMapePercent.values().forEach(byMonth -> row.add(
                    String.format("%.2f", byMonth.getOrDefault(month, Double.NaN))));
            monthly.row(row);
        }
        section.paragraph("MAPE % by month of the test period:");
        section.table(monthly);
        section.chart(ReportCharts.bars("Test MAPE by month, " + series, "month", "MAPE %",
                monthlyMapePercent));
    }

    /** Charts every hour of the fortnight around the test period's highest load. */
    private void addFortnight(Report.Section section, String series, TimeSplit split,
            Dataset<Row> forecasts, Map<String, String> models) {
        String main = models.keySet().iterator().next();
        Row peak = forecasts.filter(col("model_name").equalTo(main))
                .orderBy(col("actual_mw").desc(), col("interval_start_utc"))
                .select("operating_date").first();
        LocalDate peakDay = peak.getLocalDate(0);
        long testDays = split.testEnd().toEpochDay() - split.testStart().toEpochDay() + 1;
        LocalDate first = peakDay.minusDays(FORTNIGHT_DAYS / 2);
        if (first.isAfter(split.testEnd().minusDays(FORTNIGHT_DAYS - 1))) {
            first = split.testEnd().minusDays(FORTNIGHT_DAYS - 1);
        }
        if (first.isBefore(split.testStart())) {
            first = split.testStart();
        }
        LocalDate last = first.plusDays(Math.min(FORTNIGHT_DAYS, testDays) - 1);

        List<Row> rows = forecasts
                .filter(col("operating_date").between(first, last))
                .select("model_name", "interval_start_utc", "predicted_mw", "actual_mw")
                .collectAsList();
        Map<Instant, Double> actual = new TreeMap<>();
        Map<String, Map<Instant, Double>> predicted = new LinkedHashMap<>();
        models.values().forEach(model -> predicted.put(model, new TreeMap<>()));
        for (Row row : rows) {
            Instant start = row.getInstant(1);
            predicted.get(models.get(row.getString(0))).put(start, row.getDouble(2));
            actual.put(start, row.getDouble(3));
        }
        section.paragraph("Every hour of the fortnight around the test period's highest load "
                + "(peak on " + peakDay + "):");
        section.chart(ReportCharts.timeSeries("Day-ahead load forecast and actual, " + series
                + ", " + first + " to " + last, "load MW", marketZone, actual, predicted));
    }

    /** Charts the test MAE of each model by market-local hour ending. */
    private static void addHourlyMae(Report.Section section, String series, TimeSplit split,
            Dataset<Row> forecasts, Map<String, String> models) {
        List<Row> rows = forecasts.groupBy("model_name", "hour_ending")
                .agg(avg(abs(col("predicted_mw").minus(col("actual_mw")))).as("mae"))
                .collectAsList();
        Map<String, Map<Integer, Double>> byModel = new LinkedHashMap<>();
        models.values().forEach(model -> byModel.put(model, new TreeMap<>()));
        for (Row row : rows) {
            byModel.get(models.get(row.getString(0))).put(row.getInt(1), row.getDouble(2));
        }
        section.chart(ReportCharts.lines("Test MAE by hour of day, " + series + ", "
                + split.testStart() + " to " + split.testEnd(), "hour ending (market time)",
                "MAE MW", byModel));
    }
}
