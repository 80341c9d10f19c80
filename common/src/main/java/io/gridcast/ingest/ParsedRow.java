package io.gridcast.ingest;

import java.io.Serializable;

/**
 * One accepted source row: its values in the order of its layout's schema, and where it came
 * from.
 */
record ParsedRow(Object[] values, String sourceFile, long lineNumber, String rawLine)
        implements Serializable {
}
