package io.gridcast.ingest;

import java.io.Serializable;

/**
 * A source row that was not accepted, with the reason, for the {@code rejects} table.
 *
 * @param lineNumber 1-based line in the source file (the header is line 1)
 */
public record RejectedRow(String sourceFile, long lineNumber, String rawLine, String reason)
        implements Serializable {
}
