package io.gridcast.ingest;

import io.gridcast.time.MarketHour;
import java.io.Serializable;
import java.time.Instant;

/**
 * One accepted hourly settlement point price in the canonical shape of {@code price_hourly}.
 *
 * @param marketRun DAM or RTM
 * @param priceUsdPerMwh price in USD/MWh; negative prices are valid
 */
public record PriceRecord(
        String iso,
        String marketRun,
        String settlementPoint,
        Instant intervalStartUtc,
        MarketHour marketHour,
        double priceUsdPerMwh,
        String sourceFile,
        long lineNumber,
        String rawLine) implements Serializable {
}
