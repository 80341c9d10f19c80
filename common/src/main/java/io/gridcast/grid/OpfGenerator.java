package io.gridcast.grid;

import java.util.ArrayList;
import java.util.List;

/**
 * The solver's view of one on-line generator: its output range split into segments on which the
 * marginal cost is {@code c1 + 2·c2·P} in $/MWh. A polynomial cost has one segment, a
 * piecewise-linear cost one segment per piece inside [Pmin, Pmax] (with c2 = 0), and a unit with
 * Pmin = Pmax has none. The segment ends are the boundaries: boundary 0 is Pmin, the last is
 * Pmax, and the others are the kinks of a piecewise-linear curve.
 */
final class OpfGenerator {

    final int generatorPosition;
    final int busPosition;
    final GridGenerator generator;
    final double[] boundariesMw;
    final double[] segmentC2;
    final double[] segmentC1;

    private OpfGenerator(int generatorPosition, int busPosition, GridGenerator generator,
            double[] boundariesMw, double[] segmentC2, double[] segmentC1) {
        this.generatorPosition = generatorPosition;
        this.busPosition = busPosition;
        this.generator = generator;
        this.boundariesMw = boundariesMw;
        this.segmentC2 = segmentC2;
        this.segmentC1 = segmentC1;
    }

    /**
     * Builds the view of {@code generator}.
     *
     * @throws IllegalArgumentException if the cost is not convex, is a polynomial of degree
     *     above 2, or is empty
     */
    static OpfGenerator of(int generatorPosition, int busPosition, GridGenerator generator) {
        GeneratorCost cost = generator.cost();
        double minMw = generator.minOutputMw();
        double maxMw = generator.maxOutputMw();
        if (cost.isPolynomial()) {
            double[] c = quadraticCoefficients(generator);
            if (minMw >= maxMw) {
                return new OpfGenerator(generatorPosition, busPosition, generator,
                        new double[] {minMw}, new double[0], new double[0]);
            }
            return new OpfGenerator(generatorPosition, busPosition, generator,
                    new double[] {minMw, maxMw}, new double[] {c[0]}, new double[] {c[1]});
        }
        return piecewise(generatorPosition, busPosition, generator);
    }

    /** Returns {c2, c1, c0} of a polynomial cost of degree 0, 1 or 2. */
    static double[] quadraticCoefficients(GridGenerator generator) {
        double[] polynomial = generator.cost().polynomial();
        int degree = polynomial.length - 1;
        for (int i = 0; i < degree - 2; i++) {
            if (polynomial[i] != 0) {
                throw unsupported(generator, "a polynomial cost of degree " + (degree - i)
                        + ", the DC OPF takes at most quadratic costs");
            }
        }
        double c2 = degree >= 2 ? polynomial[degree - 2] : 0.0;
        double c1 = degree >= 1 ? polynomial[degree - 1] : 0.0;
        if (c2 < 0) {
            throw unsupported(generator, "a concave quadratic cost (c2 = " + c2 + ")");
        }
        return new double[] {c2, c1, polynomial[degree]};
    }

    private static OpfGenerator piecewise(int generatorPosition, int busPosition,
            GridGenerator generator) {
        double[] slopes = pieceSlopes(generator);
        double[] pointsMw = generator.cost().pointsMw();
        double minMw = generator.minOutputMw();
        double maxMw = generator.maxOutputMw();
        List<Double> boundaries = new ArrayList<>();
        boundaries.add(minMw);
        for (int i = 1; i < pointsMw.length - 1; i++) {
            if (pointsMw[i] > minMw && pointsMw[i] < maxMw) {
                boundaries.add(pointsMw[i]);
            }
        }
        if (maxMw > minMw) {
            boundaries.add(maxMw);
        }
        int segments = boundaries.size() - 1;
        double[] c1 = new double[segments];
        for (int s = 0; s < segments; s++) {
            double middleMw = (boundaries.get(s) + boundaries.get(s + 1)) / 2;
            c1[s] = slopes[pieceAt(pointsMw, middleMw)];
        }
        return new OpfGenerator(generatorPosition, busPosition, generator,
                boundaries.stream().mapToDouble(Double::doubleValue).toArray(),
                new double[segments], c1);
    }

    /** Returns the slope of each piece in $/MWh and checks that they do not decrease. */
    static double[] pieceSlopes(GridGenerator generator) {
        double[] pointsMw = generator.cost().pointsMw();
        double[] pointsUsd = generator.cost().pointsUsdPerHour();
        if (pointsMw.length < 2 || pointsUsd.length != pointsMw.length) {
            throw unsupported(generator, "a piecewise-linear cost with " + pointsMw.length
                    + " points, at least 2 are needed");
        }
        double[] slopes = new double[pointsMw.length - 1];
        for (int i = 0; i < slopes.length; i++) {
            slopes[i] = (pointsUsd[i + 1] - pointsUsd[i]) / (pointsMw[i + 1] - pointsMw[i]);
            if (i > 0 && slopes[i] < slopes[i - 1]) {
                throw unsupported(generator, "a non-convex piecewise-linear cost (slope "
                        + slopes[i] + " $/MWh after " + slopes[i - 1] + " $/MWh)");
            }
        }
        return slopes;
    }

    /** Returns the piece whose output range contains {@code outputMw}, extending the ends. */
    private static int pieceAt(double[] pointsMw, double outputMw) {
        int piece = 0;
        while (piece < pointsMw.length - 2 && outputMw > pointsMw[piece + 1]) {
            piece++;
        }
        return piece;
    }

    private static IllegalArgumentException unsupported(GridGenerator generator, String what) {
        return new IllegalArgumentException("Generator " + generator.generatorIndex()
                + " at bus " + generator.busId() + " has " + what);
    }

    int segmentCount() {
        return segmentC1.length;
    }

    double minMw() {
        return boundariesMw[0];
    }

    double maxMw() {
        return boundariesMw[boundariesMw.length - 1];
    }

    boolean isQuadratic() {
        for (double c2 : segmentC2) {
            if (c2 > 0) {
                return true;
            }
        }
        return false;
    }

    /** Returns the marginal cost in $/MWh on segment {@code s} at {@code outputMw}. */
    double marginalCost(int s, double outputMw) {
        return segmentC1[s] + 2 * segmentC2[s] * outputMw;
    }

    /** Returns the lowest price at which the unit stays at boundary {@code j}. */
    double minPriceAtBoundary(int j) {
        return j == 0 ? Double.NEGATIVE_INFINITY : marginalCost(j - 1, boundariesMw[j]);
    }

    /** Returns the highest price at which the unit stays at boundary {@code j}. */
    double maxPriceAtBoundary(int j) {
        return j == segmentCount() ? Double.POSITIVE_INFINITY
                : marginalCost(j, boundariesMw[j]);
    }

    /** Returns the cost in $/h at {@code outputMw}, the constant term included. */
    double costUsdPerHour(double outputMw) {
        return generator.cost().costUsdPerHour(outputMw);
    }
}
