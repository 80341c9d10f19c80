package io.gridcast.jobs;

import io.gridcast.config.Settings;
import io.gridcast.ingest.ErcotReport;
import io.gridcast.ingest.ReportIngest;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code gridcast ingest ercot}: ERCOT public market reports into canonical tables. */
@Command(name = "ercot", mixinStandardHelpOptions = true,
        description = {
            "Reads ERCOT public market report files (CSV, .csv.gz, or ZIPs of CSVs as ERCOT "
                    + "publishes them) into canonical tables; bad rows go to rejects.",
            "Reports (ERCOT report ids) and the tables they fill:",
            "  dam-spp               NP4-190-CD, NP4-180-ER  -> price_hourly",
            "  rt-spp                NP6-905-CD, NP6-785-ER  -> price_interval",
            "  dam-energy-sold       NP4-193-CD              -> dam_energy_sold",
            "  dam-energy-purchased  NP4-192-CD              -> dam_energy_purchased",
            "  native-load           native load archive     -> load_hourly"})
final class IngestErcotCommand implements Callable<Integer> {

    @Mixin
    JobOptions options;

    @Option(names = "--report", required = true, paramLabel = "NAME",
            converter = ReportConverter.class,
            description = "Report to read: dam-spp, rt-spp, dam-energy-sold, "
                    + "dam-energy-purchased or native-load.")
    ErcotReport report;

    @Option(names = "--input", paramLabel = "PATH|URI",
            description = "File or folder of .csv, .csv.gz and .zip files, local, file: or "
                    + "s3a:// (default: ercot.<report>-input, the bundled sample).")
    String input;

    @Override
    public Integer call() {
        Settings settings = options.settings();
        String source = input != null ? input
                : InputDefaults.bundled(settings.string("ercot." + report.cliName() + "-input"));
        try (JobContext context = new JobContext("ingest-ercot-" + report.cliName(), settings, 2,
                Clock.systemUTC())) {
            context.progress.stage("ingest " + source);
            ReportIngest ingest = new ReportIngest(context.spark);
            ReportIngest.Result result = ingest.read(report.report(), source, context.runId,
                    context.runTime);
            context.progress.rows("parsed; " + result.counts().summary() + ";",
                    result.counts().rowsRead());

            String table = report.report().table().name();
            context.progress.stage("publish " + table + " and rejects");
            ingest.publish(context.catalog, result);
            System.out.printf("ingest ercot %s finished in %.1f s: %s; %s%n", report.cliName(),
                    context.progress.elapsedSeconds(), result.counts().summary(),
                    published(result, table));
        }
        return 0;
    }

    private static String published(ReportIngest.Result result, String table) {
        if (result.isEmpty()) {
            return "no rows accepted, " + table + " unchanged";
        }
        String series = result.series().entrySet().stream()
                .filter(entry -> !entry.getKey().equals("iso")
                        && !entry.getKey().equals("market_run"))
                .map(entry -> entry.getValue().size() + " " + entry.getKey().replace('_', ' ')
                        + (entry.getValue().size() == 1 ? "" : "s"))
                .findFirst().orElse("");
        int days = result.operatingDates().size();
        return result.publishedRows() + " rows published to " + table + " (" + series + ", "
                + days + (days == 1 ? " operating day, " : " operating days, ")
                + result.firstIntervalUtc() + " to " + result.lastIntervalUtc() + ")";
    }

    /** Reads report names as written on the command line, e.g. {@code rt-spp}. */
    static final class ReportConverter implements ITypeConverter<ErcotReport> {
        @Override
        public ErcotReport convert(String value) {
            try {
                return ErcotReport.fromCliName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
