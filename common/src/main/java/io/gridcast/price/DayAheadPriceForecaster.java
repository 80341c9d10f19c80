package io.gridcast.price;

/**
 * A model that forecasts the 24 hourly day-ahead prices of each test day from the prices of
 * earlier days and the exogenous forecasts of the same and earlier days. Implementations
 * never read prices of the day being forecast or of later days.
 */
public interface DayAheadPriceForecaster {

    /** Short model name for reports and the model registry, e.g. {@code mlp}. */
    String name();

    /**
     * Forecasts the prices of days {@code firstTestDay} to {@code endTestDay - 1}, trained on
     * the days before {@code firstTestDay}.
     *
     * @param days prices and exogenous series, including the test days
     * @param firstTestDay row of the first day forecast
     * @param endTestDay row after the last day forecast
     * @param progress receives progress notes, e.g. {@link ProgressListener#NONE}
     * @return forecasts per MWh in the currency of {@code days}, [day - firstTestDay][hour]
     * @throws IllegalArgumentException if the test days lie outside {@code days} or leave
     *     too few training days
     */
    double[][] forecast(PriceDays days, int firstTestDay, int endTestDay,
            ProgressListener progress);

    /** Receives progress notes from a long-running forecast. */
    @FunctionalInterface
    interface ProgressListener {

        /** A listener that ignores every note. */
        ProgressListener NONE = (stage, done, total) -> { };

        /**
         * Reports that {@code done} of {@code total} steps of {@code stage} are finished.
         *
         * @param stage what is running, e.g. {@code training} or {@code test}
         * @param done finished steps
         * @param total steps of the stage
         */
        void progress(String stage, int done, int total);
    }
}
