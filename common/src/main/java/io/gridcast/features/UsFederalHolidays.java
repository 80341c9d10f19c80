package io.gridcast.features;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * US federal holidays under 5 U.S.C. 6103, on the dates they are observed.
 *
 * <p>A holiday that falls on a Saturday is observed on the Friday before, and one that falls on
 * a Sunday on the Monday after, as the Office of Personnel Management applies 5 U.S.C. 6103 to
 * employees who work Monday to Friday. So New Year's Day 2022, a Saturday, is observed on
 * Friday 2021-12-31, which counts as a 2021 date here.
 *
 * <p>The rules cover 1971 onward, when the Uniform Monday Holiday Act took effect. Birthday of
 * Martin Luther King, Jr. starts in 1986 and Juneteenth in 2021. Veterans Day is the fourth
 * Monday of October from 1971 to 1977 and November 11 from 1978. Inauguration Day (a holiday
 * only in the Washington, D.C. area) and one-off closures by executive order are not included.
 *
 * <p>The class is hand-written because the rules are a dozen fixed lines, and a holiday library
 * would add its XML configuration to the shaded jar. It is stateless and thread-safe.
 */
public final class UsFederalHolidays {

    /** First year the rules here describe: the Uniform Monday Holiday Act took effect in 1971. */
    public static final int FIRST_YEAR = 1971;

    private static final String NEW_YEARS_DAY = "New Year's Day";
    private static final String KING_BIRTHDAY = "Birthday of Martin Luther King, Jr.";
    private static final String WASHINGTONS_BIRTHDAY = "Washington's Birthday";
    private static final String MEMORIAL_DAY = "Memorial Day";
    private static final String JUNETEENTH = "Juneteenth National Independence Day";
    private static final String INDEPENDENCE_DAY = "Independence Day";
    private static final String LABOR_DAY = "Labor Day";
    private static final String COLUMBUS_DAY = "Columbus Day";
    private static final String VETERANS_DAY = "Veterans Day";
    private static final String THANKSGIVING_DAY = "Thanksgiving Day";
    private static final String CHRISTMAS_DAY = "Christmas Day";

    private UsFederalHolidays() {
    }

    /**
     * Returns the observed holiday dates that fall in the given calendar years, in ascending
     * order. An observed date counts in its own year, so the result for 2021 contains
     * 2021-12-31 (New Year's Day 2022 observed) and the result for 2022 does not.
     *
     * @throws IllegalArgumentException if {@code fromYear} is before {@link #FIRST_YEAR} or
     *     after {@code toYearInclusive}
     */
    public static Set<LocalDate> observedDates(int fromYear, int toYearInclusive) {
        requireYear(fromYear);
        if (toYearInclusive < fromYear) {
            throw new IllegalArgumentException("Invalid year range: " + fromYear + " to "
                    + toYearInclusive + " (the last year must not be before the first)");
        }
        return Collections.unmodifiableSet(observedHolidays(fromYear, toYearInclusive).keySet());
    }

    /**
     * Returns the name of the holiday observed on the given date, as 5 U.S.C. 6103 spells
     * it, or empty if the date is no observed holiday. The name is the same whether or not the
     * holiday itself falls on that date.
     *
     * @throws IllegalArgumentException if the date is before {@link #FIRST_YEAR}
     */
    public static Optional<String> holidayName(LocalDate observedDate) {
        int year = observedDate.getYear();
        requireYear(year);
        return Optional.ofNullable(observedHolidays(year, year).get(observedDate));
    }

    /** Maps each observed date in the year range to its holiday name, ordered by date. */
    private static Map<LocalDate, String> observedHolidays(int fromYear, int toYearInclusive) {
        Map<LocalDate, String> holidays = new TreeMap<>();
        // New Year's Day of the year after the range can be observed on December 31 inside it.
        for (int year = fromYear; year <= toYearInclusive + 1; year++) {
            for (Holiday holiday : holidaysOf(year)) {
                LocalDate observed = observedDate(holiday.date());
                if (observed.getYear() >= fromYear && observed.getYear() <= toYearInclusive) {
                    holidays.put(observed, holiday.name());
                }
            }
        }
        return holidays;
    }

    /** Lists the holidays of one year on the dates they fall, before moving off weekends. */
    private static List<Holiday> holidaysOf(int year) {
        List<Holiday> holidays = new ArrayList<>();
        holidays.add(new Holiday(NEW_YEARS_DAY, LocalDate.of(year, Month.JANUARY, 1)));
        if (year >= 1986) {
            holidays.add(new Holiday(KING_BIRTHDAY, nthWeekday(year, Month.JANUARY, 3,
                    DayOfWeek.MONDAY)));
        }
        holidays.add(new Holiday(WASHINGTONS_BIRTHDAY, nthWeekday(year, Month.FEBRUARY, 3,
                DayOfWeek.MONDAY)));
        holidays.add(new Holiday(MEMORIAL_DAY, LocalDate.of(year, Month.MAY, 1)
                .with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY))));
        if (year >= 2021) {
            holidays.add(new Holiday(JUNETEENTH, LocalDate.of(year, Month.JUNE, 19)));
        }
        holidays.add(new Holiday(INDEPENDENCE_DAY, LocalDate.of(year, Month.JULY, 4)));
        holidays.add(new Holiday(LABOR_DAY, nthWeekday(year, Month.SEPTEMBER, 1,
                DayOfWeek.MONDAY)));
        holidays.add(new Holiday(COLUMBUS_DAY, nthWeekday(year, Month.OCTOBER, 2,
                DayOfWeek.MONDAY)));
        holidays.add(new Holiday(VETERANS_DAY, veteransDay(year)));
        holidays.add(new Holiday(THANKSGIVING_DAY, nthWeekday(year, Month.NOVEMBER, 4,
                DayOfWeek.THURSDAY)));
        holidays.add(new Holiday(CHRISTMAS_DAY, LocalDate.of(year, Month.DECEMBER, 25)));
        return holidays;
    }

    private static LocalDate veteransDay(int year) {
        if (year <= 1977) {
            return nthWeekday(year, Month.OCTOBER, 4, DayOfWeek.MONDAY);
        }
        return LocalDate.of(year, Month.NOVEMBER, 11);
    }

    private static LocalDate nthWeekday(int year, Month month, int ordinal, DayOfWeek day) {
        return LocalDate.of(year, month, 1)
                .with(TemporalAdjusters.dayOfWeekInMonth(ordinal, day));
    }

    private static LocalDate observedDate(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case SATURDAY -> date.minusDays(1);
            case SUNDAY -> date.plusDays(1);
            default -> date;
        };
    }

    private static void requireYear(int year) {
        if (year < FIRST_YEAR) {
            throw new IllegalArgumentException("Invalid year: " + year
                    + " (US federal holidays are known here from " + FIRST_YEAR + " on)");
        }
    }

    private record Holiday(String name, LocalDate date) {
    }
}
