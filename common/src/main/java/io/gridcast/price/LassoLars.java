package io.gridcast.price;

import java.util.ArrayList;
import java.util.List;

/**
 * The lasso path by least angle regression with the lasso modification: an input leaves the
 * active set when its coefficient reaches zero. The path is computed from the Gram matrix of
 * centred inputs, so many targets sharing the same inputs (the 24 hours of a day) pay for
 * the Gram matrix once.
 *
 * <p>The penalty follows the usual scaling: the lasso minimises
 * {@code ||y - X w||^2 / (2 n) + alpha ||w||_1}, and along the path {@code alpha} equals the
 * largest absolute correlation of an input with the residual divided by {@code n}. The path
 * is exact at every breakpoint and linear in between, so {@link #solve} returns the lasso
 * solution for any {@code alpha}.
 *
 * <p>Written here rather than taken from a library because no maintained Java library offers
 * the lasso path with information-criterion selection (Smile's lasso solves one penalty per
 * fit and is GPL), and the LEAR model needs exactly this path for its automatic penalty.
 */
public final class LassoLars {

    /** Relative size below which a new input is taken as a linear combination of active ones. */
    private static final double DEGENERATE = 1e-10;
    private static final double TINY = 1e-14;
    /** Relative gap below which two correlations count as tied. */
    private static final double TIE = 1e-10;

    /**
     * One breakpoint of the path.
     *
     * @param alpha the penalty there
     * @param coefficients the lasso coefficients there
     * @param explainedSquares {@code y'y - ||y - X w||^2}, the part of the target's sum of
     *     squares the coefficients explain
     */
    public record Breakpoint(double alpha, double[] coefficients, double explainedSquares) {

        /** Number of non-zero coefficients. */
        public int degreesOfFreedom() {
            int nonZero = 0;
            for (double coefficient : coefficients) {
                if (Math.abs(coefficient) > Math.ulp(1.0)) {
                    nonZero++;
                }
            }
            return nonZero;
        }
    }

    private final double[][] gram;
    private final double[] correlationsAtZero;
    private final int samples;

    /**
     * @param gram {@code X'X} of the centred inputs, p by p
     * @param correlationsAtZero {@code X'y} of the centred inputs and target
     * @param samples number of rows n of X
     */
    public LassoLars(double[][] gram, double[] correlationsAtZero, int samples) {
        this.gram = gram;
        this.correlationsAtZero = correlationsAtZero;
        this.samples = samples;
    }

    /** Returns the whole path, from the all-zero solution down to the least-squares end. */
    public List<Breakpoint> path() {
        return walk(0.0);
    }

    /** Returns the lasso coefficients at penalty {@code alpha}. */
    public double[] solve(double alpha) {
        List<Breakpoint> path = walk(alpha);
        return path.get(path.size() - 1).coefficients();
    }

    /**
     * Picks the breakpoint penalty that minimises the information criterion
     * {@code n * mse / var(y) + k * df}, where df counts the non-zero coefficients and
     * {@code k = 2} gives the Akaike criterion. Ties go to the larger penalty.
     *
     * @param targetSquares {@code y'y} of the centred target
     */
    public double alphaByCriterion(double targetSquares, double k) {
        double variance = targetSquares / samples;
        double bestCriterion = Double.POSITIVE_INFINITY;
        double bestAlpha = 0.0;
        for (Breakpoint breakpoint : path()) {
            double meanSquaredError = Math.max(0.0,
                    targetSquares - breakpoint.explainedSquares()) / samples;
            double criterion = samples * meanSquaredError / (variance + Math.ulp(1.0))
                    + k * breakpoint.degreesOfFreedom();
            if (criterion < bestCriterion) {
                bestCriterion = criterion;
                bestAlpha = breakpoint.alpha();
            }
        }
        return bestAlpha;
    }

    private List<Breakpoint> walk(double stopAlpha) {
        PathState state = new PathState();
        List<Breakpoint> path = new ArrayList<>();
        path.add(state.breakpoint());
        if (state.maxCorrelation / samples <= stopAlpha) {
            return path;
        }
        boolean addNext = true;
        while (true) {
            if (addNext && !state.addStrongestInactive()) {
                break;
            }
            Step step = state.nextStep(samples * stopAlpha);
            state.advance(step);
            path.add(state.breakpoint());
            if (step.reachesStop() || state.maxCorrelation <= TINY * state.startCorrelation) {
                break;
            }
            if (step.drops()) {
                state.drop(step.dropped());
            }
            addNext = !step.drops();
            if (addNext && !state.hasCandidates()) {
                break;
            }
        }
        return path;
    }

    /** A move along the current direction, and what ends it. */
    private record Step(double length, int dropped, boolean reachesStop) {
        boolean drops() {
            return dropped >= 0 && !reachesStop;
        }
    }

    /** Active set, signs, coefficients, correlations and the Cholesky factor of the active Gram. */
    private final class PathState {
        final int inputs = correlationsAtZero.length;
        final double[] coefficients = new double[inputs];
        final double[] correlations = correlationsAtZero.clone();
        final boolean[] active = new boolean[inputs];
        final boolean[] excluded = new boolean[inputs];
        final int[] order = new int[inputs];
        final double[][] cholesky = new double[inputs][];
        final double startCorrelation;
        int size;
        double maxCorrelation;
        double[] direction;
        double[] correlationChange;
        double equiangular;

        PathState() {
            maxCorrelation = 0.0;
            for (double correlation : correlations) {
                maxCorrelation = Math.max(maxCorrelation, Math.abs(correlation));
            }
            startCorrelation = maxCorrelation;
        }

        /**
         * Returns the current point. With correlations {@code c = X'y - X'X w}, the residual sum of
         * squares {@code y'y - 2 w'X'y + w'X'X w} equals {@code y'y - w'(X'y + c)}.
         */
        Breakpoint breakpoint() {
            double explained = 0.0;
            for (int j = 0; j < inputs; j++) {
                if (coefficients[j] != 0.0) {
                    explained += coefficients[j] * (correlationsAtZero[j] + correlations[j]);
                }
            }
            return new Breakpoint(maxCorrelation / samples, coefficients.clone(), explained);
        }

        boolean hasCandidates() {
            for (int j = 0; j < inputs; j++) {
                if (!active[j] && !excluded[j]) {
                    return true;
                }
            }
            return false;
        }

        /** Adds the inactive input most correlated with the residual; false if none is left. */
        boolean addStrongestInactive() {
            while (true) {
                int strongest = -1;
                for (int j = 0; j < inputs; j++) {
                    if (!active[j] && !excluded[j] && (strongest < 0
                            || Math.abs(correlations[j]) > Math.abs(correlations[strongest]))) {
                        strongest = j;
                    }
                }
                if (strongest < 0 || size >= samples - 1) {
                    return false;
                }
                if (appendToCholesky(strongest)) {
                    active[strongest] = true;
                    order[size++] = strongest;
                    return true;
                }
                excluded[strongest] = true;
            }
        }

        private boolean appendToCholesky(int input) {
            double[] row = new double[size + 1];
            double squares = 0.0;
            for (int i = 0; i < size; i++) {
                double value = gram[order[i]][input];
                for (int k = 0; k < i; k++) {
                    value -= cholesky[i][k] * row[k];
                }
                row[i] = value / cholesky[i][i];
                squares += row[i] * row[i];
            }
            double diagonal = gram[input][input] - squares;
            if (diagonal <= DEGENERATE * Math.max(gram[input][input], TINY)) {
                return false;
            }
            row[size] = Math.sqrt(diagonal);
            cholesky[size] = row;
            return true;
        }

        /** Direction of equal correlation decrease, then the step to the next event. */
        Step nextStep(double stopCorrelation) {
            double[] signs = new double[size];
            for (int i = 0; i < size; i++) {
                signs[i] = Math.signum(correlations[order[i]]);
            }
            double[] solved = choleskySolve(signs);
            double norm = 0.0;
            for (int i = 0; i < size; i++) {
                norm += signs[i] * solved[i];
            }
            equiangular = 1.0 / Math.sqrt(norm);
            direction = new double[size];
            for (int i = 0; i < size; i++) {
                direction[i] = equiangular * solved[i];
            }
            correlationChange = new double[inputs];
            for (int j = 0; j < inputs; j++) {
                double change = 0.0;
                for (int i = 0; i < size; i++) {
                    change += gram[j][order[i]] * direction[i];
                }
                correlationChange[j] = change;
            }

            double length = maxCorrelation / equiangular;
            for (int j = 0; j < inputs; j++) {
                if (active[j] || excluded[j]) {
                    continue;
                }
                length = Math.min(length, stepToTie(maxCorrelation - correlations[j],
                        equiangular - correlationChange[j]));
                length = Math.min(length, stepToTie(maxCorrelation + correlations[j],
                        equiangular + correlationChange[j]));
            }
            int dropped = -1;
            for (int i = 0; i < size; i++) {
                double toZero = -coefficients[order[i]] / direction[i];
                if (toZero > TINY && toZero < length) {
                    length = toZero;
                    dropped = i;
                }
            }
            if (maxCorrelation - length * equiangular < stopCorrelation) {
                return new Step((maxCorrelation - stopCorrelation) / equiangular, -1, true);
            }
            return new Step(length, dropped, false);
        }

        void advance(Step step) {
            for (int i = 0; i < size; i++) {
                coefficients[order[i]] += step.length() * direction[i];
            }
            if (step.drops()) {
                coefficients[order[step.dropped()]] = 0.0;
            }
            for (int j = 0; j < inputs; j++) {
                correlations[j] -= step.length() * correlationChange[j];
            }
            maxCorrelation = Math.max(0.0, maxCorrelation - step.length() * equiangular);
        }

        /** Removes the active input at position {@code position} and refactors. */
        void drop(int position) {
            active[order[position]] = false;
            System.arraycopy(order, position + 1, order, position, size - position - 1);
            int kept = size - 1;
            size = 0;
            for (int i = 0; i < kept; i++) {
                appendToCholesky(order[i]);
                size++;
            }
        }

        private double[] choleskySolve(double[] right) {
            double[] forward = new double[size];
            for (int i = 0; i < size; i++) {
                double value = right[i];
                for (int k = 0; k < i; k++) {
                    value -= cholesky[i][k] * forward[k];
                }
                forward[i] = value / cholesky[i][i];
            }
            double[] solution = new double[size];
            for (int i = size - 1; i >= 0; i--) {
                double value = forward[i];
                for (int k = i + 1; k < size; k++) {
                    value -= cholesky[k][i] * solution[k];
                }
                solution[i] = value / cholesky[i][i];
            }
            return solution;
        }

        /**
         * Step after which an inactive input's correlation ties with the active ones. A gap
         * already closed (the input just dropped, or rounding) does not count: without this,
         * a dropped input would re-enter at once with the wrong sign.
         */
        private double stepToTie(double correlationGap, double rateGap) {
            if (correlationGap <= TIE * maxCorrelation) {
                return Double.POSITIVE_INFINITY;
            }
            double length = correlationGap / rateGap;
            return length > 0 ? length : Double.POSITIVE_INFINITY;
        }
    }
}
