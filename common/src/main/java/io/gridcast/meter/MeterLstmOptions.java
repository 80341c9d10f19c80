package io.gridcast.meter;

import java.io.Serializable;

/**
 * Settings of the household usage LSTM and of its evaluation.
 *
 * @param lookBackIntervals intervals the LSTM reads before its first forecast interval
 * @param horizonIntervals intervals forecast at once: 1 (next interval) or 96 (next day,
 *     issued at local midnight)
 * @param layers stacked LSTM layers
 * @param units units per LSTM layer
 * @param epochs passes over the training samples
 * @param batchSize samples per gradient step
 * @param learningRate Adam's step size
 * @param trainFraction share of each meter's intervals, from the start, used for training in
 *     the holdout evaluation (0.67 is the classic split)
 * @param rollingOrigins folds of the rolling-origin evaluation over the test span, each
 *     trained on everything before it; 0 skips it
 * @param seed seed of the weights and batch order
 */
public record MeterLstmOptions(int lookBackIntervals, int horizonIntervals, int layers,
        int units, int epochs, int batchSize, double learningRate, double trainFraction,
        int rollingOrigins, long seed) implements Serializable {

    public MeterLstmOptions {
        if (horizonIntervals != 1 && horizonIntervals != MeterSeries.INTERVALS_PER_DAY) {
            throw new IllegalArgumentException("Invalid horizon: " + horizonIntervals
                    + " intervals (expected 1 or 96)");
        }
        if (lookBackIntervals < 1 || layers < 1 || units < 1 || epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("Invalid LSTM settings: look-back, layers, units,"
                    + " epochs and batch size must be at least 1");
        }
        if (trainFraction <= 0 || trainFraction >= 1) {
            throw new IllegalArgumentException("Invalid train fraction " + trainFraction
                    + " (expected between 0 and 1)");
        }
    }

    /** Builds the forecaster these settings describe. */
    public LstmForecaster forecaster() {
        return new LstmForecaster(UsageWindows.INPUTS, horizonIntervals, layers, units,
                learningRate, seed);
    }
}
