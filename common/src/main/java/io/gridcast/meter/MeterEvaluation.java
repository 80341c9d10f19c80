package io.gridcast.meter;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A meter's forecasts and scores from one training run.
 *
 * @param trainSeconds wall time spent training LSTMs for this meter
 * @param trainSamples samples of the holdout training set
 */
public record MeterEvaluation(String meterId, long gapIntervals, int trainSamples,
        double trainSeconds, List<Score> scores, List<Forecast> forecasts)
        implements Serializable {

    /** Error of one model over one evaluation's forecast intervals, in kWh. */
    public record Score(String evaluation, String model, long values, double rmseKwh,
            double maeKwh) implements Serializable {
    }

    /** One forecast value, with the actual usage it is scored against. */
    public record Forecast(String evaluation, String model, Instant originUtc,
            Instant intervalStartUtc, int step, double predictedKwh, double actualKwh)
            implements Serializable {
    }
}
