package io.gridcast.io;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Identifiers of job runs, written to every row a run publishes. */
public final class RunIds {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private RunIds() {
    }

    /**
     * Returns {@code <job>-<UTC time>-<8 hex digits>}, e.g.
     * {@code pjm-load-20250101T000000Z-1a2b3c4d}.
     */
    public static String next(String job, Clock clock) {
        return job + "-" + STAMP.format(clock.instant()) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
