package io.gridcast.price;

import java.util.Map;

/** {@link NaiveForecaster} as a {@link PriceModel}: scored, never registered. */
public final class NaivePriceModel implements PriceModel {

    public static final String NAME = "naive";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String algorithm() {
        return "naive";
    }

    @Override
    public double[][] forecast(PriceDays days, int firstTestDay, int endTestDay) {
        double[][] forecasts = new double[endTestDay - firstTestDay][];
        for (int day = firstTestDay; day < endTestDay; day++) {
            forecasts[day - firstTestDay] = NaiveForecaster.forecastDay(days, day);
        }
        return forecasts;
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("lag_days", "1 for Tuesday to Friday, 7 for Monday, Saturday, Sunday");
    }

    @Override
    public boolean registered() {
        return false;
    }
}
