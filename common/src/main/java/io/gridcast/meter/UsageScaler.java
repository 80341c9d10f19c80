package io.gridcast.meter;

import java.io.Serializable;

/**
 * Standardises usage with the mean and standard deviation of a training span only, so that no
 * statistic of the test period reaches the model.
 */
public record UsageScaler(double meanKwh, double stdKwh) implements Serializable {

    /** Fits on the values of {@code energyKwh} in {@code [from, to)}, skipping NaN. */
    public static UsageScaler fit(double[] energyKwh, int from, int to) {
        double sum = 0;
        double sumSquares = 0;
        int count = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(energyKwh[i])) {
                sum += energyKwh[i];
                sumSquares += energyKwh[i] * energyKwh[i];
                count++;
            }
        }
        if (count < 2) {
            throw new IllegalArgumentException("Cannot fit a scaler on " + count + " values");
        }
        double mean = sum / count;
        double variance = Math.max(sumSquares / count - mean * mean, 0);
        return new UsageScaler(mean, Math.max(Math.sqrt(variance), 1e-6));
    }

    public double scale(double kwh) {
        return (kwh - meanKwh) / stdKwh;
    }

    public double unscale(double scaled) {
        return scaled * stdKwh + meanKwh;
    }
}
