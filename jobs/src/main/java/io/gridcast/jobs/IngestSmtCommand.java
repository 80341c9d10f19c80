package io.gridcast.jobs;

import io.gridcast.config.Settings;
import io.gridcast.ingest.ReportIngest;
import io.gridcast.ingest.SmtReport;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gridcast ingest smt}: Smart Meter Texas interval exports into meter_interval. */
@Command(name = "smt", mixinStandardHelpOptions = true,
        description = {
            "Reads Smart Meter Texas 15-minute interval exports (CSV or .csv.gz) into "
                    + "meter_interval; bad rows go to rejects.",
            "Meter ids (ESIIDs) are replaced by a keyed hash: set GRIDCAST_METER_ID_HASH_KEY "
                    + "(or smt.meter-id-hash-key) to a secret of at least 16 characters."})
final class IngestSmtCommand implements Callable<Integer> {

    @Mixin
    JobOptions options;

    @Option(names = "--input", paramLabel = "PATH|URI",
            description = "File or folder of .csv and .csv.gz files, local, file: or s3a:// "
                    + "(default: smt.input, the bundled sample).")
    String input;

    @Override
    public Integer call() {
        Settings settings = options.settings();
        ReportIngest.Report report = SmtReport.report(hashKey(settings));
        String source = input != null ? input : InputDefaults.bundled(settings.string("smt.input"));
        try (JobContext context = new JobContext("ingest-smt", settings, 2, Clock.systemUTC())) {
            ReportIngest.Result result = ingest(context, report, source);
            System.out.printf("ingest smt finished in %.1f s: %s; %s%n",
                    context.progress.elapsedSeconds(), result.counts().summary(),
                    published(result));
        }
        return 0;
    }

    /** Reads {@code source} and publishes meter_interval and rejects, as two job stages. */
    static ReportIngest.Result ingest(JobContext context, ReportIngest.Report report,
            String source) {
        context.progress.stage("ingest " + source);
        ReportIngest ingest = new ReportIngest(context.spark);
        ReportIngest.Result result = ingest.read(report, source, context.runId,
                context.runTime);
        context.progress.rows("parsed; " + result.counts().summary() + ";",
                result.counts().rowsRead());

        context.progress.stage("publish meter_interval and rejects");
        ingest.publish(context.catalog, result);
        return result;
    }

    /** Reads the meter id hash key, failing before Spark starts when it is unusable. */
    static String hashKey(Settings settings) {
        String key = settings.string("smt.meter-id-hash-key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("Missing setting gridcast.smt.meter-id-hash-key: "
                    + "set the environment variable GRIDCAST_METER_ID_HASH_KEY to a secret of at "
                    + "least " + SmtReport.minKeyLength() + " characters");
        }
        if (key.length() < SmtReport.minKeyLength()) {
            throw new IllegalArgumentException("Invalid setting gridcast.smt.meter-id-hash-key: "
                    + "at least " + SmtReport.minKeyLength() + " characters are needed");
        }
        return key;
    }

    private static String published(ReportIngest.Result result) {
        if (result.isEmpty()) {
            return "no rows accepted, meter_interval unchanged";
        }
        int meters = result.series().get("meter_id").size();
        int days = result.operatingDates().size();
        return result.publishedRows() + " rows published to meter_interval (" + meters
                + (meters == 1 ? " meter, " : " meters, ") + days
                + (days == 1 ? " day, " : " days, ") + result.firstIntervalUtc() + " to "
                + result.lastIntervalUtc() + ")";
    }
}
