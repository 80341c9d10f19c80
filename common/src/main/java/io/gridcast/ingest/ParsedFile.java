package io.gridcast.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * Rows of one source file: those accepted, in the reader's canonical record type, and those
 * rejected with a reason.
 *
 * @param <T> the canonical record, e.g. {@link LoadRecord} or {@link ParsedRow}
 */
public record ParsedFile<T extends Serializable>(String sourceFile, List<T> accepted,
        List<RejectedRow> rejected) implements Serializable {

    public long rowsRead() {
        return accepted.size() + rejected.size();
    }
}
