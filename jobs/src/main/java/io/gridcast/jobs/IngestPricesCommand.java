package io.gridcast.jobs;

import io.gridcast.config.Settings;
import io.gridcast.ingest.EpfDatasetIngest;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gridcast ingest prices}: epftoolbox day-ahead price datasets into price_inputs_hourly. */
@Command(name = "prices", mixinStandardHelpOptions = true,
        description = {
            "Reads day-ahead price datasets in the epftoolbox format (hour start, price and two "
                    + "exogenous series per row; CSV, .csv.gz or ZIP) into price_inputs_hourly; "
                    + "bad rows and incomplete days go to rejects."})
final class IngestPricesCommand implements Callable<Integer> {

    @Mixin
    JobOptions options;

    @Option(names = "--input", paramLabel = "PATH|URI",
            description = "File or folder of datasets, local, file: or s3a:// "
                    + "(default: prices.input, the bundled DE sample).")
    String input;

    @Option(names = "--market", paramLabel = "NAME",
            description = "Market of every file read, upper-cased (default: prices.market; "
                    + "if empty, each file's name without extension, DE.csv.gz is DE).")
    String market;

    @Option(names = "--currency", paramLabel = "CODE",
            description = "ISO 4217 currency of the prices, e.g. EUR (default: "
                    + "prices.currency; if empty, EUR for DE and USD for PJM).")
    String currency;

    @Override
    public Integer call() {
        Settings settings = options.settings();
        String source = input != null ? input
                : InputDefaults.bundled(settings.string("prices.input"));
        String fileMarket = orSetting(market, settings, "prices.market");
        String fileCurrency = orSetting(currency, settings, "prices.currency");
        EpfDatasetIngest.checkOptions(fileMarket, fileCurrency);
        try (JobContext context = new JobContext("ingest-prices", settings, 2,
                Clock.systemUTC())) {
            EpfDatasetIngest.Result result =
                    ingest(context, source, fileMarket, fileCurrency);
            System.out.printf("ingest prices finished in %.1f s: %s; %s%n",
                    context.progress.elapsedSeconds(), result.counts().summary(),
                    published(result));
        }
        return 0;
    }

    /** Returns {@code option}, else the setting {@code key}, or null if both are empty. */
    private static String orSetting(String option, Settings settings, String key) {
        String value = option != null ? option : settings.string(key);
        return value.isBlank() ? null : value;
    }

    /** Reads {@code source} and publishes price_inputs_hourly and rejects, as two stages. */
    static EpfDatasetIngest.Result ingest(JobContext context, String source,
            String market, String currency) {
        context.progress.stage("ingest " + source);
        EpfDatasetIngest ingest = new EpfDatasetIngest(context.spark);
        EpfDatasetIngest.Result result = ingest.read(source, market, currency, context.runId,
                context.runTime);
        context.progress.rows("parsed; " + result.counts().summary() + ";",
                result.counts().rowsRead());

        context.progress.stage("publish price_inputs_hourly and rejects");
        ingest.publish(context.catalog, result);
        return result;
    }

    static String published(EpfDatasetIngest.Result result) {
        if (result.isEmpty()) {
            return "no rows accepted, price_inputs_hourly unchanged";
        }
        long rows = result.markets().stream().mapToLong(EpfDatasetIngest.MarketSpan::hours)
                .sum();
        return rows + " rows published to price_inputs_hourly (" + result.markets().stream()
                .map(span -> span.market() + " " + span.currency() + ": " + span.days()
                        + " days, " + span.firstDay() + " to " + span.lastDay())
                .collect(Collectors.joining("; ")) + ")";
    }
}
