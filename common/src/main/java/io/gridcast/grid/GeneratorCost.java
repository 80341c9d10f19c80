package io.gridcast.grid;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A generator's cost of running, in $/h as a function of output in MW: either a polynomial
 * (MATPOWER model 2) or a piecewise-linear curve through points (MATPOWER model 1).
 *
 * @param polynomial coefficients from the highest power down to the constant, e.g.
 *     {c2, c1, c0} for c2·P² + c1·P + c0; empty for a piecewise-linear curve
 * @param pointsMw outputs of the curve's points, increasing; empty for a polynomial
 * @param pointsUsdPerHour costs at those outputs
 * @param startupUsd start-up cost, informational (the OPF has no commitment)
 */
public record GeneratorCost(double[] polynomial, double[] pointsMw, double[] pointsUsdPerHour,
        double startupUsd) implements Serializable {

    /** Returns a constant marginal cost of {@code usdPerMwh}, as a single offer price. */
    public static GeneratorCost offerPrice(double usdPerMwh) {
        return new GeneratorCost(new double[] {usdPerMwh, 0.0}, new double[0], new double[0], 0.0);
    }

    /** Returns whether the cost is a polynomial. */
    public boolean isPolynomial() {
        return polynomial.length > 0;
    }

    /** Returns the cost in $/h at {@code outputMw}. */
    public double costUsdPerHour(double outputMw) {
        return isPolynomial() ? polynomialCost(outputMw) : piecewiseCost(outputMw);
    }

    private double polynomialCost(double outputMw) {
        double cost = 0.0;
        for (double coefficient : polynomial) {
            cost = cost * outputMw + coefficient;
        }
        return cost;
    }

    private double piecewiseCost(double outputMw) {
        int found = Arrays.binarySearch(pointsMw, outputMw);
        if (found >= 0) {
            return pointsUsdPerHour[found];
        }
        int segment = Math.max(1, Math.min(pointsMw.length - 1, -found - 1));
        double slope = (pointsUsdPerHour[segment] - pointsUsdPerHour[segment - 1])
                / (pointsMw[segment] - pointsMw[segment - 1]);
        return pointsUsdPerHour[segment - 1] + slope * (outputMw - pointsMw[segment - 1]);
    }
}
