package io.gridcast.price;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The variance-stabilising "invariant" transform that the epftoolbox LEAR applies to its inputs
 * and prices: each column is centred on its median, divided by its median absolute deviation
 * (scaled by 1/0.6745 to match the standard deviation of a normal distribution), then passed
 * through {@code asinh}. It tames price spikes and negative prices without logarithms. The
 * medians and deviations come from the training rows only.
 */
public final class InvariantScaler implements Serializable {

    /** Median absolute deviation of a normal distribution, in standard deviations. */
    static final double NORMAL_MAD = 0.6744897501960817;

    private final double[] medians;
    private final double[] deviations;

    private InvariantScaler(double[] medians, double[] deviations) {
        this.medians = medians;
        this.deviations = deviations;
    }

    /** Fits the transform to the first {@code columns} columns of {@code rows}. */
    public static InvariantScaler fit(double[][] rows, int columns) {
        double[] medians = new double[columns];
        double[] deviations = new double[columns];
        double[] column = new double[rows.length];
        for (int j = 0; j < columns; j++) {
            for (int i = 0; i < rows.length; i++) {
                column[i] = rows[i][j];
            }
            medians[j] = median(column);
            for (int i = 0; i < rows.length; i++) {
                column[i] = Math.abs(rows[i][j] - medians[j]);
            }
            double deviation = median(column) / NORMAL_MAD;
            // A constant column carries no information: leave it centred but unscaled.
            deviations[j] = deviation > 0 ? deviation : 1.0;
        }
        return new InvariantScaler(medians, deviations);
    }

    /** Number of transformed columns. */
    public int columns() {
        return medians.length;
    }

    /** Medians of the transformed columns. */
    public double[] medians() {
        return medians.clone();
    }

    /** Scaled median absolute deviations of the transformed columns (1 for constant ones). */
    public double[] deviations() {
        return deviations.clone();
    }

    /** Transforms the first {@link #columns()} values of {@code row} in place. */
    public void transformInPlace(double[] row) {
        for (int j = 0; j < medians.length; j++) {
            row[j] = asinh((row[j] - medians[j]) / deviations[j]);
        }
    }

    /** Maps a transformed value of column {@code column} back to the original scale. */
    public double inverse(int column, double transformed) {
        return Math.sinh(transformed) * deviations[column] + medians[column];
    }

    static double asinh(double x) {
        return Math.signum(x) * Math.log(Math.abs(x) + Math.sqrt(x * x + 1.0));
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle]
                : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
