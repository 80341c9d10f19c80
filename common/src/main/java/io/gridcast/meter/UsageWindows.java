package io.gridcast.meter;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns a meter series into LSTM samples. A sample's origin {@code t} is the first interval
 * forecast: its inputs are intervals {@code t - lookBack .. t - 1}, each with the scaled usage
 * and the local time of day and day of week as sine and cosine, and its labels the scaled
 * usage of intervals {@code t .. t + horizon - 1}.
 */
public final class UsageWindows {

    /** Inputs per time step: usage, time of day (sin, cos), day of week (sin, cos). */
    public static final int INPUTS = 5;

    private UsageWindows() {
    }

    /**
     * Returns the origins in {@code [from, to - horizon]}, every {@code step} intervals, whose inputs and
     * labels all have values.
     */
    public static List<Integer> origins(MeterSeries series, int from, int to, int lookBack,
            int horizon, int step) {
        List<Integer> origins = new ArrayList<>();
        for (int t = Math.max(from, lookBack); t + horizon <= to; t += step) {
            if (complete(series.energyKwh(), t - lookBack, t + horizon)) {
                origins.add(t);
            }
        }
        return origins;
    }

    /**
     * Builds the samples of {@code origins}: features {@code [n, INPUTS, lookBack]} and labels
     * {@code [n, horizon]}.
     */
    public static DataSet dataSet(MeterSeries series, List<Integer> origins, int lookBack,
            int horizon, UsageScaler scaler, ZoneId zone) {
        INDArray features = Nd4j.zeros(origins.size(), INPUTS, lookBack);
        INDArray labels = Nd4j.zeros(origins.size(), horizon);
        double[] energy = series.energyKwh();
        for (int n = 0; n < origins.size(); n++) {
            int origin = origins.get(n);
            for (int step = 0; step < lookBack; step++) {
                int index = origin - lookBack + step;
                double[] inputs = inputs(series, index, scaler, zone);
                for (int input = 0; input < INPUTS; input++) {
                    features.putScalar(new int[] {n, input, step}, inputs[input]);
                }
            }
            for (int step = 0; step < horizon; step++) {
                labels.putScalar(new int[] {n, step}, scaler.scale(energy[origin + step]));
            }
        }
        return new DataSet(features, labels);
    }

    private static double[] inputs(MeterSeries series, int index, UsageScaler scaler,
            ZoneId zone) {
        ZonedDateTime local = series.startOf(index).atZone(zone);
        double dayFraction = (local.getHour() * 60 + local.getMinute()) / 1440.0;
        double weekFraction = (local.getDayOfWeek().getValue() - 1 + dayFraction) / 7.0;
        return new double[] {
            scaler.scale(series.energyKwh()[index]),
            Math.sin(2 * Math.PI * dayFraction), Math.cos(2 * Math.PI * dayFraction),
            Math.sin(2 * Math.PI * weekFraction), Math.cos(2 * Math.PI * weekFraction)};
    }

    private static boolean complete(double[] energy, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Double.isNaN(energy[i])) {
                return false;
            }
        }
        return true;
    }
}
