package io.gridcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimeSplitTest {

    @Test
    void lastDaysBecomeTestPeriod() {
        TimeSplit split = TimeSplit.of(LocalDate.parse("2015-08-03"), LocalDate.parse("2018-08-02"),
                null, 365, 90);

        assertThat(split.testStart()).isEqualTo(LocalDate.parse("2017-08-03"));
        assertThat(split.testEnd()).isEqualTo(LocalDate.parse("2018-08-02"));
        assertThat(split.validationStart()).isEqualTo(LocalDate.parse("2017-05-05"));
        assertThat(split.validationEnd()).isEqualTo(LocalDate.parse("2017-08-02"));
        assertThat(split.trainEnd()).isEqualTo(LocalDate.parse("2017-05-04"));
    }

    @Test
    void explicitTestStartIsKept() {
        TimeSplit split = TimeSplit.of(LocalDate.parse("2002-01-01"), LocalDate.parse("2018-08-03"),
                LocalDate.parse("2015-01-01"), 365, 90);

        assertThat(split.testStart()).isEqualTo(LocalDate.parse("2015-01-01"));
        assertThat(split.validationEnd()).isEqualTo(LocalDate.parse("2014-12-31"));
        assertThat(split.validationStart()).isEqualTo(LocalDate.parse("2014-10-03"));
    }

    @Test
    void testStartTooEarlyIsRejected() {
        assertThatThrownBy(() -> TimeSplit.of(LocalDate.parse("2018-01-01"),
                LocalDate.parse("2018-08-03"), LocalDate.parse("2018-02-01"), 365, 90))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid test start 2018-02-01");
    }
}
