package io.gridcast.jobs;

import io.gridcast.forecast.ForecastMetrics;
import io.gridcast.forecast.LoadForecastRun;
import io.gridcast.ingest.PjmLoadIngest;
import java.io.PrintStream;
import java.util.Map;
import java.util.stream.Collectors;

/** Text of the reports and one-line summaries that jobs print. */
final class Summaries {

    private Summaries() {
    }

    static String series(PjmLoadIngest.Result result) {
        if (result.seriesPeriods().isEmpty()) {
            return "no rows accepted";
        }
        return result.seriesPeriods().stream()
                .map(p -> p.iso() + " " + p.zone() + " " + p.firstHourUtc() + " to "
                        + p.lastHourUtc() + " (" + p.hours() + " h)")
                .collect(Collectors.joining(", "));
    }

    static String mapes(LoadForecastRun.Summary summary) {
        return summary.testMetrics().entrySet().stream()
                .map(e -> String.format("%s %.2f%%", e.getKey(), e.getValue().mapePercent()))
                .collect(Collectors.joining(", "));
    }

    /** Prints the metrics table and the monthly MAPE of one series. */
    static void printForecastReport(PrintStream out, LoadForecastRun.Summary summary) {
        out.printf("%n%s %s day-ahead load forecast, test %s to %s (%d hours)%n",
                summary.iso(), summary.zone(), summary.split().testStart(),
                summary.split().testEnd(),
                summary.testMetrics().values().iterator().next().count());
        out.printf("  training %s to %s, early stopping on %s to %s, best iteration %d%n",
                summary.split().trainStart(), summary.split().trainEnd(),
                summary.split().validationStart(), summary.split().validationEnd(),
                summary.bestIteration());
        out.printf("  %-24s %10s %10s %8s%n", "model", "MAE MW", "RMSE MW", "MAPE %");
        for (Map.Entry<String, ForecastMetrics> entry : summary.testMetrics().entrySet()) {
            ForecastMetrics metrics = entry.getValue();
            out.printf("  %-24s %10.1f %10.1f %8.2f%n", entry.getKey(), metrics.mae(),
                    metrics.rmse(), metrics.mapePercent());
        }
        out.printf("  MAPE %% by month:%n  %-8s", "month");
        summary.monthlyMapePercent().keySet().forEach(model -> out.printf(" %24s", model));
        out.println();
        Map<String, Double> first = summary.monthlyMapePercent().values().iterator().next();
        for (String month : first.keySet()) {
            out.printf("  %-8s", month);
            summary.monthlyMapePercent().values().forEach(byMonth ->
                    out.printf(" %24.2f", byMonth.getOrDefault(month, Double.NaN)));
            out.println();
        }
        out.printf("  registered %s; artifact %s%n", summary.modelVersions().entrySet().stream()
                .map(e -> e.getKey() + " v" + e.getValue()).collect(Collectors.joining(", ")),
                summary.artifactUri());
    }
}
