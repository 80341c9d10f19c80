package io.gridcast.grid;

/**
 * The dispatch of one snapshot in shift-factor (PTDF) form: choose each unit's output within
 * its limits at least cost so that every priced island balances and every monitored branch flow
 * stays within its limit. Branch flow = constant part (loads, phase shifts) + Σ shift factor ·
 * unit output, so a monitored row bounds Σ coefficient · output between
 * {@code -rateA - constant} and {@code rateA - constant}.
 *
 * @param units the on-line units
 * @param islandOfUnit priced-island index of each unit
 * @param demandMw demand of each priced island
 * @param rowBranch model branch index of each monitored row
 * @param rowCoefficients shift factor of each monitored row at each unit's bus, [row][unit]
 * @param rowLowerMw lower bound of each row's Σ coefficient · output
 * @param rowUpperMw upper bound of each row's Σ coefficient · output
 */
record DispatchProblem(OpfGenerator[] units, int[] islandOfUnit, double[] demandMw,
        int[] rowBranch, double[][] rowCoefficients, double[] rowLowerMw, double[] rowUpperMw) {

    int unitCount() {
        return units.length;
    }

    int islandCount() {
        return demandMw.length;
    }

    int rowCount() {
        return rowBranch.length;
    }

    boolean isQuadratic() {
        for (OpfGenerator unit : units) {
            if (unit.isQuadratic()) {
                return true;
            }
        }
        return false;
    }

    /** Returns Σ coefficient · output of monitored row {@code r}. */
    double rowActivityMw(int r, double[] outputMw) {
        double activity = 0.0;
        double[] coefficients = rowCoefficients[r];
        for (int u = 0; u < outputMw.length; u++) {
            activity += coefficients[u] * outputMw[u];
        }
        return activity;
    }

    /**
     * Returns the nodal price at unit {@code u}'s bus: the island price plus the row duals
     * weighted by the unit's shift factors.
     */
    double unitPriceUsdPerMwh(int u, Dispatch dispatch) {
        double price = dispatch.islandPriceUsdPerMwh()[islandOfUnit[u]];
        for (int r = 0; r < rowCount(); r++) {
            price += rowCoefficients[r][u] * dispatch.rowDualUsdPerMwh()[r];
        }
        return price;
    }

    /**
     * Unit outputs with the duals of the island balances and the monitored rows. A dual is the
     * change of total cost per MW of the row's bound. So an island price is positive in a
     * normal case. A row at its upper bound has a dual of at most 0, and a row at its lower
     * bound one of at least 0.
     */
    record Dispatch(double[] outputMw, double[] islandPriceUsdPerMwh, double[] rowDualUsdPerMwh) {
    }
}
