package io.gridcast.grid;

import java.io.Serializable;

/**
 * The outcome of one DC optimal power flow snapshot. Arrays follow the order of the network's
 * lists: bus arrays follow {@link GridNetwork#buses()}, {@code dispatchMw} follows
 * {@link GridNetwork#generators()} and branch arrays follow {@link GridNetwork#branches()}.
 * When the status is not {@link Status#OPTIMAL} every array is empty, the objective is NaN and
 * {@code message} gives the reason.
 *
 * <p>Prices: {@code lmp = energy + congestion + loss}. The energy component is the price at the
 * reference bus of the bus's island. The congestion component is {@code −Σ_k PTDF(k, bus)·(muSf_k
 * − muSt_k)}, with shift factors relative to that reference bus. The loss component is 0
 * because the DC model is lossless. A bus with no price (isolated, or in an island without an
 * on-line generator) has NaN in all four.
 *
 * @param caseName the network's case name
 * @param status whether the snapshot was solved
 * @param message on success the solver path of the last round ("GLOP", "PDLP and active set",
 *     "warm-started active set", or "PDLP without polish" when the active-set step failed and
 *     PDLP's approximate solution was kept), otherwise the reason the snapshot has no solution
 * @param objectiveUsdPerHour total generator cost, constant terms of on-line units included
 * @param lmpUsdPerMwh locational marginal price: the dual of each bus's power balance
 * @param energyComponentUsdPerMwh price at the reference bus of the bus's island
 * @param congestionComponentUsdPerMwh LMP minus energy component
 * @param lossComponentUsdPerMwh zero in the lossless DC model
 * @param dispatchMw output of each generator, 0 for off-line units
 * @param branchFlowMw flow at the from end of each branch, 0 for out-of-service branches
 * @param muSfUsdPerMwh shadow price of each branch's limit in the from-to direction, as
 *     MATPOWER's {@code MU_SF}: the cost decrease per MW of extra {@code RATE_A}
 * @param muStUsdPerMwh shadow price in the to-from direction, as MATPOWER's {@code MU_ST}
 * @param solveSeconds wall time of the solve, model building excluded
 * @param iterations constraint-generation rounds (solves with a growing branch set)
 */
public record DcOpfResult(String caseName, Status status, String message,
        double objectiveUsdPerHour, double[] lmpUsdPerMwh, double[] energyComponentUsdPerMwh,
        double[] congestionComponentUsdPerMwh, double[] lossComponentUsdPerMwh,
        double[] dispatchMw, double[] branchFlowMw, double[] muSfUsdPerMwh,
        double[] muStUsdPerMwh, double solveSeconds, int iterations) implements Serializable {

    /** Whether a snapshot was solved. */
    public enum Status {
        /** Solved: prices and flows are optimal. */
        OPTIMAL,
        /** No dispatch meets the demand within the generator and branch limits. */
        INFEASIBLE,
        /** The solver stopped without a solution, for example at its time limit. */
        FAILED
    }

    /** Returns a result without a solution, for {@code status} other than OPTIMAL. */
    static DcOpfResult unsolved(String caseName, Status status, String message,
            double solveSeconds, int iterations) {
        double[] none = new double[0];
        return new DcOpfResult(caseName, status, message, Double.NaN, none, none, none, none,
                none, none, none, none, solveSeconds, iterations);
    }

    /** Returns whether the snapshot was solved to optimality. */
    public boolean isOptimal() {
        return status == Status.OPTIMAL;
    }

    /**
     * Returns this result if optimal.
     *
     * @throws IllegalStateException naming the case and the reason otherwise
     */
    public DcOpfResult requireOptimal() {
        if (!isOptimal()) {
            throw new IllegalStateException("DC OPF of " + caseName + " is " + status + ": "
                    + message);
        }
        return this;
    }

    /** Returns the number of branches with a nonzero shadow price. */
    public long bindingBranchCount() {
        long count = 0;
        for (int k = 0; k < muSfUsdPerMwh.length; k++) {
            if (muSfUsdPerMwh[k] > 0 || muStUsdPerMwh[k] > 0) {
                count++;
            }
        }
        return count;
    }
}
