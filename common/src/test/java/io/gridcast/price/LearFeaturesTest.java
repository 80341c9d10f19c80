package io.gridcast.price;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LearFeaturesTest {

    /**
     * Ten days from Wednesday 2024-01-03 where the price of day d, hour h is 100 d + h, the
     * first exogenous series 1000 d + h and the second -(1000 d + h). The row of day 9
     * (Friday 2024-01-12) is checked by hand cell by cell.
     */
    @Test
    void buildsTheRowOfOneDayByHand() {
        PriceDays days = numberedDays(LocalDate.of(2024, 1, 3), 10);

        double[] row = LearFeatures.row(days, 9);

        assertThat(row).hasSize(247);
        // Hour ending 1: prices of days 8, 7, 6 and 2.
        assertThat(row[0]).isEqualTo(800.0);
        assertThat(row[1]).isEqualTo(700.0);
        assertThat(row[2]).isEqualTo(600.0);
        assertThat(row[3]).isEqualTo(200.0);
        // Hour ending 24: the same lags at hour 23.
        assertThat(row[92]).isEqualTo(823.0);
        assertThat(row[95]).isEqualTo(223.0);
        // Hour ending 1 exogenous: day 8 (both), day 2 (both), day 9 itself (both).
        assertThat(row[96]).isEqualTo(8000.0);
        assertThat(row[97]).isEqualTo(-8000.0);
        assertThat(row[98]).isEqualTo(2000.0);
        assertThat(row[99]).isEqualTo(-2000.0);
        assertThat(row[100]).isEqualTo(9000.0);
        assertThat(row[101]).isEqualTo(-9000.0);
        // Hour ending 24 exogenous of day 9.
        assertThat(row[239]).isEqualTo(-9023.0);
        // Friday's dummy only.
        assertThat(row).containsSequence(0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        assertThat(row[244]).isEqualTo(1.0);
        assertThat(LearFeatures.name(3)).isEqualTo("price_d-7_he01");
        assertThat(LearFeatures.name(239)).isEqualTo("exogenous2_d_he24");
        assertThat(LearFeatures.name(98)).isEqualTo("exogenous1_d-7_he01");
        assertThat(LearFeatures.name(244)).isEqualTo("dow_friday");
    }

    @Test
    void rowIgnoresForecastDayPrices() {
        PriceDays days = numberedDays(LocalDate.of(2024, 1, 3), 10);
        double[] before = LearFeatures.row(days, 9);

        days.pricePerMwh()[9][0] = 1e6;

        assertThat(LearFeatures.row(days, 9)).containsExactly(before);
    }

    static PriceDays numberedDays(LocalDate first, int count) {
        double[][] prices = new double[count][PriceDays.HOURS];
        double[][] exogenous1 = new double[count][PriceDays.HOURS];
        double[][] exogenous2 = new double[count][PriceDays.HOURS];
        for (int d = 0; d < count; d++) {
            for (int h = 0; h < PriceDays.HOURS; h++) {
                prices[d][h] = 100.0 * d + h;
                exogenous1[d][h] = 1000.0 * d + h;
                exogenous2[d][h] = -(1000.0 * d + h);
            }
        }
        return new PriceDays("TEST", first, prices, exogenous1, exogenous2);
    }
}
