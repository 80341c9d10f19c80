package io.gridcast.price;

import java.time.DayOfWeek;

/**
 * Inputs of the LEAR model for one delivery day d, in a fixed order. First come the prices of
 * days d-1, d-2, d-3 and d-7 for each hour (96 inputs). Then come both exogenous series of
 * days d-1, d-7 and d itself for each hour (144), and last one dummy per day of the week,
 * Monday first (7). Exogenous series are day-ahead forecasts published before the auction, so
 * day d's values are known when its prices are forecast. Day d's prices never enter.
 */
public final class LearFeatures {

    /** Past days whose prices enter, counted back from the delivery day. */
    static final int[] PRICE_LAGS_DAYS = {1, 2, 3, 7};
    /** Past days whose exogenous values enter, besides the delivery day itself. */
    static final int[] EXOGENOUS_LAGS_DAYS = {1, 7};
    /** Days of history a feature row needs before the delivery day. */
    public static final int HISTORY_DAYS = 7;
    /** Inputs passed through the variance-stabilising transform (all but the dummies). */
    public static final int CONTINUOUS = PriceDays.HOURS * (PRICE_LAGS_DAYS.length
            + 2 * (EXOGENOUS_LAGS_DAYS.length + 1));
    public static final int COUNT = CONTINUOUS + 7;

    private LearFeatures() {
    }

    /** Builds the feature row of day {@code day}, which needs days {@code day - 7} onwards. */
    public static double[] row(PriceDays days, int day) {
        if (day < HISTORY_DAYS || day >= days.days()) {
            throw new IllegalArgumentException("Day " + days.date(day) + " of " + days.market()
                    + " needs " + HISTORY_DAYS + " days of history inside the series");
        }
        double[] row = new double[COUNT];
        int column = 0;
        for (int hour = 0; hour < PriceDays.HOURS; hour++) {
            for (int lag : PRICE_LAGS_DAYS) {
                row[column++] = days.pricePerMwh()[day - lag][hour];
            }
        }
        for (int hour = 0; hour < PriceDays.HOURS; hour++) {
            for (int lag : EXOGENOUS_LAGS_DAYS) {
                row[column++] = days.exogenous1()[day - lag][hour];
                row[column++] = days.exogenous2()[day - lag][hour];
            }
            row[column++] = days.exogenous1()[day][hour];
            row[column++] = days.exogenous2()[day][hour];
        }
        DayOfWeek dayOfWeek = days.dayOfWeek(day);
        row[column + dayOfWeek.getValue() - 1] = 1.0;
        return row;
    }

    /** Name of input {@code column}, e.g. {@code price_d-7_he03} or {@code dow_monday}. */
    public static String name(int column) {
        int priceColumns = PriceDays.HOURS * PRICE_LAGS_DAYS.length;
        if (column < priceColumns) {
            return String.format("price_d-%d_he%02d",
                    PRICE_LAGS_DAYS[column % PRICE_LAGS_DAYS.length],
                    column / PRICE_LAGS_DAYS.length + 1);
        }
        if (column < CONTINUOUS) {
            int offset = column - priceColumns;
            int perHour = 2 * (EXOGENOUS_LAGS_DAYS.length + 1);
            int slot = offset % perHour;
            int lag = slot / 2 < EXOGENOUS_LAGS_DAYS.length ? EXOGENOUS_LAGS_DAYS[slot / 2] : 0;
            return String.format("exogenous%d_d%s_he%02d", slot % 2 + 1,
                    lag == 0 ? "" : "-" + lag, offset / perHour + 1);
        }
        return "dow_" + DayOfWeek.of(column - CONTINUOUS + 1).name().toLowerCase();
    }
}
