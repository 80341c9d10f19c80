package io.gridcast.jobs;

import io.gridcast.config.Settings;
import io.gridcast.ingest.ErcotPriceIngest;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gridcast ingest ercot}: ERCOT public market reports into canonical tables. */
@Command(name = "ercot", mixinStandardHelpOptions = true,
        description = {
            "Reads ERCOT public market report files (CSV, .csv.gz, or ZIPs of CSVs as ERCOT "
                    + "publishes them) into canonical tables; bad rows go to rejects.",
            "Reports: dam-spp = DAM settlement point prices (NP4-190-CD daily reports and the "
                    + "NP4-180-ER yearly hub and load-zone archives) into price_hourly."})
final class IngestErcotCommand implements Callable<Integer> {

    /** ERCOT reports that gridcast reads. */
    enum Report { DAM_SPP }

    @Mixin
    JobOptions options;

    @Option(names = "--report", required = true, paramLabel = "NAME",
            converter = ReportConverter.class,
            description = "Report to read: dam-spp.")
    Report report;

    @Option(names = "--input", paramLabel = "PATH|URI",
            description = "File or folder of .csv, .csv.gz and .zip files, local, file: or "
                    + "s3a:// (default: ercot.dam-spp-input, the bundled sample).")
    String input;

    @Override
    public Integer call() {
        Settings settings = options.settings();
        String source = input != null ? input
                : InputDefaults.bundled(settings.string("ercot.dam-spp-input"));
        try (JobContext context = new JobContext("ingest-ercot-dam-spp", settings, 2,
                Clock.systemUTC())) {
            context.progress.stage("ingest " + source);
            ErcotPriceIngest ingest = new ErcotPriceIngest(context.spark);
            ErcotPriceIngest.Result result = ingest.read(source, context.runId, context.runTime);
            context.progress.rows("parsed; " + result.counts().summary() + ";",
                    result.counts().rowsRead());

            context.progress.stage("publish price_hourly and rejects");
            ingest.publish(context.catalog, result);
            String span = result.settlementPoints().isEmpty() ? "no rows accepted"
                    : result.settlementPoints().size() + " settlement points, "
                            + result.firstHourUtc() + " to " + result.lastHourUtc();
            System.out.printf("ingest ercot dam-spp finished in %.1f s: %s; %s%n",
                    context.progress.elapsedSeconds(), result.counts().summary(), span);
        }
        return 0;
    }

    /** Reads report names as written on the command line, e.g. {@code dam-spp}. */
    static final class ReportConverter implements picocli.CommandLine.ITypeConverter<Report> {
        @Override
        public Report convert(String value) {
            try {
                return Report.valueOf(value.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("Invalid report: " + value
                        + " (expected dam-spp)");
            }
        }
    }
}
