package io.gridcast.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class UsFederalHolidaysTest {

    @Test
    void lists2024Holidays() {
        assertThat(UsFederalHolidays.observedDates(2024, 2024)).containsExactly(
                LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 1, 15),
                LocalDate.of(2024, 2, 19),
                LocalDate.of(2024, 5, 27),
                LocalDate.of(2024, 6, 19),
                LocalDate.of(2024, 7, 4),
                LocalDate.of(2024, 9, 2),
                LocalDate.of(2024, 10, 14),
                LocalDate.of(2024, 11, 11),
                LocalDate.of(2024, 11, 28),
                LocalDate.of(2024, 12, 25));
    }

    @Test
    void lists2025Holidays() {
        assertThat(UsFederalHolidays.observedDates(2025, 2025)).containsExactly(
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 1, 20),
                LocalDate.of(2025, 2, 17),
                LocalDate.of(2025, 5, 26),
                LocalDate.of(2025, 6, 19),
                LocalDate.of(2025, 7, 4),
                LocalDate.of(2025, 9, 1),
                LocalDate.of(2025, 10, 13),
                LocalDate.of(2025, 11, 11),
                LocalDate.of(2025, 11, 27),
                LocalDate.of(2025, 12, 25));
    }

    @Test
    void saturdayNewYearCountsInPreviousYear() {
        // 2022-01-01 was a Saturday, so New Year's Day 2022 is observed on Friday 2021-12-31.
        assertThat(UsFederalHolidays.observedDates(2021, 2021))
                .contains(LocalDate.of(2021, 12, 31));
        assertThat(UsFederalHolidays.observedDates(2022, 2022))
                .doesNotContain(LocalDate.of(2021, 12, 31), LocalDate.of(2022, 1, 1));
        assertThat(UsFederalHolidays.holidayName(LocalDate.of(2021, 12, 31)))
                .contains("New Year's Day");
        assertThat(UsFederalHolidays.holidayName(LocalDate.of(2022, 1, 1))).isEmpty();
    }

    @Test
    void lists2021WithWeekendHolidaysMoved() {
        // June 19 and December 25, 2021 were Saturdays, and July 4, 2021 was a Sunday.
        assertThat(UsFederalHolidays.observedDates(2021, 2021)).containsExactly(
                LocalDate.of(2021, 1, 1),
                LocalDate.of(2021, 1, 18),
                LocalDate.of(2021, 2, 15),
                LocalDate.of(2021, 5, 31),
                LocalDate.of(2021, 6, 18),
                LocalDate.of(2021, 7, 5),
                LocalDate.of(2021, 9, 6),
                LocalDate.of(2021, 10, 11),
                LocalDate.of(2021, 11, 11),
                LocalDate.of(2021, 11, 25),
                LocalDate.of(2021, 12, 24),
                LocalDate.of(2021, 12, 31));
    }

    @Test
    void saturdayIndependenceDayMovesToFriday() {
        // 2020-07-04 was a Saturday.
        assertThat(UsFederalHolidays.holidayName(LocalDate.of(2020, 7, 3)))
                .contains("Independence Day");
        assertThat(UsFederalHolidays.holidayName(LocalDate.of(2020, 7, 4))).isEmpty();
    }

    @Test
    void sundayHolidaysMoveToMonday() {
        // 2022-06-19 and 2022-12-25 were Sundays.
        assertThat(UsFederalHolidays.holidayName(LocalDate.of(2022, 6, 20)))
                .contains("Juneteenth National Independence Day");
        assertThat(UsFederalHolidays.holidayName(LocalDate.of(2022, 12, 26)))
                .contains("Christmas Day");
        assertThat(UsFederalHolidays.holidayName(LocalDate.of(2022, 12, 25))).isEmpty();
    }

    @Test
    void juneteenthStartsIn2021() {
        assertThat(UsFederalHolidays.observedDates(2019, 2020))
                .doesNotContain(LocalDate.of(2019, 6, 19), LocalDate.of(2020, 6, 19))
                .hasSize(20);
        assertThat(UsFederalHolidays.holidayName(LocalDate.of(2021, 6, 18)))
                .contains("Juneteenth National Independence Day");
    }

    @Test
    void kingBirthdayStartsIn1986() {
        // Third Mondays of January: 1985-01-21 and 1986-01-20.
        assertThat(UsFederalHolidays.holidayName(LocalDate.of(1985, 1, 21))).isEmpty();
        assertThat(UsFederalHolidays.holidayName(LocalDate.of(1986, 1, 20)))
                .contains("Birthday of Martin Luther King, Jr.");
    }

    @Test
    void veteransDayInOctoberUntil1977() {
        // The fourth Monday of October 1975 was October 27. November 11, 1978 was a Saturday.
        assertThat(UsFederalHolidays.holidayName(LocalDate.of(1975, 10, 27)))
                .contains("Veterans Day");
        assertThat(UsFederalHolidays.holidayName(LocalDate.of(1975, 11, 11))).isEmpty();
        assertThat(UsFederalHolidays.holidayName(LocalDate.of(1978, 11, 10)))
                .contains("Veterans Day");
    }

    @Test
    void namesEachHolidayOnItsDate() {
        assertThat(UsFederalHolidays.holidayName(LocalDate.of(2025, 1, 20)))
                .contains("Birthday of Martin Luther King, Jr.");
        assertThat(UsFederalHolidays.holidayName(LocalDate.of(2025, 2, 17)))
                .contains("Washington's Birthday");
        assertThat(UsFederalHolidays.holidayName(LocalDate.of(2025, 5, 26)))
                .contains("Memorial Day");
        assertThat(UsFederalHolidays.holidayName(LocalDate.of(2025, 9, 1)))
                .contains("Labor Day");
        assertThat(UsFederalHolidays.holidayName(LocalDate.of(2025, 10, 13)))
                .contains("Columbus Day");
        assertThat(UsFederalHolidays.holidayName(LocalDate.of(2025, 11, 27)))
                .contains("Thanksgiving Day");
        assertThat(UsFederalHolidays.holidayName(LocalDate.of(2025, 11, 26))).isEmpty();
    }

    @Test
    void everyYearHasPlausibleWeekdayDates() {
        // Nine holidays a year before 1986, ten from 1986 and eleven from 2021. A year loses one
        // date when its New Year's Day is a Saturday and gains one when the next year's is.
        for (int year = 1971; year <= 2100; year++) {
            int size = UsFederalHolidays.observedDates(year, year).size();
            assertThat(size).as("holidays in %d", year).isBetween(8, 12);
        }
        // 1977-01-01 was a Saturday, so 1976 has ten dates and 1977 eight.
        assertThat(UsFederalHolidays.observedDates(1976, 1976)).hasSize(10);
        assertThat(UsFederalHolidays.observedDates(1977, 1977)).hasSize(8);
        assertThat(UsFederalHolidays.observedDates(1971, 2100))
                .allSatisfy(date -> assertThat(date.getDayOfWeek().getValue())
                        .as("weekday of %s", date).isLessThanOrEqualTo(5));
    }

    @Test
    void rejectsYearsBefore1971() {
        assertThatThrownBy(() -> UsFederalHolidays.observedDates(1970, 1980))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1970");
        assertThatThrownBy(() -> UsFederalHolidays.holidayName(LocalDate.of(1969, 7, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1969");
    }

    @Test
    void rejectsReversedYearRange() {
        assertThatThrownBy(() -> UsFederalHolidays.observedDates(2025, 2024))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2025 to 2024");
    }
}
