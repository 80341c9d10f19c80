package io.gridcast.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Converts hour-ending labels in a market's prevailing local time to UTC interval starts.
 *
 * <p>A label {@code L} names the hour that ends at local wall-clock time {@code L}, so the
 * interval starts at wall-clock {@code L - 1h}; midnight is written as the next day's 00:00.
 * On the spring-forward day the start 02:00 does not exist, so the label 03:00 is invalid.
 * On the fall-back day the start 01:00 happens twice and the label 02:00 names two hours:
 * the caller says which one with {@code occurrence} (0 for the first, in daylight time;
 * 1 for the repeated hour, in standard time).
 */
public final class HourEndingClock {

    private final ZoneId zone;
    private final ZoneRules rules;

    public HourEndingClock(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
    }

    public ZoneId zone() {
        return zone;
    }

    /** Tells whether {@code hourEndingLabel} names two hours (the fall-back hour). */
    public boolean isRepeated(LocalDateTime hourEndingLabel) {
        return rules.getValidOffsets(hourEndingLabel.minusHours(1)).size() == 2;
    }

    /**
     * Returns the UTC start of the hour labelled {@code hourEndingLabel}.
     *
     * @param occurrence 0 for the first hour with this label, 1 for the repeated fall-back hour;
     *     ignored for labels that name one hour
     * @throws InvalidTimeLabelException if the hour does not exist (spring-forward gap)
     */
    public Instant intervalStart(LocalDateTime hourEndingLabel, int occurrence) {
        LocalDateTime startLocal = hourEndingLabel.minusHours(1);
        List<ZoneOffset> offsets = rules.getValidOffsets(startLocal);
        if (offsets.isEmpty()) {
            throw new InvalidTimeLabelException("Invalid hour-ending label " + hourEndingLabel
                    + ": local time " + startLocal + " does not exist in " + zone
                    + " (spring-forward gap)");
        }
        ZoneOffset offset = offsets.get(Math.min(occurrence, offsets.size() - 1));
        return startLocal.toInstant(offset);
    }

    /**
     * Returns the UTC start of hour ending {@code hourEnding} (1..24) of {@code operatingDate},
     * as ERCOT labels hours: hour ending 24 ends at midnight after the operating date, and
     * {@code repeatedHour} (ERCOT's DSTFlag or Repeated Hour Flag "Y") marks the second hour
     * ending 02:00 on the fall-back day.
     *
     * @throws InvalidTimeLabelException if the hour does not exist, or is flagged repeated but
     *     is not the fall-back hour
     */
    public Instant intervalStart(LocalDate operatingDate, int hourEnding, boolean repeatedHour) {
        if (hourEnding < 1 || hourEnding > 24) {
            throw new InvalidTimeLabelException("Invalid hour ending " + hourEnding + " on "
                    + operatingDate + " (expected 1 to 24)");
        }
        LocalDateTime label = operatingDate.atStartOfDay().plusHours(hourEnding);
        if (repeatedHour && !isRepeated(label)) {
            throw new InvalidTimeLabelException("Invalid DST flag on hour ending " + hourEnding
                    + " of " + operatingDate + ": that hour is not repeated in " + zone);
        }
        return intervalStart(label, repeatedHour ? 1 : 0);
    }
}
