package io.gridcast.time;

import java.time.ZoneId;
import java.util.Locale;

/** Prevailing-time zones of the markets gridcast reads. */
public final class MarketZones {

    /** PJM: Eastern Prevailing Time (EST/EDT). */
    public static final ZoneId PJM = ZoneId.of("America/New_York");

    /** ERCOT: Central Prevailing Time (CST/CDT). */
    public static final ZoneId ERCOT = ZoneId.of("America/Chicago");

    private MarketZones() {
    }

    /**
     * Returns the zone of the market {@code iso}, in any letter case.
     *
     * @throws IllegalArgumentException if gridcast does not read that market
     */
    public static ZoneId of(String iso) {
        return switch (iso.toUpperCase(Locale.ROOT)) {
            case "PJM" -> PJM;
            case "ERCOT" -> ERCOT;
            default -> throw new IllegalArgumentException("Invalid market: " + iso
                    + " (expected PJM or ERCOT)");
        };
    }
}
