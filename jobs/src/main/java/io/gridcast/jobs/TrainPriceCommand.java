package io.gridcast.jobs;

import io.gridcast.config.Settings;
import io.gridcast.price.LearForecaster;
import io.gridcast.price.LearPriceModel;
import io.gridcast.price.NaivePriceModel;
import io.gridcast.price.NeuralPriceModel;
import io.gridcast.price.PriceForecastRun;
import io.gridcast.price.PriceModel;
import io.gridcast.price.PriceNetworkOptions;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gridcast train price}: day-ahead price models scored under the benchmark protocol. */
@Command(name = "price", mixinStandardHelpOptions = true,
        description = {
            "Forecasts every day of the test period of a market in price_inputs_hourly with "
                    + "the naive benchmark and the chosen models, each from information "
                    + "known the day before; scores MAE, RMSE, sMAPE, rMAE and spike-hour "
                    + "errors, and runs Diebold-Mariano tests between every pair of models.",
            "Publishes price_forecasts, price_forecast_metrics and price_dm_tests, registers "
                    + "the models, and draws forecast-versus-actual charts under "
                    + "<warehouse>/reports/prices/<market>/. Settings: price-models.* in "
                    + "conf/local.conf."})
final class TrainPriceCommand implements Callable<Integer> {

    /** Models of {@code --model all}, in the order they are scored. */
    static final List<String> MODELS = List.of(LearPriceModel.NAME, NeuralPriceModel.MLP,
            NeuralPriceModel.CNN_LSTM);

    @Mixin
    JobOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "NAME", split = ",",
            description = "Models to score besides the naive forecast, comma-separated: "
                    + "lear, mlp, cnn-lstm, or all (default: all).")
    List<String> models = List.of("all");

    @Option(names = "--market", paramLabel = "NAME",
            description = "Market in price_inputs_hourly (default: price-models.market).")
    String market;

    @Option(names = "--test-start", paramLabel = "YYYY-MM-DD",
            description = "First delivery day of the test period (default: "
                    + "price-models.test-start, or the last price-models.test-days days).")
    LocalDate testStart;

    @Override
    public Integer call() {
        Settings settings = settings(options.settings(), market, testStart);
        List<String> chosen = chosenModels(models, spec);
        try (JobContext context = new JobContext("train-price", settings, 1,
                Clock.systemUTC())) {
            PriceForecastRun.Outcome outcome = train(context,
                    settings.string("price-models.market"), chosen);
            System.out.printf("train price finished in %.1f s: %s%n",
                    context.progress.elapsedSeconds(), summary(outcome));
        }
        return 0;
    }

    static Settings settings(Settings settings, String market, LocalDate testStart) {
        Settings chosen = settings;
        if (market != null) {
            chosen = chosen.with("price-models.market", market);
        }
        chosen = chosen.with("price-models.market",
                chosen.string("price-models.market").trim().toUpperCase(Locale.ROOT));
        if (testStart != null) {
            chosen = chosen.with("price-models.test-start", testStart.toString());
        }
        return chosen;
    }

    /** Model names from the command line; an unknown one is a usage error (exit code 2). */
    static List<String> chosenModels(List<String> names, CommandSpec spec) {
        try {
            return chosenModels(names);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** Model names from the command line, checked; {@code all} expands to every model. */
    static List<String> chosenModels(List<String> names) {
        List<String> chosen = new ArrayList<>();
        for (String name : names) {
            String model = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
            if (model.equals("all")) {
                chosen.addAll(MODELS);
            } else if (MODELS.contains(model)) {
                chosen.add(model);
            } else if (!model.equals(NaivePriceModel.NAME)) {
                throw new IllegalArgumentException("Unknown price model: " + name
                        + " (expected lear, mlp, cnn-lstm or all)");
            }
        }
        return chosen.stream().distinct().toList();
    }

    /** Runs the models, publishes, registers and prints the report. */
    static PriceForecastRun.Outcome train(JobContext context, String market,
            List<String> chosen) {
        Settings settings = context.settings;
        context.progress.stage("forecast and score day-ahead prices of " + market);
        List<PriceModel> models = models(context, chosen);
        String testStart = settings.string("price-models.test-start");
        String plotStart = settings.string("price-models.plot-fortnight-start");
        PriceForecastRun.Request request = new PriceForecastRun.Request(market,
                testStart.isBlank() ? null : LocalDate.parse(testStart), testDays(settings),
                models, plotStart.isBlank() ? null : LocalDate.parse(plotStart));
        PriceForecastRun.Outcome outcome = new PriceForecastRun(context.spark, context.catalog)
                .run(request, context.registry(), context.warehouse.resolve("reports/prices/"
                        + market), context.runId, context.runTime);
        context.progress.rows("forecast rows published", outcome.forecastRows());
        printReport(System.out, outcome);
        return outcome;
    }

    private static List<PriceModel> models(JobContext context, List<String> chosen) {
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(context.spark.sparkContext());
        List<PriceModel> models = new ArrayList<>();
        for (String name : chosen) {
            switch (name) {
                case LearPriceModel.NAME ->
                        models.add(new LearPriceModel(spark, lear(context.settings)));
                case NeuralPriceModel.MLP -> models.add(NeuralPriceModel.mlp(
                        networkOptions(context.settings, "mlp")));
                default -> models.add(NeuralPriceModel.cnnLstm(
                        networkOptions(context.settings, "cnn-lstm")));
            }
        }
        return models;
    }

    static LearForecaster lear(Settings settings) {
        int[] windows = settings.integers("price-models.lear.calibration-windows-days").stream()
                .mapToInt(Integer::intValue).toArray();
        try {
            return new LearForecaster(windows);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid setting in gridcast.price-models.lear: "
                    + e.getMessage(), e);
        }
    }

    private static int testDays(Settings settings) {
        int testDays = settings.integer("price-models.test-days");
        if (testDays < 1) {
            throw new IllegalArgumentException("Invalid setting gridcast.price-models.test-days: "
                    + testDays + " (expected at least 1)");
        }
        return testDays;
    }

    /**
     * Network settings from {@code price-models.<section>}; a setting left out takes the
     * default of {@link PriceNetworkOptions}.
     */
    static PriceNetworkOptions networkOptions(Settings settings, String section) {
        String prefix = "price-models." + section + ".";
        PriceNetworkOptions d = PriceNetworkOptions.defaults();
        try {
            return new PriceNetworkOptions(
                    integer(settings, prefix + "hidden-units", d.hiddenUnits()),
                    integer(settings, prefix + "epochs", d.epochs()),
                    integer(settings, prefix + "batch-size", d.batchSize()),
                    number(settings, prefix + "learning-rate", d.learningRate()),
                    number(settings, prefix + "dropout", d.dropout()),
                    number(settings, prefix + "l2", d.l2()),
                    integer(settings, prefix + "look-back-days", d.lookBackDays()),
                    integer(settings, prefix + "conv-filters", d.convFilters()),
                    integer(settings, prefix + "lstm-units", d.lstmUnits()),
                    number(settings, prefix + "validation-fraction", d.validationFraction()),
                    integer(settings, prefix + "patience-epochs", d.patienceEpochs()),
                    integer(settings, prefix + "recalibration-days", d.recalibrationDays()),
                    integer(settings, prefix + "recalibration-epochs", d.recalibrationEpochs()),
                    number(settings, prefix + "spike-weight", d.spikeWeight()),
                    integer(settings, prefix + "seed", (int) d.seed()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid setting in gridcast.price-models."
                    + section + ": " + e.getMessage(), e);
        }
    }

    private static int integer(Settings settings, String key, int fallback) {
        return settings.has(key) ? settings.integer(key) : fallback;
    }

    private static double number(Settings settings, String key, double fallback) {
        return settings.has(key) ? settings.number(key) : fallback;
    }

    /** Prints the metrics table, the spike threshold, the Diebold-Mariano p-values and charts. */
    static void printReport(PrintStream out, PriceForecastRun.Outcome outcome) {
        String unit = outcome.currency() + "/MWh";
        int hours = outcome.models().get(0).metrics().hours();
        out.printf("%s day-ahead price forecasts, test %s to %s (%d day(s), %d hours), %s%n",
                outcome.market(), outcome.testStart(), outcome.testEnd(), hours / 24, hours,
                unit);
        out.printf("  %-12s %8s %8s %8s %7s %7s %10s %11s %9s%n", "model", "MAE", "RMSE",
                "sMAPE %", "rMAE", "rMAE W", "spike MAE", "spike RMSE", "time s");
        for (PriceForecastRun.ModelResult result : outcome.models()) {
            var m = result.metrics();
            out.printf("  %-12s %8.3f %8.3f %8.2f %7.3f %7.3f %10.3f %11.3f %9.1f%n",
                    result.model(), m.maePerMwh(), m.rmsePerMwh(), m.smapePercent(),
                    m.relativeMae(), m.relativeMaeWeekly(), m.spikeMaePerMwh(),
                    m.spikeRmsePerMwh(), result.trainSeconds());
        }
        out.printf("  rMAE: MAE / naive MAE; rMAE W: MAE / MAE of the same hour a week before "
                + "within the test period, as the benchmark's tables publish it (NaN for a test "
                + "under 8 days)%n");
        out.printf("  spike hours: actual price >= %.2f %s (top 5%% of test hours)%n",
                outcome.models().get(0).metrics().spikeThresholdPerMwh(), unit);
        printTests(out, outcome);
        outcome.plots().forEach(plot -> out.println("  chart: " + plot));
    }

    private static void printTests(PrintStream out, PriceForecastRun.Outcome outcome) {
        List<String> names = outcome.models().stream().map(PriceForecastRun.ModelResult::model)
                .toList();
        out.println("  Diebold-Mariano p-values (one-sided: the column model is more accurate "
                + "than the row model; below 0.05 is significant):");
        out.printf("  %-12s%s%n", "", names.stream().map(n -> String.format(" %11s", n))
                .collect(Collectors.joining()));
        for (String row : names) {
            StringBuilder line = new StringBuilder(String.format("  %-12s", row));
            for (String column : names) {
                line.append(outcome.tests().stream()
                        .filter(t -> t.modelA().equals(row) && t.modelB().equals(column))
                        .map(t -> Double.isNaN(t.test().pValue()) ? String.format(" %11s", "n/a")
                                : String.format(" %11.4f", t.test().pValue()))
                        .findFirst().orElse(String.format(" %11s", "-")));
            }
            out.println(line);
        }
        if (outcome.tests().stream().anyMatch(t -> Double.isNaN(t.test().pValue()))) {
            out.println("  n/a: undefined with under 2 test days or identical daily errors");
        }
    }

    /** Formats market, test window, MAE per model and registered versions as one line. */
    static String summary(PriceForecastRun.Outcome outcome) {
        String registered = outcome.models().stream().filter(r -> r.registered() != null)
                .map(r -> r.registered().modelName() + " v" + r.registered().modelVersion())
                .collect(Collectors.joining(", "));
        return String.format("%s test %s to %s, %d input rows; MAE %s/MWh: %s; "
                        + "%d forecast rows published to price_forecasts; registered %s",
                outcome.market(), outcome.testStart(), outcome.testEnd(), outcome.inputRows(),
                outcome.currency(), outcome.models().stream()
                        .map(r -> String.format("%s %.3f", r.model(), r.metrics().maePerMwh()))
                        .collect(Collectors.joining(", ")),
                outcome.forecastRows(), registered.isEmpty() ? "no model" : registered);
    }
}
