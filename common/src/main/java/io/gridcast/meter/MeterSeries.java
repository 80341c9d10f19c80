package io.gridcast.meter;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * One meter's usage on a regular 15-minute grid from its first to its last interval: energy in
 * kWh per interval, {@code NaN} where the input has no value.
 *
 * @param meterId pseudonymised meter id
 * @param firstStartUtc start of interval 0
 * @param energyKwh energy per interval
 */
public record MeterSeries(String meterId, Instant firstStartUtc, double[] energyKwh)
        implements Serializable {

    public static final Duration INTERVAL = Duration.ofMinutes(15);
    public static final int INTERVALS_PER_DAY = 96;

    /** Places {@code energyByStart} on the grid; intervals absent from the map are NaN. */
    public static MeterSeries of(String meterId, Map<Instant, Double> energyByStart) {
        Instant first = energyByStart.keySet().stream().min(Instant::compareTo).orElseThrow();
        Instant last = energyByStart.keySet().stream().max(Instant::compareTo).orElseThrow();
        int length = (int) (Duration.between(first, last).dividedBy(INTERVAL) + 1);
        double[] energy = new double[length];
        Arrays.fill(energy, Double.NaN);
        energyByStart.forEach((start, kwh) ->
                energy[(int) Duration.between(first, start).dividedBy(INTERVAL)] = kwh);
        return new MeterSeries(meterId, first, energy);
    }

    public int length() {
        return energyKwh.length;
    }

    public Instant startOf(int index) {
        return firstStartUtc.plus(INTERVAL.multipliedBy(index));
    }

    /** Number of intervals without a value. */
    public long gaps() {
        return Arrays.stream(energyKwh).filter(Double::isNaN).count();
    }
}
