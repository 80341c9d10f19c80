package io.gridcast.price;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;

/** A day-ahead price forecaster as a run scores and registers it. */
public interface PriceModel {

    /** Name in the tables and on the command line, e.g. {@code lear}. */
    String name();

    /** Algorithm recorded in the registry. */
    String algorithm();

    /**
     * Forecasts days {@code firstTestDay} (inclusive) to {@code endTestDay} (exclusive) of
     * {@code days}, each from information available the day before: [day][hour].
     */
    double[][] forecast(PriceDays days, int firstTestDay, int endTestDay);

    /** Every setting that shapes the forecasts, for the registry. */
    Map<String, Object> parameters();

    /** Returns the days of history the model needs before the first test day. */
    default int historyDays() {
        return NaiveForecaster.HISTORY_DAYS;
    }

    /** Returns the first day a model tested from {@code firstTestDay} trains on. */
    default int firstTrainingDay(int firstTestDay) {
        return 0;
    }

    /** Ordered inputs of the model, for the registry: the LEAR inputs unless overridden. */
    default List<String> features() {
        return IntStream.range(0, LearFeatures.COUNT).mapToObj(LearFeatures::name).toList();
    }

    /** Tells whether the model has an artifact worth registering (the naive forecast has none). */
    default boolean registered() {
        return true;
    }

    /** Writes the model as trained for the last test day under {@code folderUri}. */
    default void saveArtifact(String folderUri, Configuration hadoop) {
    }
}
