package io.gridcast.grid;

import java.io.Serializable;
import java.time.Instant;

/**
 * A congestion revenue right (CRR, or financial transmission right): the holder is paid
 * {@code mw × (price at sink − price at source)} for every hour of the period. An option is
 * paid only when that is positive, and an obligation also pays when it is negative.
 *
 * @param holdingId the holder's id of the right
 * @param sourceNode bus id or settlement point where the right starts
 * @param sinkNode bus id or settlement point where the right ends
 * @param mw quantity in MW
 * @param option true for an option, false for an obligation
 * @param startUtc first hour of the period (hour beginning, UTC)
 * @param endUtc end of the period, exclusive
 */
public record CrrHolding(String holdingId, String sourceNode, String sinkNode, double mw,
        boolean option, Instant startUtc, Instant endUtc) implements Serializable {

    /** Returns {@code option} or {@code obligation}, as the holdings file and tables write it. */
    public String type() {
        return option ? "option" : "obligation";
    }

    /** Returns the payoff in $ of one hour with the given prices at source and sink. */
    public double payoffUsd(double sourcePriceUsdPerMwh, double sinkPriceUsdPerMwh) {
        double payoff = mw * (sinkPriceUsdPerMwh - sourcePriceUsdPerMwh);
        return option ? Math.max(0.0, payoff) : payoff;
    }

    /** Returns the number of hours in the period. */
    public long hours() {
        return java.time.Duration.between(startUtc, endUtc).toHours();
    }
}
