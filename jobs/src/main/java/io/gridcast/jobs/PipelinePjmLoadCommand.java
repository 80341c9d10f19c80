package io.gridcast.jobs;

import io.gridcast.config.Settings;
import io.gridcast.forecast.LoadForecastRun;
import io.gridcast.ingest.PjmLoadIngest;
import java.time.Clock;
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
        try (JobContext context = new JobContext("pipeline-pjm-load", settings, 3,
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
            System.out.printf("%npipeline pjm-load finished in %.1f s: %s; test MAPE %s; "
                            + "tables %s%n",
                    context.progress.elapsedSeconds(), ingested.counts().summary(),
                    summaries.stream().map(s -> s.zone() + ": " + Summaries.mapes(s))
                            .collect(Collectors.joining("; ")),
                    context.catalog.qualified("{load_hourly,rejects,forecasts,model_registry}"));
        }
        return 0;
    }
}
