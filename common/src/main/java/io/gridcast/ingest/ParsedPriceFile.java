package io.gridcast.ingest;

import java.io.Serializable;
import java.util.List;

/** Rows of one price file: those accepted and those rejected with a reason. */
public record ParsedPriceFile(String sourceFile, List<PriceRecord> accepted,
        List<RejectedRow> rejected) implements Serializable {

    public long rowsRead() {
        return accepted.size() + rejected.size();
    }
}
