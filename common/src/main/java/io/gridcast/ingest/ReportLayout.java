package io.gridcast.ingest;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * Mapping from the columns of one report's CSV to typed values. A layout is shipped to Spark
 * tasks, so it must be serializable and keep no per-file state.
 */
interface ReportLayout extends Serializable {

    /** Returns what the file contains, for messages, e.g. "ERCOT DAM settlement point prices". */
    String description();

    /**
     * Report fields by header name. Keys are normalised as {@link ReportCells#normalise} does
     * (lower case, no spaces or underscores), so one entry covers "Delivery Date",
     * "DeliveryDate" and "delivery_date". Values are the field names the report uses.
     */
    Map<String, String> headerFields();

    /** Fields that every file must have. */
    List<String> requiredFields();

    /**
     * Checks the columns the header mapping does not know. By default any such column fails
     * the file: a column the layout does not expect means the report changed shape.
     *
     * @throws InvalidInputException naming the file and the column
     */
    default void checkOtherColumns(String sourceFile, List<String> otherColumns) {
        if (!otherColumns.isEmpty()) {
            throw new InvalidInputException("Unknown column " + String.join(", ", otherColumns)
                    + " in " + sourceFile + " for " + description() + " (expected "
                    + String.join(",", requiredFields()) + ")");
        }
    }

    /**
     * Returns the layout that reads a file with header {@code names}. By default this one, for
     * a report that comes in several shapes the one matching the header.
     */
    default ReportLayout forHeader(String sourceFile, String[] names) {
        return this;
    }

    /**
     * Returns {@code rawLine} as it may be stored in tables and rejects. By default the line
     * itself, for a report with personal identifiers a line with them replaced.
     */
    default String redact(String rawLine) {
        return rawLine;
    }

    /**
     * Returns {@code path}, a file or folder name, as it may be stored and logged. By default
     * the path itself.
     */
    default String redactPath(String path) {
        return path;
    }

    /**
     * Finishes one file's rows once every line is parsed, for values that depend on the
     * order of rows within the file. By default the rows as parsed.
     */
    default ParsedFile<ParsedRow> completeFile(ParsedFile<ParsedRow> file) {
        return file;
    }

    /** Spark schema of {@link #parse}'s values. */
    StructType schema();

    /**
     * Reads one data row.
     *
     * @throws RowRejection or {@link io.gridcast.time.InvalidTimeLabelException} if the row is
     *     rejected
     */
    Object[] parse(ReportCells cells);
}
