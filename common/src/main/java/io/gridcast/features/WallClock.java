package io.gridcast.features;

import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.to_utc_timestamp;
import static org.apache.spark.sql.functions.unix_seconds;

import java.time.ZoneId;
import org.apache.spark.sql.Column;

/**
 * Column expressions for market local time that give the same result under any
 * {@code spark.sql.session.timeZone}.
 *
 * <p>Wall-clock seconds are the epoch seconds of an instant's local date and time read as if
 * it were UTC, which is what {@code from_utc_timestamp} stores. Adding 86,400 to them moves the
 * local clock by one calendar day, and a multiple of 86,400 is local midnight. Spark's
 * {@code hour} and {@code to_date} would read timestamps in the session time zone, so local
 * hours and dates are taken from these seconds instead.
 */
final class WallClock {

    static final long SECONDS_PER_HOUR = 3_600L;
    static final long SECONDS_PER_DAY = 86_400L;

    private WallClock() {
    }

    /** Returns true if the id is an IANA region id (such as America/New_York) or UTC. */
    static boolean isRegionZoneId(String id) {
        return id != null && ZoneId.getAvailableZoneIds().contains(id);
    }

    /** Converts a UTC instant to the wall-clock seconds of its local time in the zone. */
    static Column wallClockSeconds(Column instant, String zone) {
        return unix_seconds(from_utc_timestamp(instant, zone));
    }

    /**
     * Converts wall-clock seconds of the zone back to an instant. A local time in the gap when
     * clocks spring forward moves later by the gap (02:30 becomes 03:30), and a local time that
     * occurs twice when clocks fall back maps to its first occurrence, as in
     * {@code java.time.LocalDateTime.atZone}.
     */
    static Column instantOfWallClock(Column wallClockSeconds, String zone) {
        return to_utc_timestamp(timestamp_seconds(wallClockSeconds), zone);
    }

    /** Returns the seconds since local midnight, 0 to 86,399. */
    static Column secondsOfDay(Column wallClockSeconds) {
        return pmod(wallClockSeconds, lit(SECONDS_PER_DAY));
    }

    /** Returns the wall-clock seconds of local midnight at the start of the same day. */
    static Column startOfDay(Column wallClockSeconds) {
        return wallClockSeconds.minus(secondsOfDay(wallClockSeconds));
    }

    /** Returns the local date as a Spark date. */
    static Column localDate(Column wallClockSeconds) {
        Column epochDay = startOfDay(wallClockSeconds).divide(SECONDS_PER_DAY).cast("int");
        return date_from_unix_date(epochDay);
    }
}
