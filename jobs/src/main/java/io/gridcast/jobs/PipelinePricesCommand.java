package io.gridcast.jobs;

import io.gridcast.config.Settings;
import io.gridcast.ingest.EpfDatasetIngest;
import io.gridcast.ingest.IngestReport;
import io.gridcast.ingest.InvalidInputException;
import io.gridcast.price.PriceForecastReport;
import io.gridcast.price.PriceForecastRun;
import io.gridcast.report.Report;
import io.gridcast.report.Table;
import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridcast pipeline prices}: a benchmark dataset to scored day-ahead price models. */
@Command(name = "prices", mixinStandardHelpOptions = true,
        description = {
            "Ingests a day-ahead price dataset into price_inputs_hourly, then forecasts and "
                    + "scores every price model as train price does and prints the metrics.",
            "Without --input it reads the bundled dataset of the market, "
                    + "data/samples/epftoolbox/<MARKET>.csv.gz (DE and PJM are bundled)."})
final class PipelinePricesCommand implements Callable<Integer> {

    @Mixin
    JobOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = "--market", paramLabel = "NAME",
            description = "Market to ingest and score (default: with --input, the file's name "
                    + "without extension, DE.csv.gz is DE; without, price-models.market).")
    String market;

    @Option(names = "--input", paramLabel = "PATH|URI",
            description = "Dataset file or folder of the market (default: the bundled one).")
    String input;

    @Option(names = "--model", paramLabel = "NAME", split = ",",
            description = "Models to score besides the naive forecast (default: all).")
    List<String> models = List.of("all");

    @Option(names = "--test-start", paramLabel = "YYYY-MM-DD",
            description = "First delivery day of the test period (default: "
                    + "price-models.test-start, or the last price-models.test-days days).")
    LocalDate testStart;

    @Override
    public Integer call() {
        Settings settings = TrainPriceCommand.settings(options.settings(), market, testStart);
        List<String> chosen = TrainPriceCommand.chosenModels(models, spec);
        // With --input and no --market, the file names the market, as ingest prices does.
        String fileMarket = input != null && market == null ? null
                : settings.string("price-models.market");
        String source = input != null ? input : bundledDataset(fileMarket);
        String currency = settings.string("prices.currency");
        EpfDatasetIngest.checkOptions(fileMarket, currency.isBlank() ? null : currency);
        try (JobContext context = new JobContext("pipeline-prices", settings, 4,
                Clock.systemUTC())) {
            EpfDatasetIngest.Result result = IngestPricesCommand.ingest(context, source,
                    fileMarket, currency.isBlank() ? null : currency);

            PriceForecastRun.Outcome outcome = TrainPriceCommand.train(context,
                    fileMarket != null ? fileMarket : ingestedMarket(result), chosen);
            String report = writeReport(context, source, result, outcome);
            System.out.printf("%npipeline prices finished in %.1f s: %s; %s; report %s%n",
                    context.progress.elapsedSeconds(), result.counts().summary(),
                    TrainPriceCommand.summary(outcome), report);
        }
        return 0;
    }

    /** Writes the run report: settings, inputs, rejects, then the price forecasts. */
    private static String writeReport(JobContext context, String source,
            EpfDatasetIngest.Result ingested, PriceForecastRun.Outcome outcome) {
        Report report = RunReports.start(context, "Day-ahead price pipeline, "
                + outcome.market(), List.of("prices.currency"), List.of("price-models"));
        Report.Section inputs = IngestReport.addInputs(report, source, ingested.files(),
                ingested.counts());
        Table markets = new Table("market", "currency", "first day", "last day", "days",
                "missing hours");
        ingested.markets().forEach(span -> markets.row(span.market(), span.currency(),
                span.firstDay(), span.lastDay(), span.days(), span.missingHours()));
        inputs.table(markets);
        IngestReport.addRejects(report, ingested.rejects(), context.runId);
        PriceForecastReport.add(report, outcome);
        return RunReports.write(context, report);
    }

    private static String bundledDataset(String market) {
        String bundled = InputDefaults.bundled("data/samples/epftoolbox/" + market + ".csv.gz");
        if (!Files.exists(Path.of(bundled))) {
            throw new IllegalArgumentException("No bundled dataset for market " + market
                    + " (DE and PJM are bundled): pass --input FILE");
        }
        return bundled;
    }

    /** Returns the one market the input contained. */
    private String ingestedMarket(EpfDatasetIngest.Result result) {
        List<String> markets = result.markets().stream().map(EpfDatasetIngest.MarketSpan::market)
                .distinct().toList();
        if (markets.size() != 1) {
            throw new InvalidInputException("Input " + input + " contains " + markets.size()
                    + " market(s) " + markets + ": pass --market to choose the one to score");
        }
        return markets.get(0);
    }
}
