package io.gridcast.price;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * A market's day-ahead prices and two exogenous series (e.g. load and renewables forecasts),
 * one row per consecutive delivery day and one column per hour of the day (index 0 is hour
 * ending 1). Days are consecutive: day {@code d} is {@code firstDay + d}.
 *
 * @param market market name, e.g. DE or PJM
 * @param firstDay delivery date of row 0
 * @param pricePerMwh prices, [day][hour], in the market's currency per MWh
 * @param exogenous1 first exogenous series, [day][hour]
 * @param exogenous2 second exogenous series, [day][hour]
 */
public record PriceDays(String market, LocalDate firstDay, double[][] pricePerMwh,
        double[][] exogenous1, double[][] exogenous2) implements Serializable {

    public static final int HOURS = 24;

    public PriceDays {
        if (pricePerMwh.length != exogenous1.length || pricePerMwh.length != exogenous2.length) {
            throw new IllegalArgumentException("Price and exogenous series of " + market
                    + " cover different numbers of days");
        }
    }

    /** Number of days. */
    public int days() {
        return pricePerMwh.length;
    }

    /** Delivery date of day {@code day}. */
    public LocalDate date(int day) {
        return firstDay.plusDays(day);
    }

    /** Day of the week of day {@code day}. */
    public DayOfWeek dayOfWeek(int day) {
        return date(day).getDayOfWeek();
    }

    /** Row of {@code date}, which may lie outside the series. */
    public int dayOf(LocalDate date) {
        return Math.toIntExact(date.toEpochDay() - firstDay.toEpochDay());
    }
}
