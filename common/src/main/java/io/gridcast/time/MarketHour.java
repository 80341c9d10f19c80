package io.gridcast.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Market-local labels of one hourly interval, as analysts read them beside the UTC key.
 *
 * @param operatingDate local date on which the interval starts
 * @param hourEnding local wall-clock hour at which the interval ends, 1..24 (the start hour
 *     plus one, so the spring-forward day has no hour ending 3 and the fall-back day has hour
 *     ending 2 twice)
 * @param dstFlag true for the repeated fall-back hour (the second one, in standard time)
 */
public record MarketHour(LocalDate operatingDate, int hourEnding, boolean dstFlag) {

    /** Labels the hour that starts at {@code intervalStartUtc} in {@code zone}. */
    public static MarketHour of(Instant intervalStartUtc, ZoneId zone) {
        ZonedDateTime start = intervalStartUtc.atZone(zone);
        LocalDateTime startLocal = start.toLocalDateTime();
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(startLocal);
        boolean repeated = offsets.size() == 2 && start.getOffset().equals(offsets.get(1));
        return new MarketHour(startLocal.toLocalDate(), startLocal.getHour() + 1, repeated);
    }
}
