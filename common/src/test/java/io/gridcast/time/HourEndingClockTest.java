package io.gridcast.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class HourEndingClockTest {

    private final HourEndingClock eastern = new HourEndingClock(MarketZones.PJM);

    @Test
    void fallBackLabelNamesTwoHours() {
        LocalDateTime label = LocalDateTime.parse("2014-11-02T02:00");

        assertThat(eastern.isRepeated(label)).isTrue();
        // 01:00 EDT (UTC-4) and 01:00 EST (UTC-5).
        assertThat(eastern.intervalStart(label, 0)).isEqualTo(Instant.parse("2014-11-02T05:00:00Z"));
        assertThat(eastern.intervalStart(label, 1)).isEqualTo(Instant.parse("2014-11-02T06:00:00Z"));
    }

    @Test
    void hoursAroundFallBackAreUnique() {
        assertThat(eastern.isRepeated(LocalDateTime.parse("2014-11-02T01:00"))).isFalse();
        assertThat(eastern.intervalStart(LocalDateTime.parse("2014-11-02T01:00"), 0))
                .isEqualTo(Instant.parse("2014-11-02T04:00:00Z"));
        assertThat(eastern.intervalStart(LocalDateTime.parse("2014-11-02T03:00"), 0))
                .isEqualTo(Instant.parse("2014-11-02T07:00:00Z"));
    }

    @Test
    void springForwardGapLabelIsInvalid() {
        assertThatThrownBy(() -> eastern.intervalStart(LocalDateTime.parse("2015-03-08T03:00"), 0))
                .isInstanceOf(InvalidTimeLabelException.class)
                .hasMessageContaining("2015-03-08T03:00")
                .hasMessageContaining("does not exist");
        // Hour ending 02:00 starts 01:00 EST; hour ending 04:00 starts 03:00 EDT: one hour apart.
        assertThat(eastern.intervalStart(LocalDateTime.parse("2015-03-08T02:00"), 0))
                .isEqualTo(Instant.parse("2015-03-08T06:00:00Z"));
        assertThat(eastern.intervalStart(LocalDateTime.parse("2015-03-08T04:00"), 0))
                .isEqualTo(Instant.parse("2015-03-08T07:00:00Z"));
    }

    @Test
    void midnightLabelEndsPreviousDay() {
        assertThat(eastern.intervalStart(LocalDateTime.parse("2003-01-01T00:00"), 0))
                .isEqualTo(Instant.parse("2003-01-01T04:00:00Z"));
    }

    @Test
    void ercotFlaggedRepeatedHour() {
        HourEndingClock central = new HourEndingClock(MarketZones.ERCOT);
        LocalDate fallBack = LocalDate.parse("2024-11-03");

        // 01:00 CDT (UTC-5) is 06:00Z; the flagged repeat, 01:00 CST (UTC-6), is 07:00Z.
        assertThat(central.intervalStart(fallBack, 2, false))
                .isEqualTo(Instant.parse("2024-11-03T06:00:00Z"));
        assertThat(central.intervalStart(fallBack, 2, true))
                .isEqualTo(Instant.parse("2024-11-03T07:00:00Z"));
        assertThat(central.intervalStart(fallBack, 3, false))
                .isEqualTo(Instant.parse("2024-11-03T08:00:00Z"));
    }

    @Test
    void ercotHourEnding24EndsAtMidnight() {
        HourEndingClock central = new HourEndingClock(MarketZones.ERCOT);

        assertThat(central.intervalStart(LocalDate.parse("2025-04-11"), 24, false))
                .isEqualTo(Instant.parse("2025-04-12T04:00:00Z"));
    }

    @Test
    void ercotInvalidLabelsAreNamed() {
        HourEndingClock central = new HourEndingClock(MarketZones.ERCOT);

        assertThatThrownBy(() -> central.intervalStart(LocalDate.parse("2024-03-10"), 3, false))
                .isInstanceOf(InvalidTimeLabelException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> central.intervalStart(LocalDate.parse("2024-07-01"), 2, true))
                .hasMessage("Invalid DST flag on hour ending 2 of 2024-07-01: that hour is not "
                        + "repeated in America/Chicago");
        assertThatThrownBy(() -> central.intervalStart(LocalDate.parse("2024-07-01"), 25, false))
                .hasMessageContaining("Invalid hour ending 25");
    }

    @Test
    void marketHourLabelsRepeatedHour() {
        MarketHour daylight = MarketHour.of(Instant.parse("2025-11-02T05:00:00Z"), MarketZones.PJM);
        MarketHour standard = MarketHour.of(Instant.parse("2025-11-02T06:00:00Z"), MarketZones.PJM);
        MarketHour lastHour = MarketHour.of(Instant.parse("2025-11-03T04:00:00Z"), MarketZones.PJM);

        assertThat(daylight).isEqualTo(new MarketHour(LocalDate.parse("2025-11-02"), 2, false));
        assertThat(standard).isEqualTo(new MarketHour(LocalDate.parse("2025-11-02"), 2, true));
        assertThat(lastHour).isEqualTo(new MarketHour(LocalDate.parse("2025-11-02"), 24, false));
    }
}
