package io.gridcast.grid;

import java.io.Serializable;

/**
 * A line or transformer between two buses.
 *
 * @param branchIndex 1-based row of the branch in the case, which distinguishes parallel branches
 * @param fromBus bus number at the from end
 * @param toBus bus number at the to end
 * @param reactancePu series reactance on the case's MVA base
 * @param tapRatio off-nominal turns ratio; 1 for lines (a case file's 0 is read as 1)
 * @param phaseShiftDegrees phase-shifter angle
 * @param rateAMw long-term flow limit; {@link Double#POSITIVE_INFINITY} when the case gives none
 * @param inService whether the branch is switched in
 */
public record GridBranch(int branchIndex, int fromBus, int toBus, double reactancePu,
        double tapRatio, double phaseShiftDegrees, double rateAMw, boolean inService)
        implements Serializable {

    /** Returns the DC susceptance 1 / (x · tap), per unit. */
    public double dcSusceptancePu() {
        return 1.0 / (reactancePu * tapRatio);
    }

    /** Returns whether the branch has a finite flow limit. */
    public boolean isLimited() {
        return Double.isFinite(rateAMw);
    }
}
