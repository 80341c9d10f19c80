package io.gridcast.ingest;

/**
 * Row counts of one ingest run. {@code rowsRead = accepted + rejected + duplicates} always.
 * Missing intervals are intervals absent from the input, not rows.
 *
 * @param duplicates exact copies of an accepted row (same key, same value), dropped
 * @param missingIntervals intervals absent from the periods read
 * @param intervalName what one interval is, e.g. "hours" or "15-minute intervals"
 */
public record IngestCounts(long rowsRead, long accepted, long rejected, long duplicates,
        long missingIntervals, String intervalName) {

    public IngestCounts {
        if (rowsRead != accepted + rejected + duplicates) {
            throw new IllegalStateException("Row counts do not add up: read " + rowsRead
                    + " != accepted " + accepted + " + rejected " + rejected
                    + " + duplicates " + duplicates);
        }
    }

    /** Counts of an hourly series. */
    public IngestCounts(long rowsRead, long accepted, long rejected, long duplicates,
            long missingHours) {
        this(rowsRead, accepted, rejected, duplicates, missingHours, "hours");
    }

    /** Formats the counts as one line for the run log. */
    public String summary() {
        return String.format("rows read %d, accepted %d, rejected %d, duplicates %d, "
                + "missing %s %d", rowsRead, accepted, rejected, duplicates, intervalName,
                missingIntervals);
    }
}
