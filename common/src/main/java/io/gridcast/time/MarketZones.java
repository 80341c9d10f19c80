package io.gridcast.time;

import java.time.ZoneId;

/** Prevailing-time zones of the markets gridcast reads. */
public final class MarketZones {

    /** PJM: Eastern Prevailing Time (EST/EDT). */
    public static final ZoneId PJM = ZoneId.of("America/New_York");

    /** ERCOT: Central Prevailing Time (CST/CDT). */
    public static final ZoneId ERCOT = ZoneId.of("America/Chicago");

    private MarketZones() {
    }
}
