package io.gridcast.price;

import java.util.Arrays;

/**
 * Prices and exogenous series of every day after the asinh-median transform, with the
 * transforms fitted on the training days only, and the calendar inputs shared by the neural
 * forecasters. Scaling a later day's price uses no statistic of that day, so the arrays may
 * cover the test days: the feature builders decide which days they read.
 *
 * @param days the unscaled series
 * @param priceScaler transform of the prices, fitted on the training days
 * @param price scaled prices, [day][hour]
 * @param exogenous1 scaled first exogenous series, [day][hour]
 * @param exogenous2 scaled second exogenous series, [day][hour]
 * @param medianRangePerMwh median over the training days of the daily price range (maximum
 *     minus minimum), the unit of {@link PriceNetworkOptions#spikeWeight()}
 * @param exogenous1Scaler transform of the first exogenous series
 * @param exogenous2Scaler transform of the second exogenous series
 */
record ScaledPriceDays(PriceDays days, AsinhMedianScaler priceScaler, double[][] price,
        double[][] exogenous1, double[][] exogenous2, double medianRangePerMwh,
        AsinhMedianScaler exogenous1Scaler, AsinhMedianScaler exogenous2Scaler) {

    /** Inputs of the day-of-week one-hot code. */
    static final int DAY_OF_WEEK_INPUTS = 7;

    /** Fits the transforms on days {@code [0, trainingEndDay)} and scales every day. */
    static ScaledPriceDays fit(PriceDays days, int trainingEndDay) {
        AsinhMedianScaler priceScaler = AsinhMedianScaler.fit(days.pricePerMwh(), 0,
                trainingEndDay);
        AsinhMedianScaler scaler1 = AsinhMedianScaler.fit(days.exogenous1(), 0, trainingEndDay);
        AsinhMedianScaler scaler2 = AsinhMedianScaler.fit(days.exogenous2(), 0, trainingEndDay);
        double[] ranges = new double[trainingEndDay];
        for (int day = 0; day < trainingEndDay; day++) {
            ranges[day] = priceRangePerMwh(days, day);
        }
        Arrays.sort(ranges);
        return new ScaledPriceDays(days, priceScaler, priceScaler.scaleAll(days.pricePerMwh()),
                scaler1.scaleAll(days.exogenous1()), scaler2.scaleAll(days.exogenous2()),
                Math.max(ranges[trainingEndDay / 2], 1e-6), scaler1, scaler2);
    }

    /** Returns the maximum minus the minimum price of {@code day}. */
    static double priceRangePerMwh(PriceDays days, int day) {
        double[] prices = days.pricePerMwh()[day];
        return Arrays.stream(prices).max().orElseThrow()
                - Arrays.stream(prices).min().orElseThrow();
    }

    /**
     * Returns the loss weight of training day {@code day}: 1 plus {@code spikeWeight} per
     * median range by which the day's price range exceeds the median range.
     */
    double lossWeight(int day, double spikeWeight) {
        double excess = priceRangePerMwh(days, day) / medianRangePerMwh - 1;
        return 1 + spikeWeight * Math.max(excess, 0);
    }

    /** Writes the one-hot code of the day of the week of {@code day} from {@code offset}. */
    void putDayOfWeek(float[] row, int offset, int day) {
        row[offset + days.dayOfWeek(day).getValue() - 1] = 1;
    }

    /** Writes the 24 values of {@code series[day]} from {@code offset}. */
    static void putDay(float[] row, int offset, double[][] series, int day) {
        for (int hour = 0; hour < PriceDays.HOURS; hour++) {
            row[offset + hour] = (float) series[day][hour];
        }
    }
}
