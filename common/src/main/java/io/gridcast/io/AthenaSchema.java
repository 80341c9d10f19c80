package io.gridcast.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Describes a published table as Athena reads it: Athena reads gridcast's Iceberg tables from
 * the Glue catalog, so each Spark type maps to one Iceberg type and one Athena (Trino) type.
 */
public final class AthenaSchema {

    // NOTE: the Athena types follow Athena's Iceberg type mapping as documented. They have not
    // been checked against Athena itself, which is not reachable from the tests.
    /** Spark SQL type, Iceberg type, Athena type. */
    private static final Map<String, List<String>> TYPES = Map.of(
            "string", List.of("string", "string", "varchar"),
            "int", List.of("int", "int", "integer"),
            "bigint", List.of("bigint", "long", "bigint"),
            "double", List.of("double", "double", "double"),
            "boolean", List.of("boolean", "boolean", "boolean"),
            "date", List.of("date", "date", "date"),
            "array<double>", List.of("array<double>", "list<double>", "array(double)"),
            "timestamp", List.of("timestamp", "timestamptz (UTC)",
                    "timestamp(6) with time zone"));

    private AthenaSchema() {
    }

    /** Markdown page for {@code table}: partitioning, key and one row per column. */
    public static String markdown(TableDefinition table) {
        List<String> lines = new ArrayList<>();
        lines.add("# " + table.name());
        lines.add("");
        lines.add("Iceberg table `gridcast." + table.name() + "` (Glue database `gridcast`).");
        lines.add("");
        lines.add("- Partitioned by: " + (table.partitioning().isEmpty() ? "nothing"
                : "`" + table.partitioning() + "` (Spark transforms; Athena shows "
                        + "`" + athenaPartitioning(table.partitioning()) + "`)"));
        lines.add("- One row per: `" + String.join("`, `", table.keyColumns()) + "`");
        lines.add("");
        lines.add("| column | Spark type | Iceberg type | Athena type | description |");
        lines.add("|---|---|---|---|---|");
        for (TableDefinition.Column column : table.columns()) {
            List<String> types = TYPES.get(column.type());
            if (types == null) {
                throw new IllegalArgumentException("No Athena type for " + column.type()
                        + " of " + table.name() + "." + column.name());
            }
            lines.add("| " + column.name() + " | " + types.get(0) + " | " + types.get(1)
                    + " | " + types.get(2) + " | " + column.comment() + " |");
        }
        if (table.columns().stream().anyMatch(column -> column.type().equals("timestamp"))) {
            lines.add("");
            lines.add("Timestamps are instants stored in UTC; Athena returns them with zone UTC. "
                    + "For market-local time use the label columns (`operating_date`, "
                    + "`hour_ending`, `dst_flag`) or `at_timezone(interval_start_utc, "
                    + "'America/Chicago')` for ERCOT, `'America/New_York'` for PJM.");
        }
        return String.join("\n", lines) + "\n";
    }

    private static String athenaPartitioning(String sparkPartitioning) {
        return sparkPartitioning.replace("years(", "year(").replace("months(", "month(")
                .replace("days(", "day(").replace("hours(", "hour(");
    }
}
