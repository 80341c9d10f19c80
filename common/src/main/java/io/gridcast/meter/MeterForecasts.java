package io.gridcast.meter;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains and scores one meter's LSTM against three baselines on the same intervals:
 * persistence (the last known value), the same interval yesterday and the same interval last
 * week. Two evaluations: a holdout split at {@code trainFraction}, and rolling origins that
 * split the test span into folds, each trained on everything before it.
 */
public final class MeterForecasts {

    public static final String LSTM = "lstm";
    public static final String LSTM_SHARED = "lstm_shared";
    public static final String PERSISTENCE = "persistence";
    public static final String YESTERDAY = "same_interval_yesterday";
    public static final String LAST_WEEK = "same_interval_last_week";

    private static final int WEEK = 7 * MeterSeries.INTERVALS_PER_DAY;

    private final MeterLstmOptions options;
    private final ZoneId zone;

    public MeterForecasts(MeterLstmOptions options, ZoneId zone) {
        this.options = options;
        this.zone = zone;
    }

    /** Runs both evaluations on {@code series}. */
    public MeterEvaluation evaluate(MeterSeries series) {
        int split = (int) (series.length() * options.trainFraction());
        if (testOrigins(series, split, series.length()).isEmpty()) {
            throw new IllegalArgumentException("Not enough data for meter " + series.meterId()
                    + ": " + series.length() + " intervals leave no test interval after the "
                    + Math.round(options.trainFraction() * 100) + " % split with a week of "
                    + "history before it (more than a week of data is needed)");
        }
        Accumulator holdout = new Accumulator("holdout");
        long started = System.nanoTime();
        int trainSamples = fold(series, split, series.length(), holdout, null);
        Accumulator rolling = new Accumulator("rolling_origin");
        for (int k = 0; k < options.rollingOrigins(); k++) {
            int from = split + (int) ((long) (series.length() - split) * k
                    / options.rollingOrigins());
            int to = split + (int) ((long) (series.length() - split) * (k + 1)
                    / options.rollingOrigins());
            fold(series, from, to, rolling, null);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<MeterEvaluation.Score> scores = new ArrayList<>(holdout.scores());
        if (options.rollingOrigins() > 0) {
            scores.addAll(rolling.scores());
        }
        List<MeterEvaluation.Forecast> forecasts = new ArrayList<>(holdout.forecasts);
        forecasts.addAll(rolling.forecasts);
        return new MeterEvaluation(series.meterId(), series.gaps(), trainSamples, seconds,
                scores, forecasts);
    }

    /**
     * Scores {@code shared}, a network trained on many meters' holdout training spans, on this
     * meter's holdout test span, as model {@link #LSTM_SHARED}.
     */
    public MeterEvaluation evaluateShared(MeterSeries series, MultiLayerNetwork shared) {
        if (trainingOrigins(series, holdoutSplit(series)).isEmpty()) {
            return new MeterEvaluation(series.meterId(), series.gaps(), 0, 0, List.of(),
                    List.of());
        }
        Accumulator holdout = new Accumulator("holdout");
        long started = System.nanoTime();
        int samples = fold(series, holdoutSplit(series), series.length(), holdout, shared);
        return new MeterEvaluation(series.meterId(), series.gaps(), samples,
                (System.nanoTime() - started) / 1e9,
                holdout.scores().stream().filter(s -> s.model().equals(LSTM_SHARED)).toList(),
                holdout.forecasts.stream().filter(f -> f.model().equals(LSTM_SHARED)).toList());
    }

    /**
     * Training samples of the holdout span, scaled with that span's statistics: none when the
     * span has no complete window.
     */
    public List<org.nd4j.linalg.dataset.DataSet> holdoutTrainingSamples(MeterSeries series) {
        int split = holdoutSplit(series);
        List<Integer> origins = trainingOrigins(series, split);
        if (origins.isEmpty()) {
            return List.of();
        }
        UsageScaler scaler = UsageScaler.fit(series.energyKwh(), 0, split);
        return UsageWindows.dataSet(series, origins, options.lookBackIntervals(),
                options.horizonIntervals(), scaler, zone).asList();
    }

    private int holdoutSplit(MeterSeries series) {
        return (int) (series.length() * options.trainFraction());
    }

    private List<Integer> trainingOrigins(MeterSeries series, int testFrom) {
        int horizon = options.horizonIntervals();
        return UsageWindows.origins(series, 0, testFrom, options.lookBackIntervals(), horizon,
                horizon == 1 ? 1 : 4);
    }

    /**
     * Trains on {@code [0, testFrom)}, with the scaler fitted there only, and forecasts the
     * origins in {@code [testFrom, testTo)}. With {@code trained} given, scores that network
     * as the shared model instead of training one.
     *
     * @return the number of training samples
     */
    private int fold(MeterSeries series, int testFrom, int testTo, Accumulator scores,
            MultiLayerNetwork trained) {
        int lookBack = options.lookBackIntervals();
        int horizon = options.horizonIntervals();
        UsageScaler scaler = UsageScaler.fit(series.energyKwh(), 0, testFrom);
        List<Integer> trainOrigins = trainingOrigins(series, testFrom);
        if (trainOrigins.isEmpty()) {
            throw new IllegalArgumentException("Not enough data for meter " + series.meterId()
                    + ": no training window of " + (lookBack + horizon) + " intervals without"
                    + " gaps before " + series.startOf(testFrom));
        }
        MultiLayerNetwork network = trained;
        if (network == null) {
            network = options.forecaster().network();
            LstmForecaster.train(network, UsageWindows.dataSet(series, trainOrigins, lookBack,
                    horizon, scaler, zone), options.epochs(), options.batchSize(),
                    options.seed());
        }
        String lstmModel = trained == null ? LSTM : LSTM_SHARED;

        List<Integer> testOrigins = testOrigins(series, testFrom, testTo);
        if (!testOrigins.isEmpty()) {
            INDArray predicted = network.output(UsageWindows.dataSet(series, testOrigins,
                    lookBack, horizon, scaler, zone).getFeatures());
            for (int n = 0; n < testOrigins.size(); n++) {
                score(series, testOrigins.get(n), predicted.getRow(n), scaler, scores,
                        lstmModel);
            }
        }
        return trainOrigins.size();
    }

    /** Origins whose baselines exist: every interval, or local midnights for next-day. */
    private List<Integer> testOrigins(MeterSeries series, int from, int to) {
        int horizon = options.horizonIntervals();
        List<Integer> origins = new ArrayList<>();
        for (int t : UsageWindows.origins(series, Math.max(from, WEEK), to,
                options.lookBackIntervals(), horizon, 1)) {
            boolean midnight = series.startOf(t).atZone(zone).toLocalTime().toSecondOfDay() == 0;
            if (horizon == 1 || midnight) {
                origins.add(t);
            }
        }
        return origins;
    }

    private static void score(MeterSeries series, int origin, INDArray predicted,
            UsageScaler scaler, Accumulator scores, String lstmModel) {
        double[] energy = series.energyKwh();
        double last = energy[origin - 1];
        for (int step = 0; step < predicted.length(); step++) {
            int index = origin + step;
            double yesterday = energy[index - MeterSeries.INTERVALS_PER_DAY];
            double lastWeek = energy[index - WEEK];
            if (Double.isNaN(yesterday) || Double.isNaN(lastWeek)) {
                continue;
            }
            Map<String, Double> forecasts = new LinkedHashMap<>();
            forecasts.put(lstmModel, scaler.unscale(predicted.getDouble(step)));
            forecasts.put(PERSISTENCE, last);
            forecasts.put(YESTERDAY, yesterday);
            forecasts.put(LAST_WEEK, lastWeek);
            int forecastStep = step + 1;
            forecasts.forEach((model, value) -> scores.add(model, series, origin, index,
                    forecastStep, value, energy[index]));
        }
    }

    /** Sums of errors per model, and the forecasts, of one evaluation. */
    private static final class Accumulator {
        private final String evaluation;
        private final Map<String, double[]> sums = new LinkedHashMap<>();
        private final List<MeterEvaluation.Forecast> forecasts = new ArrayList<>();

        Accumulator(String evaluation) {
            this.evaluation = evaluation;
        }

        void add(String model, MeterSeries series, int origin, int index, int step,
                double predicted, double actual) {
            double error = predicted - actual;
            double[] sum = sums.computeIfAbsent(model, name -> new double[3]);
            sum[0]++;
            sum[1] += error * error;
            sum[2] += Math.abs(error);
            forecasts.add(new MeterEvaluation.Forecast(evaluation, model, series.startOf(origin),
                    series.startOf(index), step, predicted, actual));
        }

        List<MeterEvaluation.Score> scores() {
            List<MeterEvaluation.Score> scores = new ArrayList<>();
            sums.forEach((model, sum) -> scores.add(new MeterEvaluation.Score(evaluation, model,
                    (long) sum[0], sum[0] == 0 ? Double.NaN : Math.sqrt(sum[1] / sum[0]),
                    sum[0] == 0 ? Double.NaN : sum[2] / sum[0])));
            return scores;
        }
    }
}
