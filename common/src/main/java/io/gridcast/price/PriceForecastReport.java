package io.gridcast.price;

import io.gridcast.report.Chart;
import io.gridcast.report.Report;
import io.gridcast.report.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Run report section of a day-ahead price evaluation: the metrics, spike threshold and
 * Diebold-Mariano p-values the job prints, and the forecast-versus-actual charts.
 */
public final class PriceForecastReport {

    private PriceForecastReport() {
    }

    /** Adds the section "Price forecasts" for {@code outcome}. */
    public static void add(Report report, PriceForecastRun.Outcome outcome) {
        String unit = outcome.currency() + "/MWh";
        PriceMetrics first = outcome.models().get(0).metrics();
        Report.Section section = report.section("Price forecasts " + outcome.market());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("test", outcome.testStart() + " to " + outcome.testEnd() + " ("
                + first.hours() / 24 + " days, " + first.hours() + " hours)");
        fields.put("input rows", outcome.inputRows());
        fields.put("forecast rows published", outcome.forecastRows());
        for (PriceForecastRun.ModelResult result : outcome.models()) {
            if (result.registered() != null) {
                fields.put("registered " + result.model(), result.registered().modelName()
                        + " v" + result.registered().modelVersion());
            }
        }
        section.fields(fields);

        Table metrics = new Table("model", "MAE " + unit, "RMSE " + unit, "sMAPE %", "rMAE",
                "rMAE W", "spike MAE", "spike RMSE", "time s");
        for (PriceForecastRun.ModelResult result : outcome.models()) {
            PriceMetrics m = result.metrics();
            metrics.row(result.model(), format(m.maePerMwh(), 3), format(m.rmsePerMwh(), 3),
                    format(m.smapePercent(), 2), format(m.relativeMae(), 3),
                    format(m.relativeMaeWeekly(), 3), format(m.spikeMaePerMwh(), 3),
                    format(m.spikeRmsePerMwh(), 3), format(result.trainSeconds(), 1));
        }
        section.table(metrics);
        section.paragraph("rMAE is the MAE over the naive forecast's MAE. rMAE W is the MAE over "
                + "the MAE of the same hour a week before within the test period, as the "
                + "benchmark's tables publish it (NaN for a test under 8 days). Spike hours are "
                + "the top 5% of test hours: actual price at least "
                + format(first.spikeThresholdPerMwh(), 2) + " " + unit + ".");

        section.paragraph("Diebold-Mariano p-values, one-sided: the column model is more "
                + "accurate than the row model. Below 0.05 is significant. n/a means the test "
                + "is undefined, with under 2 test days or identical daily errors.");
        section.table(dieboldMariano(outcome));

        for (Chart chart : outcome.charts()) {
            section.chart(chart);
        }
    }

    private static Table dieboldMariano(PriceForecastRun.Outcome outcome) {
        List<String> names = outcome.models().stream().map(PriceForecastRun.ModelResult::model)
                .toList();
        List<String> columns = new ArrayList<>();
        columns.add("row model");
        columns.addAll(names);
        Table table = new Table(columns);
        for (String row : names) {
            List<String> cells = new ArrayList<>();
            cells.add(row);
            for (String column : names) {
                cells.add(outcome.tests().stream()
                        .filter(t -> t.modelA().equals(row) && t.modelB().equals(column))
                        .map(t -> Double.isNaN(t.test().pValue()) ? "n/a"
                                : format(t.test().pValue(), 4))
                        .findFirst().orElse(""));
            }
            table.row(cells);
        }
        return table;
    }

    private static String format(double value, int decimals) {
        return String.format("%." + decimals + "f", value);
    }
}
