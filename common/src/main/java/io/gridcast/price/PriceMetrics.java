package io.gridcast.price;

import java.util.Arrays;

/**
 * Accuracy of day-ahead price forecasts over a test period, as the benchmark defines it:
 * mean absolute error, root mean squared error, symmetric mean absolute percentage error
 * ({@code mean(|p - f| / ((|p| + |f|) / 2))}, which stays finite on negative and zero prices),
 * and rMAE, the mean absolute error relative to that of the naive forecast over the same
 * hours. The published benchmark tables scale by another naive error instead: that of the
 * same hour a week before, built from the test period's own prices (so from its eighth day),
 * which {@code relativeMaeWeekly} reproduces for comparison with them. Spike metrics repeat the
 * errors over the hours whose actual price is in the top {@link #SPIKE_SHARE} of the period.
 *
 * @param maePerMwh mean absolute error, currency per MWh
 * @param rmsePerMwh root mean squared error, currency per MWh
 * @param smapePercent symmetric mean absolute percentage error, percent
 * @param relativeMae mean absolute error divided by the naive forecast's
 * @param relativeMaeWeekly mean absolute error divided by that of the weekly naive forecast
 *     within the test period, as the benchmark publishes rMAE; NaN for a test under 8 days
 * @param spikeMaePerMwh mean absolute error over spike hours
 * @param spikeRmsePerMwh root mean squared error over spike hours
 * @param spikeThresholdPerMwh smallest actual price counted as a spike
 * @param hours number of hours scored
 */
public record PriceMetrics(double maePerMwh, double rmsePerMwh, double smapePercent,
        double relativeMae, double relativeMaeWeekly, double spikeMaePerMwh,
        double spikeRmsePerMwh, double spikeThresholdPerMwh, int hours) {

    /** Share of the highest actual prices counted as spikes. */
    public static final double SPIKE_SHARE = 0.05;

    /** Scores {@code forecast} against {@code actual}, both [day][hour]. */
    public static PriceMetrics of(double[][] actual, double[][] forecast, double[][] naive) {
        double[] actualHours = flatten(actual);
        double[] forecastHours = flatten(forecast);
        double mae = meanAbsoluteError(actualHours, forecastHours);
        double naiveMae = meanAbsoluteError(actualHours, flatten(naive));
        double threshold = spikeThreshold(actualHours);
        boolean[] spike = new boolean[actualHours.length];
        for (int i = 0; i < actualHours.length; i++) {
            spike[i] = actualHours[i] >= threshold;
        }
        return new PriceMetrics(mae, rootMeanSquaredError(actualHours, forecastHours, null),
                symmetricPercentageError(actualHours, forecastHours), mae / naiveMae,
                mae / weeklyNaiveMae(actual),
                meanAbsoluteError(actualHours, forecastHours, spike),
                rootMeanSquaredError(actualHours, forecastHours, spike), threshold,
                actualHours.length);
    }

    /** MAE of "same hour a week before" over test days 8 onwards, from the test prices. */
    static double weeklyNaiveMae(double[][] actual) {
        double sum = 0.0;
        int count = 0;
        for (int day = 7; day < actual.length; day++) {
            for (int hour = 0; hour < PriceDays.HOURS; hour++) {
                sum += Math.abs(actual[day][hour] - actual[day - 7][hour]);
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    static double meanAbsoluteError(double[] actual, double[] forecast) {
        return meanAbsoluteError(actual, forecast, null);
    }

    private static double meanAbsoluteError(double[] actual, double[] forecast,
            boolean[] selected) {
        double sum = 0.0;
        int count = 0;
        for (int i = 0; i < actual.length; i++) {
            if (selected == null || selected[i]) {
                sum += Math.abs(actual[i] - forecast[i]);
                count++;
            }
        }
        return sum / count;
    }

    private static double rootMeanSquaredError(double[] actual, double[] forecast,
            boolean[] selected) {
        double sum = 0.0;
        int count = 0;
        for (int i = 0; i < actual.length; i++) {
            if (selected == null || selected[i]) {
                double error = actual[i] - forecast[i];
                sum += error * error;
                count++;
            }
        }
        return Math.sqrt(sum / count);
    }

    private static double symmetricPercentageError(double[] actual, double[] forecast) {
        double sum = 0.0;
        for (int i = 0; i < actual.length; i++) {
            double scale = (Math.abs(actual[i]) + Math.abs(forecast[i])) / 2.0;
            // Both zero: a perfect forecast of a zero price, no error.
            sum += scale == 0.0 ? 0.0 : Math.abs(actual[i] - forecast[i]) / scale;
        }
        return 100.0 * sum / actual.length;
    }

    /** Returns the actual price at the (1 - spike share) quantile, nearest rank. */
    static double spikeThreshold(double[] actual) {
        double[] sorted = actual.clone();
        Arrays.sort(sorted);
        int spikes = Math.max(1, (int) Math.round(SPIKE_SHARE * sorted.length));
        return sorted[sorted.length - spikes];
    }

    static double[] flatten(double[][] days) {
        double[] hours = new double[days.length * PriceDays.HOURS];
        for (int d = 0; d < days.length; d++) {
            System.arraycopy(days[d], 0, hours, d * PriceDays.HOURS, PriceDays.HOURS);
        }
        return hours;
    }
}
