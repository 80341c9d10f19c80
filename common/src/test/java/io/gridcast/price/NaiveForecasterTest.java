package io.gridcast.price;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NaiveForecasterTest {

    /**
     * Two hand-made weeks from Monday 2024-01-01, every hour of day d priced at 10 * (d + 1).
     * The naive forecast of Tuesday 2024-01-09 (day 8) is Monday's 80. That of Monday
     * 2024-01-08 (day 7) is the Monday before's 10, and that of Saturday 2024-01-13 (day 12)
     * the Saturday before's 60.
     */
    @Test
    void lagDependsOnDayOfWeek() {
        PriceDays twoWeeks = flatDays(LocalDate.of(2024, 1, 1), 14);

        assertThat(NaiveForecaster.forecastDay(twoWeeks, 8)).containsOnly(80.0);
        assertThat(NaiveForecaster.forecastDay(twoWeeks, 7)).containsOnly(10.0);
        assertThat(NaiveForecaster.forecastDay(twoWeeks, 12)).containsOnly(60.0);
        assertThat(NaiveForecaster.forecastDay(twoWeeks, 13)).containsOnly(70.0);
        assertThat(NaiveForecaster.forecastDay(twoWeeks, 11)).containsOnly(110.0);
    }

    @Test
    void keepsTheHourOfTheDay() {
        PriceDays days = flatDays(LocalDate.of(2024, 1, 1), 9);
        days.pricePerMwh()[7][5] = -42.5;

        assertThat(NaiveForecaster.forecastDay(days, 8)[5]).isEqualTo(-42.5);
    }

    static PriceDays flatDays(LocalDate first, int count) {
        double[][] prices = new double[count][PriceDays.HOURS];
        for (int d = 0; d < count; d++) {
            Arrays.fill(prices[d], 10.0 * (d + 1));
        }
        return new PriceDays("TEST", first, prices, new double[count][PriceDays.HOURS],
                new double[count][PriceDays.HOURS]);
    }
}
