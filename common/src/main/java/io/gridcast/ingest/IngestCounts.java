package io.gridcast.ingest;

/**
 * Row counts of one ingest run. {@code rowsRead = accepted + rejected + duplicates +
 * superseded} always. Missing intervals are intervals absent from the input, not rows.
 *
 * @param duplicates exact copies of an accepted row (same key, same value), dropped
 * @param superseded older revisions of an accepted row, dropped
 * @param missingIntervals intervals absent from the periods read
 * @param intervalName what one interval is, e.g. "hours" or "15-minute intervals"
 */
public record IngestCounts(long rowsRead, long accepted, long rejected, long duplicates,
        long superseded, long missingIntervals, String intervalName) {

    public IngestCounts {
        if (rowsRead != accepted + rejected + duplicates + superseded) {
            throw new IllegalStateException("Row counts do not add up: read " + rowsRead
                    + " != accepted " + accepted + " + rejected " + rejected
                    + " + duplicates " + duplicates + " + superseded " + superseded);
        }
    }

    /** Counts of a series without revisions. */
    public IngestCounts(long rowsRead, long accepted, long rejected, long duplicates,
            long missingIntervals, String intervalName) {
        this(rowsRead, accepted, rejected, duplicates, 0, missingIntervals, intervalName);
    }

    /** Counts of an hourly series. */
    public IngestCounts(long rowsRead, long accepted, long rejected, long duplicates,
            long missingHours) {
        this(rowsRead, accepted, rejected, duplicates, missingHours, "hours");
    }

    /** Formats the counts as one line for the run log. */
    public String summary() {
        return String.format("rows read %d, accepted %d, rejected %d, duplicates %d, %s"
                + "missing %s %d", rowsRead, accepted, rejected, duplicates,
                superseded == 0 ? "" : "superseded revisions " + superseded + ", ",
                intervalName, missingIntervals);
    }
}
