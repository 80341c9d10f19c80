package io.gridcast.io;

import io.gridcast.io.TableDefinition.Column;
import java.util.List;

/** Definitions of the published tables: the contract with Athena and other readers. */
public final class Tables {

    public static final TableDefinition LOAD_HOURLY = new TableDefinition("load_hourly", List.of(
            new Column("iso", "string", "Market operator, e.g. PJM or ERCOT"),
            new Column("zone", "string", "Load zone or metering area as the ISO names it"),
            new Column("interval_start_utc", "timestamp", "Hour start, UTC, inclusive"),
            new Column("interval_end_utc", "timestamp", "Hour end, UTC, exclusive"),
            new Column("operating_date", "date", "Market-local date of the hour start"),
            new Column("hour_ending", "int", "Market-local hour ending, 1..24"),
            new Column("dst_flag", "boolean", "True for the repeated fall-back hour"),
            new Column("load_mw", "double", "Average load over the hour, MW"),
            new Column("is_verified", "boolean", "ISO verification flag; null if the source has none"),
            new Column("source_file", "string", "URI of the file the row came from"),
            new Column("source_line", "bigint", "Line of the row in its file, header is line 1"),
            new Column("run_id", "string", "Run that published the row")),
            List.of("iso", "zone", "interval_start_utc"),
            "iso, years(interval_start_utc)");

    public static final TableDefinition REJECTS = new TableDefinition("rejects", List.of(
            new Column("job", "string", "Job that read the row, e.g. pjm-load"),
            new Column("source_file", "string", "URI of the file the row came from"),
            new Column("line_number", "bigint", "Line of the row in its file, header is line 1"),
            new Column("raw_line", "string", "The row as read"),
            new Column("reason", "string", "Why the row was rejected"),
            new Column("run_id", "string", "Run that rejected the row"),
            new Column("rejected_at_utc", "timestamp", "When the run rejected the row")),
            List.of("job", "source_file", "line_number"),
            "job");

    private Tables() {
    }
}
