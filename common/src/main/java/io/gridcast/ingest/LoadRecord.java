package io.gridcast.ingest;

import io.gridcast.time.MarketHour;
import java.io.Serializable;
import java.time.Instant;

/**
 * One accepted hourly load value in the canonical shape of {@code load_hourly}.
 *
 * @param isVerified the ISO's verification flag, or null when the source has none
 * @param rawLine the source line, kept for the reject message if a duplicate conflicts
 */
public record LoadRecord(
        String iso,
        String zone,
        Instant intervalStartUtc,
        MarketHour marketHour,
        double loadMw,
        Boolean isVerified,
        String sourceFile,
        long lineNumber,
        String rawLine) implements Serializable {
}
