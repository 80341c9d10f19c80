package io.gridcast.jobs;

import io.gridcast.config.Settings;
import io.gridcast.forecast.LoadForecastReport;
import io.gridcast.forecast.LoadForecastRun;
import io.gridcast.ingest.IngestReport;
import io.gridcast.ingest.PjmLoadIngest;
import io.gridcast.report.Report;
import io.gridcast.report.Table;
import io.gridcast.time.MarketZones;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gridcast pipeline pjm-load}: PJM load files to published day-ahead forecasts. */
@Command(name = "pjm-load", mixinStandardHelpOptions = true,
        description = {
            "Ingests PJM hourly load, builds calendar and lag features, trains the day-ahead "
                    + "XGBoost model of each zone read, and publishes load_hourly, rejects, "
                    + "forecasts and model_registry.",
            "Without options it runs on the bundled PJM East sample."})
final class PipelinePjmLoadCommand implements Callable<Integer> {

    /** Missing hours listed by time in the run report. The report counts all of them. */
    private static final int MISSING_HOURS_LISTED = 48;

    @Mixin
    JobOptions options;

    @Option(names = "--input", paramLabel = "PATH|URI",
            description = "File or folder of PJM load .csv files (default: pjm-load.input).")
    String input;

    @Option(names = "--test-start", paramLabel = "YYYY-MM-DD",
            description = "First operating date of the test period (default: the last "
                    + "forecast.test-days days).")
    java.time.LocalDate testStart;

    @Override
    public Integer call() {
        Settings settings = options.settings();
        if (testStart != null) {
            settings = settings.with("forecast.test-start", testStart.toString());
        }
        TrainLoadXgboostCommand.checkSettings(settings, "PJM");
        String source = input != null ? input
                : InputDefaults.bundled(settings.string("pjm-load.input"));
        try (JobContext context = new JobContext("pipeline-pjm-load", settings, 4,
                Clock.systemUTC())) {
            PjmLoadIngest.Result ingested = IngestPjmLoadCommand.ingest(context, source);
            List<String> zones = ingested.seriesPeriods().stream()
                    .map(PjmLoadIngest.SeriesPeriod::zone).distinct().toList();
            if (zones.isEmpty()) {
                throw new IllegalArgumentException("No rows accepted from " + source + " ("
                        + ingested.counts().summary() + "): see the rejects table");
            }
            List<LoadForecastRun.Summary> summaries =
                    TrainLoadXgboostCommand.train(context, "PJM", zones);

            summaries.forEach(summary -> Summaries.printForecastReport(System.out, summary));
            String report = writeReport(context, source, ingested, summaries);
            System.out.printf("%npipeline pjm-load finished in %.1f s: %s; test MAPE %s; "
                            + "tables %s; report %s%n",
                    context.progress.elapsedSeconds(), ingested.counts().summary(),
                    summaries.stream().map(s -> s.zone() + ": " + Summaries.mapes(s))
                            .collect(Collectors.joining("; ")),
                    context.catalog.qualified("{load_hourly,rejects,forecasts,model_registry}"),
                    report);
        }
        return 0;
    }

    /** Writes the run report: settings, inputs, rejects, then each zone's forecast. */
    private static String writeReport(JobContext context, String source,
            PjmLoadIngest.Result ingested, List<LoadForecastRun.Summary> summaries) {
        Report report = RunReports.start(context, "PJM day-ahead load pipeline",
                List.of(), List.of("forecast", "xgboost"));
        Report.Section inputs = IngestReport.addInputs(report, source, ingested.files(),
                ingested.counts());
        Table series = new Table("iso", "zone", "first hour (UTC)", "last hour (UTC)", "hours",
                "missing hours");
        ingested.seriesPeriods().forEach(period -> series.row(period.iso(), period.zone(),
                period.firstHourUtc(), period.lastHourUtc(), period.hours(),
                period.missingHours()));
        inputs.table(series);
        List<Instant> missing = ingested.missingHours();
        if (!missing.isEmpty()) {
            String listed = missing.stream().limit(MISSING_HOURS_LISTED).map(Instant::toString)
                    .collect(Collectors.joining(", "));
            String which = missing.size() > MISSING_HOURS_LISTED
                    ? ", the first " + MISSING_HOURS_LISTED + " of " + missing.size() : "";
            inputs.paragraph("Missing hours (UTC start" + which + "): " + listed);
        }
        IngestReport.addRejects(report, ingested.rejects(), context.runId);

        LoadForecastReport forecasts = new LoadForecastReport(context.catalog, context.runId,
                MarketZones.PJM);
        summaries.forEach(summary -> forecasts.add(report, summary));
        return RunReports.write(context, report);
    }
}
