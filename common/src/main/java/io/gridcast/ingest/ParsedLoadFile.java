package io.gridcast.ingest;

import java.io.Serializable;
import java.util.List;

/** Rows of one source file: those accepted and those rejected with a reason. */
public record ParsedLoadFile(String sourceFile, List<LoadRecord> accepted,
        List<RejectedRow> rejected) implements Serializable {

    public long rowsRead() {
        return accepted.size() + rejected.size();
    }
}
