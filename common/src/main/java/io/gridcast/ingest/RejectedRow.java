package io.gridcast.ingest;

import java.io.Serializable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A source row that was not accepted, with the reason, for the {@code rejects} table.
 *
 * @param lineNumber 1-based line in the source file (the header is line 1)
 */
public record RejectedRow(String sourceFile, long lineNumber, String rawLine, String reason)
        implements Serializable {

    /** Spark schema of {@link #toRow()}, the reader-side columns of {@code rejects}. */
    public static final StructType SCHEMA = new StructType()
            .add("source_file", DataTypes.StringType, false)
            .add("line_number", DataTypes.LongType, false)
            .add("raw_line", DataTypes.StringType, false)
            .add("reason", DataTypes.StringType, false);

    public Row toRow() {
        return RowFactory.create(sourceFile, lineNumber, rawLine, reason);
    }
}
