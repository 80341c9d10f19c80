package io.gridcast.ingest;

/**
 * Row counts of one ingest run. {@code rowsRead = accepted + rejected + duplicates} always;
 * missing hours are hours absent from the input, not rows.
 *
 * @param duplicates exact copies of an accepted row (same key, same value), dropped
 */
public record IngestCounts(long rowsRead, long accepted, long rejected, long duplicates,
        long missingHours) {

    public IngestCounts {
        if (rowsRead != accepted + rejected + duplicates) {
            throw new IllegalStateException("Row counts do not add up: read " + rowsRead
                    + " != accepted " + accepted + " + rejected " + rejected
                    + " + duplicates " + duplicates);
        }
    }

    /** Formats the counts as one line for the run log. */
    public String summary() {
        return String.format("rows read %d, accepted %d, rejected %d, duplicates %d, "
                + "missing hours %d", rowsRead, accepted, rejected, duplicates, missingHours);
    }
}
