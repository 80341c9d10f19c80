package io.gridcast.price;

import java.time.Duration;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The walk-forward protocol shared by the neural price forecasters. The network first trains
 * on the days before the first test day, with early stopping on the last validation fraction
 * of them. Then it forecasts the test days in blocks of {@code recalibrationDays}; before
 * each block it continues training (warm start, {@code recalibrationEpochs} epochs) on all
 * days before the block, so the first retraining also learns the validation days. With
 * {@code recalibrationDays} 0 the network trains once.
 *
 * <p>Inputs of a day read prices of earlier days only, and training reads prices of days
 * before the block being forecast only, so no forecast depends on the price of its own day
 * or of a later day. Scaling statistics come from the days before the first test day and stay
 * fixed, so that retraining does not shift the scale under the trained weights.
 *
 * <p>Runs are deterministic for equal inputs and settings on one thread: the seed fixes the
 * weights, the dropout masks and the batch order. Not thread-safe: ND4J's random generator
 * is reseeded at the start of each run.
 */
public abstract class NeuralPriceForecaster implements DayAheadPriceForecaster {

    /** Settings of the network and of the walk-forward run. */
    protected final PriceNetworkOptions options;

    NeuralPriceForecaster(PriceNetworkOptions options) {
        this.options = options;
    }

    @Override
    public double[][] forecast(PriceDays days, int firstTestDay, int endTestDay,
            ProgressListener progress) {
        return run(days, firstTestDay, endTestDay, progress).forecastsPerMwh();
    }

    /**
     * Trains the network and forecasts days {@code [firstTestDay, endTestDay)} as described
     * in the class documentation.
     *
     * @return the forecasts with the final network, its settings and the training time
     * @throws IllegalArgumentException if the test days lie outside {@code days} or leave
     *     fewer than {@link #minimumTrainingDays()} training days
     */
    public PriceNetworkResult run(PriceDays days, int firstTestDay, int endTestDay,
            ProgressListener progress) {
        checkTestDays(days, firstTestDay, endTestDay);
        ScaledPriceDays scaled = ScaledPriceDays.fit(days, firstTestDay);
        ComputationGraph network = network();
        Nd4j.getRandom().setSeed(options.seed());
        PriceNetworkTraining training = new PriceNetworkTraining(network, options, scaled,
                this::inputs);

        long fitStart = System.nanoTime();
        int bestEpoch = training.fitWithEarlyStopping(firstInputDay(), firstTestDay, progress);
        long fitNanos = System.nanoTime() - fitStart;

        double[][] forecasts = new double[endTestDay - firstTestDay][];
        int blockDays = options.recalibrationDays() == 0 ? endTestDay - firstTestDay
                : options.recalibrationDays();
        for (int blockStart = firstTestDay; blockStart < endTestDay; blockStart += blockDays) {
            if (options.recalibrationDays() > 0) {
                fitStart = System.nanoTime();
                training.fitEpochs(firstInputDay(), blockStart, options.recalibrationEpochs());
                fitNanos += System.nanoTime() - fitStart;
            }
            int blockEnd = Math.min(blockStart + blockDays, endTestDay);
            double[][] block = training.forecastPerMwh(blockStart, blockEnd);
            System.arraycopy(block, 0, forecasts, blockStart - firstTestDay, block.length);
            progress.progress("test", blockEnd - firstTestDay, endTestDay - firstTestDay);
        }
        return new PriceNetworkResult(name(), forecasts, network, options.toMap(),
                Duration.ofNanos(fitNanos), bestEpoch, Map.of("price", scaled.priceScaler(),
                        "exogenous_1", scaled.exogenous1Scaler(),
                        "exogenous_2", scaled.exogenous2Scaler()));
    }

    /** Returns the minimum number of days before the first test day that a run accepts. */
    public int minimumTrainingDays() {
        return firstInputDay() + 2 * options.batchSize();
    }

    /** Builds the untrained network. */
    abstract ComputationGraph network();

    /** Builds the network's inputs for {@code days}, reading prices of earlier days only. */
    abstract INDArray[] inputs(ScaledPriceDays scaled, int[] days);

    /** First day whose inputs are complete, i.e. whose earliest lagged day is day 0. */
    abstract int firstInputDay();

    private void checkTestDays(PriceDays days, int firstTestDay, int endTestDay) {
        if (firstTestDay >= endTestDay || endTestDay > days.days()) {
            throw new IllegalArgumentException("Invalid test days [" + firstTestDay + ", "
                    + endTestDay + ") for " + days.days() + " days of " + days.market());
        }
        if (firstTestDay < minimumTrainingDays()) {
            throw new IllegalArgumentException("Too few training days for " + name() + ": "
                    + firstTestDay + " (expected at least " + minimumTrainingDays() + ")");
        }
    }
}
