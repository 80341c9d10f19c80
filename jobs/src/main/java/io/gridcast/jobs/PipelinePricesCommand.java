package io.gridcast.jobs;

import io.gridcast.config.Settings;
import io.gridcast.ingest.EpfDatasetIngest;
import io.gridcast.price.PriceForecastRun;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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
            description = "Market to ingest and score (default: price-models.market).")
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
        String chosenMarket = settings.string("price-models.market").toUpperCase(Locale.ROOT);
        List<String> chosen = TrainPriceCommand.chosenModels(models, spec);
        String source = input != null ? input : InputDefaults.bundled(
                "data/samples/epftoolbox/" + chosenMarket + ".csv.gz");
        String currency = settings.string("prices.currency");
        EpfDatasetIngest.checkOptions(chosenMarket, currency.isBlank() ? null : currency);
        try (JobContext context = new JobContext("pipeline-prices", settings, 3,
                Clock.systemUTC())) {
            EpfDatasetIngest.Result result = IngestPricesCommand.ingest(context, source,
                    chosenMarket, currency.isBlank() ? null : currency);

            PriceForecastRun.Outcome outcome = TrainPriceCommand.train(context, chosen);
            System.out.printf("%npipeline prices finished in %.1f s: %s; %s%n",
                    context.progress.elapsedSeconds(), result.counts().summary(),
                    TrainPriceCommand.summary(outcome));
        }
        return 0;
    }
}
