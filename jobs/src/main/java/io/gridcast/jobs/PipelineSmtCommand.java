package io.gridcast.jobs;

import io.gridcast.config.Settings;
import io.gridcast.ingest.IngestReport;
import io.gridcast.ingest.ReportIngest;
import io.gridcast.ingest.SmtReport;
import io.gridcast.meter.MeterLstmOptions;
import io.gridcast.meter.MeterForecastReport;
import io.gridcast.meter.MeterLstmRun;
import io.gridcast.report.Report;
import io.gridcast.time.MarketZones;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gridcast pipeline smt}: Smart Meter Texas exports to scored usage forecasts. */
@Command(name = "smt", mixinStandardHelpOptions = true,
        description = {
            "Ingests Smart Meter Texas interval exports into meter_interval, then trains and "
                    + "scores the household usage LSTMs as train meter-lstm does.",
            "Without --input it runs on the bundled sample. Needs GRIDCAST_METER_ID_HASH_KEY."})
final class PipelineSmtCommand implements Callable<Integer> {

    @Mixin
    JobOptions options;

    @Option(names = "--input", paramLabel = "PATH|URI",
            description = "File or folder of SMT exports (default: smt.input).")
    String input;

    @Override
    public Integer call() {
        Settings settings = options.settings();
        ReportIngest.Report report = SmtReport.report(IngestSmtCommand.hashKey(settings));
        MeterLstmOptions lstm = TrainMeterLstmCommand.lstmOptions(settings);
        String source = input != null ? input : InputDefaults.bundled(settings.string("smt.input"));
        try (JobContext context = new JobContext("pipeline-smt", settings, 4,
                Clock.systemUTC())) {
            ReportIngest.Result result = IngestSmtCommand.ingest(context, report, source);

            MeterLstmRun.Outcome outcome = TrainMeterLstmCommand.train(context, lstm);
            String reportPath = writeReport(context, source, result, outcome);
            System.out.printf("%npipeline smt finished in %.1f s: %s; %s; report %s%n",
                    context.progress.elapsedSeconds(), result.counts().summary(),
                    TrainMeterLstmCommand.summary(outcome), reportPath);
        }
        return 0;
    }

    /** Writes the run report: settings, inputs, rejects, then the usage forecasts. */
    private static String writeReport(JobContext context, String source,
            ReportIngest.Result ingested, MeterLstmRun.Outcome outcome) {
        Report report = RunReports.start(context, "Smart Meter Texas usage pipeline",
                List.of(), List.of("meter-lstm"));
        Report.Section inputs = IngestReport.addInputs(report, source, ingested.files(),
                ingested.counts());
        if (!ingested.isEmpty()) {
            inputs.fields(Map.of("published to meter_interval", ingested.publishedRows()
                    + " rows, " + ingested.series().get("meter_id").size() + " meter(s), "
                    + ingested.operatingDates().size() + " day(s), "
                    + ingested.firstIntervalUtc() + " to " + ingested.lastIntervalUtc()));
        }
        IngestReport.addRejects(report, ingested.rejects(), context.runId);
        new MeterForecastReport(context.catalog, context.runId, MarketZones.ERCOT)
                .add(report, outcome);
        return RunReports.write(context, report);
    }
}
