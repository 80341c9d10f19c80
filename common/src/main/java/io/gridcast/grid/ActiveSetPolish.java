package io.gridcast.grid;

import dev.ludovic.netlib.lapack.JavaLAPACK;
import io.gridcast.grid.DispatchProblem.Dispatch;
import java.util.Arrays;
import java.util.Optional;
import org.netlib.util.intW;

/**
 * Solves a {@link DispatchProblem} exactly for a guessed active set, and corrects the guess
 * until the Karush-Kuhn-Tucker (KKT) conditions hold: a primal-dual active-set method.
 *
 * <p>The active set records, for each unit, whether it sits at a boundary (Pmin, Pmax or a
 * kink of its curve) or moves freely on one segment, and for each monitored row whether it is
 * at its upper or lower bound. With the set fixed, the optimality conditions are linear. A free
 * unit with c2 > 0 follows its price, P = (price − c1) / (2·c2). A free unit with c2 = 0 makes
 * its price equal c1. The island balances and active rows hold with equality. Eliminating the free
 * quadratic units leaves a small dense system in the island prices, the active rows' duals and
 * the free linear units' outputs, solved here with LAPACK's LU factorization.
 *
 * <p>A first-order solver such as PDLP ends close to the optimum but carries its tolerance into
 * prices and flows. Solving the KKT system for the active set it found removes that error, as
 * OSQP's solution polishing does. A set that passes the check is optimal, because the problem is
 * convex. The check covers primal and dual feasibility, the sign of each multiplier and the
 * balance and row equations recomputed from the outputs. So the result meets the optimality
 * conditions within the tolerances below, whether the guess came from a PDLP solution or from
 * the previous snapshot's set.
 */
final class ActiveSetPolish {

    /** Largest accepted violation of a unit, balance or flow limit, in MW. */
    static final double PRIMAL_TOLERANCE_MW = 1e-6;

    /** Largest accepted violation of a price condition or multiplier sign, in $/MWh. */
    static final double DUAL_TOLERANCE_USD_PER_MWH = 1e-7;

    /** Distance in MW within which an approximate output counts as at a boundary. */
    static final double BOUNDARY_GUESS_MW = 1e-4;

    /** Smallest dual, in $/MWh, at which a row of an approximate solution counts as binding. */
    static final double BINDING_GUESS_USD_PER_MWH = 1e-6;

    /** Corrections of the active set before giving up. */
    static final int MAX_ITERATIONS = 50;

    private static final int INACTIVE = 0;
    private static final int AT_UPPER = 1;
    private static final int AT_LOWER = -1;

    private ActiveSetPolish() {
    }

    /**
     * An active set. {@code unitState[u] >= 0} means unit u moves freely on that segment, and
     * {@code unitState[u] = -(j + 1)} means it sits at boundary j. {@code rowSide[r]} is 1 at
     * the upper bound, -1 at the lower bound, 0 when the row is not binding.
     */
    record ActiveSet(int[] unitState, int[] rowSide) {

        /** Returns this set with rows appended, at the given sides. */
        ActiveSet withRows(int[] newRowSides) {
            int[] sides = Arrays.copyOf(rowSide, rowSide.length + newRowSides.length);
            System.arraycopy(newRowSides, 0, sides, rowSide.length, newRowSides.length);
            return new ActiveSet(unitState.clone(), sides);
        }
    }

    /** A polished dispatch with the active set it satisfies and the corrections it took. */
    record Polished(Dispatch dispatch, ActiveSet activeSet, int iterations) {
    }

    /** Guesses the active set of an approximate solution. */
    static ActiveSet guess(DispatchProblem problem, Dispatch approximate) {
        int[] unitState = new int[problem.unitCount()];
        for (int u = 0; u < unitState.length; u++) {
            unitState[u] = guessUnit(problem.units()[u], approximate.outputMw()[u]);
        }
        int[] rowSide = new int[problem.rowCount()];
        for (int r = 0; r < rowSide.length; r++) {
            double dual = approximate.rowDualUsdPerMwh()[r];
            if (dual < -BINDING_GUESS_USD_PER_MWH) {
                rowSide[r] = AT_UPPER;
            } else if (dual > BINDING_GUESS_USD_PER_MWH) {
                rowSide[r] = AT_LOWER;
            }
        }
        return new ActiveSet(unitState, rowSide);
    }

    private static int guessUnit(OpfGenerator unit, double outputMw) {
        double[] boundaries = unit.boundariesMw;
        int nearest = 0;
        for (int j = 1; j < boundaries.length; j++) {
            if (Math.abs(outputMw - boundaries[j]) < Math.abs(outputMw - boundaries[nearest])) {
                nearest = j;
            }
        }
        if (Math.abs(outputMw - boundaries[nearest]) <= BOUNDARY_GUESS_MW) {
            return -(nearest + 1);
        }
        int segment = 0;
        while (segment < unit.segmentCount() - 1 && outputMw > boundaries[segment + 1]) {
            segment++;
        }
        return segment;
    }

    /**
     * Polishes from {@code start}. Returns empty when the corrections do not settle within
     * {@link #MAX_ITERATIONS} or the system is singular, as in a degenerate problem where
     * prices are not unique.
     */
    static Optional<Polished> polish(DispatchProblem problem, ActiveSet start) {
        int[] unitState = start.unitState().clone();
        int[] rowSide = start.rowSide().clone();
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            Optional<Dispatch> dispatch = new KktSystem(problem, unitState, rowSide).solve();
            if (dispatch.isEmpty() || !satisfiesEquations(problem, dispatch.get(), rowSide)) {
                return Optional.empty();
            }
            boolean changed = correctUnits(problem, dispatch.get(), unitState);
            changed |= correctRows(problem, dispatch.get(), rowSide);
            if (!changed) {
                return Optional.of(new Polished(dispatch.get(),
                        new ActiveSet(unitState, rowSide), iteration));
            }
        }
        return Optional.empty();
    }

    /** Frees units whose price leaves their boundary's range and pins units past a segment end. */
    private static boolean correctUnits(DispatchProblem problem, Dispatch dispatch,
            int[] unitState) {
        boolean changed = false;
        for (int u = 0; u < unitState.length; u++) {
            OpfGenerator unit = problem.units()[u];
            if (unitState[u] < 0) {
                int j = -unitState[u] - 1;
                double price = problem.unitPriceUsdPerMwh(u, dispatch);
                if (price > unit.maxPriceAtBoundary(j) + DUAL_TOLERANCE_USD_PER_MWH) {
                    unitState[u] = j;
                    changed = true;
                } else if (price < unit.minPriceAtBoundary(j) - DUAL_TOLERANCE_USD_PER_MWH) {
                    unitState[u] = j - 1;
                    changed = true;
                }
            } else {
                int s = unitState[u];
                double outputMw = dispatch.outputMw()[u];
                if (outputMw > unit.boundariesMw[s + 1] + PRIMAL_TOLERANCE_MW) {
                    unitState[u] = -(s + 2);
                    changed = true;
                } else if (outputMw < unit.boundariesMw[s] - PRIMAL_TOLERANCE_MW) {
                    unitState[u] = -(s + 1);
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** Releases rows whose multiplier has the wrong sign and binds rows beyond a bound. */
    private static boolean correctRows(DispatchProblem problem, Dispatch dispatch,
            int[] rowSide) {
        boolean changed = false;
        for (int r = 0; r < rowSide.length; r++) {
            double dual = dispatch.rowDualUsdPerMwh()[r];
            if (rowSide[r] == AT_UPPER && dual > DUAL_TOLERANCE_USD_PER_MWH
                    || rowSide[r] == AT_LOWER && dual < -DUAL_TOLERANCE_USD_PER_MWH) {
                rowSide[r] = INACTIVE;
                changed = true;
            } else if (rowSide[r] == INACTIVE) {
                double activityMw = problem.rowActivityMw(r, dispatch.outputMw());
                if (activityMw > problem.rowUpperMw()[r] + PRIMAL_TOLERANCE_MW) {
                    rowSide[r] = AT_UPPER;
                    changed = true;
                } else if (activityMw < problem.rowLowerMw()[r] - PRIMAL_TOLERANCE_MW) {
                    rowSide[r] = AT_LOWER;
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** Checks the balances and active rows against outputs, which catches a near-singular solve. */
    private static boolean satisfiesEquations(DispatchProblem problem, Dispatch dispatch,
            int[] rowSide) {
        double[] islandOutputMw = new double[problem.islandCount()];
        for (int u = 0; u < problem.unitCount(); u++) {
            islandOutputMw[problem.islandOfUnit()[u]] += dispatch.outputMw()[u];
        }
        for (int i = 0; i < islandOutputMw.length; i++) {
            if (Math.abs(islandOutputMw[i] - problem.demandMw()[i]) > PRIMAL_TOLERANCE_MW) {
                return false;
            }
        }
        for (int r = 0; r < rowSide.length; r++) {
            if (rowSide[r] != INACTIVE) {
                double boundMw = rowSide[r] == AT_UPPER ? problem.rowUpperMw()[r]
                        : problem.rowLowerMw()[r];
                if (Math.abs(problem.rowActivityMw(r, dispatch.outputMw()) - boundMw)
                        > PRIMAL_TOLERANCE_MW) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The linear system for one active set. Unknowns: island prices, then the duals of the
     * active rows (together the multipliers y), then the outputs of free units with c2 = 0.
     * Constraint e has weight w_e(u) on unit u: 1 in the unit's island balance, its shift factor
     * in a monitored row. The unit's price is Σ_e w_e(u)·y_e.
     */
    private static final class KktSystem {

        private final DispatchProblem problem;
        private final int[] unitState;
        private final int[] rowSide;
        private final int[] activeRows;
        private final int[] linearUnits;
        private final int multiplierCount;
        private final int size;

        KktSystem(DispatchProblem problem, int[] unitState, int[] rowSide) {
            this.problem = problem;
            this.unitState = unitState;
            this.rowSide = rowSide;
            this.activeRows = java.util.stream.IntStream.range(0, rowSide.length)
                    .filter(r -> rowSide[r] != INACTIVE).toArray();
            this.linearUnits = java.util.stream.IntStream.range(0, unitState.length)
                    .filter(u -> unitState[u] >= 0 && c2(u) == 0).toArray();
            this.multiplierCount = problem.islandCount() + activeRows.length;
            this.size = multiplierCount + linearUnits.length;
        }

        Optional<Dispatch> solve() {
            double[] matrix = new double[size * size];
            double[] rhs = new double[size];
            for (int e = 0; e < problem.islandCount(); e++) {
                rhs[e] = problem.demandMw()[e];
            }
            for (int a = 0; a < activeRows.length; a++) {
                int r = activeRows[a];
                rhs[problem.islandCount() + a] = rowSide[r] == AT_UPPER
                        ? problem.rowUpperMw()[r] : problem.rowLowerMw()[r];
            }
            for (int u = 0; u < unitState.length; u++) {
                addUnit(u, matrix, rhs);
            }
            for (int l = 0; l < linearUnits.length; l++) {
                addLinearUnit(l, matrix, rhs);
            }
            // NOTE: the pure-Java LAPACK, with dgetrf and dgetrs. Through dev.ludovic.netlib
            // 3.0.3's native binding and Debian 12's OpenBLAS 0.3.21, a loop of 1,000 small
            // dgesv calls crashed the JVM.
            int[] pivots = new int[size];
            intW info = new intW(0);
            JavaLAPACK.getInstance().dgetrf(size, size, matrix, size, pivots, info);
            if (info.val != 0) {
                return Optional.empty();
            }
            JavaLAPACK.getInstance().dgetrs("N", size, 1, matrix, size, pivots, rhs, size, info);
            return info.val == 0 ? Optional.of(dispatch(rhs)) : Optional.empty();
        }

        /** Adds a pinned unit's fixed output or a free quadratic unit's response to prices. */
        private void addUnit(int u, double[] matrix, double[] rhs) {
            if (unitState[u] >= 0 && c2(u) == 0) {
                return;
            }
            double[] weights = weights(u);
            if (unitState[u] < 0) {
                double outputMw = problem.units()[u].boundariesMw[-unitState[u] - 1];
                for (int e = 0; e < multiplierCount; e++) {
                    rhs[e] -= weights[e] * outputMw;
                }
                return;
            }
            double slope = 1.0 / (2 * c2(u));
            double offsetMw = c1(u) * slope;
            for (int e = 0; e < multiplierCount; e++) {
                if (weights[e] == 0) {
                    continue;
                }
                rhs[e] += weights[e] * offsetMw;
                for (int f = 0; f < multiplierCount; f++) {
                    matrix[f * size + e] += weights[e] * weights[f] * slope;
                }
            }
        }

        /** Adds a free linear unit: its output enters the constraints, its price equals c1. */
        private void addLinearUnit(int l, double[] matrix, double[] rhs) {
            int u = linearUnits[l];
            double[] weights = weights(u);
            int column = multiplierCount + l;
            for (int e = 0; e < multiplierCount; e++) {
                matrix[column * size + e] = weights[e];
                matrix[e * size + column] = weights[e];
            }
            rhs[column] = c1(u);
        }

        private double[] weights(int u) {
            double[] weights = new double[multiplierCount];
            weights[problem.islandOfUnit()[u]] = 1.0;
            for (int a = 0; a < activeRows.length; a++) {
                weights[problem.islandCount() + a] = problem.rowCoefficients()[activeRows[a]][u];
            }
            return weights;
        }

        private Dispatch dispatch(double[] solution) {
            double[] islandPrices = Arrays.copyOf(solution, problem.islandCount());
            double[] rowDuals = new double[problem.rowCount()];
            for (int a = 0; a < activeRows.length; a++) {
                rowDuals[activeRows[a]] = solution[problem.islandCount() + a];
            }
            double[] outputMw = new double[unitState.length];
            for (int u = 0; u < outputMw.length; u++) {
                if (unitState[u] < 0) {
                    outputMw[u] = problem.units()[u].boundariesMw[-unitState[u] - 1];
                } else if (c2(u) > 0) {
                    double price = dot(weights(u), solution);
                    outputMw[u] = (price - c1(u)) / (2 * c2(u));
                }
            }
            for (int l = 0; l < linearUnits.length; l++) {
                outputMw[linearUnits[l]] = solution[multiplierCount + l];
            }
            return new Dispatch(outputMw, islandPrices, rowDuals);
        }

        private double dot(double[] weights, double[] solution) {
            double sum = 0.0;
            for (int e = 0; e < weights.length; e++) {
                sum += weights[e] * solution[e];
            }
            return sum;
        }

        private double c2(int u) {
            return problem.units()[u].segmentC2[unitState[u]];
        }

        private double c1(int u) {
            return problem.units()[u].segmentC1[unitState[u]];
        }
    }
}
