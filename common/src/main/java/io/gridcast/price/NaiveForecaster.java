package io.gridcast.price;

import java.time.DayOfWeek;

/**
 * The benchmark's naive day-ahead forecast: each hour's price of the day before for Tuesday
 * to Friday, and of the same weekday a week before for Monday, Saturday and Sunday, whose
 * prices follow the weekend rather than the previous day. It is the denominator of rMAE.
 */
public final class NaiveForecaster {

    /** Days of history the forecast needs. */
    public static final int HISTORY_DAYS = 7;

    private NaiveForecaster() {
    }

    /** Forecasts the 24 prices of day {@code day}. */
    public static double[] forecastDay(PriceDays days, int day) {
        if (day < HISTORY_DAYS) {
            throw new IllegalArgumentException("The naive forecast of " + days.date(day)
                    + " needs the prices of " + days.date(day - HISTORY_DAYS));
        }
        return days.pricePerMwh()[day - lagDays(days.dayOfWeek(day))].clone();
    }

    /** Returns how many days back the naive forecast of a {@code dayOfWeek} looks. */
    public static int lagDays(DayOfWeek dayOfWeek) {
        return switch (dayOfWeek) {
            case MONDAY, SATURDAY, SUNDAY -> 7;
            default -> 1;
        };
    }
}
