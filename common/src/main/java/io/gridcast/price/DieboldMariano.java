package io.gridcast.price;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The multivariate Diebold-Mariano test of the epftoolbox benchmark: one loss differential per
 * day, the mean over the 24 hours of
 * {@code |error of A| - |error of B|}, and the one-sided test of whether B is more accurate
 * than A. A p-value below 0.05 means B's forecasts are significantly better than A's.
 *
 * <p>With fewer than two days, or identical daily differentials (equal forecasts), the
 * variance is zero and the test is undefined: statistic and p-value are then NaN.
 *
 * @param statistic the Diebold-Mariano statistic, positive when B's errors are smaller
 * @param pValue one-sided p-value of "B is more accurate than A", from the normal distribution
 * @param days number of daily loss differentials
 */
public record DieboldMariano(double statistic, double pValue, int days) {

    /** Tests forecast B against forecast A, all [day][hour]. */
    public static DieboldMariano test(double[][] actual, double[][] forecastA,
            double[][] forecastB) {
        int days = actual.length;
        double[] differentials = new double[days];
        for (int d = 0; d < days; d++) {
            double sum = 0.0;
            for (int h = 0; h < PriceDays.HOURS; h++) {
                sum += Math.abs(actual[d][h] - forecastA[d][h])
                        - Math.abs(actual[d][h] - forecastB[d][h]);
            }
            differentials[d] = sum / PriceDays.HOURS;
        }
        double mean = 0.0;
        for (double differential : differentials) {
            mean += differential / days;
        }
        double variance = 0.0;
        for (double differential : differentials) {
            variance += (differential - mean) * (differential - mean) / days;
        }
        if (days < 2 || variance == 0.0) {
            return new DieboldMariano(Double.NaN, Double.NaN, days);
        }
        double statistic = mean / Math.sqrt(variance / days);
        double pValue = 1.0 - new NormalDistribution().cumulativeProbability(statistic);
        return new DieboldMariano(statistic, pValue, days);
    }
}
