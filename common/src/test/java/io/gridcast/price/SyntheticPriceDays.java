package io.gridcast.price;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Random;

/** Small synthetic price series for the forecaster tests, and the naive forecast to beat. */
final class SyntheticPriceDays {

    private SyntheticPriceDays() {
    }

    /**
     * Builds {@code dayCount} days starting on Monday 2018-01-01. Load (exogenous 1) has a
     * daily and a weekly shape plus noise, renewables (exogenous 2) vary from day to day, and
     * the price follows load minus renewables with its own noise.
     */
    static PriceDays weeklyPattern(int dayCount, long seed) {
        Random random = new Random(seed);
        LocalDate firstDay = LocalDate.of(2018, 1, 1);
        double[][] price = new double[dayCount][PriceDays.HOURS];
        double[][] load = new double[dayCount][PriceDays.HOURS];
        double[][] renewables = new double[dayCount][PriceDays.HOURS];
        for (int day = 0; day < dayCount; day++) {
            DayOfWeek dayOfWeek = firstDay.plusDays(day).getDayOfWeek();
            double weekly = dayOfWeek.getValue() >= 6 ? -8000 : 0;
            double windLevel = 3000 + 2500 * random.nextDouble();
            for (int hour = 0; hour < PriceDays.HOURS; hour++) {
                double daily = 6000 * Math.sin(Math.PI * (hour - 6) / 14.0);
                load[day][hour] = 40000 + weekly + Math.max(daily, -3000)
                        + 800 * random.nextGaussian();
                renewables[day][hour] = windLevel + 400 * random.nextGaussian();
                price[day][hour] = 5 + 0.0012 * load[day][hour] - 0.004 * renewables[day][hour]
                        + 2 * random.nextGaussian();
            }
        }
        return new PriceDays("SYN", firstDay, price, load, renewables);
    }

    /** Returns the naive forecast: the previous day for Tuesday to Friday, else last week. */
    static double[][] naiveForecast(PriceDays days, int firstTestDay, int endTestDay) {
        double[][] forecasts = new double[endTestDay - firstTestDay][];
        for (int day = firstTestDay; day < endTestDay; day++) {
            DayOfWeek dayOfWeek = days.dayOfWeek(day);
            boolean midweek = dayOfWeek.getValue() >= 2 && dayOfWeek.getValue() <= 5;
            forecasts[day - firstTestDay] = days.pricePerMwh()[day - (midweek ? 1 : 7)].clone();
        }
        return forecasts;
    }

    /** Returns the mean absolute error of {@code forecasts} over all their hours, per MWh. */
    static double maePerMwh(PriceDays days, int firstTestDay, double[][] forecasts) {
        double sum = 0;
        for (int i = 0; i < forecasts.length; i++) {
            for (int hour = 0; hour < PriceDays.HOURS; hour++) {
                sum += Math.abs(forecasts[i][hour] - days.pricePerMwh()[firstTestDay + i][hour]);
            }
        }
        return sum / (forecasts.length * PriceDays.HOURS);
    }

    /** Returns a copy of {@code days} with {@code shiftPerMwh} added to every price of a day. */
    static PriceDays withShiftedDay(PriceDays days, int day, double shiftPerMwh) {
        double[][] price = new double[days.days()][];
        for (int d = 0; d < days.days(); d++) {
            price[d] = days.pricePerMwh()[d].clone();
        }
        for (int hour = 0; hour < PriceDays.HOURS; hour++) {
            price[day][hour] += shiftPerMwh;
        }
        return new PriceDays(days.market(), days.firstDay(), price, days.exogenous1(),
                days.exogenous2());
    }
}
