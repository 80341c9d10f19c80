package io.gridcast.jobs;

import io.gridcast.config.Settings;
import io.gridcast.io.AthenaSchema;
import io.gridcast.io.TableDefinition;
import io.gridcast.io.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gridcast tables}: the published tables with row counts and last update. */
@Command(name = "tables", mixinStandardHelpOptions = true,
        description = {
            "Lists the published tables with row counts, partitions and last update.",
            "With --history NAME, lists the table's snapshots; with --rollback NAME "
                    + "--to-snapshot ID, makes that earlier snapshot current again."})
final class TablesCommand implements Callable<Integer> {

    @Mixin
    JobOptions options;

    @Option(names = "--athena-schema", paramLabel = "DIR",
            description = "Writes one Markdown page per table, with its types as Athena reads "
                    + "them, into DIR, and lists no tables.")
    Path athenaSchemaDir;

    @Option(names = "--history", paramLabel = "NAME",
            description = "Lists the snapshots of table NAME, oldest first.")
    String historyTable;

    @Option(names = "--rollback", paramLabel = "NAME",
            description = "Rolls table NAME back to the snapshot given by --to-snapshot.")
    String rollbackTable;

    @Option(names = "--to-snapshot", paramLabel = "ID",
            description = "Snapshot id for --rollback, from --history.")
    Long snapshotId;

    @Override
    public Integer call() throws IOException {
        if (athenaSchemaDir != null) {
            return writeAthenaSchema(athenaSchemaDir);
        }
        Settings settings = options.settings();
        if (rollbackTable != null && snapshotId == null) {
            throw new picocli.CommandLine.ParameterException(
                    new picocli.CommandLine(this), "--rollback needs --to-snapshot ID");
        }
        try (JobContext context = new JobContext("tables", settings, 1, Clock.systemUTC())) {
            if (historyTable != null) {
                return printHistory(context, historyTable);
            }
            if (rollbackTable != null) {
                return rollback(context, rollbackTable, snapshotId);
            }
            String namespace = settings.string("catalog.name") + "."
                    + settings.string("catalog.database");
            context.spark.sql("CREATE NAMESPACE IF NOT EXISTS " + namespace);
            List<Row> tables = context.spark.sql("SHOW TABLES IN " + namespace).collectAsList();
            System.out.printf("%-40s %12s %10s  %s%n", "table", "rows", "partitions",
                    "last update (UTC)");
            for (Row table : tables) {
                String name = context.catalog.qualified(table.getString(1));
                long rows = context.spark.table(name).count();
                long partitions =
                        context.spark.sql("SELECT * FROM " + name + ".partitions").count();
                Row last = context.spark.sql("SELECT max(committed_at) FROM " + name + ".snapshots")
                        .first();
                System.out.printf("%-40s %12d %10d  %s%n", name, rows, partitions, last.get(0));
            }
            System.out.printf("tables: %d in %s%n", tables.size(), namespace);
        }
        return 0;
    }

    private static int printHistory(JobContext context, String table) {
        String name = existingTable(context, table);
        // A snapshot made current again by a rollback appears twice in the history.
        List<Row> snapshots = context.spark.sql("SELECT s.committed_at, s.snapshot_id, "
                + "s.parent_id, s.operation, coalesce(s.summary['added-records'], '0'), "
                + "coalesce(s.summary['deleted-records'], '0'), s.summary['total-records'], "
                + "h.is_current_ancestor FROM " + name + ".snapshots s LEFT JOIN (SELECT "
                + "snapshot_id, bool_or(is_current_ancestor) AS is_current_ancestor FROM "
                + name + ".history GROUP BY snapshot_id) h ON s.snapshot_id = h.snapshot_id "
                + "ORDER BY s.committed_at").collectAsList();
        System.out.printf("%-26s %20s %10s %8s %8s %10s  %s%n", "committed (UTC)", "snapshot",
                "operation", "added", "deleted", "total", "in current table");
        for (Row snapshot : snapshots) {
            System.out.printf("%-26s %20d %10s %8s %8s %10s  %s%n", snapshot.get(0),
                    snapshot.getLong(1), snapshot.get(3), snapshot.get(4), snapshot.get(5),
                    snapshot.get(6), Boolean.TRUE.equals(snapshot.get(7)) ? "yes" : "no");
        }
        System.out.printf("tables --history: %d snapshots of %s%n", snapshots.size(), name);
        return 0;
    }

    private static int rollback(JobContext context, String table, long snapshotId) {
        String name = existingTable(context, table);
        Row result = context.spark.sql("CALL " + context.settings.string("catalog.name")
                + ".system.rollback_to_snapshot('" + name + "', " + snapshotId + ")").first();
        System.out.printf("tables --rollback: %s now at snapshot %d (was %d)%n", name,
                result.getLong(1), result.getLong(0));
        return 0;
    }

    private static String existingTable(JobContext context, String table) {
        if (!table.matches("[a-z_]+")) {
            throw new io.gridcast.ingest.InvalidInputException("Invalid table name: " + table);
        }
        String name = context.catalog.qualified(table);
        if (!context.spark.catalog().tableExists(name)) {
            throw new io.gridcast.ingest.InvalidInputException("Table not found: " + name
                    + " (bin/gridcast tables lists the tables)");
        }
        return name;
    }

    private static int writeAthenaSchema(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (TableDefinition table : Tables.ALL) {
            Files.writeString(folder.resolve(table.name() + ".md"), AthenaSchema.markdown(table));
        }
        System.out.printf("tables: %d schema pages written to %s%n", Tables.ALL.size(), folder);
        return 0;
    }
}
