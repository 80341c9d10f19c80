package io.gridcast.jobs;

import io.gridcast.config.Settings;
import io.gridcast.meter.MeterEvaluation;
import io.gridcast.meter.MeterForecasts;
import io.gridcast.meter.MeterLstmOptions;
import io.gridcast.meter.MeterLstmRun;
import io.gridcast.time.MarketZones;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gridcast train meter-lstm}: household usage LSTMs against three baselines. */
@Command(name = "meter-lstm", mixinStandardHelpOptions = true,
        description = {
            "Trains DL4J LSTMs on the consumption in meter_interval: one per meter (meters "
                    + "spread over Spark tasks) and one shared by all meters (parameter "
                    + "averaging across Spark workers).",
            "Scores them against persistence, the same interval yesterday and last week on "
                    + "a holdout split and on rolling origins; publishes meter_forecasts and "
                    + "registers the models. Settings: meter-lstm.* in conf/local.conf."})
final class TrainMeterLstmCommand implements Callable<Integer> {

    @Mixin
    JobOptions options;

    @Override
    public Integer call() {
        Settings settings = options.settings();
        MeterLstmOptions lstm = lstmOptions(settings);
        try (JobContext context = new JobContext("train-meter-lstm", settings, 1,
                Clock.systemUTC())) {
            MeterLstmRun.Outcome outcome = train(context, lstm);
            System.out.printf("train meter-lstm finished in %.1f s: %s%n",
                    context.progress.elapsedSeconds(), summary(outcome));
        }
        return 0;
    }

    static MeterLstmOptions lstmOptions(Settings settings) {
        try {
            return new MeterLstmOptions(settings.integer("meter-lstm.look-back-intervals"),
                    settings.integer("meter-lstm.horizon-intervals"),
                    settings.integer("meter-lstm.layers"), settings.integer("meter-lstm.units"),
                    settings.integer("meter-lstm.epochs"),
                    settings.integer("meter-lstm.batch-size"),
                    settings.number("meter-lstm.learning-rate"),
                    settings.number("meter-lstm.train-fraction"),
                    settings.integer("meter-lstm.rolling-origins"),
                    settings.integer("meter-lstm.seed"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid setting in gridcast.meter-lstm: "
                    + e.getMessage(), e);
        }
    }

    /** Trains, publishes and registers, then prints the per-meter scores. */
    static MeterLstmRun.Outcome train(JobContext context, MeterLstmOptions lstm) {
        context.progress.stage("train meter LSTMs");
        MeterLstmRun.Outcome outcome = new MeterLstmRun(context.spark, context.catalog, lstm,
                MarketZones.ERCOT).run(context.registry(),
                        context.settings.flag("meter-lstm.shared-model"), context.runId,
                        context.runTime);
        context.progress.rows("trained and scored", outcome.forecastRows());
        printScores(System.out, outcome);
        System.out.println(trainingTimes(outcome));
        return outcome;
    }

    /** Prints RMSE and MAE per meter, model and evaluation, with the LSTM's skill. */
    static void printScores(PrintStream out, MeterLstmRun.Outcome outcome) {
        out.printf("%-10s %-15s %-24s %8s %10s %10s %12s%n", "meter", "evaluation", "model",
                "values", "RMSE kWh", "MAE kWh", "LSTM skill");
        for (MeterLstmRun.MeterScores meter : outcome.meters()) {
            if (meter.scores().isEmpty()) {
                out.printf("%-10s not scored: not enough data (the warning in the log says "
                        + "why)%n",
                        meter.meterId().substring(0, 8));
            }
            for (MeterEvaluation.Score score : meter.scores()) {
                double lstmRmse = lstmRmse(meter, score.evaluation());
                boolean baseline = !score.model().startsWith(MeterForecasts.LSTM);
                out.printf("%-10s %-15s %-24s %8d %10.4f %10.4f %12s%n",
                        meter.meterId().substring(0, 8), score.evaluation(), score.model(),
                        score.values(), score.rmseKwh(), score.maeKwh(),
                        baseline ? String.format("%.3f", 1 - lstmRmse / score.rmseKwh()) : "");
            }
        }
    }

    /** Formats the training time per meter and of the shared model as one line. */
    static String trainingTimes(MeterLstmRun.Outcome outcome) {
        double perMeter = outcome.meters().stream()
                .mapToDouble(MeterLstmRun.MeterScores::trainSeconds).average().orElse(0);
        return String.format("training time: %.1f s per meter (one model per meter, %d "
                + "meter(s)), %.1f s for the shared model", perMeter, outcome.meters().size(),
                outcome.sharedTrainSeconds());
    }

    private static double lstmRmse(MeterLstmRun.MeterScores meter, String evaluation) {
        return meter.scores().stream().filter(s -> s.evaluation().equals(evaluation)
                        && s.model().equals(MeterForecasts.LSTM))
                .mapToDouble(MeterEvaluation.Score::rmseKwh).findFirst().orElse(Double.NaN);
    }

    /** Formats meters, forecast rows and the pooled holdout RMSE of each model as one line. */
    static String summary(MeterLstmRun.Outcome outcome) {
        Map<String, Object> metrics = outcome.metrics();
        String rmses = List.of(MeterForecasts.LSTM, MeterForecasts.LSTM_SHARED,
                        MeterForecasts.PERSISTENCE, MeterForecasts.YESTERDAY,
                        MeterForecasts.LAST_WEEK).stream()
                .filter(model -> metrics.containsKey("holdout/" + model + "/rmse_kwh"))
                .map(model -> String.format("%s %.4f", model,
                        (double) metrics.get("holdout/" + model + "/rmse_kwh")))
                .collect(Collectors.joining(", "));
        return outcome.meters().size() + " meter(s), " + outcome.forecastRows()
                + " forecast rows published to meter_forecasts; holdout RMSE kWh: " + rmses
                + "; registered " + outcome.registered().stream()
                        .map(v -> v.modelName() + " v" + v.modelVersion())
                        .collect(Collectors.joining(", "));
    }
}
