package io.gridcast.price;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The asinh-median ("invariant") transform {@code asinh((x - median) / mad)}, where
 * {@code mad} is the median absolute deviation divided by 0.6745 so that it equals the
 * standard deviation for normal data. Near the median the transform is linear, and far from
 * it logarithmic, so price spikes and negative prices stay within a few units without being
 * clipped.
 *
 * @param median median of the fitted values
 * @param mad scaled median absolute deviation of the fitted values, positive
 */
public record AsinhMedianScaler(double median, double mad) implements Serializable {

    /** Ratio of the median absolute deviation to the standard deviation of normal data. */
    static final double NORMAL_MAD_RATIO = InvariantScaler.NORMAL_MAD;

    /** Smallest deviation used, so that a constant series does not divide by zero. */
    private static final double MIN_MAD = 1e-6;

    /** Fits on every hour of days {@code [fromDay, toDay)} of {@code values}, [day][hour]. */
    public static AsinhMedianScaler fit(double[][] values, int fromDay, int toDay) {
        if (toDay - fromDay < 1) {
            throw new IllegalArgumentException("Invalid scaler days [" + fromDay + ", " + toDay
                    + ") (expected at least 1 day)");
        }
        double[] flat = Arrays.stream(values, fromDay, toDay).flatMapToDouble(Arrays::stream)
                .toArray();
        double median = InvariantScaler.median(flat);
        double[] deviations = Arrays.stream(flat).map(x -> Math.abs(x - median)).toArray();
        double mad = InvariantScaler.median(deviations) / NORMAL_MAD_RATIO;
        return new AsinhMedianScaler(median, Math.max(mad, MIN_MAD));
    }

    /** Transforms one value. */
    public double scale(double value) {
        return InvariantScaler.asinh((value - median) / mad);
    }

    /** Inverts {@link #scale}. */
    public double unscale(double scaled) {
        return Math.sinh(scaled) * mad + median;
    }

    /** Transforms every value of {@code values}, [day][hour], into a new array. */
    public double[][] scaleAll(double[][] values) {
        double[][] scaled = new double[values.length][];
        for (int day = 0; day < values.length; day++) {
            scaled[day] = Arrays.stream(values[day]).map(this::scale).toArray();
        }
        return scaled;
    }
}
