package io.gridcast.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PriceMetricsTest {

    /**
     * One day of 24 hours: actual prices 10, 20, ..., 240 (so hour 24's 240 is the single
     * spike hour, the top 5% of 24 hours rounding to 1). The forecast misses every hour by
     * +2 except hour 24 by -12; the naive forecast misses every hour by 8.
     * MAE = (23 * 2 + 12) / 24 = 58 / 24; RMSE = sqrt((23 * 4 + 144) / 24) = sqrt(236 / 24);
     * rMAE = (58 / 24) / 8.
     */
    @Test
    void scoresAHandWorkedDay() {
        double[][] actual = new double[1][24];
        double[][] forecast = new double[1][24];
        double[][] naive = new double[1][24];
        for (int h = 0; h < 24; h++) {
            actual[0][h] = 10.0 * (h + 1);
            forecast[0][h] = actual[0][h] + 2.0;
            naive[0][h] = actual[0][h] - 8.0;
        }
        forecast[0][23] = 228.0;

        PriceMetrics metrics = PriceMetrics.of(actual, forecast, naive);

        assertThat(metrics.maePerMwh()).isCloseTo(58.0 / 24, within(1e-12));
        assertThat(metrics.rmsePerMwh()).isCloseTo(Math.sqrt(236.0 / 24), within(1e-12));
        assertThat(metrics.relativeMae()).isCloseTo(58.0 / 24 / 8, within(1e-12));
        assertThat(metrics.spikeThresholdPerMwh()).isEqualTo(240.0);
        assertThat(metrics.spikeMaePerMwh()).isCloseTo(12.0, within(1e-12));
        assertThat(metrics.spikeRmsePerMwh()).isCloseTo(12.0, within(1e-12));
        assertThat(metrics.hours()).isEqualTo(24);
    }

    /**
     * Nine days priced 0, 10, ..., 80 in every hour: the weekly naive forecast within the test
     * period exists for days 8 and 9 only and misses by 70 both times. A forecast missing
     * every hour by 7 has rMAE W = 7 / 70.
     */
    @Test
    void weeklyRelativeMaeUsesTheTestPricesOnly() {
        double[][] actual = new double[9][24];
        double[][] forecast = new double[9][24];
        for (int d = 0; d < 9; d++) {
            Arrays.fill(actual[d], 10.0 * d);
            Arrays.fill(forecast[d], 10.0 * d + 7.0);
        }

        PriceMetrics metrics = PriceMetrics.of(actual, forecast, actual);

        assertThat(metrics.relativeMaeWeekly()).isCloseTo(0.1, within(1e-12));
        assertThat(PriceMetrics.of(new double[1][24], new double[1][24], new double[1][24])
                .relativeMaeWeekly()).isNaN();
    }

    /** |p - f| / ((|p| + |f|) / 2): 10 vs 30 gives 1, -5 vs 5 gives 2, 0 vs 0 gives 0. */
    @Test
    void symmetricPercentageErrorHandlesNegativeAndZeroPrices() {
        double[][] actual = new double[1][24];
        double[][] forecast = new double[1][24];
        actual[0][0] = 10.0;
        forecast[0][0] = 30.0;
        actual[0][1] = -5.0;
        forecast[0][1] = 5.0;

        PriceMetrics metrics = PriceMetrics.of(actual, forecast, forecast);

        assertThat(metrics.smapePercent()).isCloseTo(100.0 * 3.0 / 24, within(1e-12));
    }

    /**
     * Three days; forecast A misses each hour of the days by 3, 1 and 2, forecast B by 1, 1
     * and 0. The daily loss differentials are 2, 0 and 2: mean 4/3, population variance
     * 8/9, statistic (4/3) / sqrt(8/27) = 2.4494897, one-sided p = 1 - Phi(2.4494897)
     * = 0.0071529.
     */
    @Test
    void dieboldMarianoOnHandComputedDifferentials() {
        double[][] actual = new double[3][24];
        double[][] forecastA = new double[3][24];
        double[][] forecastB = new double[3][24];
        double[] missA = {3, 1, 2};
        double[] missB = {1, 1, 0};
        for (int d = 0; d < 3; d++) {
            Arrays.fill(forecastA[d], missA[d]);
            Arrays.fill(forecastB[d], -missB[d]);
        }

        DieboldMariano test = DieboldMariano.test(actual, forecastA, forecastB);

        assertThat(test.statistic()).isCloseTo(2.4494897, within(1e-6));
        assertThat(test.pValue()).isCloseTo(0.0071529, within(1e-6));
        assertThat(DieboldMariano.test(actual, forecastB, forecastA).pValue())
                .isCloseTo(1 - 0.0071529, within(1e-6));
    }

    @Test
    void dieboldMarianoIsUndefinedWithoutVariance() {
        double[][] actual = new double[1][24];
        double[][] forecastA = new double[1][24];
        double[][] forecastB = new double[1][24];
        Arrays.fill(forecastA[0], 3.0);

        assertThat(DieboldMariano.test(actual, forecastA, forecastB).pValue()).isNaN();
        assertThat(DieboldMariano.test(new double[3][24], new double[3][24],
                new double[3][24]).statistic()).isNaN();
    }
}
